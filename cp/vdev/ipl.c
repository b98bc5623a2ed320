/* ipl.c - IPL a virtual machine from a named saved system. */
#include "cp/vdev/ipl.h"
#include "cp/io/sysres.h"
#include "cp/vdev/mdisk.h"
#include "cp/vdev/mdiskio.h"
#include "cp/vm/vdev.h"
#include "cp/io/cpvol.h"
#include "cp/mm/gmem.h"
#include "cp/kern/freestor.h"
#include "cp/vm/nss.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"
#include "arch370/be.h"
#include "arch370/psw.h"

static void put_parm(struct vm *vm, const char *parm)
{
    u8 text[64];
    size_t n = parm ? strlen(parm) : 0;

    if (n > sizeof text)
        n = sizeof text;
    memset(text, EBC_BLANK, sizeof text);
    if (n)
        ebc_from_ascii(text, parm, n);
    for (int r = 0; r < 16; r++)
        vm->cpu.ctx.gpr[r] = get_be32(text + 4 * r);
}

int ipl_by_name(struct vm *vm, const char *name, const char *parm)
{
    return ipl_by_name_share(vm, name, parm, true);
}

int ipl_by_name_share(struct vm *vm, const char *name, const char *parm, bool share)
{
    switch (nss_ipl(vm, name, share)) {
    case NSS_OK:
        break;
    case NSS_NOTFOUND:
        return IPL_NOTFOUND;
    case NSS_TOOBIG:
        return IPL_TOOBIG;
    case NSS_NOSTORAGE:
        return IPL_NOSTORAGE;
    default:
        return IPL_IOERR;
    }
    if (parm)
        put_parm(vm, parm);
    vm_start(vm);
    return IPL_OK;
}

int ipl_by_device(struct vm *vm, u16 addr, struct vdev_ipl *r)
{
    struct vdev *d = vdev_find(vm, addr);
    u64 psw;
    int rc;

    memset(r, 0, sizeof *r);
    if (!d)
        return IPL_NOTFOUND;
    if (!d->ops || !d->ops->ipl)
        return IPL_NOTDASD;
    vm_stop(vm);
    vm_reset(vm, false);
    rc = d->ops->ipl(vm, d, r);
    if (rc == VDEV_NOT_IPLABLE)
        return IPL_NOTDASD;
    if (rc != 0)
        return IPL_FAILED;
    if (gmem_fetch64(&vm->mem, 0, &psw) != 0)
        return IPL_IOERR;
    /* the IPL device's address, where S/370 stores it: locations 2-3 (the
     * BC PSW's interruption code) or 186-187 in EC mode */
    {
        u8 a[2] = { (u8)(addr >> 8), (u8)addr };
        if (psw370_is_ec(psw)) {
            gmem_write(&vm->mem, 186, a, 2);
        } else {
            gmem_write(&vm->mem, 2, a, 2);
            psw = (psw & ~((u64)0xFFFF << 32)) | ((u64)addr << 32);
        }
    }
    vm->cpu.psw = psw;
    vm_start(vm);
    return IPL_OK;
}
