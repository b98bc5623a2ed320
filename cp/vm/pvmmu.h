/* pvmmu.h - paravirtual page tables: a guest tells CP its table changes.
 *
 * With shadow tables alone (cp/vm/shadow.h) CP learns of a change to a
 * guest's S/370 tables only when the guest issues PTLB (every shadow
 * translation goes, and each page is walked again on its next use) or
 * loads a CR1 CP has no shadows for.  Xen's direct paging turned this
 * round: a guest that knows its hypervisor asks it to make each
 * page-table update, in batches (mmu_update), and to switch address
 * spaces (mmuext_op NEW_BASEPTR), so the hypervisor knows every change
 * as it happens.  cp370's DIAGNOSE X'1E0' is that interface for S/370
 * tables (docs/diagnose.md): a list of 16-byte entries, each one
 *
 *   byte 0      operation: 1 store a page-table entry, 2 store a
 *               segment-table entry, 3 load CR1 (switch address space)
 *   bytes 1-3   zero
 *   bytes 4-7   1, 2: the address space, by its segment-table
 *               designation (a CR1 value); 3: the new CR1
 *   bytes 8-11  1, 2: the virtual address whose entry changes (bits 0-7
 *               zero); 3: zero
 *   bytes 12-15 1: zero in 12-13, the new PTE in 14-15; 2: the new STE;
 *               3: zero
 *
 * CP finds the entry by walking that space's tables in the translation
 * format of the guest's CR0, stores the new value into the guest's own
 * table, and brings its shadows up to date at once: every cached shadow
 * space whose tables reach that same entry for that address gets the new
 * translation (a valid page entry is mapped straight away when its frame
 * is resident), the others keep theirs.  The whole list is read and
 * checked before anything is stored, so a bad entry anywhere changes
 * nothing; an entry may rely on a segment-table entry an earlier entry
 * of the same list stores.
 *
 * The guest's side of the bargain (what S/370 would not ask of it): a
 * page table reached from two segment-table entries at different
 * virtual addresses (not the same address in two spaces) is the guest's
 * to name once per address, or to follow with PTLB. */
#ifndef CP_VM_PVMMU_H
#define CP_VM_PVMMU_H

#include "cp/vm/vm.h"

#define PVMMU_ENTRY         16u
#define PVMMU_MAX           128u        /* entries in one list */

enum pvmmu_op {
    PVMMU_SET_PTE = 1,
    PVMMU_SET_STE = 2,
    PVMMU_LOAD_CR1 = 3,
};

/* return codes, as the guest gets them in Ry (docs/diagnose.md) */
enum pvmmu_rc {
    PVMMU_OK = 0,
    PVMMU_COUNT = 1,            /* no entries, or more than PVMMU_MAX */
    PVMMU_ALIGN = 2,            /* the list is not on a doubleword */
    PVMMU_LIST = 3,             /* the list runs outside the guest's storage */
    PVMMU_FORMAT = 4,           /* unknown operation or reserved bits set */
    PVMMU_ADDRESS = 5,          /* virtual address beyond 16M */
    PVMMU_XLATE = 6,            /* CR0's format, or an STE on the way, is invalid */
    PVMMU_SEG_LENGTH = 7,       /* segment index beyond the segment table */
    PVMMU_SEG_INVALID = 8,      /* no page table to store into */
    PVMMU_PAGE_LENGTH = 9,      /* page index beyond the page table */
    PVMMU_TABLE = 10,           /* the table entry lies outside the guest's storage */
    PVMMU_VALUE = 11,           /* the new entry is malformed or points outside */
    PVMMU_STORE = 12,           /* CP could not store (no real storage) */
};

/* one checked entry: what to store where */
struct pvmmu_step {
    u8 op;
    u32 where;                  /* guest real address of the table entry */
    u32 va;                     /* its virtual address, or the new CR1 */
    u32 value;
};

struct pvmmu_batch {
    unsigned n;
    struct pvmmu_step step[PVMMU_MAX];
    u8 raw[PVMMU_MAX * PVMMU_ENTRY];    /* the list as the guest wrote it */
};

/* Read and check the n entries at guest real address list; PVMMU_OK and
 * *bad = n, or the first problem and *bad = the failing entry's number
 * (0 for a problem with the list as a whole).  Nothing is changed.  May
 * sleep (the list and tables may be paged out). */
enum pvmmu_rc pvmmu_check(struct vm *vm, u32 list, u32 n, struct pvmmu_batch *b, u32 *bad);
/* Do a checked batch: the stores, the shadows, CR1.  PVMMU_OK, or
 * PVMMU_STORE with *bad = the entry whose store failed (the ones before
 * it are done). */
enum pvmmu_rc pvmmu_apply(struct vm *vm, const struct pvmmu_batch *b, u32 *bad);

#endif
