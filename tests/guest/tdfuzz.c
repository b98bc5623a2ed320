/* tdfuzz.c - random register contents for every DIAGNOSE code cp370
 * implements, many times over: CP must answer each with a condition code,
 * a return code or a program exception, and keep running.  The program
 * keeps itself alive by not releasing its own pages (X'10'), by not
 * asking for console reads (X'58' X'0A'), which would wait for a user, and
 * by not letting CP store spool buffers or disk blocks over its own code
 * (X'14' into its pages, X'250' block I/O, whose lists name buffers
 * anywhere, X'1E0' lists read from its code or low core, whose bytes
 * could make an entry that stores into them).  A CP command (X'08') taken
 * from random storage that starts with D or T is skipped: DISPLAY, DUMP
 * or TRACE of a whole machine is a legitimate command whose hundred
 * thousand lines take minutes to show. */
#include "guest.h"
#include "cp370diag.h"

#define ROUNDS      10000
#define MY_END      0x000F0000u     /* the program and its stack lie below */

static struct cp370_diag_regs r;
static struct trap t;
static u32 seed;
static int which;

static u32 rnd(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed;
}

/* a register value: sometimes small, sometimes an address, sometimes junk */
static u32 value(void)
{
    switch (rnd() % 6) {
    case 0: return rnd() % 64;
    case 1: return 0xFFFFFFFFu;
    case 2: return 0x20000 + (rnd() % 0x80000);
    case 3: return rnd() & 0x00FFFFF8;
    default: return rnd();
    }
}

static void call(void *arg)
{
    (void)arg;
    switch (which) {
    case 0: cp370_diag_000_identify(&r); break;
    case 1: cp370_diag_008_cp_command(&r); break;
    case 2: cp370_diag_00C_pseudo_timer(&r); break;
    case 3: cp370_diag_010_release_pages(&r); break;
    case 4: cp370_diag_024_device_type(&r); break;
    case 5: cp370_diag_058_console(&r); break;
    case 6: cp370_diag_05C_emsg(&r); break;
    case 7: cp370_diag_060_storage_size(&r); break;
    case 8: cp370_diag_014_spool_input(&r); break;
    case 9: cp370_diag_018_dasd_io(&r); break;
    case 10: cp370_diag_020_general_io(&r); break;
    case 11: cp370_diag_064_saved_segment(&r); break;
    case 12: cp370_diag_250_block_io(&r); break;
    case 13: cp370_diag_068_vmcf(&r); break;
    case 15: cp370_diag_1E0_mmu_update(&r); break;
    default: cp370_diag_258_pseudo_fault(&r); break;
    }
}

/* does the command text at a (n bytes) hold a command starting with D or
 * T (EBCDIC, either case), alone or after a X'15' separator? */
static bool long_output(u32 a, u32 n)
{
    bool start = true;

    if (a >= 0x100000 || n > 132)
        return false;                                /* refused before running */
    for (u32 i = 0; i < n && a + i < 0x100000; i++) {
        u8 c = *(volatile u8 *)(uintptr_t)(a + i);
        if (c == 0x15) {
            start = true;
        } else if (start && c != 0x40) {
            if (c == 0xC4 || c == 0x84 || c == 0xE3 || c == 0xA3)
                return true;
            start = false;
        }
    }
    return false;
}

/* would this call end the program's own life (or wait for a person)? */
static bool harmful(void)
{
    if (which == 3)                                  /* releasing my pages */
        return r.rx < MY_END || r.ry < MY_END;
    if (which == 5) {                                /* a console read */
        u32 a = r.rx & 0x00FFFFF8;
        return a < 0x100000 && *(volatile u8 *)(uintptr_t)a == 0x0A;
    }
    if (which == 1 && (r.ry & 0x00FFFFFF) == 0)      /* length 0: CP READ */
        return true;
    if (which == 1 && long_output(r.rx & 0x00FFFFFF, r.ry & 0x00FFFFFF))
        return true;
    if (which == 8)                                  /* a buffer into me */
        return (r.rx & 0x00FFFFFF) < MY_END;
    if (which == 9 || which == 10)                   /* channel programs in me */
        return (r.ry & 0x00FFFFFF) < MY_END;
    if (which == 12)                                 /* blocks anywhere */
        return r.ry == 1 || (r.rx & 0x00FFFFFF) < MY_END;
    if (which == 15)                                 /* a list in me */
        return (r.rx & 0x00FFFFFF) < MY_END;
    /* stores into me, low core included: an identification or a time
     * over my interruption PSWs would leave me looping on my own fault */
    if (which == 0 || which == 2)
        return (r.rx & 0x00FFFFFF) < MY_END;
    if (which == 1)
        return (r.ry & 0x40000000u) && (r.rx1 & 0x00FFFFFF) < MY_END;
    return false;
}

int main(void)
{
    unsigned counts[6] = { 0 };

    const char *parm = guest_parm();

    /* PARM seed (decimal) replays a run; the seed is printed either way */
    seed = parm_number(&parm, 0);
    if (!seed)
        seed = (u32)get_tod() | 1;
    con_printf("TDFUZZ seed %08X (%u)", seed, seed);
    for (int i = 0; i < ROUNDS; i++) {
        which = (int)(rnd() % 16);
        r.rx = value();
        r.rx1 = value();
        r.ry = value();
        r.ry1 = value();
        r.r15 = value();
        if (which == 1)
            r.ry &= 0x40FFFFFFu;                     /* keep the flag byte sane sometimes */
        if (rnd() % 2) {                             /* half the time a device I have */
            if (which == 8)
                r.ry = 0x00C;
            else if (which == 9)
                r.rx = 0x191;
            else if (which == 10)
                r.rx = 0x00C + rnd() % 3;
        }
        if (harmful())
            continue;
        counts[trap_call(call, NULL, &t) % 6]++;
    }
    con_printf("TDFUZZ DONE: %u returned, %u program exceptions", counts[TRAP_NONE], counts[TRAP_PGM]);
    report("Every random DIAGNOSE came back with a result or an exception",
           counts[TRAP_NONE] + counts[TRAP_PGM] > 0 && counts[TRAP_SVC] == 0, "-");
    return 0;
}
