/* pgfault.h - translation and protection exceptions CP resolves for a
 * guest (cp/vm/pgfault.c). */
#ifndef CP_VM_PGFAULT_H
#define CP_VM_PGFAULT_H

#include "cp/vm/vm.h"

/* a page- or segment-translation exception of the guest */
void pgfault_translation(struct vm *vm, u8 ilc);
/* a protection exception: true if it was a store into a shared page and
 * CP dealt with it, false if it is the guest's own to be reflected */
bool pgfault_protection(struct vm *vm, u8 ilc);
/* a store into a page shared with other machines (guest real address
 * real): give this machine its own copy and run the instruction again;
 * without real storage for it the machine stops (CPX611E) */
bool pgfault_private_copy(struct vm *vm, u32 real, u8 ilc);

#endif
