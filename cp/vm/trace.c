/* trace.c - the lines of TRACE, in the style of VM/370's: what happened,
 * where, and the PSWs.
 *
 *   SVC      020104  0A0C          OLD 070C0000 40020106  NEW 00040000 00000800
 *   PROGRAM  020110  CODE 0001     OLD 070C0000 80020112  NEW 00040000 00000900
 *   EXTERNAL         CODE 0040     OLD 070C0000 00020200  NEW 00040000 00000A00
 *   I/O      DEVICE 009            OLD FE020000 00020300  NEW 00040000 00000B00
 *   CSW      DEVICE 009            CSW 00003008 0C000000
 *   SIO      020558  9C003000      SIO       CC 0         PSW 00000000 0002055C
 *   CCW      003000  01003100 20000010
 *   PRIV     0201B0  83240058      DIAG 058  CC 0         PSW 00080000 000201B4
 *   BRANCH   020140  -> 020200
 *   INSTRUCT 020140  47F0C010      BC
 *
 * Everything is read from the guest's storage and state after CP has
 * done what it does untraced, so tracing changes nothing the guest sees. */
#include "cp/vm/trace.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
#include "arch370/lowcore.h"
#include "cp/lib/format.h"
#include <stdarg.h>

#define MAX_CCWS        16      /* of one channel program, listed */
#define CCW_CD          0x80
#define CCW_CC          0x40
#define OP_DIAGNOSE     0x83
#define OP_TEST_CHANNEL 0x9F            /* TCH, CLRCH */

static void say(struct vm *vm, u32 cls, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* a line of class cls, where that class goes; with NORUN for it, the
 * machine stops once the hook is done */
static void say(struct vm *vm, u32 cls, const char *fmt, ...)
{
    struct vmdebug *d = vm->debug;
    unsigned i = trace_index(cls);
    char line[160];
    va_list ap;

    va_start(ap, fmt);
    fmt_vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    vmdebug_say(vm, d->trace_dest[i], "%s", line);
    if (!d->trace_run[i])
        vm->state = VM_STOPPED;
}

static u32 hi(u64 psw) { return (u32)(psw >> 32); }
static u32 lo(u64 psw) { return (u32)psw; }

static void csw_line(struct vm *vm, u16 dev)
{
    u32 w0 = 0, w1 = 0;

    gmem_fetch32(&vm->mem, LC370_CSW, &w0);
    gmem_fetch32(&vm->mem, LC370_CSW + 4, &w1);
    say(vm, TRACE_CSW, "CSW      DEVICE %03X            CSW %08X %08X", dev, w0, w1);
}

void trace_interruption_event(struct vm *vm, u32 old_loc, u16 code, u8 ilc, u64 old)
{
    u32 t = vm->debug->trace, at = (psw370_ia(old) - ilc) & GADDR_MASK;
    u64 new_psw = vm->cpu.psw;

    switch (old_loc) {
    case LC370_SVC_OLD:
        if (!(t & TRACE_SVC))
            return;
        say(vm, TRACE_SVC, "SVC      %06X  0A%02X          OLD %08X %08X  NEW %08X %08X", at,
            code & 0xFF, hi(old), lo(old), hi(new_psw), lo(new_psw));
        break;
    case LC370_PGM_OLD:
        if (!(t & TRACE_PROGRAM))
            return;
        say(vm, TRACE_PROGRAM, "PROGRAM  %06X  CODE %04X     OLD %08X %08X  NEW %08X %08X", at,
            code, hi(old), lo(old), hi(new_psw), lo(new_psw));
        break;
    case LC370_EXT_OLD:
        if (!(t & TRACE_EXTERNAL))
            return;
        say(vm, TRACE_EXTERNAL, "EXTERNAL         CODE %04X     OLD %08X %08X  NEW %08X %08X",
            code, hi(old), lo(old), hi(new_psw), lo(new_psw));
        break;
    case LC370_IO_OLD:
        if (t & TRACE_IO)
            say(vm, TRACE_IO, "I/O      DEVICE %03X            OLD %08X %08X  NEW %08X %08X",
                code, hi(old), lo(old), hi(new_psw), lo(new_psw));
        if (t & TRACE_CSW)
            csw_line(vm, code);
        break;
    default:
        return;
    }
}

/* the channel program of a SIO: from the CAW, following chaining and
 * TIC, at most MAX_CCWS */
static void ccw_lines(struct vm *vm)
{
    u32 caw = 0, addr;

    if (gmem_fetch32(&vm->mem, LC370_CAW, &caw))
        return;
    addr = caw & 0x00FFFFF8u;
    for (unsigned n = 0; n < MAX_CCWS; n++) {
        u8 c[8];
        if (gmem_read(&vm->mem, addr, c, 8)) {
            say(vm, TRACE_CCW, "CCW      %06X  (beyond storage)", addr);
            return;
        }
        say(vm, TRACE_CCW, "CCW      %06X  %02X%02X%02X%02X %02X%02X%02X%02X", addr,
            c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
        if ((c[0] & 0x0F) == 0x08) {            /* TIC */
            addr = ((u32)c[1] << 16 | (u32)c[2] << 8 | c[3]) & 0x00FFFFF8u;
            continue;
        }
        if (!(c[4] & (CCW_CD | CCW_CC)))
            return;
        addr = (addr + 8) & GADDR_MASK;
    }
}

static bool is_start_io(const struct insn *in)
{
    return in->bytes[0] == 0x9C && in->bytes[1] <= 0x01;   /* SIO, SIOF */
}

void trace_simulated_event(struct vm *vm, const struct insn *in, u32 at, int rc)
{
    u32 t = vm->debug->trace;
    bool io = in->info && (in->info->flags & INSN_IO370);
    u64 psw = vm->cpu.psw;
    char hex[16], result[24], name[12];
    u8 cc = psw370_cc(psw);

    if (!(t & (io ? TRACE_SIO | TRACE_CCW | TRACE_CSW : TRACE_PRIV)))
        return;
    for (unsigned i = 0; i < in->len && i < 6; i++)
        fmt_snprintf(hex + 2 * i, sizeof hex - 2 * i, "%02X", in->bytes[i]);
    if (rc > 0)
        fmt_snprintf(result, sizeof result, "PROGRAM %04X", (unsigned)rc);
    else if (rc < 0)
        fmt_snprintf(result, sizeof result, "CP ERROR");
    else
        fmt_snprintf(result, sizeof result, "CC %u", cc);
    /* a DIAGNOSE says its code (when no base register hides it) */
    if (in->bytes[0] == OP_DIAGNOSE && in->b2 == 0)
        fmt_snprintf(name, sizeof name, "DIAG %03X", in->d2);
    else
        fmt_snprintf(name, sizeof name, "%s", in->info ? in->info->mnemonic : "?");
    if (t & (io ? TRACE_SIO : TRACE_PRIV)) {
        say(vm, io ? TRACE_SIO : TRACE_PRIV, "%-8s %06X  %-12s  %-8s  %-12s PSW %08X %08X", io ? "SIO" : "PRIV", at, hex,
            name, result, hi(psw), lo(psw));
    }
    if (io && (t & TRACE_CCW) && rc == 0 && is_start_io(in)) {
        ccw_lines(vm);
    }
    /* an I/O instruction with CC 1 has stored a CSW, but for TCH and
     * CLRCH (9F), whose CC 1 is about the channel */
    if (io && (t & TRACE_CSW) && rc == 0 && cc == 1 && in->bytes[0] != OP_TEST_CHANNEL) {
        csw_line(vm, (u16)(insn_ea(in, 2, vm->cpu.ctx.gpr, GADDR_MASK) & 0xFFF));
    }
}

#define PER_BRANCH      0x80000000u     /* CR9: successful branching */
#define PER_IFETCH      0x40000000u     /* CR9: instruction fetching */
#define PER_ALL_START   0x00000000u
#define PER_ALL_END     0x7FFFFFFFu

/* Everywhere; but after an instruction-fetching event the instruction
 * it stopped must run once: a range that wraps around it (CR10 > CR11
 * is everything but CR11+1..CR10-1) leaves it out for this run. */
u32 trace_per_controls(struct vm *vm, u32 *start, u32 *end)
{
    struct vmdebug *d = vm->debug;
    u32 mask = (d->trace & TRACE_BRANCH ? PER_BRANCH : 0) |
               (d->trace & TRACE_INSTRUCT ? PER_IFETCH : 0);

    *start = PER_ALL_START;
    *end = PER_ALL_END;
    if (d->per_skip && (mask & PER_IFETCH)) {
        *start = d->per_skip_at + d->per_skip_len;
        *end = d->per_skip_at - 1;
        if (d->per_skip_at == 0)
            *end = PER_ALL_END;
    }
    d->per_skip = false;
    return mask;
}

/* A PER event of the real machine, which CP enabled for the guest's run
 * only (trace_per_arm) and the guest never sees.  A successful branch
 * is reported after it, with the PSW at the target; an instruction
 * fetch before the instruction runs, with the PSW still at it. */
void trace_per_event(struct vm *vm, u8 per_code, u32 per_addr)
{
    u32 t = vm->debug ? vm->debug->trace : 0, at = per_addr & GADDR_MASK;

    if ((per_code & 0x80) && (t & TRACE_BRANCH)) {
        say(vm, TRACE_BRANCH, "BRANCH   %06X  -> %06X", at, psw370_ia(vm->cpu.psw));
    }
    if ((per_code & 0x40) && (t & TRACE_INSTRUCT)) {
        u8 b[6] = { 0 };
        char hex[16];
        struct insn in;
        gmem_read(&vm->mem, at, b, 2);
        gmem_read(&vm->mem, at, b, insn_length(b[0]));
        insn_decode(b, &in);
        vm->debug->per_skip = true;
        vm->debug->per_skip_at = at;
        vm->debug->per_skip_len = insn_length(b[0]);
        for (unsigned i = 0; i < in.len && i < 6; i++)
            fmt_snprintf(hex + 2 * i, sizeof hex - 2 * i, "%02X", b[i]);
        say(vm, TRACE_INSTRUCT, "INSTRUCT %06X  %-12s  %s", at, hex, in.info ? in.info->mnemonic : "?");
    }
}
