/* gmem.h - CP's access to guest storage.
 *
 * Every read or write CP makes on behalf of a guest (an operand of a
 * simulated instruction, a DIAGNOSE parameter list, a CCW, an interruption
 * stored in the guest's page 0) goes through these functions.  They return
 * 0, or the program-interruption code the caller reflects to the guest
 * (PGM_ADDRESSING for an address beyond the guest's storage).  Guest real
 * addresses are 24-bit: an access that runs past X'FFFFFF' wraps to 0, as
 * on S/370.  Reading a page the guest never touched gives zeros without
 * giving it a frame; a page that is paged out is brought in (the calling
 * task sleeps meanwhile); a store into a shared page gives the guest a
 * private copy first (cp/mm/gspace.h). */
#ifndef CP_MM_GMEM_H
#define CP_MM_GMEM_H

#include "cp/mm/gspace.h"
#include "arch370/pgm.h"
#include "arch370/be.h"
#include "cp/mm/frame.h"

#define GADDR_MASK      0x00FFFFFFu

int gmem_check(struct gspace *gs, u32 addr, u32 len);
int gmem_read(struct gspace *gs, u32 addr, void *dst, u32 len);
int gmem_write(struct gspace *gs, u32 addr, const void *src, u32 len);
int gmem_fill(struct gspace *gs, u32 addr, u8 byte, u32 len);

/* ---- the short way for the common case ---------------------------------
 * An access that stays inside one page which is resident (and, for a
 * store, private) needs none of the general path's work: no page-in, no
 * copy of a shared page, no chance of sleeping.  gmem_fast() says where
 * in real storage it is, or NULL when the general path must do it; the
 * fixed-size fetches and stores below try it first.  This is the same
 * software walk of the guest's page tables gspace_frame() makes, so the
 * rule "guest storage only through these helpers" holds. */
static inline u8 *gmem_fast(struct gspace *gs, u32 addr, u32 len, bool store)
{
    u32 a = addr & GADDR_MASK, page = a / PAGE_SIZE, pte;

    if (a >= gs->size || (a & (PAGE_SIZE - 1)) + len > PAGE_SIZE)
        return NULL;
    pte = gs->pagetab[page / PAGES_PER_SEG][page % PAGES_PER_SEG];
    if (pte & PTE_INVALID)
        return NULL;
    if (store && (gs->pages[page].flags & GP_SHARED))
        return NULL;
    return (u8 *)(uintptr_t)(pte & PTE_FRAME_MASK) + (a & (PAGE_SIZE - 1));
}

static inline int gmem_fetch8(struct gspace *gs, u32 addr, u8 *out)
{
    const u8 *p = gmem_fast(gs, addr, 1, false);

    if (!p)
        return gmem_read(gs, addr, out, 1);
    *out = *p;
    return 0;
}

static inline int gmem_fetch16(struct gspace *gs, u32 addr, u16 *out)
{
    const u8 *p = gmem_fast(gs, addr, 2, false);
    u8 b[2];
    int rc = 0;

    if (!p) {
        rc = gmem_read(gs, addr, b, 2);
        p = b;
    }
    if (!rc)
        *out = get_be16(p);
    return rc;
}

static inline int gmem_fetch32(struct gspace *gs, u32 addr, u32 *out)
{
    const u8 *p = gmem_fast(gs, addr, 4, false);
    u8 b[4];
    int rc = 0;

    if (!p) {
        rc = gmem_read(gs, addr, b, 4);
        p = b;
    }
    if (!rc)
        *out = get_be32(p);
    return rc;
}

static inline int gmem_fetch64(struct gspace *gs, u32 addr, u64 *out)
{
    const u8 *p = gmem_fast(gs, addr, 8, false);
    u8 b[8];
    int rc = 0;

    if (!p) {
        rc = gmem_read(gs, addr, b, 8);
        p = b;
    }
    if (!rc)
        *out = get_be64(p);
    return rc;
}

static inline int gmem_store8(struct gspace *gs, u32 addr, u8 v)
{
    u8 *p = gmem_fast(gs, addr, 1, true);

    if (!p)
        return gmem_write(gs, addr, &v, 1);
    *p = v;
    return 0;
}

static inline int gmem_store16(struct gspace *gs, u32 addr, u16 v)
{
    u8 *p = gmem_fast(gs, addr, 2, true), b[2];

    put_be16(p ? p : b, v);
    return p ? 0 : gmem_write(gs, addr, b, 2);
}

static inline int gmem_store32(struct gspace *gs, u32 addr, u32 v)
{
    u8 *p = gmem_fast(gs, addr, 4, true), b[4];

    put_be32(p ? p : b, v);
    return p ? 0 : gmem_write(gs, addr, b, 4);
}

static inline int gmem_store64(struct gspace *gs, u32 addr, u64 v)
{
    u8 *p = gmem_fast(gs, addr, 8, true), b[8];

    put_be64(p ? p : b, v);
    return p ? 0 : gmem_write(gs, addr, b, 8);
}

#endif
