/* chanprog.c - S/370 channel logic for simulated devices (chanprog.h). */
#include "cp/vdev/chanprog.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/mm/gmem.h"
#include "arch370/ccw.h"

static bool end(struct vm *vm, struct vdev *d, struct chanprog *cp, u8 unit, u8 chan, u16 residual)
{
    vdev_post(vm, d, (cp->ccw_addr + 8) & GADDR_MASK, unit | UNIT_CE | UNIT_DE,
              (u8)(chan | cp->chan_extra), residual);
    return true;
}

/* Fetch the CCW at cp->ccw_addr into cp, following a TIC.  For a data-
 * chained CCW the command of the chain stays; otherwise the new command
 * code must be valid.  false = channel program check. */
static bool fetch(struct vm *vm, struct chanprog *cp, bool data_chain)
{
    struct ccw0 c;

    for (;;) {
        if (!ccw0_addr_ok(cp->ccw_addr))
            return false;
        if (gmem_read(&vm->mem, cp->ccw_addr, c.b, sizeof c.b) != 0)
            return false;
        if (!ccw_cmd_is_tic(ccw0_cmd(&c)))
            break;
        if (!ccw0_tic_ok(!cp->started, cp->prev_tic))
            return false;
        cp->prev_tic = true;
        cp->ccw_addr = ccw0_addr(&c);
    }
    cp->prev_tic = false;
    if (!ccw0_ok(&c, data_chain))
        return false;
    if (!data_chain)
        cp->cmd = ccw0_cmd(&c);
    cp->flags = ccw0_flags(&c);
    cp->data = ccw0_addr(&c);
    cp->count = ccw0_count(&c);
    if (cp->flags & CCW_PCI)
        cp->chan_extra |= CHAN_PCI;
    cp->started = true;
    return true;
}

/* After a CCW (or piece) ended with unit status st and residual: chain on
 * (true) or end the program (false, interruption posted). */
static bool next(struct vm *vm, struct vdev *d, struct chanprog *cp, int st, u16 residual)
{
    bool more = (cp->flags & CCW_CD) != 0;

    if (st & (UNIT_UC | UNIT_UX)) {
        end(vm, d, cp, (u8)st, 0, residual);
        return false;
    }
    /* incorrect length ends the chain unless suppressed */
    if (residual && !more && !(cp->flags & CCW_SLI)) {
        end(vm, d, cp, (u8)st, CHAN_IL, residual);
        return false;
    }
    if (!more && !(cp->flags & CCW_CC)) {
        end(vm, d, cp, (u8)st, 0, residual);
        return false;
    }
    cp->ccw_addr = (cp->ccw_addr + 8) & GADDR_MASK;
    if (!fetch(vm, cp, more)) {
        end(vm, d, cp, 0, CHAN_PGM, 0);
        return false;
    }
    return true;
}

/* Run from the CCW in cp until the end or a suspension. */
static bool run(struct vm *vm, struct vdev *d, struct chanprog *cp)
{
    for (;;) {
        u16 residual = 0;
        bool more = (cp->flags & CCW_CD) != 0;
        int st;

        if (cp->budget && --cp->budget == 0) {
            cp->endless = true;
            return end(vm, d, cp, 0, CHAN_PGM, cp->count);
        }
        if (!(cp->flags & CCW_SKIP) && gmem_check(&vm->mem, cp->data, cp->count) != 0)
            return end(vm, d, cp, 0, CHAN_PGM, cp->count);
        st = cp->fn(vm, d, cp, cp->cmd, cp->data, cp->count, more, &residual);
        if (st == CP_SUSPEND)
            return false;
        if (!next(vm, d, cp, st, residual))
            return true;
    }
}

bool chanprog_start(struct vm *vm, struct vdev *d, struct chanprog *cp,
                    u32 ccw_addr, u8 key, ccw_fn fn)
{
    cp->ccw_addr = ccw_addr & GADDR_MASK;
    cp->key = key;
    cp->fn = fn;
    cp->started = false;
    cp->prev_tic = false;
    cp->chan_extra = 0;
    cp->budget = 0;
    cp->endless = false;
    d->busy = true;
    if (!fetch(vm, cp, false))
        return end(vm, d, cp, 0, CHAN_PGM, 0);
    return run(vm, d, cp);
}

bool chanprog_ipl(struct vm *vm, struct vdev *d, struct chanprog *cp, u8 cmd, ccw_fn fn)
{
    cp->ccw_addr = 0;                   /* so the next CCW is fetched from 8 */
    cp->key = 0;
    cp->fn = fn;
    cp->started = true;
    cp->prev_tic = false;
    cp->chan_extra = 0;
    cp->cmd = cmd;
    cp->flags = CCW_CC | CCW_SLI;
    cp->data = 0;
    cp->count = 24;
    cp->budget = VDEV_IPL_MAX_CCWS;
    cp->endless = false;
    d->busy = true;
    return run(vm, d, cp);
}

bool chanprog_resume(struct vm *vm, struct vdev *d, struct chanprog *cp,
                     int unit, u16 residual)
{
    if (!next(vm, d, cp, unit, residual))
        return true;
    return run(vm, d, cp);
}
