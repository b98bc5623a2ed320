/* vmdebug.h - what a user asked CP to watch in his virtual machine:
 * ADSTOP (cp/vm/adstop.c) and TRACE (cp/vm/trace.c).
 *
 * The state hangs off struct vm and is made on first use, so a machine
 * nobody debugs carries one NULL pointer and no cost on any path. */
#ifndef CP_VM_VMDEBUG_H
#define CP_VM_VMDEBUG_H

#include "cp/vm/vm.h"

struct vmdebug {
    /* ADSTOP: the halfword at addr holds X'0000' (an operation exception)
     * in place of saved[] until the guest reaches it */
    bool adstop_armed;
    u32 adstop_addr;
    u8 adstop_saved[2];
};

/* the debug state of vm, made if needed; NULL if no storage for it */
struct vmdebug *vmdebug_of(struct vm *vm);

/* ADSTOP hexloc: 0, or a program-interruption code (addressing) */
int adstop_set(struct vm *vm, u32 addr);
/* ADSTOP OFF, and every reset: the instruction is put back */
void adstop_clear(struct vm *vm);
/* an operation exception of length ilc: the ADSTOP?  If so the
 * instruction is back, the PSW points at it and the VM is stopped */
bool adstop_hit(struct vm *vm, u8 ilc);
/* where it is set; false if none */
bool adstop_where(struct vm *vm, u32 *addr);

#endif
