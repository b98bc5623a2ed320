/* pvmmu.c - DIAGNOSE X'1E0' batches: checked, then done (pvmmu.h). */
#include "cp/vm/pvmmu.h"
#include "cp/vm/shadow.h"
#include "cp/mm/gmem.h"
#include "arch370/dat370.h"
#include "arch370/be.h"

#define VA_MASK     0x00FFFFFFu

/* the PTE bits of a page size: must be zero, invalid, frame address
 * (arch370/dat370.h) */
static u16 pte_zero(unsigned page_bits)
{
    return page_bits == 12 ? 0x0006 : 0x0002;
}

static u16 pte_invalid(unsigned page_bits)
{
    return page_bits == 12 ? 0x0008 : 0x0004;
}

static u16 pte_frame(unsigned page_bits)
{
    return page_bits == 12 ? 0xFFF0 : 0xFFF8;
}

/* every byte of [addr, addr + len) is the guest's */
static bool inside(struct vm *vm, u32 addr, u32 len)
{
    return addr + len <= GADDR_MASK + 1 && gspace_addressable(&vm->mem, addr) &&
           gspace_addressable(&vm->mem, addr + len - 1);
}

/* the segment-table entry at addr as the batch leaves it so far: an
 * earlier entry of the same batch may have set it */
static int ste_value(struct vm *vm, const struct pvmmu_batch *b, u32 addr, u32 *ste)
{
    for (unsigned i = b->n; i-- > 0;)
        if (b->step[i].op == PVMMU_SET_STE && b->step[i].where == addr) {
            *ste = b->step[i].value;
            return 0;
        }
    return gmem_fetch32(&vm->mem, addr, ste);
}

/* a new segment-table entry: zeros where S/370 wants them, and a valid
 * one's page table (as long as its length says) inside the storage */
static enum pvmmu_rc check_ste(struct vm *vm, const struct dat370_fmt *f, u32 ste)
{
    u32 table = 2u << (f->seg_bits - f->page_bits);        /* bytes of a full page table */

    if (ste & STE370_ZERO)
        return PVMMU_VALUE;
    if (ste & STE370_INVALID)
        return PVMMU_OK;
    if (!inside(vm, ste & STE370_PTO, table / 16 * ((ste >> 28) + 1)))
        return PVMMU_VALUE;
    return PVMMU_OK;
}

static enum pvmmu_rc check_pte(struct vm *vm, const struct dat370_fmt *f, u32 pte)
{
    if (pte & pte_zero(f->page_bits))
        return PVMMU_VALUE;
    if (pte & pte_invalid(f->page_bits))
        return PVMMU_OK;
    if (!inside(vm, (pte & pte_frame(f->page_bits)) << 8, 1u << f->page_bits))
        return PVMMU_VALUE;
    return PVMMU_OK;
}

/* where the table entry for va lies in the space cr1 names: the STE
 * (op 2) or the PTE (op 1), as the S/370 table walk forms it */
static enum pvmmu_rc locate(struct vm *vm, const struct pvmmu_batch *b, const struct dat370_fmt *f,
                            struct pvmmu_step *s, u32 cr1)
{
    u32 sx = s->va >> f->seg_bits, px, ste;
    u32 ste_addr = ((cr1 & CR1_370_STO) + sx * 4) & VA_MASK;

    if ((sx >> 4) > (cr1 >> 24))
        return PVMMU_SEG_LENGTH;
    if (!inside(vm, ste_addr, 4))
        return PVMMU_TABLE;
    if (s->op == PVMMU_SET_STE) {
        s->where = ste_addr;
        return check_ste(vm, f, s->value);
    }
    if (ste_value(vm, b, ste_addr, &ste) != 0)
        return PVMMU_TABLE;
    if (ste & STE370_INVALID)
        return PVMMU_SEG_INVALID;
    if (ste & STE370_ZERO)
        return PVMMU_XLATE;
    px = (s->va & ((1u << f->seg_bits) - 1)) >> f->page_bits;
    if ((px >> (f->seg_bits - f->page_bits - 4)) > (ste >> 28))
        return PVMMU_PAGE_LENGTH;
    s->where = ((ste & STE370_PTO) + px * 2) & VA_MASK;
    if (!inside(vm, s->where, 2))
        return PVMMU_TABLE;
    return check_pte(vm, f, s->value);
}

/* one entry, read from the guest's list into s */
static enum pvmmu_rc check_entry(struct vm *vm, const struct pvmmu_batch *b, const u8 *e,
                                 struct pvmmu_step *s)
{
    struct dat370_fmt f;
    u32 space = get_be32(e + 4);

    s->op = e[0];
    s->va = get_be32(e + 8);
    s->value = get_be32(e + 12);
    s->where = 0;
    if (e[1] | e[2] | e[3])
        return PVMMU_FORMAT;
    switch (s->op) {
    case PVMMU_LOAD_CR1:
        if (s->va | s->value)
            return PVMMU_FORMAT;
        s->va = space;
        return PVMMU_OK;
    case PVMMU_SET_PTE:
        if (s->value > 0xFFFF)
            return PVMMU_FORMAT;
        break;
    case PVMMU_SET_STE:
        break;
    default:
        return PVMMU_FORMAT;
    }
    if (s->va & ~VA_MASK)
        return PVMMU_ADDRESS;
    if (!dat370_format(vm->cpu.cr[0], &f))
        return PVMMU_XLATE;
    return locate(vm, b, &f, s, space);
}

enum pvmmu_rc pvmmu_check(struct vm *vm, u32 list, u32 n, struct pvmmu_batch *b, u32 *bad)
{
    *bad = 0;
    b->n = 0;
    if (n == 0 || n > PVMMU_MAX)
        return PVMMU_COUNT;
    if (list & 7)
        return PVMMU_ALIGN;
    if (list > GADDR_MASK || !inside(vm, list, n * PVMMU_ENTRY))
        return PVMMU_LIST;
    /* read once: what is checked is what is done, whatever the guest's
     * storage holds meanwhile */
    if (gmem_read(&vm->mem, list, b->raw, n * PVMMU_ENTRY) != 0)
        return PVMMU_LIST;
    for (u32 i = 0; i < n; i++) {
        enum pvmmu_rc rc = check_entry(vm, b, b->raw + i * PVMMU_ENTRY, &b->step[i]);

        if (rc != PVMMU_OK) {
            *bad = i;
            b->n = 0;
            return rc;
        }
        b->n = i + 1;
    }
    *bad = n;
    return PVMMU_OK;
}

enum pvmmu_rc pvmmu_apply(struct vm *vm, const struct pvmmu_batch *b, u32 *bad)
{
    enum pvmmu_rc rc = PVMMU_OK;

    *bad = b->n;
    for (unsigned i = 0; i < b->n; i++) {
        const struct pvmmu_step *s = &b->step[i];
        int st = 0;

        switch (s->op) {
        case PVMMU_SET_PTE:
            st = gmem_store16(&vm->mem, s->where, (u16)s->value);
            if (st == 0)
                shadow_pv_pte(vm, s->va, s->where);
            break;
        case PVMMU_SET_STE:
            st = gmem_store32(&vm->mem, s->where, s->value);
            if (st == 0)
                shadow_pv_ste(vm, s->va, s->where);
            break;
        case PVMMU_LOAD_CR1:
            vm->cpu.cr[1] = s->va;
            break;
        }
        if (st != 0) {
            *bad = i;
            rc = PVMMU_STORE;
            break;
        }
    }
    shadow_pv_end(vm);
    return rc;
}
