/* mmu.c - DIAGNOSE X'1E0': paravirtual page tables (cp/vm/pvmmu.h). */
#include "diag/diag.h"
#include "cp/vm/pvmmu.h"
#include "cp/vm/shadow.h"
#include "cp/kern/task.h"

/* ---- X'1E0' PAGE-TABLE UPDATES (cp370's own, after Xen's mmu_update) -------
 * Rx: guest real address of a list of 16-byte entries (doubleword
 * boundary), Ry: how many, 1-128.  CC 0: all done, Ry = 0, Ry+1 = the
 * count.  CC 1: nothing done, Ry = the return code, Ry+1 = the entry at
 * fault (from 0; 0 for a problem with the list itself).  CC 2: Ry = 12,
 * CP had no storage to store entry Ry+1; the ones before it are done.
 * docs/diagnose.md has every code. */
int diag_1E0_mmu_update(struct diag_args *a)
{
    struct pvmmu_batch b;
    u32 bad = 0;
    u64 t0 = task_insns();
    enum pvmmu_rc rc = pvmmu_check(a->vm, a->gpr[a->rx], a->gpr[a->ry], &b, &bad);

    if (rc == PVMMU_OK)
        rc = pvmmu_apply(a->vm, &b, &bad);
    a->gpr[a->ry] = rc;
    a->gpr[(a->ry + 1) & 15] = bad;
    priv_set_cc(a->vm, rc == PVMMU_OK ? 0 : rc == PVMMU_STORE ? 2 : 1);
    if (rc == PVMMU_OK) {
        shadow_stats.pv_batches++;
        shadow_stats.insns_pv += task_insns() - t0;
    }
    return 0;
}
