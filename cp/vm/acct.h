/* acct.h - CPU time accounting per user.
 *
 * Virtual CPU time is what the real CPU spent running the guest;
 * total CPU time adds what CP spent on the user's behalf (simulating
 * instructions, DIAGNOSE, CCW translation).  Both are kept in TOD units
 * in the user block and shown by QUERY TIME and DIAGNOSE X'0C'. */
#ifndef CP_VM_ACCT_H
#define CP_VM_ACCT_H

#include "cp/vm/user.h"
#include "cp/kern/timer.h"

static inline u64 acct_virt_usec(const struct user *u)  { return u->virt_tod / TOD_USEC; }
static inline u64 acct_total_usec(const struct user *u) { return u->total_tod / TOD_USEC; }

#endif
