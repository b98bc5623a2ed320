/* acct.h - CPU time accounting per user.
 *
 * Virtual CPU time is what the real CPU spent running the guest; total
 * CPU time adds everything CP spent for the user: his VM task's own CPU
 * time (every simulation, DIAGNOSE, CCW translation, page fault, the
 * dispatcher's rounds, real interruptions taken while it ran) and the
 * other tasks that work for him (his terminal's session: u->other).
 * Both are kept in TOD units in the user block and shown by QUERY TIME
 * and DIAGNOSE X'0C'; the same two in Hercules instructions by
 * INDICATE USER (docs/performance.md, "Accounting"). */
#ifndef CP_VM_ACCT_H
#define CP_VM_ACCT_H

#include "cp/vm/user.h"
#include "cp/vm/dispatch.h"
#include "cp/kern/timer.h"

/* The VM task charges its user at each round of the dispatcher; the
 * totals are brought up to date first (dispatch_charge), since a guest
 * may run for a long time without a round. */
static inline u64 acct_virt_usec(const struct user *u)  { return u->virt_tod / TOD_USEC; }
static inline u64 acct_total_usec(struct user *u)
{
    dispatch_charge(u->vm);
    return (u->total_tod + u->other.tod) / TOD_USEC;
}
static inline u64 acct_total_insns(struct user *u)
{
    dispatch_charge(u->vm);
    return u->total_insns + u->other.insns;
}

#endif
