/* machine.c - what CMS learns about its virtual machine: the clock and
 * CPU times (DIAGNOSE X'0C'), the userid (X'00'), the storage size (X'60'). */
#include "cms-guest/core/sys.h"
#include "cms-guest/lib/cmslib.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"
#include "cp370diag.h"

void sys_clock(struct sys_clock *c)
{
    static u8 area[32] __attribute__((aligned(8)));
    struct cp370_diag_regs r = { .rx = (u32)(uintptr_t)area };

    cp370_diag_00C_pseudo_timer(&r);
    ebc_to_ascii_buf(c->date, area, 8);
    c->date[8] = 0;
    ebc_to_ascii_buf(c->time, area + 8, 8);
    c->time[8] = 0;
    c->virt_us = get_be64(area + 16);
    c->total_us = get_be64(area + 24);
}

void sys_userid(char userid[9])
{
    static u8 id[40] __attribute__((aligned(8)));
    struct cp370_diag_regs r = { .rx = (u32)(uintptr_t)id, .ry = sizeof id };

    cp370_diag_000_identify(&r);
    ebc_to_ascii_buf(userid, id + 16, 8);
    userid[8] = 0;
    for (int i = 7; i >= 0 && userid[i] == ' '; i--)
        userid[i] = 0;
}

u32 sys_storage_size(void)
{
    struct cp370_diag_regs r = { 0 };

    cp370_diag_060_storage_size(&r);
    return r.rx;
}
