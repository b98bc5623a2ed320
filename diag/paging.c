/* paging.c - paging DIAGNOSE codes: X'10' release pages. */
#include "diag/diag.h"
#include "cp/mm/gmem.h"
#include "arch370/pgm.h"

/* ---- X'10' RELEASE PAGES ------------------------------------------------
 * Rx: first page address, Ry: last page address, both 4K aligned, first
 * <= last, inside the guest's storage.  The frames of those pages go back
 * to CP; the next reference sees a page of zeros. */
int diag_010_release_pages(struct diag_args *a)
{
    u32 first = a->gpr[a->rx], last = a->gpr[a->ry];

    if ((first | last) & 0xFFF || first > last)
        return PGM_SPECIFICATION;
    if (last >= a->vm->mem.size)
        return PGM_ADDRESSING;
    gspace_release(&a->vm->mem, first >> 12, last >> 12);
    return 0;
}
