/* shadow.h - shadow tables: a guest with DAT on, run by the real DAT.
 *
 * A guest that turns on DAT (EC-mode PSW bit 5) translates its virtual
 * addresses through S/370 tables in its own real storage, which is itself
 * CP's virtual storage (cp/mm/gspace.h).  The real CPU can do only one
 * translation, so CP composes the two: for each address space the guest
 * uses (one CR1 and CR0 translation format) it keeps a shadow ESA/390
 * segment table with sixteen 1M segments and their page tables, whose
 * entries map a 4K page of guest virtual storage straight to the real
 * frame holding it.  The guest runs with the shadow segment table in
 * CR1.  Entries start invalid and are filled when the real CPU faults on
 * them (shadow_translation): CP walks the guest's tables
 * (arch370/dat370.h); if they translate, the shadow entry is made and the
 * instruction runs again; if not, the guest gets its own segment-,
 * page-translation or translation-specification exception.
 *
 * Staying right:
 *   - PTLB drops every shadow translation of the guest (shadow_purge):
 *     S/370 lets a program rely on a changed table entry only after it;
 *   - CP taking a frame away from a guest page (page-out, release, a
 *     shared page copied, storage cleared) drops every shadow entry that
 *     maps it before the frame is reused (cp/mm/gspace.h, gspace_unmapping);
 *   - switching CR1 switches shadow tables: up to SHADOW_SPACES address
 *     spaces keep theirs, least recently used one reused.
 *
 * Pages: ESA/390 pages are 4K.  With 4K guest pages every guest page is
 * one shadow page.  With 2K guest pages a shadow page is made only when
 * both 2K halves of the 4K virtual page are valid and map the two halves
 * of one 4K real page, in order; otherwise the half the instruction
 * touches gets its page-translation exception if it is invalid, and a
 * valid half whose neighbour cannot share its frame stops the VM with
 * CPX407E (docs/virtual-machine.md).  64K segments need nothing special:
 * sixteen of them share one shadow page table. */
#ifndef CP_VM_SHADOW_H
#define CP_VM_SHADOW_H

#include "cp/vm/vm.h"

#define SHADOW_SPACES   4

struct shadow_stats {
    u32 fills;                  /* shadow entries made */
    u32 reflected;              /* translation exceptions given to the guest */
    u32 switches;               /* CR1 changes that found their tables */
    u32 builds;                 /* CR1 changes that had to start afresh */
    u32 purges;                 /* PTLB */
    u32 dropped;                /* entries dropped because CP took a frame */
    /* CP instructions (Hercules' count, this VM's task only) spent on
     * each kind of event, for INDICATE LOAD and make bench */
    u64 insns_fill, insns_reflect, insns_switch;
    u32 timed_switch;
    /* the paravirtual way, DIAGNOSE X'1E0' (cp/vm/pvmmu.h) */
    u32 pv_batches;             /* lists done */
    u32 pv_entries;             /* table entries stored by CP for the guest */
    u32 pv_mapped;              /* shadow entries made at once from them */
    u64 insns_pv;               /* CP instructions in the DIAGNOSE handler */
};

extern struct shadow_stats shadow_stats;

/* the real segment-table designation to run the guest with now (its
 * CR0 and CR1); 0 if no storage for the tables.  May sleep. */
u32 shadow_std(struct vm *vm);
/* the real CPU gave a segment- or page-translation exception while the
 * guest ran with DAT on: fill the shadow entry or reflect the guest's
 * own exception */
void shadow_translation(struct vm *vm, u8 ilc);
/* a protection exception with DAT on: true if CP resolved it (a shared
 * page copied; the instruction runs again), false if it is the guest's */
bool shadow_protection(struct vm *vm, u8 ilc);
/* PTLB: drop every shadow translation of the guest */
void shadow_purge(struct vm *vm);
/* DIAGNOSE X'1E0' (cp/vm/pvmmu.h) has stored the page-table entry at
 * guest real address where, for virtual address va in some space of
 * the guest: every shadow space whose tables reach that entry for va
 * takes the new translation (made at once if its frame is resident) */
void shadow_pv_pte(struct vm *vm, u32 va, u32 where);
/* ... the segment-table entry at where: the shadow spaces whose tables
 * reach it for va drop the whole segment */
void shadow_pv_ste(struct vm *vm, u32 va, u32 where);
/* the end of a batch: the real TLB forgets what was dropped */
void shadow_pv_end(struct vm *vm);
/* the VM goes: give back the tables */
void shadow_free(struct vm *vm);

#endif
