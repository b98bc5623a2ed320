/* reflect.h - presenting interruptions to a guest, the S/370 way.
 *
 * An interruption stores the current PSW as the old PSW in the guest's
 * page 0 and loads the new PSW from there.  In BC mode the interruption
 * code and ILC go into the old PSW itself; in EC mode they are stored at
 * their own locations (X'86', X'8A', X'8E', X'BA').  Asynchronous
 * interruptions wait, pending, until the guest's PSW and control registers
 * enable them. */
#ifndef CP_VM_REFLECT_H
#define CP_VM_REFLECT_H

#include "cp/vm/vm.h"

/* synchronous: program (ilc = 0, 2, 4 or 6) and SVC */
int reflect_program(struct vm *vm, u16 code, u8 ilc);
int reflect_svc(struct vm *vm, u16 code, u8 ilc);
/* restart (SYSTEM RESTART) */
int reflect_restart(struct vm *vm);
/* deliver the highest-priority pending external or I/O interruption the
 * guest is enabled for; returns true if one was delivered */
bool reflect_pending(struct vm *vm);
/* queue a service-signal external interruption (code, subcode at X'84',
 * parameter at X'80'); false if the queue is full */
bool reflect_post_service(struct vm *vm, u16 code, u16 subcode, u32 parm);
/* is anything pending that the current PSW enables? */
bool reflect_enabled_pending(struct vm *vm);
/* nothing queued, no timer due within a run of `run` TOD units: a PSW
 * that enables more makes nothing deliverable (arch370/assist.h) */
bool reflect_quiet(struct vm *vm, s64 run);

#endif
