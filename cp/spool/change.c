/* change.c - CHANGE, TRANSFER, ORDER and PURGE on files in the queues.
 *
 * Each change is made to the slots of one directory page and written
 * with that page; if the write fails the slots are put back, so memory
 * and DASD never disagree about a file.  Operations on several files
 * (ORDER, purging a queue) go page by page: a crash in the middle
 * leaves each file either changed or not, never damaged.  A purged
 * file's pages are given back only after the directory no longer names
 * it, so they cannot be rewritten while a crash would still recover it. */
#include "cp/spool/spint.h"
#include "cp/lib/string.h"

static const u32 change_fields = SPC_CLASS | SPC_COPIES | SPC_FLAGS | SPC_NAME | SPC_DIST | SPC_FORM;

static bool change_ok(const struct spool_changes *c)
{
    if (!c || c->what == 0 || (c->what & ~change_fields))
        return false;
    if ((c->what & SPC_CLASS) && !sp_class_ok(c->cls))
        return false;
    if ((c->what & SPC_COPIES) && (c->copies < 1 || c->copies > SPOOL_MAX_COPIES))
        return false;
    if ((c->what & SPC_FLAGS) && (c->flags & ~SPOOL_HOLD_MASK))
        return false;
    if ((c->what & SPC_NAME) && (!sp_name_ok(c->fname, false) || !sp_name_ok(c->ftype, false)))
        return false;
    if ((c->what & SPC_DIST) && !sp_name_ok(c->dist, false))
        return false;
    return !(c->what & SPC_FORM) || sp_name_ok(c->form, false);
}

static bool apply_change(struct spool_file *f, void *arg)
{
    const struct spool_changes *c = arg;

    if (c->what & SPC_CLASS)
        f->a.cls = c->cls;
    if (c->what & SPC_COPIES)
        f->a.copies = c->copies;
    if (c->what & SPC_FLAGS)
        f->a.flags = c->flags;
    if (c->what & SPC_NAME) {
        strlcpy(f->a.fname, c->fname, sizeof f->a.fname);
        strlcpy(f->a.ftype, c->ftype, sizeof f->a.ftype);
    }
    if (c->what & SPC_DIST)
        strlcpy(f->a.dist, c->dist, sizeof f->a.dist);
    if (c->what & SPC_FORM)
        strlcpy(f->a.form, c->form, sizeof f->a.form);
    return true;
}

int spool_change(u16 spid, const struct spool_changes *c)
{
    struct spool_file *f;
    int rc;

    if (!sps.ready)
        return SPOOL_ENOTREADY;
    if (!change_ok(c))
        return SPOOL_EINVAL;
    dir_lock();
    f = sp_lookup(spid);
    rc = f ? dir_update_slot(f, apply_change, (void *)c) : SPOOL_ENOFILE;
    dir_unlock();
    return rc;
}

struct transfer {
    const char *to;
    u8 type;
};

static bool apply_transfer(struct spool_file *f, void *arg)
{
    const struct transfer *t = arg;

    strlcpy(f->a.owner, t->to, sizeof f->a.owner);
    f->a.type = t->type;
    f->order = sps.order_hi++;           /* arrives at the end of the queue */
    return true;
}

int spool_transfer(u16 spid, const char *to_user, u8 to_type)
{
    struct transfer t = { to_user, to_type };
    struct spool_file *f;
    int rc;

    if (!sps.ready)
        return SPOOL_ENOTREADY;
    if (!sp_name_ok(to_user, true) || !sp_type_ok(to_type))
        return SPOOL_EINVAL;
    dir_lock();
    f = sp_lookup(spid);
    if (!f)
        rc = SPOOL_ENOFILE;
    else if (f->reading)
        rc = SPOOL_EBUSY;
    else
        rc = dir_update_slot(f, apply_transfer, &t);
    dir_unlock();
    return rc;
}

struct order {
    const u16 *ids;
    unsigned n;
    u32 base;                   /* key of ids[0] */
};

static bool apply_order(struct spool_file *f, void *arg)
{
    const struct order *o = arg;

    if (!sp_visible(f))
        return false;
    for (unsigned i = 0; i < o->n; i++)
        if (o->ids[i] == f->a.spid) {
            f->order = o->base + i;
            return true;
        }
    return false;
}

/* every id a file of owner's queue `type`, none twice */
static int order_check(const char *owner, u8 type, const u16 *ids, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        struct spool_file *f = sp_lookup(ids[i]);
        if (!f || !sp_same_user(f->a.owner, owner) || f->a.type != type)
            return SPOOL_ENOFILE;
        for (unsigned j = 0; j < i; j++)
            if (ids[j] == ids[i])
                return SPOOL_EINVAL;
    }
    return SPOOL_OK;
}

int spool_order(const char *owner, u8 type, const u16 *ids, unsigned n)
{
    struct order o = { ids, n, 0 };
    int rc;

    if (!sps.ready)
        return SPOOL_ENOTREADY;
    if (!sp_name_ok(owner, true) || !sp_type_ok(type) || !ids || n == 0 || n > SPOOL_MAX_ID)
        return SPOOL_EINVAL;
    dir_lock();
    rc = order_check(owner, type, ids, n);
    if (rc == SPOOL_OK) {
        sps.order_lo -= n;
        o.base = sps.order_lo;
        for (u32 d = 0; d < sps.ndir && rc >= 0; d++)
            rc = dir_update_page(d, apply_order, &o);
        rc = rc < 0 ? rc : SPOOL_OK;
    }
    dir_unlock();
    return rc;
}

/* ---- purge ---------------------------------------------------------- */

struct purge {
    struct spool_file *only;    /* one file, or every file matching: */
    const char *owner;          /* NULL: any owner */
    u8 type;                    /* SPOOL_ANY: any queue */
};

static bool mark_purge(struct spool_file *f, void *arg)
{
    const struct purge *p = arg;

    if (!sp_visible(f) || f->reading)
        return false;
    if (p->only ? f != p->only :
        (p->owner && !sp_same_user(f->a.owner, p->owner)) ||
        (p->type != SPOOL_ANY && f->a.type != p->type))
        return false;
    f->pending = PEND_DROP;
    return true;
}

/* the directory page no longer names them: their pages and ids are free */
static void finish_purges(u32 d)
{
    for (u32 i = 0; i < SPD_SLOTS; i++) {
        struct spool_file *f = &sps.slots[d * SPD_SLOTS + i];
        if (f->pending != PEND_DROP)
            continue;
        if (f->first)
            sp_chain_release(f->first);
        sp_id_release(f->a.spid);
        memset(f, 0, sizeof *f);
    }
}

static int purge_page(u32 d, struct purge *p)
{
    int n = dir_update_page(d, mark_purge, p);

    if (n > 0)
        finish_purges(d);
    return n;
}

int sp_purge_file(struct spool_file *f)
{
    struct purge p = { f, NULL, SPOOL_ANY };

    if (f->reading)
        return SPOOL_EBUSY;
    if (!sp_visible(f))
        return SPOOL_ENOFILE;
    return purge_page((u32)(f - sps.slots) / SPD_SLOTS, &p) < 0 ? SPOOL_EIO : SPOOL_OK;
}

int spool_purge(u16 spid)
{
    struct spool_file *f;
    int rc;

    if (!sps.ready)
        return SPOOL_ENOTREADY;
    dir_lock();
    f = sp_lookup(spid);
    rc = f ? sp_purge_file(f) : SPOOL_ENOFILE;
    dir_unlock();
    return rc;
}

static int purge_matching(const char *owner, u8 type)
{
    struct purge p = { NULL, owner, type };
    int total = 0;

    dir_lock();
    for (u32 d = 0; d < sps.ndir; d++) {
        int n = purge_page(d, &p);
        if (n < 0) {
            total = n;
            break;
        }
        total += n;
    }
    dir_unlock();
    return total;
}

int spool_purge_owner(const char *owner, u8 type)
{
    if (!sps.ready)
        return SPOOL_ENOTREADY;
    if (!sp_name_ok(owner, true) || (type != SPOOL_ANY && !sp_type_ok(type)))
        return SPOOL_EINVAL;
    return purge_matching(owner, type);
}

int spool_purge_all(void)
{
    if (!sps.ready)
        return SPOOL_ENOTREADY;
    return purge_matching(NULL, SPOOL_ANY);
}
