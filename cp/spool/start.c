/* start.c - bringing the spool up: the layout of the area, the label,
 * cold start (format) and the memory the store keeps.
 *
 * Cold start is the operator's explicit choice and erases every file: it
 * first destroys the label, so a cold start cut short by a crash can
 * never be mistaken for a formatted area, then writes both copies of
 * every directory page empty, then the new label with a new stamp that
 * makes every page of the old format invalid.  Warm start is in
 * recover.c. */
#include "cp/spool/spint.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"

struct spool_store sps;

/* One directory slot for every two pages of the area, up to the 9999
 * spool ids: a file needs at least one data page, so there are always
 * about as many slots as files can fit, for 3% of the area. */
static void layout(u32 pages)
{
    u32 want = pages / 2 > SPOOL_MAX_ID ? SPOOL_MAX_ID : pages / 2;
    u32 ndir = (want + SPD_SLOTS - 1) / SPD_SLOTS;

    if (ndir == 0)
        ndir = 1;
    while (ndir > 1 && 1 + 2 * ndir >= pages)
        ndir--;
    sps.pages = pages;
    sps.ndir = ndir;
    sps.nslots = ndir * SPD_SLOTS;
    sps.data0 = 1 + 2 * ndir;
}

static void release_memory(void)
{
    void *blocks[] = { sps.slots, sps.save, sps.cur_copy, sps.link, sps.id_slot, sps.dirbuf };

    for (unsigned i = 0; i < ARRAY_SIZE(blocks); i++)
        if (blocks[i])
            kfree(blocks[i]);
    memset(&sps, 0, sizeof sps);
}

static int alloc_memory(void)
{
    sps.slots = kzalloc(sps.nslots * sizeof *sps.slots, "SPFILE");
    sps.save = kzalloc(SPD_SLOTS * sizeof *sps.save, "SPSAVE");
    sps.cur_copy = kzalloc(sps.ndir, "SPDIR");
    sps.link = kmalloc(sps.pages * sizeof *sps.link, "SPLINK");
    sps.id_slot = kzalloc((SPOOL_MAX_ID + 1) * sizeof *sps.id_slot, "SPIDS");
    sps.dirbuf = kmalloc(SPF_PAGE_SIZE, "SPDIRBUF");
    if (!sps.slots || !sps.save || !sps.cur_copy || !sps.link || !sps.id_slot || !sps.dirbuf)
        return SPOOL_ENOMEM;
    for (u32 p = 0; p < sps.pages; p++)
        sps.link[p] = p < sps.data0 ? PAGE_END : PAGE_FREE;
    for (u32 d = 0; d < sps.ndir; d++)
        sps.cur_copy[d] = 1;             /* so the first write goes to copy 0 */
    return SPOOL_OK;
}

static u64 now(void)
{
    return sps.dev->now ? sps.dev->now(sps.dev->ctx) : 0;
}

static void build_label(u8 *b, u64 formatted)
{
    memset(b, 0, SPF_PAGE_SIZE);
    ebc_from_ascii(b + SPL_MAGIC, SPL_MAGIC_TEXT, 8);
    put_be32(b + SPL_VERSION, SPF_FORMAT_VERSION);
    put_be32(b + SPL_PAGES, sps.pages);
    put_be32(b + SPL_NDIR, sps.ndir);
    put_be32(b + SPL_SLOTS, SPD_SLOTS);
    put_be32(b + SPL_DATA0, sps.data0);
    put_be32(b + SPL_STAMP, sps.stamp);
    put_be64(b + SPL_FORMATTED, formatted);
    sp_seal(b);
}

/* NULL when b is a label of this format; else why not */
const char *spl_check(const u8 *b)
{
    u8 magic[8];

    ebc_from_ascii(magic, SPL_MAGIC_TEXT, 8);
    if (!sp_sealed(b))
        return "checksum does not match";
    if (memcmp(b + SPL_MAGIC, magic, 8) != 0)
        return "no spool label";
    if (get_be32(b + SPL_VERSION) != SPF_FORMAT_VERSION)
        return "unknown format version";
    return NULL;
}

static int put_page(u32 p, const u8 *b)
{
    int rc = sps.dev->write(sps.dev->ctx, p, b);

    if (rc != 0) {
        sp_msg("CPX412E DASD error %d writing spool page %u; cold start not completed",
               rc, (unsigned)p);
        return SPOOL_EIO;
    }
    return SPOOL_OK;
}

/* a new stamp, different from the old one, so no old page is believed */
static u32 new_stamp(u8 *b)
{
    u32 stamp = (u32)(now() >> 32);

    if (sps.dev->read(sps.dev->ctx, 0, b) == 0 && !spl_check(b))
        stamp = get_be32(b + SPL_STAMP) + 1;
    return stamp ? stamp : 1;
}

static int format(void)
{
    u8 *b = sps.dirbuf;
    int rc;

    sps.stamp = new_stamp(b);
    memset(b, 0, SPF_PAGE_SIZE);
    if ((rc = put_page(0, b)) != SPOOL_OK)
        return rc;
    for (u32 d = 0; d < sps.ndir; d++)
        for (int copy = 0; copy < 2; copy++)
            if ((rc = dir_write(d)) != SPOOL_OK)
                return rc;
    build_label(b, now());
    if ((rc = put_page(0, b)) != SPOOL_OK)
        return rc;
    sp_msg("CPX401I Spool cold start: all spool files erased, %u data pages",
           (unsigned)(sps.pages - sps.data0));
    return SPOOL_OK;
}

/* the label of a warm start must describe this very layout */
int spl_read(u8 *b)
{
    int rc = sps.dev->read(sps.dev->ctx, 0, b);
    const char *why;

    if (rc != 0) {
        sp_msg("CPX408E DASD error %d reading the spool label; spooling is not started", rc);
        return SPOOL_EIO;
    }
    if ((why = spl_check(b)) != NULL) {
        sp_msg("CPX406E The spool area has no valid label (%s); a cold start is needed", why);
        return SPOOL_ENOTFMT;
    }
    if (get_be32(b + SPL_PAGES) != sps.pages || get_be32(b + SPL_NDIR) != sps.ndir ||
        get_be32(b + SPL_SLOTS) != SPD_SLOTS || get_be32(b + SPL_DATA0) != sps.data0) {
        sp_msg("CPX407E The spool area has %u pages but was formatted for %u; "
               "a cold start is needed", (unsigned)sps.pages, (unsigned)get_be32(b + SPL_PAGES));
        return SPOOL_ENOTFMT;
    }
    sps.stamp = get_be32(b + SPL_STAMP);
    return SPOOL_OK;
}

int spool_init(struct spool_dev *dev, bool cold, struct spool_init_report *rep)
{
    struct spool_init_report r;
    int rc;

    release_memory();
    memset(&r, 0, sizeof r);
    if (!dev || !dev->read || !dev->write || dev->pages < SPOOL_MIN_PAGES)
        return SPOOL_EINVAL;
    sps.dev = dev;
    layout(dev->pages);
    sps.next_id = 1;
    sps.next_serial = 1;
    sps.order_lo = sps.order_hi = ORDER_START;
    rc = alloc_memory();
    if (rc == SPOOL_OK)
        rc = cold ? format() : sp_recover(&r);
    if (rc != SPOOL_OK) {
        release_memory();
        return rc;
    }
    r.pages_total = sps.pages - sps.data0;
    r.pages_used = sps.used;
    if (rep)
        *rep = r;
    sps.ready = true;
    return SPOOL_OK;
}

void spool_term(void)
{
    release_memory();
}

void spool_space(u32 *total, u32 *used)
{
    if (total)
        *total = sps.ready ? sps.pages - sps.data0 : 0;
    if (used)
        *used = sps.ready ? sps.used : 0;
}
