/* urwrite.c - real printers and punches write spool files out (urdev.h).
 *
 * Every record goes to the device as one CCW with the command code it
 * was spooled with, so the printer spaces and skips exactly as the
 * guest asked; a punch card is padded with blanks to 80 columns.  A
 * record that is a control command (space or skip at once) goes with one
 * blank byte and SLI.  When the device fails (not ready, out of forms)
 * the file stays in its queue, the device is drained and the operator
 * told; START again prints the file from its start.  Each printed file
 * has a separator page before it. */
#include "cp/spool/urdev.h"
#include "cp/spool/spool.h"
#include "cp/io/rio.h"
#include "cp/kern/oplog.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "arch370/ccw.h"
#include "arch370/ebcdic.h"
#include "cp/lib/format.h"

#define PRINT_MAX   132
#define CARD        80
#define CMD_SENSE   0x04
#define CMD_WRITE_SPACE1    0x09
#define CMD_SKIP1_NOW       0x8B    /* skip to channel 1 at once */

struct urio {
    struct ccw1 ccw[2];
    struct ioreq req;
    u8 data[SPOOL_MAX_RECORD];
    u8 sense[4];
};

/* one CCW; 0 or the failing unit status */
static int put_record(struct urdev *u, struct urio *io, u8 op, u16 len)
{
    u8 flags = CCW_SLI;

    if (u->kind == SPOOL_PUN) {
        op = 0x01;
        if (len < CARD)
            memset(io->data + len, 0x40, CARD - len);
        len = CARD;
    } else if ((op & 3) != 1 || len == 0) {
        io->data[0] = 0x40;         /* a control command, or an empty line */
        len = 1;
    } else if (len > PRINT_MAX) {
        len = PRINT_MAX;
    }
    ccw1_make(&io->ccw[0], op, flags, len, (u32)(uintptr_t)io->data);
    io->req = (struct ioreq){ .dev = u->rd, .cp = io->ccw };
    if (rio_run(&io->req) != 0)
        return UNIT_UC;
    if ((io->req.dstat & UNIT_UC) || io->req.cstat) {
        ccw1_make(&io->ccw[1], CMD_SENSE, CCW_SLI, sizeof io->sense, (u32)(uintptr_t)io->sense);
        io->req = (struct ioreq){ .dev = u->rd, .cp = &io->ccw[1] };
        rio_run(&io->req);
        return UNIT_UC;
    }
    return 0;
}

/* A printed file starts on a new page after a separator page naming it,
 * so the operator can tell the output of one file from the next. */
static bool separator(struct urdev *u, struct urio *io, u16 spid, const struct spool_attrs *a)
{
    char line[PRINT_MAX + 1];
    int n;

    if (u->kind != SPOOL_PRT)
        return true;
    if (put_record(u, io, CMD_SKIP1_NOW, 0) != 0)
        return false;
    n = fmt_snprintf(line, sizeof line, "*** %s FILE %04u %s CLASS %c RECORDS %08u COPIES %03u "
                     "FROM %s%s%s%s%s ***", a->owner, spid, spool_type_name(a->origin_type),
                     a->cls, (unsigned)a->records, a->copies, a->origin,
                     a->fname[0] ? " NAME " : "", a->fname, a->ftype[0] ? " " : "", a->ftype);
    ebc_from_ascii(io->data, line, (size_t)n);
    return put_record(u, io, CMD_WRITE_SPACE1, (u16)n) == 0 &&
           put_record(u, io, CMD_SKIP1_NOW, 0) == 0;
}

/* every copy of one file; true if it all went out */
static bool write_file(struct urdev *u, struct urio *io, u16 spid, const struct spool_attrs *a)
{
    struct spf *h;
    u32 recs = 0;
    bool ok = true;

    if (spf_open_read(spid, &h) != SPOOL_OK)
        return false;
    ok = separator(u, io, spid, a);
    for (unsigned copy = 0; copy < a->copies && ok; copy++) {
        u8 op;
        u16 len;
        spf_restart(h);
        while (ok && spf_get(h, &op, io->data, sizeof io->data, &len) == SPOOL_OK) {
            if (put_record(u, io, op, len > sizeof io->data ? sizeof io->data : len) != 0)
                ok = false;
            recs++;
        }
    }
    spf_close_read(h, ok ? SPF_PURGE : SPF_KEEP);
    if (ok) {
        u->files++;
        u->records += recs;
        op_msg("CPX452I %s %04X %s file %04u of %s, %u records", urdev_name(u), u->rd->devno,
               u->kind == SPOOL_PRT ? "printed" : "punched", spid, a->owner, (unsigned)recs);
    } else {
        op_msg("CPX453E %s %04X is not ready (sense %02X); file %04u stays in the queue and "
               "the device is drained", urdev_name(u), u->rd->devno, io->sense[0], spid);
    }
    return ok;
}

void urdev_writer(struct urdev *u)
{
    struct urio *io = kzalloc(sizeof *io, "URIO");

    for (;;) {
        struct spool_attrs a;
        u16 spid;

        urdev_wait_started(u);
        if (urdev_drain_point(u))
            continue;
        spid = spool_next(NULL, u->kind, u->cls);
        if (!spid || !io || spool_query(spid, &a) != SPOOL_OK) {
            urdev_idle(u);
            continue;
        }
        u->working = true;
        u->spid = spid;
        if (!write_file(u, io, spid, &a)) {
            u->draining = true;
        }
        u->working = false;
        u->spid = 0;
    }
}
