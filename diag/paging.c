/* paging.c - paging DIAGNOSE codes: X'10' release pages, X'258' pseudo
 * page faults. */
#include "diag/diag.h"
#include "cp/mm/gmem.h"
#include "arch370/be.h"
#include "arch370/pgm.h"

/* ---- X'10' RELEASE PAGES ------------------------------------------------
 * Rx: first page address, Ry: last page address, both 4K aligned, first
 * <= last, inside the guest's storage.  The frames and page slots of
 * those pages go back to CP; the next reference sees a page of zeros. */
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

/* ---- X'258' PSEUDO PAGE FAULT (z/VM CP Programming Services) -------------
 * Rx: address of the parameter list, doubleword aligned:
 *   +0 (2) X'0258'      +2 (2) function: 0 establish, 1 cancel
 *   +4 (2) length in doublewords, at least 5     +6 (2) version 2
 *   +8 (8) token address, doubleword aligned (the token is the word there)
 *   +16 (8) PSW select mask   +24 (8) PSW compare mask   +32 (8) zero
 * Ry: return code: 0 done; 4 cancel with no token established; 8
 * establish while one is established (the old one stays). */
#define PF_PARMS        40
#define PF_ESTABLISH    0
#define PF_CANCEL       1

static int pf_establish(struct diag_args *a, const u8 *p)
{
    struct vm *vm = a->vm;
    u64 taddr = get_be64(p + 8), sel = get_be64(p + 16), cmp = get_be64(p + 24);

    if (vm->pf_on) {
        a->gpr[a->ry] = 8;
        return 0;
    }
    if ((cmp & sel) != cmp || (taddr & 7) || get_be64(p + 32) != 0 || taddr > GADDR_MASK)
        return PGM_SPECIFICATION;
    if (taddr + 4 > vm->mem.size)
        return PGM_ADDRESSING;
    vm->pf_token_addr = (u32)taddr;
    vm->pf_select = sel;
    vm->pf_compare = cmp;
    vm->pf_on = true;
    a->gpr[a->ry] = 0;
    return 0;
}

int diag_258_pseudo_fault(struct diag_args *a)
{
    u32 addr = a->gpr[a->rx];
    u8 p[PF_PARMS];
    int rc;

    if (addr & 7)
        return PGM_SPECIFICATION;
    rc = gmem_read(&a->vm->mem, addr, p, sizeof p);
    if (rc)
        return rc;
    if (get_be16(p) != 0x0258 || get_be16(p + 4) < 5 || get_be16(p + 6) != 2)
        return PGM_SPECIFICATION;
    switch (get_be16(p + 2)) {
    case PF_ESTABLISH:
        rc = pf_establish(a, p);
        break;
    case PF_CANCEL:
        if (get_be64(p + 8) || get_be64(p + 16) || get_be64(p + 24) || get_be64(p + 32))
            return PGM_SPECIFICATION;
        /* reads already started still end with their completion */
        a->gpr[a->ry] = a->vm->pf_on ? 0 : 4;
        a->vm->pf_on = false;
        break;
    default:
        return PGM_SPECIFICATION;
    }
    if (rc == 0)
        diag_set_cc(a, 0);
    return rc;
}
