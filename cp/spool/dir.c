/* dir.c - the spool directory: entries, and updates that survive a crash.
 *
 * Each directory page is kept twice on DASD.  An update builds the whole
 * page from the slots in memory and writes it over the copy that does not
 * hold the current version, with the next write sequence number; only
 * when that write has completed does the new copy become current.  A
 * crash in the middle of the write leaves the other copy, the previous
 * version, intact and valid (docs/spool-format.md).
 *
 * Updates are serialised by one lock: two writes of the same page pair
 * in flight could otherwise leave neither copy valid. */
#include "cp/spool/spint.h"
#include "cp/kern/abend.h"
#include "cp/lib/string.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"

u32 spd_page(u32 d, u32 copy)
{
    return 1 + 2 * d + copy;
}

/* how a slot goes to DASD: as it will be once the pending update is done */
u8 slot_disk_state(const struct spool_file *f)
{
    if (f->state == SLOT_OPEN)
        return f->pending == PEND_CLOSE ? SPE_CLOSED :
               f->pending == PEND_DROP ? SPE_FREE : SPE_OPEN;
    if (f->state == SLOT_READY)
        return f->pending == PEND_DROP ? SPE_FREE : SPE_CLOSED;
    return SPE_FREE;
}

void spe_encode(u8 *e, const struct spool_file *f)
{
    const struct spool_attrs *a = &f->a;

    memset(e, 0, SPD_ENTRY_SIZE);
    e[SPE_STATE] = slot_disk_state(f);
    if (e[SPE_STATE] == SPE_FREE)
        return;
    e[SPE_TYPE] = a->type;
    e[SPE_ORIGTYPE] = a->origin_type;
    e[SPE_CLASS] = ascii_to_ebc[(u8)a->cls];
    put_be16(e + SPE_SPID, a->spid);
    e[SPE_COPIES] = a->copies;
    e[SPE_FLAGS] = a->flags;
    put_be32(e + SPE_SERIAL, f->serial);
    put_be32(e + SPE_ORDER, f->order);
    put_be64(e + SPE_CREATED, a->created);
    sp_put_name(e + SPE_ORIGIN, a->origin);
    sp_put_name(e + SPE_OWNER, a->owner);
    sp_put_name(e + SPE_FORM, a->form);
    sp_put_name(e + SPE_FNAME, a->fname);
    sp_put_name(e + SPE_FTYPE, a->ftype);
    sp_put_name(e + SPE_DIST, a->dist);
    put_be32(e + SPE_RECORDS, a->records);
    put_be32(e + SPE_PAGES, a->pages);
    put_be32(e + SPE_FIRST, f->first);
    put_be32(e + SPE_LAST, f->last);
    put_be32(e + SPE_BYTES, a->bytes);
}

static bool zero(const u8 *p, u32 n)
{
    while (n--)
        if (*p++)
            return false;
    return true;
}

static const char *decode_names(const u8 *e, struct spool_attrs *a)
{
    bool ok = sp_get_name(a->origin, e + SPE_ORIGIN, true);
    ok &= sp_get_name(a->owner, e + SPE_OWNER, true);
    ok &= sp_get_name(a->form, e + SPE_FORM, false);
    ok &= sp_get_name(a->fname, e + SPE_FNAME, false);
    ok &= sp_get_name(a->ftype, e + SPE_FTYPE, false);
    ok &= sp_get_name(a->dist, e + SPE_DIST, false);
    return ok ? NULL : "a name is not valid";
}

/* where the data is: consistent counts and pages inside the data area */
static const char *check_extent(const struct spool_file *f)
{
    const struct spool_attrs *a = &f->a;

    if ((a->pages == 0) != (a->records == 0) || a->records < a->pages)
        return "record and page counts disagree";
    if (a->pages > sps.pages - sps.data0)
        return "page count exceeds the spool area";
    if (a->pages == 0)
        return f->first || f->last || a->bytes ? "empty file has data" : NULL;
    if (f->first < sps.data0 || f->first >= sps.pages || f->last < sps.data0 || f->last >= sps.pages)
        return "data page outside the spool area";
    return NULL;
}

/* Decode entry e into f; NULL when it is valid, else why not.  Fields
 * that name the file (spid, owner, type) are decoded before any check so
 * that a message can name a file being discarded. */
const char *spe_decode(const u8 *e, struct spool_file *f)
{
    struct spool_attrs *a = &f->a;
    const char *why;

    memset(f, 0, sizeof *f);
    if (e[SPE_STATE] == SPE_FREE)
        return zero(e, SPD_ENTRY_SIZE) ? NULL : "free entry is not empty";
    if (e[SPE_STATE] != SPE_OPEN && e[SPE_STATE] != SPE_CLOSED)
        return "entry state is not valid";
    f->state = e[SPE_STATE] == SPE_OPEN ? SLOT_OPEN : SLOT_READY;
    a->spid = get_be16(e + SPE_SPID);
    a->type = e[SPE_TYPE];
    a->origin_type = e[SPE_ORIGTYPE];
    a->cls = (char)ebc_to_ascii[e[SPE_CLASS]];
    a->copies = e[SPE_COPIES];
    a->flags = e[SPE_FLAGS];
    f->serial = get_be32(e + SPE_SERIAL);
    f->order = get_be32(e + SPE_ORDER);
    a->created = get_be64(e + SPE_CREATED);
    a->records = get_be32(e + SPE_RECORDS);
    a->pages = get_be32(e + SPE_PAGES);
    f->first = get_be32(e + SPE_FIRST);
    f->last = get_be32(e + SPE_LAST);
    a->bytes = get_be32(e + SPE_BYTES);
    if ((why = decode_names(e, a)) != NULL)
        return why;
    if (a->spid < 1 || a->spid > SPOOL_MAX_ID || f->serial == 0)
        return "spool id or serial is not valid";
    if (sp_attrs_check(a) != SPOOL_OK)
        return "an attribute is not valid";
    if (!zero(e + SPE_BYTES + 4, SPD_ENTRY_SIZE - SPE_BYTES - 4))
        return "reserved bytes are not zero";
    if (f->state == SLOT_OPEN)
        return a->records || a->pages || f->first || f->last || a->bytes ?
               "open entry records data" : NULL;
    return check_extent(f);
}

void spd_header(u8 *b, u32 d, u32 copy, u64 seq)
{
    ebc_from_ascii(b + SPD_MAGIC, SPD_MAGIC_TEXT, 8);
    put_be32(b + SPD_STAMP, sps.stamp);
    put_be32(b + SPD_INDEX, d);
    put_be32(b + SPD_COPY, copy);
    put_be64(b + SPD_SEQ, seq);
    put_be32(b + SPD_NEXT_ID, sps.next_id);
    put_be32(b + SPD_NEXT_SERIAL, sps.next_serial);
    put_be32(b + SPD_ORDER_LO, sps.order_lo);
    put_be32(b + SPD_ORDER_HI, sps.order_hi);
}

/* NULL when b is a valid copy `copy` of directory page d */
const char *spd_check(const u8 *b, u32 d, u32 copy)
{
    u8 magic[8];
    u32 tail = SPD_ENTRIES + SPD_SLOTS * SPD_ENTRY_SIZE;

    ebc_from_ascii(magic, SPD_MAGIC_TEXT, 8);
    if (!sp_sealed(b))
        return "checksum does not match";
    if (memcmp(b + SPD_MAGIC, magic, 8) != 0)
        return "not a spool directory page";
    if (get_be32(b + SPD_STAMP) != sps.stamp)
        return "page is from before the last cold start";
    if (get_be32(b + SPD_INDEX) != d || get_be32(b + SPD_COPY) != copy)
        return "page is in the wrong place";
    if (!zero(b + SPD_ORDER_HI + 4, SPD_ENTRIES - SPD_ORDER_HI - 4) ||
        !zero(b + tail, SPF_CRC - tail))
        return "reserved bytes are not zero";
    return NULL;
}

void dir_lock(void)
{
    while (sps.dir_busy) {
        if (!sps.dev->sleep)
            cp_abend(ABEND_SPOOL, "spool directory busy and no task to wait for");
        sps.dev->sleep(&sps.dir_busy);
    }
    sps.dir_busy = true;
}

void dir_unlock(void)
{
    sps.dir_busy = false;
    if (sps.dev->wakeup)
        sps.dev->wakeup(&sps.dir_busy);
}

/* write directory page d from the slots, over the copy not current */
int dir_write(u32 d)
{
    u8 *b = sps.dirbuf;
    u32 copy = sps.cur_copy[d] ^ 1u;
    int rc;

    memset(b, 0, SPF_PAGE_SIZE);
    spd_header(b, d, copy, ++sps.seq);
    for (u32 i = 0; i < SPD_SLOTS; i++)
        spe_encode(b + SPD_ENTRIES + i * SPD_ENTRY_SIZE, &sps.slots[d * SPD_SLOTS + i]);
    sp_seal(b);
    rc = sps.dev->write(sps.dev->ctx, spd_page(d, copy), b);
    if (rc != 0) {
        sp_msg("CPX410E DASD error %d writing spool directory page %u; "
               "the last update is not on DASD", rc, (unsigned)d);
        return SPOOL_EIO;
    }
    sps.cur_copy[d] = (u8)copy;
    return SPOOL_OK;
}

int dir_update_page(u32 d, slot_fn fn, void *arg)
{
    struct spool_file *page = &sps.slots[d * SPD_SLOTS];
    int changed = 0, rc;

    memcpy(sps.save, page, SPD_SLOTS * sizeof *page);
    for (u32 i = 0; i < SPD_SLOTS; i++)
        if (fn(&page[i], arg))
            changed++;
    if (!changed)
        return 0;
    rc = dir_write(d);
    if (rc != SPOOL_OK) {
        /* undo, except the reader flags: readers come and go without
         * the lock while the write was in flight */
        for (u32 i = 0; i < SPD_SLOTS; i++) {
            bool reading = page[i].reading;
            page[i] = sps.save[i];
            page[i].reading = reading;
        }
        return rc;
    }
    return changed;
}

struct one_slot {
    struct spool_file *f;
    slot_fn fn;
    void *arg;
};

static bool only_that_slot(struct spool_file *f, void *arg)
{
    struct one_slot *o = arg;
    return f == o->f && o->fn(f, o->arg);
}

int dir_update_slot(struct spool_file *f, slot_fn fn, void *arg)
{
    struct one_slot o = { f, fn, arg };
    u32 d = (u32)(f - sps.slots) / SPD_SLOTS;
    int rc = dir_update_page(d, only_that_slot, &o);

    return rc < 0 ? rc : SPOOL_OK;
}
