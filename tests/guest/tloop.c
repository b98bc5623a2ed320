/* tloop.c - a program-check loop CP must stop (CPX401E).
 *
 * The program-interruption new PSW leads to an instruction that makes
 * the same program interruption again, so the guest can never leave:
 *   PARM DIVIDE  the handler's first instruction divides by zero (an
 *                exception CP only reflects: the interruption stub's own
 *                reflection counts the loop, arch370/s390/assist.S)
 *   PARM PRIV    the handler runs in the problem state and its first
 *                instruction is SSM (a privileged-operation exception
 *                the guest gets: CP's C code reflects it)
 * CP stops the virtual machine after 32 in a row; the program only says
 * it started. */
#include "guest.h"

void loop_divide(void);
void loop_ssm(void);
asm(".text\n"
    "loop_divide: dr 0,2\n"             /* r2 is 0: divide exception */
    "        j loop_divide\n"
    "loop_ssm: ssm 0\n"
    "        j loop_ssm\n");

int main(void)
{
    const char *parm = guest_parm();
    bool priv = parm[0] == 'P';

    report("loop armed", true, "%s", priv ? "PRIV" : "DIVIDE");
    set_new_psw(0x68, psw_make(0, 0, priv, false,
                               (u32)(uintptr_t)(priv ? loop_ssm : loop_divide)));
    {
        register u32 r0 asm("0") = 0, r1 asm("1") = 1, r2 asm("2") = 0;
        asm volatile("dr %0,%2" : "+d"(r0), "+d"(r1) : "d"(r2) : "memory");
    }
    report("the loop ended", false, "CP should have stopped this machine");
    return 0;
}
