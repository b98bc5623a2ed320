/* pfault.c - pseudo page faults: the page is read by a task of its own
 * while the guest runs on (pfault.h). */
#include "cp/vm/pfault.h"
#include "cp/vm/reflect.h"
#include "cp/kern/task.h"
#include "cp/mm/gmem.h"
#include "cp/mm/frame.h"
#include "cp/kern/freestor.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"

#define PF_MAX_INFLIGHT 4       /* each needs two queue entries at most */
#define CR0_SERVICE     0x00000200u

struct pf_req {
    struct vm *vm;
    u32 addr;                   /* the page */
    u32 token;
    u32 resets;                 /* a reset meanwhile: nobody waits for it */
    struct pf_req *next;
};

static bool enabled(struct vm *vm)
{
    u64 psw = vm->cpu.psw;

    return vm->pf_on && (psw & vm->pf_select) == vm->pf_compare && psw_ext_enabled(psw) &&
           (vm->cpu.cr[0] & CR0_SERVICE) && vm->pf_inflight < PF_MAX_INFLIGHT &&
           vm->cpu.nsvc + 2 <= VSVC_MAX;
}

static struct pf_req *pending(struct vm *vm, u32 addr)
{
    for (struct pf_req *r = vm->pf_reqs; r; r = r->next)
        if (r->addr == addr)
            return r;
    return NULL;
}

static void unlink_req(struct pf_req *r)
{
    for (struct pf_req **pp = &r->vm->pf_reqs; *pp; pp = &(*pp)->next)
        if (*pp == r) {
            *pp = r->next;
            return;
        }
}

static void pagein_task(void *arg)
{
    struct pf_req *r = arg;
    struct vm *vm = r->vm;

    gspace_frame(&vm->mem, r->addr, false);     /* reads it in (or finds it in) */
    /* even if it could not be read: the guest touches it again and then
     * meets the error the ordinary way */
    if (vm->resets == r->resets)
        reflect_post_service(vm, EXT_PSEUDO_PAGE_FAULT, PF_SUB_DONE, r->token);
    unlink_req(r);
    task_wakeup(r);
    vm->pf_inflight--;
    task_wakeup(&vm->pf_inflight);
    vm_kick(vm);
    kfree(r);
    task_exit();
}

bool pfault_start(struct vm *vm, u32 addr)
{
    struct pf_req *r;
    u32 token;

    addr &= ~(PAGE_SIZE - 1);
    r = pending(vm, addr);
    if (r) {
        while (pending(vm, addr) == r)          /* touched again: wait for it */
            task_sleep(r);
        return true;
    }
    if (!enabled(vm) || gmem_fetch32(&vm->mem, vm->pf_token_addr, &token) != 0)
        return false;
    r = kzalloc(sizeof *r, "PFAULT");
    if (!r)
        return false;
    *r = (struct pf_req){ .vm = vm, .addr = addr, .token = token, .resets = vm->resets,
                          .next = vm->pf_reqs };
    if (!task_create("PAGEIN", pagein_task, r)) {
        kfree(r);
        return false;
    }
    vm->pf_reqs = r;
    vm->pf_inflight++;
    vm->pf_count++;
    reflect_post_service(vm, EXT_PSEUDO_PAGE_FAULT, PF_SUB_INITIAL, token);
    return true;
}

void pfault_drain(struct vm *vm)
{
    while (vm->pf_inflight)
        task_sleep(&vm->pf_inflight);
}
