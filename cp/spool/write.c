/* write.c - making a spool file: open, put records, close or abort.
 *
 * Open writes an OPEN entry, so a crash while the file is being written
 * is reported by name at warm start.  Records fill a page in storage;
 * when the next record does not fit, a new page is taken first and the
 * full page is written with the new page as its successor, so the chain
 * on DASD always leads to pages this file wrote.  Close writes the last
 * page and then the directory entry: the file exists from that moment
 * and not before (docs/spool-format.md). */
#include "cp/spool/spint.h"
#include "cp/lib/string.h"
#include "arch370/be.h"

static bool is_writer(const struct spf *h)
{
    return h && h->magic == SPF_WRITER;
}

static int free_slot(void)
{
    for (u32 s = 0; s < sps.nslots; s++)
        if (sps.slots[s].state == SLOT_FREE)
            return (int)s;
    return -1;
}

static u32 dir_page_of(const struct spool_file *f)
{
    return (u32)(f - sps.slots) / SPD_SLOTS;
}

/* take a slot, an id and a serial, and record the open file on DASD */
static int reserve(const struct spool_attrs *a, struct spool_file **out)
{
    int s = free_slot();
    struct spool_file *f;
    u16 spid;
    int rc;

    if (s < 0)
        return SPOOL_ENOSLOT;
    if ((rc = sp_id_take((u16)s, &spid)) != SPOOL_OK)
        return rc;
    f = &sps.slots[s];
    memset(f, 0, sizeof *f);
    f->a = *a;
    f->a.spid = spid;
    f->a.records = f->a.pages = f->a.bytes = 0;
    if (!f->a.created && sps.dev->now)
        f->a.created = sps.dev->now(sps.dev->ctx);
    f->serial = sps.next_serial++;
    if (sps.next_serial == 0)
        sps.next_serial = 1;
    f->state = SLOT_OPEN;
    if ((rc = dir_write(dir_page_of(f))) != SPOOL_OK) {
        sp_id_release(spid);
        memset(f, 0, sizeof *f);
        return rc;
    }
    *out = f;
    return SPOOL_OK;
}

int spf_open_write(const struct spool_attrs *a, struct spf **out)
{
    struct spf *h;
    int rc;

    if (!sps.ready)
        return SPOOL_ENOTREADY;
    if (!out || sp_attrs_check(a) != SPOOL_OK)
        return SPOOL_EINVAL;
    if (!(h = sp_handle_new("SPFILEW")))
        return SPOOL_ENOMEM;
    dir_lock();
    rc = reserve(a, &h->f);
    dir_unlock();
    if (rc != SPOOL_OK) {
        sp_handle_free(h);
        return rc;
    }
    h->magic = SPF_WRITER;
    *out = h;
    return SPOOL_OK;
}

/* write the page in buf with its successor `next` (0: it is the last) */
static int flush_page(struct spf *h, u32 next)
{
    int rc;

    put_be32(h->buf + SPP_NEXT, next);
    sp_seal(h->buf);
    rc = sps.dev->write(sps.dev->ctx, h->page, h->buf);
    if (rc != 0) {
        sp_msg("CPX411E DASD error %d writing spool page %u of file %04u",
               rc, (unsigned)h->page, h->f->a.spid);
        h->error = SPOOL_EIO;
        return SPOOL_EIO;
    }
    return SPOOL_OK;
}

static int next_page(struct spf *h)
{
    u32 p = sp_page_alloc();
    u32 prev = h->page, index = 0, firstrec = 0;

    if (!p)
        return SPOOL_EFULL;
    if (prev) {
        if (flush_page(h, p) != SPOOL_OK) {
            sp_page_release(p);
            return SPOOL_EIO;
        }
        sps.link[prev] = p;
        index = h->index + 1;
        firstrec = h->firstrec + get_be16(h->buf + SPP_NREC);
    } else {
        h->first = p;
    }
    h->page = p;
    h->index = index;
    h->firstrec = firstrec;
    spp_start(h->buf, h->f->serial, index, prev, firstrec);
    return SPOOL_OK;
}

int spf_put(struct spf *h, u8 ccw_op, const void *data, u16 len)
{
    u32 used;
    u8 *r;
    int rc;

    if (!is_writer(h) || len > SPOOL_MAX_RECORD || (len && !data))
        return SPOOL_EINVAL;
    if (h->error)
        return h->error;
    if (!h->page || get_be16(h->buf + SPP_USED) + SPR_HDR + len > SPP_CAPACITY)
        if ((rc = next_page(h)) != SPOOL_OK)
            return rc;
    used = get_be16(h->buf + SPP_USED);
    r = h->buf + SPP_RECORDS + used;
    r[SPR_OP] = ccw_op;
    r[SPR_FLAGS] = 0;
    put_be16(r + SPR_LEN, len);
    if (len)
        memcpy(r + SPR_DATA, data, len);
    put_be16(h->buf + SPP_USED, (u16)(used + SPR_HDR + len));
    put_be16(h->buf + SPP_NREC, (u16)(get_be16(h->buf + SPP_NREC) + 1));
    h->records++;
    h->bytes += len;
    return SPOOL_OK;
}

/* drop the file: its pages were never named by a CLOSED entry, so they
 * are free at once; the OPEN entry is cleared on DASD */
static void drop(struct spf *h)
{
    struct spool_file *f = h->f;

    if (h->first)
        sp_chain_release(h->first);
    dir_lock();
    f->pending = PEND_DROP;
    dir_write(dir_page_of(f));
    sp_id_release(f->a.spid);
    memset(f, 0, sizeof *f);
    dir_unlock();
}

int spf_abort(struct spf *h)
{
    if (!is_writer(h))
        return SPOOL_EINVAL;
    drop(h);
    sp_handle_free(h);
    return SPOOL_OK;
}

/* The directory update failed, so whether the file is on DASD is not
 * known: its pages and id stay taken until the next warm start decides. */
static void lose(struct spf *h)
{
    struct spool_file *f = h->f;

    sp_msg("CPX413E Spool file %04u (%s %s) could not be closed; it is lost, "
           "its %u pages are unavailable until the next IPL",
           f->a.spid, f->a.owner, spool_type_name(f->a.type), (unsigned)(h->page ? h->index + 1 : 0));
    sps.id_slot[f->a.spid] = ID_RESERVED;
    memset(f, 0, sizeof *f);
}

static int commit(struct spf *h)
{
    struct spool_file *f = h->f;
    int rc;

    dir_lock();
    f->a.records = h->records;
    f->a.bytes = h->bytes;
    f->a.pages = h->page ? h->index + 1 : 0;
    f->first = h->first;
    f->last = h->page;
    f->order = sps.order_hi++;
    f->pending = PEND_CLOSE;
    rc = dir_write(dir_page_of(f));
    if (rc == SPOOL_OK) {
        f->state = SLOT_READY;
        f->pending = PEND_NONE;
        rc = f->a.spid;
    } else {
        lose(h);
    }
    dir_unlock();
    return rc;
}

int spf_close(struct spf *h)
{
    int rc;

    if (!is_writer(h))
        return SPOOL_EINVAL;
    rc = h->error;
    if (rc == SPOOL_OK && h->page)
        rc = flush_page(h, 0);
    if (rc != SPOOL_OK)
        drop(h);
    else
        rc = commit(h);
    sp_handle_free(h);
    return rc;
}

int spf_set_form(struct spf *h, const char *form, const char *dist)
{
    if (!is_writer(h) || !sp_name_ok(form, false) || !sp_name_ok(dist, false))
        return SPOOL_EINVAL;
    strlcpy(h->f->a.form, form, sizeof h->f->a.form);
    strlcpy(h->f->a.dist, dist, sizeof h->f->a.dist);
    return SPOOL_OK;
}

u16 spf_id(const struct spf *h)
{
    return h && (h->magic == SPF_WRITER || h->magic == SPF_READER) ? h->f->a.spid : 0;
}
