/* tflood.c - a guest that writes console lines as fast as it can: PARM
 * gives how many (default 5000).  Each line carries its number, so the
 * test can tell that every line arrived, once and in order, however much
 * faster the guest writes than the terminal shows. */
#include "guest.h"

int main(void)
{
    const char *p = guest_parm();
    u32 n = parm_number(&p, 5000);

    for (u32 i = 1; i <= n; i++)
        con_printf("FLOOD %05u", (unsigned)i);
    con_printf("TFLOOD WROTE %u LINES", (unsigned)n);
    return 0;
}
