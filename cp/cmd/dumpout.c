/* dumpout.c - writing a dump into a spool file. */
#include "cp/cmd/dumpout.h"
#include "cp/vm/user.h"
#include "cp/term/usermsg.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"
#include <stdarg.h>

#define DUMP_LINE_MAX   132

int dumpout_open(struct dumpout *o, const struct spool_attrs *a, u8 ccw_op, u16 reclen)
{
    memset(o, 0, sizeof *o);
    o->ccw_op = ccw_op;
    o->reclen = reclen;
    o->rc = spf_open_write(a, &o->h);
    return o->rc;
}

void dumpout_line(struct dumpout *o, const char *fmt, ...)
{
    char line[DUMP_LINE_MAX + 1];
    u8 rec[DUMP_LINE_MAX];
    va_list ap;
    int n;

    if (o->rc != SPOOL_OK)
        return;
    va_start(ap, fmt);
    n = fmt_vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n > DUMP_LINE_MAX)
        n = DUMP_LINE_MAX;
    while (n < o->reclen)
        line[n++] = ' ';
    ebc_from_ascii(rec, line, (size_t)n);
    o->rc = spf_put(o->h, o->ccw_op, rec, (u16)n);
    if (o->rc == SPOOL_OK)
        o->records++;
}

int dumpout_close(struct dumpout *o, struct user *maker, const char *what)
{
    struct spool_attrs a;
    struct user *to;
    int spid;

    if (o->rc != SPOOL_OK) {
        spf_abort(o->h);
        return o->rc;
    }
    spid = spf_close(o->h);
    if (spid <= 0 || spool_query((u16)spid, &a) != SPOOL_OK)
        return spid <= 0 ? spid : SPOOL_ENOFILE;
    user_msg(maker, "%s FILE %04d TO %-8s RECS %06u", what, spid, a.owner, (unsigned)a.records);
    if (a.type == SPOOL_RDR && (to = user_find(a.owner)))
        user_msg(to, "RDR FILE %04d SENT FROM %-8s %s WAS %04d RECS %06u CPY %03u %c NOHOLD",
                 spid, a.origin, spool_type_name(a.origin_type), spid, (unsigned)a.records,
                 a.copies, a.cls);
    return spid;
}
