/* vm.c - creating, resetting, starting and stopping virtual machines. */
#include "cp/vm/vm.h"
#include "cp/vm/vmcf.h"
#include "cp/vm/vdev.h"
#include "cp/vm/dispatch.h"
#include "cp/vm/reflect.h"
#include "cp/kern/task.h"
#include "cp/vm/user.h"
#include "cp/vm/pfault.h"
#include "cp/vm/vmdebug.h"
#include "cp/vm/shadow.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"

/* S/370 control registers after a CPU reset (GA22-7000, "Initial Values"):
 * CR0 enables the interval timer, interrupt key and external signal
 * subclasses, CR2 all channel masks, CR14 and CR15 the machine-check
 * controls and extended logout address. */
static const u32 reset_cr[16] = {
    [0] = 0x000000E0u, [2] = 0xFFFFFFFFu, [14] = 0xC2000000u, [15] = 512,
};

struct vm *vm_create(struct user *u, u32 size)
{
    struct vm *vm = kzalloc(sizeof *vm, "VM");

    if (!vm)
        return NULL;
    vm->user = u;
    if (gspace_create(&vm->mem, size, u->number) != 0) {
        kfree(vm);
        return NULL;
    }
    vm_reset(vm, false);
    vm->state = VM_STOPPED;
    return vm;
}

void vm_destroy(struct vm *vm)
{
    pfault_drain(vm);                   /* page reads for it hold the VM */
    timer_cancel(&vm->ckc_timer);
    timer_cancel(&vm->ptimer);
    while (vm->devs)
        vdev_remove(vm, vm->devs);
    vmcf_vm_reset(vm);
    shadow_free(vm);
    gspace_destroy(&vm->mem);
    nss_vm_reset(vm);
    kfree(vm->debug);
    kfree(vm);
}

void vm_reset(struct vm *vm, bool clear)
{
    struct vcpu *c = &vm->cpu;

    adstop_clear(vm);                   /* its instruction back, before storage goes */
    memset(c, 0, sizeof *c);
    memcpy(c->cr, reset_cr, sizeof c->cr);
    c->clock_comparator = ~0ull;
    timer_cancel(&vm->ckc_timer);
    for (struct vdev *d = vm->devs; d; d = d->next) {
        if (d->ops && d->ops->reset)
            d->ops->reset(vm, d);
        d->busy = d->int_pending = d->attn_pending = false;
    }
    if (clear) {
        gspace_clear(&vm->mem);
        nss_vm_reset(vm);
    }
    vm->pf_on = false;                  /* pseudo page faults end with a reset */
    vmcf_vm_reset(vm);                  /* so does VMCF authorization, as in VM/370 */
    vm->pgm_loop = 0;
    shadow_purge(vm);                   /* its tables may be gone: translate afresh */
    vm->resets++;
}

void vm_start(struct vm *vm)
{
    vm->stop_request = false;
    vm->state = VM_RUNNING;
    vm_kick(vm);
}

void vm_stop(struct vm *vm)
{
    vm->stop_request = true;
    vm->state = VM_STOPPED;
}

void vm_kick(struct vm *vm)
{
    vm->posted++;
    task_wakeup(vm);
}

void vm_restart(struct vm *vm)
{
    reflect_restart(vm);
}
