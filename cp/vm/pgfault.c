/* pgfault.c - a guest touched storage it cannot reach as it is now.
 *
 * Page- or segment-translation exception (the instruction is nullified,
 * so once the page is there the guest simply runs it again):
 *   inside the guest's storage   the page is empty (first touch: a frame
 *                                of zeros), paged out (read back in; only
 *                                this VM's task waits) or in transit (wait
 *                                for it).  A guest that asked for pseudo
 *                                page faults is not made to wait for a
 *                                read (cp/vm/pfault.c).
 *   in a saved segment above it  the same (cp/mm/gspace.h)
 *   beyond both                  an addressing exception for the guest.
 * Protection exception (the instruction is suppressed, PSW past it) on a
 * page mapped to a shared saved system's frame: the guest gets a private
 * copy of the page and the instruction is run again; any other protection
 * exception is the guest's own (storage keys) and is reflected. */
#include "cp/vm/pgfault.h"
#include "cp/vm/pfault.h"
#include "cp/vm/reflect.h"
#include "cp/vm/dispatch.h"
#include "cp/kern/task.h"
#include "cp/mm/gmem.h"
#include "cp/mm/frame.h"
#include "cp/mm/pager.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"

#define TEA_PAGE 0x7FFFF000u

static void resolve(struct vm *vm, u32 addr)
{
    struct gspace *gs = &vm->mem;
    enum gpage_state st = gspace_state(gs, addr);
    u64 t0 = task_insns();                      /* not what others run meanwhile */

    if (st == GPS_PAGED && pfault_start(vm, addr))
        return;                                 /* it runs on; CP reads the page */
    if (!gspace_frame(gs, addr, true)) {
        dispatch_stop(vm, "CPX610E No real storage or paging space for your page, "
                      "PSW %08X %08X; VM stopped", vm->cpu.psw);
        return;
    }
    gs->faults++;
    pager_account_fault(st == GPS_PAGED || st == GPS_TRANSIT, (u32)(task_insns() - t0));
}

void pgfault_translation(struct vm *vm, u8 ilc)
{
    u32 tea = vm->exit.tea & TEA_PAGE;

    if (gspace_addressable(&vm->mem, tea)) {
        resolve(vm, tea);
        return;                                 /* nullified: run it again */
    }
    /* beyond the guest's storage: an addressing exception; for an operand
     * the instruction is suppressed (PSW past it), for the instruction
     * fetch itself the ILC is 0 */
    if ((psw370_ia(vm->cpu.psw) & ~0xFFFu) == tea)
        ilc = 0;
    else
        vm->cpu.psw = psw370_set_ia(vm->cpu.psw, psw370_ia(vm->cpu.psw) + ilc);
    reflect_program(vm, PGM_ADDRESSING, ilc);
}

bool pgfault_protection(struct vm *vm, u8 ilc)
{
    /* ESA/390 suppression on protection: the TEA names the page */
    u32 tea = vm->exit.tea & TEA_PAGE;

    if (gspace_state(&vm->mem, tea) != GPS_SHARED)
        return false;
    return pgfault_private_copy(vm, tea, ilc);
}

bool pgfault_private_copy(struct vm *vm, u32 real, u8 ilc)
{
    if (gspace_unshare(&vm->mem, real / PAGE_SIZE) < 0) {
        dispatch_stop(vm, "CPX611E No real storage for a private copy of a shared page, "
                      "PSW %08X %08X; VM stopped", vm->cpu.psw);
        return true;
    }
    /* suppressed: back up to the instruction so it runs again */
    vm->cpu.psw = psw370_set_ia(vm->cpu.psw, (psw370_ia(vm->cpu.psw) - ilc) & GADDR_MASK);
    return true;
}
