/* page.c - data pages: who owns which, and what a valid one looks like.
 *
 * link[p] says, for every page of the area, whether it is free or which
 * page follows it in its file.  Only this file hands pages out and takes
 * them back, and it abends rather than hand out a page twice.  The map is
 * never written: warm start rebuilds it from the chains of the files the
 * directory names, so a page is in use exactly when a recovered file
 * reaches it. */
#include "cp/spool/spint.h"
#include "cp/kern/abend.h"
#include "cp/lib/string.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"

/* Next fit from a moving cursor: a page just freed by a purge is the last
 * to be reused, which also spreads the writes over the area. */
u32 sp_page_alloc(void)
{
    u32 span = sps.pages - sps.data0;
    u32 p = sps.cursor;

    for (u32 i = 0; i < span; i++, p++) {
        if (p < sps.data0 || p >= sps.pages)
            p = sps.data0;
        if (sps.link[p] == PAGE_FREE) {
            sps.link[p] = PAGE_END;
            sps.used++;
            sps.cursor = p + 1;
            return p;
        }
    }
    return 0;
}

void sp_page_release(u32 p)
{
    if (p < sps.data0 || p >= sps.pages || sps.link[p] == PAGE_FREE)
        cp_abend(ABEND_SPOOL, "spool page released twice or out of range");
    sps.link[p] = PAGE_FREE;
    sps.used--;
}

void sp_chain_release(u32 first)
{
    u32 p = first;

    for (u32 n = 0; p != PAGE_END; n++) {
        u32 next = sps.link[p];
        if (n >= sps.pages)
            cp_abend(ABEND_SPOOL, "spool page chain loops");
        sp_page_release(p);
        p = next;
    }
}

void spp_start(u8 *pg, u32 serial, u32 index, u32 prev, u32 firstrec)
{
    memset(pg, 0, SPF_PAGE_SIZE);
    ebc_from_ascii(pg + SPP_MAGIC, SPP_MAGIC_TEXT, 4);
    put_be32(pg + SPP_STAMP, sps.stamp);
    put_be32(pg + SPP_SERIAL, serial);
    put_be32(pg + SPP_INDEX, index);
    put_be32(pg + SPP_PREV, prev);
    put_be32(pg + SPP_FIRSTREC, firstrec);
}

static bool all_zero(const u8 *p, u32 n)
{
    while (n--)
        if (*p++)
            return false;
    return true;
}

/* the records must exactly fill SPP_USED bytes, zeros after them */
static const char *check_records(const u8 *pg)
{
    u32 nrec = get_be16(pg + SPP_NREC), used = get_be16(pg + SPP_USED);
    u32 off = 0, n = 0;

    if (nrec == 0 || used > SPP_CAPACITY)
        return "record area is invalid";
    while (off < used) {
        const u8 *r = pg + SPP_RECORDS + off;
        u32 len;
        if (used - off < SPR_HDR || r[SPR_FLAGS] != 0)
            return "record header is invalid";
        len = get_be16(r + SPR_LEN);
        if (len > SPOOL_MAX_RECORD || len > used - off - SPR_HDR)
            return "record length is invalid";
        off += SPR_HDR + len;
        n++;
    }
    if (n != nrec)
        return "record count does not match";
    if (!all_zero(pg + SPP_RECORDS + used, SPP_CAPACITY - used))
        return "bytes after the records are not zero";
    return NULL;
}

/* NULL when pg is the page e describes; else why not */
const char *spp_check(const u8 *pg, const struct spp_expect *e)
{
    u8 magic[4];
    u32 next = get_be32(pg + SPP_NEXT);

    ebc_from_ascii(magic, SPP_MAGIC_TEXT, 4);
    if (!sp_sealed(pg))
        return "checksum does not match";
    if (memcmp(pg + SPP_MAGIC, magic, 4) != 0)
        return "not a spool data page";
    if (get_be32(pg + SPP_STAMP) != sps.stamp)
        return "page is from before the last cold start";
    if (get_be32(pg + SPP_SERIAL) != e->serial)
        return "page belongs to another file";
    if (get_be32(pg + SPP_INDEX) != e->index ||
        (e->prev != SPP_ANY && get_be32(pg + SPP_PREV) != e->prev) ||
        (e->firstrec != SPP_ANY && get_be32(pg + SPP_FIRSTREC) != e->firstrec))
        return "page is out of sequence";
    if (next != 0 && (next < sps.data0 || next >= sps.pages))
        return "next page is outside the spool area";
    return check_records(pg);
}

/* read data page p and check it is the one e describes */
int sp_read_data(u32 p, u8 *buf, const struct spp_expect *e)
{
    if (p < sps.data0 || p >= sps.pages)
        return SPOOL_EDAMAGED;
    if (sps.dev->read(sps.dev->ctx, p, buf) != 0)
        return SPOOL_EIO;
    return spp_check(buf, e) ? SPOOL_EDAMAGED : SPOOL_OK;
}
