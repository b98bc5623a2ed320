/* dat370.c - S/370 dynamic address translation (dat370.h). */
#include "arch370/dat370.h"
#include "arch370/pgm.h"

#define VA_MASK     0x00FFFFFFu

bool dat370_format(u32 cr0, struct dat370_fmt *f)
{
    switch ((cr0 & CR0_370_XLATE) >> 19) {
    case 0x08: f->page_bits = 11; f->seg_bits = 16; return true;
    case 0x0A: f->page_bits = 11; f->seg_bits = 20; return true;
    case 0x10: f->page_bits = 12; f->seg_bits = 16; return true;
    case 0x12: f->page_bits = 12; f->seg_bits = 20; return true;
    default:   return false;
    }
}

/* PTE bits by page size: frame address, invalid, must be zero */
static void pte_bits(unsigned page_bits, u16 *frame, u16 *inval, u16 *zero)
{
    if (page_bits == 12) {
        *frame = 0xFFF0;
        *inval = 0x0008;
        *zero = 0x0006;
    } else {
        *frame = 0xFFF8;
        *inval = 0x0004;
        *zero = 0x0002;
    }
}

enum dat370_rc dat370_translate(u32 cr0, u32 cr1, u32 va, dat370_fetch_fn fetch, void *ctx,
                                struct dat370_walk *w)
{
    struct dat370_fmt f;
    u32 sx, px, ste, pte, idx_bits;
    u16 frame, inval, zero;

    w->real = w->entry = 0;
    w->protect = w->common = false;
    if (!dat370_format(cr0, &f))
        return DAT370_SPEC;
    va &= VA_MASK;
    sx = va >> f.seg_bits;
    px = (va & ((1u << f.seg_bits) - 1)) >> f.page_bits;
    idx_bits = f.seg_bits - f.page_bits;        /* 4, 5, 8 or 9 */

    /* segment table: the length counts 16 entries (64 bytes) */
    w->entry = ((cr1 & CR1_370_STO) + sx * 4) & VA_MASK;
    if ((sx >> 4) > (cr1 >> 24))
        return DAT370_SEG_LENGTH;
    if (!fetch(ctx, w->entry, 4, &ste))
        return DAT370_ADDRESSING;
    if (ste & STE370_INVALID)
        return DAT370_SEG_INVALID;
    if (ste & STE370_ZERO)
        return DAT370_SPEC;
    w->protect = (ste & STE370_PROTECT) != 0;
    w->common = (ste & STE370_COMMON) != 0;

    /* page table: the length is compared with the leftmost four bits of
     * the page index */
    w->entry = ((ste & STE370_PTO) + px * 2) & VA_MASK;
    if ((px >> (idx_bits - 4)) > (ste >> 28))
        return DAT370_PAGE_LENGTH;
    if (!fetch(ctx, w->entry, 2, &pte))
        return DAT370_ADDRESSING;
    pte_bits(f.page_bits, &frame, &inval, &zero);
    if (pte & inval)
        return DAT370_PAGE_INVALID;
    if (pte & zero)
        return DAT370_SPEC;
    w->real = ((pte & frame) << 8) | (va & ((1u << f.page_bits) - 1));
    return DAT370_OK;
}

u16 dat370_pgm(enum dat370_rc rc)
{
    switch (rc) {
    case DAT370_OK:           return 0;
    case DAT370_SEG_LENGTH:
    case DAT370_SEG_INVALID:  return PGM_SEGMENT_TRANS;
    case DAT370_PAGE_LENGTH:
    case DAT370_PAGE_INVALID: return PGM_PAGE_TRANS;
    case DAT370_SPEC:         return PGM_TRANS_SPEC;
    case DAT370_ADDRESSING:   return PGM_ADDRESSING;
    }
    return PGM_TRANS_SPEC;
}
