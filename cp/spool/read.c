/* read.c - reading a spool file record by record.
 *
 * A reader holds one page of the file.  Its position is a record number;
 * spf_seek only sets it, and spf_get finds the page that holds it,
 * following the chain forwards or backwards from the page it has, so
 * the DIAGNOSE X'14' functions (next, repeat, restart, backspace) cost a
 * page read only when they cross a page.  Every page read is checked
 * like at warm start; a damaged page is reported, never believed. */
#include "cp/spool/spint.h"
#include "cp/lib/string.h"
#include "arch370/be.h"

static bool is_reader(const struct spf *h)
{
    return h && h->magic == SPF_READER;
}

int spf_open_read(u16 spid, struct spf **out)
{
    struct spool_file *f;
    struct spf *h;

    if (!sps.ready)
        return SPOOL_ENOTREADY;
    if (!out)
        return SPOOL_EINVAL;
    if (!(f = sp_lookup(spid)))
        return SPOOL_ENOFILE;
    if (f->reading)
        return SPOOL_EBUSY;
    if (!(h = sp_handle_new("SPFILER")))
        return SPOOL_ENOMEM;
    h->magic = SPF_READER;
    h->f = f;
    f->reading = true;
    *out = h;
    return SPOOL_OK;
}

/* read page p, which must be the page e describes, into the buffer */
static int load(struct spf *h, u32 p, const struct spp_expect *e)
{
    int rc = sp_read_data(p, h->buf, e);

    if (rc != SPOOL_OK) {
        h->page = 0;
        sp_msg("CPX414E %s reading page %u of spool file %04u",
               rc == SPOOL_EIO ? "DASD error" : "Damaged data", (unsigned)p, h->f->a.spid);
        return rc;
    }
    h->page = p;
    h->index = e->index;
    h->firstrec = get_be32(h->buf + SPP_FIRSTREC);
    h->nrec = get_be16(h->buf + SPP_NREC);
    h->irec = h->off = 0;
    return SPOOL_OK;
}

static int step_forward(struct spf *h)
{
    struct spp_expect e = { h->f->serial, h->index + 1, h->page, h->firstrec + h->nrec };
    u32 next = get_be32(h->buf + SPP_NEXT);

    return next ? load(h, next, &e) : SPOOL_EDAMAGED;
}

/* the previous page must lead back to this one, record numbers and all */
static int step_back(struct spf *h)
{
    struct spp_expect e = { h->f->serial, h->index - 1, SPP_ANY, SPP_ANY };
    u32 here = h->page, firstrec = h->firstrec;
    u32 prev = get_be32(h->buf + SPP_PREV);
    int rc;

    if (!prev || h->index == 0)
        return SPOOL_EDAMAGED;
    if ((rc = load(h, prev, &e)) != SPOOL_OK)
        return rc;
    if (get_be32(h->buf + SPP_NEXT) != here || h->firstrec + h->nrec != firstrec) {
        h->page = 0;
        return SPOOL_EDAMAGED;
    }
    return SPOOL_OK;
}

/* make buf hold the page of record r and point irec/off at r */
static int locate(struct spf *h, u32 r)
{
    int rc = SPOOL_OK;

    if (!h->page) {
        struct spp_expect e = { h->f->serial, 0, 0, 0 };
        rc = load(h, h->f->first, &e);
    }
    while (rc == SPOOL_OK && r >= h->firstrec + h->nrec)
        rc = step_forward(h);
    while (rc == SPOOL_OK && r < h->firstrec)
        rc = step_back(h);
    if (rc != SPOOL_OK)
        return rc;
    h->irec = 0;
    h->off = 0;
    while (h->firstrec + h->irec < r) {
        h->off += SPR_HDR + get_be16(h->buf + SPP_RECORDS + h->off + SPR_LEN);
        h->irec++;
    }
    return SPOOL_OK;
}

int spf_get(struct spf *h, u8 *ccw_op, void *buf, u16 max, u16 *len)
{
    const u8 *r;
    u16 n;
    int rc;

    if (!is_reader(h) || !ccw_op || !len || (max && !buf))
        return SPOOL_EINVAL;
    if (h->pos >= h->f->a.records)
        return SPOOL_EOF;
    if (!h->page || h->firstrec + h->irec != h->pos || h->irec >= h->nrec)
        if ((rc = locate(h, h->pos)) != SPOOL_OK)
            return rc;
    r = h->buf + SPP_RECORDS + h->off;
    n = get_be16(r + SPR_LEN);
    *ccw_op = r[SPR_OP];
    *len = n;
    if (max)
        memcpy(buf, r + SPR_DATA, n < max ? n : max);
    h->off += SPR_HDR + n;
    h->irec++;
    h->pos++;
    return SPOOL_OK;
}

u32 spf_tell(const struct spf *h)
{
    return is_reader(h) ? h->pos : 0;
}

int spf_seek(struct spf *h, u32 recno)
{
    if (!is_reader(h) || recno > h->f->a.records)
        return SPOOL_EINVAL;
    h->pos = recno;
    return SPOOL_OK;
}

int spf_restart(struct spf *h)
{
    return spf_seek(h, 0);
}

int spf_backspace(struct spf *h)
{
    if (!is_reader(h) || h->pos == 0)
        return SPOOL_EINVAL;
    h->pos--;
    return SPOOL_OK;
}

int spf_close_read(struct spf *h, enum spool_disposition d)
{
    struct spool_file *f;
    int rc = SPOOL_OK;

    if (!is_reader(h) || (d != SPF_KEEP && d != SPF_PURGE))
        return SPOOL_EINVAL;
    f = h->f;
    sp_handle_free(h);
    if (d == SPF_KEEP) {
        f->reading = false;
        return SPOOL_OK;
    }
    dir_lock();
    f->reading = false;
    rc = sp_purge_file(f);
    dir_unlock();
    return rc;
}
