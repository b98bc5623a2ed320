/* cpu.c (host) - the state behind the host stand-ins of cpu.h. */
#include "cpu.h"
#include "arch370/interrupt.h"

u64 host_tod_clock = 0xDD00000000000000ull;    /* some time in 2026 */
u64 host_clock_comparator;
s64 host_cpu_timer;
u8 host_storage_keys[HOST_KEY_PAGES];
u32 host_icount;
u8 host_lowcore[4096];

/* the enabled wait: there is no machine to wait on, so it returns the
 * interruption class a test put here, as if that one had arrived */
int host_wait_exit = EXIT_EXT;

int cpu_wait(void)
{
    return host_wait_exit;
}
