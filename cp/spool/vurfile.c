/* vurfile.c - the spool files behind the virtual unit-record devices:
 * opening an output file at its first record, closing it into its queue
 * with the VM/370 messages, and taking reader files in turn (vur.h). */
#include "cp/spool/vur.h"
#include "cp/spool/urdev.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/vm/user.h"
#include "cp/term/usermsg.h"
#include "cp/lib/string.h"

static unsigned open_files;

unsigned vur_open_files(void)
{
    return open_files;
}

const char *vur_kind_name(u8 kind)
{
    return spool_type_name(kind);
}

static const char *hold_word(u8 flags)
{
    return (flags & SPOOL_HOLD_MASK) ? "HOLD" : "NOHOLD";
}

static int open_output(struct vur *v)
{
    struct spool_attrs a;
    int rc;

    memset(&a, 0, sizeof a);
    a.type = v->to[0] ? SPOOL_RDR : v->kind;
    a.origin_type = v->kind;
    a.cls = v->cls;
    a.copies = v->copies;
    a.flags = v->hold ? SPOOL_HOLD : 0;
    strlcpy(a.origin, v->owner->userid, sizeof a.origin);
    strlcpy(a.owner, v->to[0] ? v->to : v->owner->userid, sizeof a.owner);
    rc = spf_open_write(&a, &v->out);
    if (rc == SPOOL_OK)
        open_files++;
    return rc;
}

int vur_put(struct vm *vm, struct vdev *d, u8 ccw_op, const u8 *data, u16 len)
{
    struct vur *v = vur_of(d);
    int rc;

    (void)vm;
    if (!v->out && (rc = open_output(v)) != SPOOL_OK) {
        user_msg(v->owner, "CPX420E %s %03X cannot open a spool file: %s",
                 vur_kind_name(v->kind), d->addr, spool_strerror(rc));
        return rc;
    }
    rc = spf_put(v->out, ccw_op, data, len);
    if (rc == SPOOL_OK)
        return SPOOL_OK;
    if (rc == SPOOL_EFULL) {
        /* keep what was written: close the file short and say so */
        u16 spid = spf_id(v->out);
        user_msg(v->owner, "CPX421E Spool space is full; %s file %04u closed short",
                 vur_kind_name(v->kind), spid);
        vur_close_output(d, false);
        return rc;
    }
    user_msg(v->owner, "CPX422E %s %03X: %s; the file is lost", vur_kind_name(v->kind),
             d->addr, spool_strerror(rc));
    vur_close_output(d, true);
    return rc;
}

/* the messages of a closed file: to its writer and, if it went to a
 * reader, to the user who gets it */
static void tell_closed(struct vur *v, u16 spid)
{
    struct spool_attrs a;
    struct user *to;

    if (spool_query(spid, &a) != SPOOL_OK)
        return;
    user_msg(v->owner, "%s FILE %04u TO %-8s COPY %03u %s", vur_kind_name(v->kind), spid,
             a.owner, a.copies, hold_word(a.flags));
    if (a.type != SPOOL_RDR || !(to = user_find(a.owner)))
        return;
    user_msg(to, "RDR FILE %04u SENT FROM %-8s %s WAS %04u RECS %06u CPY %03u %c %s",
             spid, a.origin, vur_kind_name(a.origin_type), spid, (unsigned)a.records,
             a.copies, a.cls, hold_word(a.flags));
}

int vur_close_output(struct vdev *d, bool purge)
{
    struct vur *v = vur_of(d);
    int rc;

    if (!v || !v->out)
        return 0;
    v->reclen = 0;
    if (!purge)
        spf_set_form(v->out, v->form, v->dist);    /* the settings at CLOSE count */
    rc = purge ? spf_abort(v->out) : spf_close(v->out);
    v->out = NULL;
    open_files--;
    if (purge)
        return rc < 0 ? rc : 0;
    if (rc > 0) {
        tell_closed(v, (u16)rc);
        urdev_kick();               /* a printer or punch may take it */
    }
    else
        user_msg(v->owner, "CPX423E %s %03X: the file could not be closed: %s",
                 vur_kind_name(v->kind), d->addr, spool_strerror(rc));
    return rc;
}

int vur_open_input(struct vdev *d, u16 spid)
{
    struct vur *v = vur_of(d);
    struct spool_attrs a;
    int rc;

    if (v->in)
        vur_close_input(d, false);
    if (spid == 0)
        spid = spool_next(v->owner->userid, SPOOL_RDR, v->cls);
    if (spid == 0)
        return SPOOL_ENOFILE;
    rc = spool_query(spid, &a);
    if (rc != SPOOL_OK)
        return rc;
    if (a.type != SPOOL_RDR || str_casecmp(a.owner, v->owner->userid) != 0)
        return SPOOL_ENOFILE;
    rc = spf_open_read(spid, &v->in);
    if (rc != SPOOL_OK)
        return rc;
    open_files++;
    v->in_spid = spid;
    v->in_mark = 0;
    v->card_loaded = false;
    return SPOOL_OK;
}

void vur_close_input(struct vdev *d, bool done)
{
    struct vur *v = vur_of(d);
    struct spool_changes c;

    if (!v || !v->in)
        return;
    if (done && v->hold) {
        /* SPOOL RDR HOLD: a file read to its end stays, held */
        memset(&c, 0, sizeof c);
        c.what = SPC_FLAGS;
        c.flags = SPOOL_HOLD;
        spf_close_read(v->in, SPF_KEEP);
        spool_change(v->in_spid, &c);
    } else {
        spf_close_read(v->in, done ? SPF_PURGE : SPF_KEEP);
    }
    v->in = NULL;
    v->in_spid = 0;
    v->card_loaded = false;
    open_files--;
}
