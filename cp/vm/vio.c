/* vio.c - the S/370 I/O instructions a guest issues: SIO, SIOF, TIO,
 * CLRIO, HIO, HDV, TCH (GA22-7000, "Input/Output Operations").
 *
 * None of them exists on the real ESA/390 CPU (operation exception), so
 * every one reaches CP.  The device address is bits 16-31 of the operand
 * address: channel in 16-23, unit in 24-31.  Condition codes:
 *   SIO   0 started, 1 CSW stored, 2 busy, 3 not operational
 *   TIO   0 available, 1 CSW stored, 2 busy, 3 not operational
 *   HIO   0 interruption pending / not working, 1 CSW stored (halted),
 *         3 not operational
 *   TCH   0 available, 1 interruption pending, 3 not operational */
#include "cp/vm/priv.h"
#include "cp/vm/vdev.h"
#include "cp/mm/gmem.h"
#include "arch370/ccw.h"
#include "arch370/lowcore.h"
#include "arch370/pgm.h"

static struct vdev *device_of(struct vm *vm, const struct insn *in)
{
    return vdev_find(vm, (u16)priv_ea(vm, in, 2));
}

/* Store the pending interruption's CSW and clear it (CC 1 cases). */
static int store_pending(struct vm *vm, struct vdev *d)
{
    u8 csw[CSW_SIZE];

    vdev_take_pending(d, csw);
    return gmem_write(&vm->mem, LC370_CSW, csw, CSW_SIZE);
}

static int store_csw(struct vm *vm, u8 unit, u8 chan)
{
    u8 csw[CSW_SIZE];

    csw_make(csw, 0, 0, unit, chan, 0);
    return gmem_write(&vm->mem, LC370_CSW, csw, CSW_SIZE);
}

/* SIO and SIOF (bit 15): start the channel program the CAW names. */
int vio_sio(struct vm *vm, const struct insn *in)
{
    struct vdev *d = device_of(vm, in);
    u32 caw;
    int rc;

    vm->sios++;
    if (!d) {
        priv_set_cc(vm, 3);
        return 0;
    }
    if (d->busy) {
        priv_set_cc(vm, 2);
        return 0;
    }
    if (d->int_pending || d->attn_pending) {
        rc = store_pending(vm, d);
        if (!rc)
            priv_set_cc(vm, 1);
        return rc;
    }
    rc = gmem_fetch32(&vm->mem, LC370_CAW, &caw);
    if (rc)
        return rc;
    /* CAW: key in bits 0-3, bits 4-7 zero, CCW address doubleword aligned */
    if ((caw & 0x0F000000u) || (caw & 7) || gmem_check(&vm->mem, caw & GADDR_MASK, 8)) {
        rc = store_csw(vm, 0, CHAN_PGM);
        if (!rc)
            priv_set_cc(vm, 1);
        return rc;
    }
    priv_set_cc(vm, (u8)d->ops->start(vm, d, caw & GADDR_MASK, (u8)(caw >> 28)));
    return 0;
}

/* TIO and CLRIO (bit 15): test the device; CLRIO also stops it. */
int vio_tio(struct vm *vm, const struct insn *in)
{
    struct vdev *d = device_of(vm, in);
    bool clear = in->bytes[1] & 1;
    int rc;

    if (!d) {
        priv_set_cc(vm, 3);
        return 0;
    }
    if (d->busy && clear && d->ops->halt)
        d->ops->halt(vm, d);
    if (d->busy) {
        priv_set_cc(vm, 2);
        return 0;
    }
    if (d->int_pending || d->attn_pending) {
        rc = store_pending(vm, d);
        if (!rc)
            priv_set_cc(vm, 1);
        return rc;
    }
    priv_set_cc(vm, 0);
    return 0;
}

/* HIO and HDV (bit 15): stop what the device is doing. */
int vio_hio(struct vm *vm, const struct insn *in)
{
    struct vdev *d = device_of(vm, in);
    int rc;

    if (!d) {
        priv_set_cc(vm, 3);
        return 0;
    }
    if (d->busy && d->ops->halt && d->ops->halt(vm, d)) {
        rc = store_pending(vm, d);
        if (!rc)
            priv_set_cc(vm, 1);
        return rc;
    }
    priv_set_cc(vm, 0);
    return 0;
}

/* TCH: the channel is bits 16-23 of the operand address. */
int vio_tch(struct vm *vm, const struct insn *in)
{
    u8 channel = (u8)(priv_ea(vm, in, 2) >> 8);
    bool any = false, pending = false;

    for (struct vdev *d = vm->devs; d; d = d->next) {
        if ((d->addr >> 8) != channel)
            continue;
        any = true;
        if (d->int_pending || d->attn_pending)
            pending = true;
    }
    priv_set_cc(vm, !any ? 3 : pending ? 1 : 0);
    return 0;
}
