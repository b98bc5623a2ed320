/* queue.c - finding files: by spool id, by owner and queue, in order.
 *
 * Queue order is a key per file: an arriving file (closed or transferred)
 * gets the next key at the back, ORDER hands out keys below every key in
 * use.  Keys are never given twice, so sorting by key is the queue. */
#include "cp/spool/spint.h"
#include "cp/lib/string.h"

bool sp_visible(const struct spool_file *f)
{
    return f->state == SLOT_READY && f->pending == PEND_NONE;
}

struct spool_file *sp_lookup(u16 spid)
{
    u16 v;
    struct spool_file *f;

    if (!sps.ready || spid < 1 || spid > SPOOL_MAX_ID)
        return NULL;
    v = sps.id_slot[spid];
    if (v == 0 || v == ID_RESERVED)
        return NULL;
    f = &sps.slots[v - 1];
    return f->a.spid == spid && sp_visible(f) ? f : NULL;
}

static bool matches(const struct spool_file *f, const char *owner, u8 type)
{
    return sp_visible(f) && (!owner || sp_same_user(f->a.owner, owner)) &&
           (type == SPOOL_ANY || f->a.type == type);
}

int spool_query(u16 spid, struct spool_attrs *out)
{
    struct spool_file *f;

    if (!sps.ready)
        return SPOOL_ENOTREADY;
    if (!out)
        return SPOOL_EINVAL;
    if (!(f = sp_lookup(spid)))
        return SPOOL_ENOFILE;
    *out = f->a;
    return SPOOL_OK;
}

unsigned spool_count(const char *owner, u8 type)
{
    unsigned n = 0;

    for (u32 s = 0; sps.ready && s < sps.nslots; s++)
        if (matches(&sps.slots[s], owner, type))
            n++;
    return n;
}

/* shell sort of slot numbers by queue key */
static void sort_by_key(u16 *v, unsigned n)
{
    for (unsigned gap = n / 2; gap > 0; gap /= 2)
        for (unsigned i = gap; i < n; i++) {
            u16 x = v[i];
            unsigned j = i;
            for (; j >= gap && sps.slots[v[j - gap]].order > sps.slots[x].order; j -= gap)
                v[j] = v[j - gap];
            v[j] = x;
        }
}

/* the matching file with the smallest key above `after` */
static struct spool_file *next_after(const char *owner, u8 type, u32 after, bool first)
{
    struct spool_file *best = NULL;

    for (u32 s = 0; s < sps.nslots; s++) {
        struct spool_file *f = &sps.slots[s];
        if (!matches(f, owner, type) || (!first && f->order <= after))
            continue;
        if (!best || f->order < best->order)
            best = f;
    }
    return best;
}

unsigned spool_list(const char *owner, u8 type, u16 *ids, unsigned max)
{
    unsigned n = spool_count(owner, type), k = 0;

    if (!ids || max == 0 || n == 0)
        return n;
    if (n <= max) {
        /* all fit: gather slot numbers, sort, turn into ids in place */
        for (u32 s = 0; s < sps.nslots; s++)
            if (matches(&sps.slots[s], owner, type))
                ids[k++] = (u16)s;
        sort_by_key(ids, n);
        for (k = 0; k < n; k++)
            ids[k] = sps.slots[ids[k]].a.spid;
        return n;
    }
    /* only the first max are wanted: pick them one by one */
    for (struct spool_file *f = next_after(owner, type, 0, true); f && k < max;
         f = next_after(owner, type, f->order, false))
        ids[k++] = f->a.spid;
    return n;
}

u16 spool_next(const char *owner, u8 type, char cls)
{
    struct spool_file *best = NULL;

    for (u32 s = 0; sps.ready && s < sps.nslots; s++) {
        struct spool_file *f = &sps.slots[s];
        if (!matches(f, owner, type) || f->reading || (f->a.flags & SPOOL_HOLD_MASK))
            continue;
        if (cls && cls != '*' && f->a.cls != cls)
            continue;
        if (!best || f->order < best->order)
            best = f;
    }
    return best ? best->a.spid : 0;
}
