/* adstop.c - ADSTOP: stop the virtual machine before the instruction at
 * an address, once, as VM/370 did it: the first halfword of the
 * instruction is replaced by X'0000', which no S/370 defines, so the
 * guest traps to CP when it gets there; CP puts the instruction back,
 * points the PSW at it and stops the machine with "ADSTOP AT hexloc".
 * BEGIN then runs the instruction itself.
 *
 * The overlay is in the guest's storage, where the guest could see or
 * overwrite it (docs/cpcommands.md); the user's DISPLAY, DUMP and STORE
 * see and change the instruction instead.  A store into a shared page
 * gives this user a private copy first (cp/mm/gmem.h), so no other user
 * of a saved system ever sees it. */
#include "cp/vm/vmdebug.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"

int adstop_set(struct vm *vm, u32 addr)
{
    static const u8 trap[2] = { 0x00, 0x00 };
    struct vmdebug *d = vmdebug_of(vm);
    u8 saved[2];
    int rc;

    if (!d)
        return -1;
    adstop_clear(vm);
    if ((rc = gmem_read(&vm->mem, addr, saved, 2)) != 0)
        return rc;
    if ((rc = gmem_write(&vm->mem, addr, trap, 2)) != 0)
        return rc;
    d->adstop_saved[0] = saved[0];
    d->adstop_saved[1] = saved[1];
    d->adstop_addr = addr;
    d->adstop_armed = true;
    return 0;
}

void adstop_clear(struct vm *vm)
{
    struct vmdebug *d = vm->debug;

    if (!d || !d->adstop_armed)
        return;
    d->adstop_armed = false;
    gmem_write(&vm->mem, d->adstop_addr, d->adstop_saved, 2);
}

bool adstop_hit(struct vm *vm, u8 ilc)
{
    struct vmdebug *d = vm->debug;
    u32 at = (psw370_ia(vm->cpu.psw) - ilc) & GADDR_MASK;

    if (!d || !d->adstop_armed || at != d->adstop_addr || ilc != 2)
        return false;
    adstop_clear(vm);
    vm->cpu.psw = psw370_set_ia(vm->cpu.psw, at);
    vm->state = VM_STOPPED;
    vmdebug_say(vm, VMDEBUG_TERMINAL, "ADSTOP AT %06X", at);
    return true;
}

bool adstop_where(struct vm *vm, u32 *addr)
{
    if (!vm->debug || !vm->debug->adstop_armed)
        return false;
    *addr = vm->debug->adstop_addr;
    return true;
}

static bool covers(u32 addr, u32 len, u32 a)
{
    return ((a - addr) & GADDR_MASK) < len;
}

void adstop_unmask(struct vm *vm, u32 addr, u8 *buf, u32 len)
{
    struct vmdebug *d = vm->debug;

    if (!d || !d->adstop_armed)
        return;
    for (u32 i = 0; i < 2; i++) {
        u32 a = (d->adstop_addr + i) & GADDR_MASK;
        if (covers(addr, len, a))
            buf[(a - addr) & GADDR_MASK] = d->adstop_saved[i];
    }
}

void adstop_stored(struct vm *vm, u32 addr, u32 len)
{
    static const u8 trap[2] = { 0x00, 0x00 };
    struct vmdebug *d = vm->debug;
    bool hit = false;

    if (!d || !d->adstop_armed)
        return;
    for (u32 i = 0; i < 2; i++) {
        u32 a = (d->adstop_addr + i) & GADDR_MASK;
        if (covers(addr, len, a) && gmem_fetch8(&vm->mem, a, &d->adstop_saved[i]) == 0)
            hit = true;
    }
    if (hit)
        gmem_write(&vm->mem, d->adstop_addr, trap, 2);
}
