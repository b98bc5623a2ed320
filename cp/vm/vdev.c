/* vdev.c - the virtual device list of a VM. */
#include "cp/vm/vdev.h"
#include "cp/vm/vm.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "arch370/ccw.h"

struct vdev *vdev_find(struct vm *vm, u16 addr)
{
    for (struct vdev *d = vm->devs; d; d = d->next)
        if (d->addr == addr)
            return d;
    return NULL;
}

struct vdev *vdev_add(struct vm *vm, u16 addr, u16 type, enum vdev_class cls,
                      const struct vdev_ops *ops, void *priv)
{
    struct vdev **pp, *d;

    if (vdev_find(vm, addr))
        return NULL;
    d = kzalloc(sizeof *d, "VDEV");
    if (!d)
        return NULL;
    d->addr = addr;
    d->type = type;
    d->cls = cls;
    d->ops = ops;
    d->priv = priv;
    for (pp = &vm->devs; *pp && (*pp)->addr < addr; pp = &(*pp)->next)
        ;
    d->next = *pp;
    *pp = d;
    return d;
}

void vdev_remove(struct vm *vm, struct vdev *d)
{
    for (struct vdev **pp = &vm->devs; *pp; pp = &(*pp)->next) {
        if (*pp == d) {
            *pp = d->next;
            break;
        }
    }
    if (d->ops && d->ops->destroy)
        d->ops->destroy(vm, d);
    kfree(d);
}

void vdev_post(struct vm *vm, struct vdev *d, u32 ccw_addr, u8 unit, u8 chan, u16 residual)
{
    csw_make(d->csw, 0, ccw_addr, unit, chan, residual);
    d->busy = false;
    d->int_pending = true;
    vm_kick(vm);
}

void vdev_take_pending(struct vdev *d, u8 *csw)
{
    if (d->int_pending) {
        memcpy(csw, d->csw, CSW_SIZE);
        d->int_pending = false;
    } else {
        csw_make(csw, 0, 0, UNIT_ATTN, 0, 0);
        d->attn_pending = false;
    }
}

void vdev_attention(struct vm *vm, struct vdev *d)
{
    d->attn_pending = true;
    vm_kick(vm);
}

const char *vdev_class_name(enum vdev_class c)
{
    static const char *const names[] = {
        [VDEV_CONSOLE] = "CONS", [VDEV_READER] = "RDR", [VDEV_PUNCH] = "PUN",
        [VDEV_PRINTER] = "PRT", [VDEV_DASD] = "DASD",
    };
    return (unsigned)c < ARRAY_SIZE(names) ? names[c] : "?";
}
