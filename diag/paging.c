/* paging.c - paging DIAGNOSE codes: X'10' release pages, X'64' saved
 * segments, X'258' pseudo page faults. */
#include "diag/diag.h"
#include "cp/mm/gmem.h"
#include "cp/vm/nss.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"
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

/* ---- X'64' SAVED SEGMENTS (VM/370 System Programmer's Guide) ---------------
 * Rx: address of the segment name, 8 EBCDIC characters, blank padded.
 * Ry: X'00' load shared, X'04' load non-shared, X'08' purge, X'0C' find.
 *   load   CC 0: Rx = its first byte, Ry = its last byte (what the range
 *          held before is gone)
 *   find   CC 0 loaded in this machine, CC 1 not loaded; Rx and Ry as load
 *   purge  CC 0 its pages are released, CC 1 it was not loaded
 * CC 2 with a return code in Ry: 44 no such segment, 170 it lies beyond
 * the machine's storage, 171 no real storage or paging space for it,
 * 172 a DASD error reading it, 173 four segments loaded already. */
#define SEG_LOAD        0x00
#define SEG_LOAD_NOSHR  0x04
#define SEG_PURGE       0x08
#define SEG_FIND        0x0C

static u32 seg_rc(int rc)
{
    switch (rc) {
    case NSS_NOTFOUND:  return 44;
    case NSS_TOOBIG:    return 170;
    case NSS_NOSTORAGE: return 171;
    case NSS_TOOMANY:   return 173;
    default:            return 172;
    }
}

int diag_064_saved_segment(struct diag_args *a)
{
    u32 fn = a->gpr[a->ry], first = 0, last = 0;
    struct nss_info info;
    bool loaded;
    char name[9];
    u8 ebc[8];
    int rc;

    if (fn != SEG_LOAD && fn != SEG_LOAD_NOSHR && fn != SEG_PURGE && fn != SEG_FIND)
        return PGM_SPECIFICATION;
    rc = gmem_read(&a->vm->mem, a->gpr[a->rx], ebc, sizeof ebc);
    if (rc)
        return rc;
    ebc_to_ascii_buf(name, ebc, 8);
    name[8] = 0;
    for (int i = 7; i >= 0 && name[i] == ' '; i--)
        name[i] = 0;
    if (fn == SEG_FIND || fn == SEG_PURGE) {
        rc = nss_query(a->vm, name, &info, &loaded);
        if (rc == NSS_OK && fn == SEG_PURGE)
            rc = loaded ? nss_purge(a->vm, name) : NSS_OK;
        first = info.lo;
        last = info.hi;
    } else {
        rc = nss_load(a->vm, name, fn == SEG_LOAD, &first, &last);
        loaded = true;
    }
    if (rc != NSS_OK) {
        a->gpr[a->ry] = seg_rc(rc);
        priv_set_cc(a->vm, 2);
        return 0;
    }
    if (fn != SEG_PURGE) {
        a->gpr[a->rx] = first;
        a->gpr[a->ry] = last;
    }
    priv_set_cc(a->vm, loaded ? 0 : 1);
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
#define PF_CODE         0       /* (2) X'0258' */
#define PF_FUNCTION     2       /* (2) PF_ESTABLISH or PF_CANCEL */
#define PF_LENGTH       4       /* (2) doublewords, at least 5 */
#define PF_VERSION      6       /* (2) 2 */
#define PF_TOKEN_ADDR   8       /* (8) */
#define PF_SELECT       16      /* (8) PSW select mask */
#define PF_COMPARE      24      /* (8) PSW compare mask */
#define PF_RESERVED     32      /* (8) zero */
#define PF_ESTABLISH    0
#define PF_CANCEL       1

static int pf_establish(struct diag_args *a, const u8 *p)
{
    struct vm *vm = a->vm;
    u64 taddr = get_be64(p + PF_TOKEN_ADDR), sel = get_be64(p + PF_SELECT);
    u64 cmp = get_be64(p + PF_COMPARE);

    if (vm->pf_on) {
        a->gpr[a->ry] = 8;
        return 0;
    }
    if ((cmp & sel) != cmp || (taddr & 7) || get_be64(p + PF_RESERVED) != 0 || taddr > GADDR_MASK)
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
    if (get_be16(p + PF_CODE) != 0x0258 || get_be16(p + PF_LENGTH) < 5 ||
        get_be16(p + PF_VERSION) != 2)
        return PGM_SPECIFICATION;
    switch (get_be16(p + PF_FUNCTION)) {
    case PF_ESTABLISH:
        rc = pf_establish(a, p);
        break;
    case PF_CANCEL:
        if (get_be64(p + PF_TOKEN_ADDR) || get_be64(p + PF_SELECT) ||
            get_be64(p + PF_COMPARE) || get_be64(p + PF_RESERVED))
            return PGM_SPECIFICATION;
        /* reads already started still end with their completion */
        a->gpr[a->ry] = a->vm->pf_on ? 0 : 4;
        a->vm->pf_on = false;
        break;
    default:
        return PGM_SPECIFICATION;
    }
    if (rc == 0)
        priv_set_cc(a->vm, 0);
    return rc;
}
