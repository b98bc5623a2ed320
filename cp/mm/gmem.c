/* gmem.c - guest storage access through the guest's page tables. */
#include "cp/mm/gmem.h"
#include "cp/mm/frame.h"
#include "cp/lib/string.h"
#include "arch370/be.h"

int gmem_check(struct gspace *gs, u32 addr, u32 len)
{
    /* every page touched must lie inside the guest's storage (or in a
     * saved segment loaded above it) */
    while (len) {
        u32 a = addr & GADDR_MASK;
        u32 chunk = PAGE_SIZE - (a & (PAGE_SIZE - 1));
        if (!gspace_addressable(gs, a))
            return PGM_ADDRESSING;
        if (chunk > len)
            chunk = len;
        addr = a + chunk;
        len -= chunk;
    }
    return 0;
}

int gmem_read(struct gspace *gs, u32 addr, void *dst, u32 len)
{
    u8 *d = dst;
    int rc = gmem_check(gs, addr, len);

    if (rc)
        return rc;
    while (len) {
        u32 a = addr & GADDR_MASK;
        u32 off = a & (PAGE_SIZE - 1);
        u32 chunk = PAGE_SIZE - off;
        u32 f = gspace_frame(gs, a, false);     /* may page in */
        if (chunk > len)
            chunk = len;
        if (f)
            memcpy(d, (const u8 *)(uintptr_t)f + off, chunk);
        else if (gspace_has_data(gs, a))
            return PGM_ADDRESSING;      /* could not be brought in: see gspace */
        else
            memset(d, 0, chunk);
        d += chunk;
        addr = a + chunk;
        len -= chunk;
    }
    return 0;
}

int gmem_write(struct gspace *gs, u32 addr, const void *src, u32 len)
{
    const u8 *s = src;
    int rc = gmem_check(gs, addr, len);

    if (rc)
        return rc;
    while (len) {
        u32 a = addr & GADDR_MASK;
        u32 off = a & (PAGE_SIZE - 1);
        u32 chunk = PAGE_SIZE - off;
        u32 f = gspace_frame(gs, a, true);      /* may page in or copy */
        if (!f)
            return PGM_ADDRESSING;      /* no frame to be had: see gspace */
        if (chunk > len)
            chunk = len;
        memcpy((u8 *)(uintptr_t)f + off, s, chunk);
        s += chunk;
        addr = a + chunk;
        len -= chunk;
    }
    return 0;
}

int gmem_fill(struct gspace *gs, u32 addr, u8 byte, u32 len)
{
    u8 buf[256];
    int rc = 0;

    memset(buf, byte, sizeof buf);
    while (len && !rc) {
        u32 chunk = len > sizeof buf ? sizeof buf : len;
        rc = gmem_write(gs, addr, buf, chunk);
        addr += chunk;
        len -= chunk;
    }
    return rc;
}
