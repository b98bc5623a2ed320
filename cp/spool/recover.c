/* recover.c - warm start: rebuild the queues and the page map from DASD.
 *
 * Rules (docs/spool-format.md):
 *  - of the two copies of a directory page, the valid one with the higher
 *    write sequence is the directory; neither valid loses that page;
 *  - a file that was open when the system stopped is discarded: its data
 *    was never committed;
 *  - a closed file is recovered only if every page of its chain is valid,
 *    is the page the chain expects (serial, index, neighbours, record
 *    numbers) and is claimed by no other file; else it is discarded;
 *  - the page map is exactly the chains of the recovered files, so a page
 *    is never in use twice and no page is lost;
 *  - directory pages that lost entries are written again, so the next
 *    warm start finds them clean.
 * Every discarded file gets a message naming it and the reason. */
#include "cp/spool/spint.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "cp/lib/format.h"
#include "arch370/be.h"

struct recovery {
    struct spool_init_report *r;
    u8 *pg, *alt;               /* two page buffers */
    u8 *dirty;                  /* per directory page: copies to rewrite */
    u64 best_seq;               /* newest directory write seen */
    char why[96];
};

/* why NULL: the file was open when the system stopped */
static void discard(struct recovery *rc, u32 s, const char *why)
{
    struct spool_file *f = &sps.slots[s];

    if (!why)
        sp_msg("CPX403W Spool file %04u (%s %s) was open when the system stopped; discarded",
               f->a.spid, f->a.owner, spool_type_name(f->a.type));
    else
        sp_msg("CPX404W Spool file %04u (%s %s) is damaged (%s); discarded",
               f->a.spid, f->a.owner, spool_type_name(f->a.type), why);
    memset(f, 0, sizeof *f);
    if (!rc->dirty[s / SPD_SLOTS])
        rc->dirty[s / SPD_SLOTS] = 1;
}

/* the counters of the newest directory write are the newest counters */
static void take_counters(struct recovery *rc, const u8 *b)
{
    u64 seq = get_be64(b + SPD_SEQ);

    if (seq > sps.seq)
        sps.seq = seq;
    if (seq < rc->best_seq)
        return;
    rc->best_seq = seq;
    sps.next_id = get_be32(b + SPD_NEXT_ID);
    sps.next_serial = get_be32(b + SPD_NEXT_SERIAL);
    sps.order_lo = get_be32(b + SPD_ORDER_LO);
    sps.order_hi = get_be32(b + SPD_ORDER_HI);
}

static const char *read_copy(u32 d, u32 copy, u8 *b)
{
    if (sps.dev->read(sps.dev->ctx, spd_page(d, copy), b) != 0)
        return "DASD error";
    return spd_check(b, d, copy);
}

static void load_entries(struct recovery *rc, u32 d, const u8 *b)
{
    for (u32 i = 0; i < SPD_SLOTS; i++) {
        u32 s = d * SPD_SLOTS + i;
        struct spool_file *f = &sps.slots[s];
        const char *why = spe_decode(b + SPD_ENTRIES + i * SPD_ENTRY_SIZE, f);

        if (!why)
            continue;
        rc->r->damaged_discarded++;
        if (f->state != SLOT_FREE && f->a.spid >= 1 && f->a.spid <= SPOOL_MAX_ID &&
            sp_name_ok(f->a.owner, true)) {
            discard(rc, s, why);
        } else {
            sp_msg("CPX409W Spool directory page %u entry %u is not valid (%s); ignored",
                   (unsigned)d, (unsigned)i, why);
            memset(f, 0, sizeof *f);
            rc->dirty[d] = 1;
        }
    }
}

static void load_dir_page(struct recovery *rc, u32 d)
{
    const char *why0 = read_copy(d, 0, rc->pg);
    const char *why1 = read_copy(d, 1, rc->alt);
    u32 copy;

    if (why0 && why1) {
        sp_msg("CPX405W Spool directory page %u has no valid copy (%s; %s); "
               "the files listed on it are lost", (unsigned)d, why0, why1);
        rc->r->dir_pages_lost++;
        rc->dirty[d] = 2;
        return;
    }
    if (!why0)
        take_counters(rc, rc->pg);
    if (!why1)
        take_counters(rc, rc->alt);
    if (why1)
        copy = 0;
    else if (why0)
        copy = 1;
    else
        copy = get_be64(rc->alt + SPD_SEQ) > get_be64(rc->pg + SPD_SEQ);
    sps.cur_copy[d] = (u8)copy;
    load_entries(rc, d, copy ? rc->alt : rc->pg);
}

/* read page p into rc->pg and check it is the page e expects, unclaimed */
static const char *check_page_at(struct recovery *rc, u32 p, const struct spp_expect *e)
{
    const char *why;

    if (p < sps.data0 || p >= sps.pages)
        why = "chain leaves the spool area";
    else if (sps.link[p] != PAGE_FREE)
        why = "a page is claimed by another file";
    else if (sps.dev->read(sps.dev->ctx, p, rc->pg) != 0)
        why = "DASD error";
    else
        why = spp_check(rc->pg, e);
    if (!why)
        return NULL;
    fmt_snprintf(rc->why, sizeof rc->why, "data page %u: %s", (unsigned)p, why);
    return rc->why;
}

static u32 record_bytes(const u8 *pg)
{
    u32 bytes = 0;

    for (u32 off = 0; off < get_be16(pg + SPP_USED); ) {
        u32 len = get_be16(pg + SPP_RECORDS + off + SPR_LEN);
        bytes += len;
        off += SPR_HDR + len;
    }
    return bytes;
}

static void unclaim(u32 p, u32 n)
{
    while (n--) {
        u32 next = sps.link[p];
        sps.link[p] = PAGE_FREE;
        sps.used--;
        p = next;
    }
}

/* Walk f's chain, checking every page and claiming it in the page map;
 * on failure give back what was claimed and say why. */
static const char *claim_chain(struct recovery *rc, struct spool_file *f)
{
    struct spp_expect e = { f->serial, 0, 0, 0 };
    u32 p = f->first, bytes = 0;
    const char *why = NULL;

    for (; !why && e.index < f->a.pages; e.index++) {
        u32 next;
        bool last = e.index + 1 == f->a.pages;
        if ((why = check_page_at(rc, p, &e)) != NULL)
            break;
        next = get_be32(rc->pg + SPP_NEXT);
        if ((next == 0) != last || (last && p != f->last)) {
            why = "chain length does not match the directory";
            break;
        }
        bytes += record_bytes(rc->pg);
        sps.link[p] = next;
        sps.used++;
        e.prev = p;
        e.firstrec += get_be16(rc->pg + SPP_NREC);
        p = next;
    }
    if (!why && (e.firstrec != f->a.records || bytes != f->a.bytes))
        why = "record count or size does not match the directory";
    if (why)
        unclaim(f->first, e.index);
    return why;
}

static void keep_counters_ahead(const struct spool_file *f)
{
    if (f->serial >= sps.next_serial)
        sps.next_serial = f->serial + 1;
    if (f->order >= sps.order_hi)
        sps.order_hi = f->order + 1;
    if (f->order < sps.order_lo)
        sps.order_lo = f->order;
}

static void settle_entries(struct recovery *rc)
{
    for (u32 s = 0; s < sps.nslots; s++) {
        struct spool_file *f = &sps.slots[s];
        const char *why;

        if (f->state == SLOT_OPEN) {
            rc->r->open_discarded++;
            discard(rc, s, NULL);
            continue;
        }
        if (f->state != SLOT_READY)
            continue;
        why = sps.id_slot[f->a.spid] ? "its spool id belongs to another file" :
              claim_chain(rc, f);
        if (why) {
            rc->r->damaged_discarded++;
            discard(rc, s, why);
            continue;
        }
        sps.id_slot[f->a.spid] = (u16)(s + 1);
        keep_counters_ahead(f);
        rc->r->recovered++;
    }
    if (sps.next_id < 1 || sps.next_id > SPOOL_MAX_ID)
        sps.next_id = 1;
}

/* directory pages that lost entries are written clean; a page with no
 * valid copy gets both copies */
static void rewrite_dirty(struct recovery *rc)
{
    for (u32 d = 0; d < sps.ndir; d++)
        for (u8 n = rc->dirty[d]; n; n--)
            if (dir_write(d) != SPOOL_OK)
                break;
}

int sp_recover(struct spool_init_report *r)
{
    struct recovery rc;
    int err;

    memset(&rc, 0, sizeof rc);
    rc.r = r;
    rc.pg = kmalloc(SPF_PAGE_SIZE, "SPWARM");
    rc.alt = kmalloc(SPF_PAGE_SIZE, "SPWARM");
    rc.dirty = kzalloc(sps.ndir, "SPWARM");
    err = rc.pg && rc.alt && rc.dirty ? spl_read(rc.pg) : SPOOL_ENOMEM;
    if (err == SPOOL_OK) {
        for (u32 d = 0; d < sps.ndir; d++)
            load_dir_page(&rc, d);
        settle_entries(&rc);
        rewrite_dirty(&rc);
        sp_msg("CPX402I Spool warm start: %u files recovered, %u discarded, "
               "%u of %u data pages in use", (unsigned)r->recovered,
               (unsigned)(r->open_discarded + r->damaged_discarded),
               (unsigned)sps.used, (unsigned)(sps.pages - sps.data0));
    }
    if (rc.pg)
        kfree(rc.pg);
    if (rc.alt)
        kfree(rc.alt);
    if (rc.dirty)
        kfree(rc.dirty);
    return err;
}
