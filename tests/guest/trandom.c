/* trandom.c - run random bytes as instructions, to show that nothing a
 * guest executes can stop CP or reach another user.
 *
 * Phase 1 runs random code in the problem state with PSW key 5 (storage
 * keys are 0, so every store is a protection exception and the program
 * itself is safe); phase 2 runs it in the supervisor state, where
 * privileged instructions with random operands reach CP's simulation.
 * The CPU timer ends random code that loops.  Phase 2 may well wreck the
 * guest itself - that is allowed; CP must stop it cleanly if it loops or
 * waits disabled. */
#include "guest.h"

#define CR0_CPU_TIMER   0x00000400u
#define BLOCK           48

static struct trap t;
static u32 seed;
static u16 code[BLOCK / 2 + 2] __attribute__((aligned(8)));
static u32 counts[6];
static u64 dw __attribute__((aligned(8)));

static u32 rnd(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed;
}

static void fill_block(void)
{
    u8 *b = (u8 *)code;
    for (int i = 0; i < BLOCK; i++)
        b[i] = (u8)rnd();
    b[BLOCK] = 0x0A;                            /* SVC 0 at the end */
    b[BLOCK + 1] = 0x00;
}

static void run_block(void *arg)
{
    static u32 psw[2] __attribute__((aligned(8)));
    u64 p = psw_make(0x01, 5, (uintptr_t)arg != 0, false, (u32)(uintptr_t)code);
    psw[0] = (u32)(p >> 32);
    psw[1] = (u32)p;
    dw = 2 * 4096000ull;                        /* 2 ms of CPU at most */
    asm volatile("spt %0\n\tlpsw %1" : : "Q"(dw), "Q"(*psw) : "memory");
}

static void phase(const char *name, bool problem, unsigned n)
{
    static u32 cr0 = 0x00000060u | CR0_CPU_TIMER;

    for (int i = 0; i < 6; i++)
        counts[i] = 0;
    for (unsigned i = 0; i < n; i++) {
        asm volatile("lctl 0,0,%0" : : "Q"(cr0));
        fill_block();
        counts[trap_call(run_block, (void *)(uintptr_t)problem, &t) % 6]++;
    }
    con_printf("%s DONE %u blocks: %u pgm %u svc %u ext %u io", name, n,
               counts[TRAP_PGM], counts[TRAP_SVC], counts[TRAP_EXT], counts[TRAP_IO]);
}

int main(void)
{
    char line[16];

    seed = (u32)get_tod() | 1;
    con_printf("TRANDOM seed %08X", seed);
    phase("PHASE1", true, 20000);
    report("Random code in the problem state always comes back to the guest", true, "-");
    phase("PHASE2", false, 5000);
    report("Random code in the supervisor state came back (the guest survived)", true, "-");
    (void)line;
    return 0;
}
