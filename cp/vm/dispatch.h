/* dispatch.h - running virtual machines: each VM's task and its exits. */
#ifndef CP_VM_DISPATCH_H
#define CP_VM_DISPATCH_H

#include "cp/vm/vm.h"

#define TIME_SLICE_TOD  (10 * TOD_MSEC)

/* start the task that runs this VM for as long as it exists */
int dispatch_start(struct vm *vm);
/* end the VM's task (LOGOFF); the VM must not be used afterwards by it */
void dispatch_end(struct vm *vm);
/* stop the VM and tell its user why: fmt has two %08X for the PSW */
void dispatch_stop(struct vm *vm, const char *fmt, u64 psw);
/* set by the external-interruption handler when CP's CPU timer ran out */
extern bool dispatch_slice_over;
/* charge the user what his VM task did since it last charged him
 * (cp/vm/acct.h), from any task */
void dispatch_charge(struct vm *vm);
/* a guest that asked to be logged off (vm->logoff_pending) is, when its
 * task ends, by the function the session layer registers */
void dispatch_logoff_register(void (*logoff)(struct user *u));

#endif
