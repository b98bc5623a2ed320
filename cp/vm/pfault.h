/* pfault.h - pseudo page faults (DIAGNOSE X'258').
 *
 * A guest that registered a token (diag/paging.c) and is enabled for it
 * does not wait when it touches a page that is paged out: CP starts the
 * read in a task of its own and gives the guest at once an external
 * interruption X'2603' (subcode X'0600' at X'84', the token at X'80'),
 * with the old PSW at the instruction that faulted; when the page is in,
 * a second one (subcode X'0680', same token).  Meanwhile the guest runs
 * whatever else it has.  A guest that touches the same page again before
 * it is in simply waits for it.
 *
 * Enabled means: a token is registered, the guest PSW ANDed with the
 * select mask equals the compare mask, the PSW enables external
 * interruptions and CR0 the service-signal subclass (bit 22). */
#ifndef CP_VM_PFAULT_H
#define CP_VM_PFAULT_H

#include "cp/vm/vm.h"

#define PF_SUB_INITIAL  0x0600
#define PF_SUB_DONE     0x0680

/* the guest touched a paged-out page: true if CP handled it, by a
 * pseudo page fault or by waiting for a read already started; false if
 * the caller should bring the page in the ordinary way */
bool pfault_start(struct vm *vm, u32 addr);
/* wait until no read started for the VM is still running (LOGOFF) */
void pfault_drain(struct vm *vm);

#endif
