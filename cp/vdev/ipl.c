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

int ipl_by_device(struct vm *vm, u16 addr)
{
    struct vdev *d = vdev_find(vm, addr);
    struct mdisk *md = mdisk_of(d);
    u64 psw;

    if (!d)
        return IPL_NOTFOUND;
    if (!md)
        return IPL_NOTDASD;
    vm_stop(vm);
    vm_reset(vm, false);
    if (mdiskio_ipl(vm, d, md) != 0)
        return IPL_IOERR;
    if (gmem_fetch64(&vm->mem, 0, &psw) != 0)
        return IPL_IOERR;
    vm->cpu.psw = psw;
    vm_start(vm);
    return IPL_OK;
}
