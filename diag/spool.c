/* spool.c - spooling DIAGNOSE codes: X'14' (input spool file
 * manipulation) and X'20' (general synchronous I/O on the virtual unit-
 * record devices).  The devices and their files are cp/spool/vur.h. */
#include "diag/diag.h"
#include "cp/spool/vur.h"
#include "cp/vm/vdev.h"
#include "cp/vm/user.h"
#include "cp/mm/gmem.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"
#include "arch370/ccw.h"
#include "arch370/lowcore.h"
#include "arch370/pgm.h"
#include "arch370/psw.h"

/* ---- X'14' INPUT SPOOL FILE MANIPULATION -------------------------------------
 * Ry: the virtual reader's address.  Ry+1: the subcode.  Rx: a buffer or
 * a spool id, by subcode:
 *   0000 read next buffer: Rx = 4096-byte buffer, doubleword aligned.  CP
 *        stores as many records of the file being read as fit: +0 number
 *        of records, +4 bytes used (with this 8-byte header), +8 records,
 *        each CCW code (1), zero (1), length (2), data.  With no file
 *        open, the next file of the reader queue is opened first.
 *   0004 / 0008 / 0FFF  descriptor of the next file of the printer /
 *        punch / reader queue after spool id R(x+1) (0: the first); Rx =
 *        64-byte area, doubleword aligned; R(x+1) gets the spool id
 *   000C select: Rx = spool id of a reader file to read next
 *   0010 repeat: the last buffer again
 *   0014 restart: back to the first record
 *   0018 backspace: back one record
 *   CC 0  done
 *   CC 1  read: end of file (the file stays open until CLOSE);
 *         backspace: already at the first record
 *   CC 2  no file: none to read or select, none open, no next descriptor
 *   CC 3  error, reason in Ry+1: 1 Ry is not a virtual reader, 2 DASD
 *         error or damaged file (the file is closed, kept), 3 unknown
 *         subcode */
#define D14_READ        0x0000
#define D14_NEXT_PRT    0x0004
#define D14_NEXT_PUN    0x0008
#define D14_SELECT      0x000C
#define D14_REPEAT      0x0010
#define D14_RESTART     0x0014
#define D14_BACKSPACE   0x0018
#define D14_NEXT_RDR    0x0FFF
#define D14_BUF         4096
#define D14_HDR         8       /* the read buffer's header: */
#define D14_NRECS       0       /*   number of records (4) */
#define D14_USED        4       /*   bytes used, header included (4) */
#define D14_DESC        64      /* a file descriptor: */
#define D14D_SPID       0       /*   spool id (2) */
#define D14D_TYPE       2       /*   queue (1) */
#define D14D_ORIGIN_TYPE 3      /*   queue it came from (1) */
#define D14D_CLASS      4       /*   class, EBCDIC (1) */
#define D14D_COPIES     5       /*   copies (1) */
#define D14D_FLAGS      6       /*   SPOOL_HOLD, SPOOL_SYSHOLD (1) */
#define D14D_RECORDS    8       /*   records (4) */
#define D14D_ORIGIN     16      /*   these names: 8 EBCDIC characters each */
#define D14D_FORM       24
#define D14D_FNAME      32
#define D14D_FTYPE      40
#define D14D_DIST       48
#define D14D_CREATED    56      /*   TOD clock at creation (8) */

static int d14_result(struct diag_args *a, u8 cc, u32 reason)
{
    if (cc == 3)
        a->gpr[(a->ry + 1) & 15] = reason;
    priv_set_cc(a->vm, cc);
    return 0;
}

/* Fill a buffer with whole records; a record that does not fit waits
 * for the next call. */
static int d14_read(struct diag_args *a, struct vdev *d, struct vur *v)
{
    u32 addr = a->gpr[a->rx] & GADDR_MASK, used = D14_HDR, n = 0;
    u8 *buf;
    int rc, prc = 0;

    if (addr & 7)
        return PGM_SPECIFICATION;
    if ((rc = gmem_check(&a->vm->mem, addr, D14_BUF)) != 0)
        return rc;
    if (!v->in && vur_open_input(d, 0) != SPOOL_OK)
        return d14_result(a, 2, 0);
    if (!(buf = kmalloc(D14_BUF, "D14BUF")))
        return -1;
    v->in_mark = spf_tell(v->in);
    for (;;) {
        u32 pos = spf_tell(v->in);
        u16 len;
        u8 op;
        rc = spf_get(v->in, &op, buf + used + 4, (u16)(D14_BUF - used - 4 > SPOOL_MAX_RECORD ?
                     SPOOL_MAX_RECORD : D14_BUF - used - 4), &len);
        if (rc != SPOOL_OK)
            break;
        if (used + 4 + len > D14_BUF) {
            spf_seek(v->in, pos);       /* whole records only */
            break;
        }
        buf[used] = op;
        buf[used + 1] = 0;
        put_be16(buf + used + 2, len);
        used += 4 + len;
        n++;
    }
    if (rc != SPOOL_OK && rc != SPOOL_EOF) {
        kfree(buf);
        vur_close_input(d, false);
        return d14_result(a, 3, 2);
    }
    if (n) {
        put_be32(buf + D14_NRECS, n);
        put_be32(buf + D14_USED, used);
        prc = gmem_write(&a->vm->mem, addr, buf, used);
    }
    kfree(buf);
    if (prc)
        return prc;
    return d14_result(a, n ? 0 : 1, 0);
}

static void put_name(u8 *dst, const char *s)
{
    char pad[8];
    size_t n = strlen(s);

    memset(pad, ' ', sizeof pad);
    memcpy(pad, s, n > 8 ? 8 : n);
    ebc_from_ascii(dst, pad, 8);
}

/* the 64-byte descriptor of the file after R(x+1) in a queue */
static int d14_next(struct diag_args *a, u8 type)
{
    u32 addr = a->gpr[a->rx] & GADDR_MASK, after = a->gpr[(a->rx + 1) & 15];
    const char *me = a->vm->user->userid;
    unsigned n = spool_count(me, type);
    u16 *ids;
    u8 desc[D14_DESC];
    struct spool_attrs at;
    int rc, found = -1;

    if (addr & 7)
        return PGM_SPECIFICATION;
    if ((rc = gmem_check(&a->vm->mem, addr, D14_DESC)) != 0)
        return rc;
    if (n == 0)
        return d14_result(a, 2, 0);
    if (!(ids = kmalloc(n * sizeof *ids, "D14IDS")))
        return -1;
    n = spool_list(me, type, ids, n);
    for (unsigned i = 0; i < n && found < 0; i++)
        if (after == 0 || (ids[i] == after && i + 1 < n))
            found = after == 0 ? (int)ids[0] : (int)ids[i + 1];
    kfree(ids);
    if (found < 0 || spool_query((u16)found, &at) != SPOOL_OK)
        return d14_result(a, 2, 0);
    memset(desc, 0, sizeof desc);
    put_be16(desc + D14D_SPID, at.spid);
    desc[D14D_TYPE] = at.type;
    desc[D14D_ORIGIN_TYPE] = at.origin_type;
    desc[D14D_CLASS] = ascii_to_ebc[(u8)at.cls];
    desc[D14D_COPIES] = at.copies;
    desc[D14D_FLAGS] = at.flags;
    put_be32(desc + D14D_RECORDS, at.records);
    put_name(desc + D14D_ORIGIN, at.origin);
    put_name(desc + D14D_FORM, at.form);
    put_name(desc + D14D_FNAME, at.fname);
    put_name(desc + D14D_FTYPE, at.ftype);
    put_name(desc + D14D_DIST, at.dist);
    put_be64(desc + D14D_CREATED, at.created);
    rc = gmem_write(&a->vm->mem, addr, desc, sizeof desc);
    if (rc)
        return rc;
    a->gpr[(a->rx + 1) & 15] = at.spid;
    return d14_result(a, 0, 0);
}

static int d14_0000_read(struct diag_args *a, struct vdev *d, struct vur *v)
{
    return d14_read(a, d, v);
}

static int d14_0004_next_print(struct diag_args *a, struct vdev *d, struct vur *v)
{
    (void)d, (void)v;
    return d14_next(a, SPOOL_PRT);
}

static int d14_0008_next_punch(struct diag_args *a, struct vdev *d, struct vur *v)
{
    (void)d, (void)v;
    return d14_next(a, SPOOL_PUN);
}

static int d14_0FFF_next_reader(struct diag_args *a, struct vdev *d, struct vur *v)
{
    (void)d, (void)v;
    return d14_next(a, SPOOL_RDR);
}

static int d14_000C_select(struct diag_args *a, struct vdev *d, struct vur *v)
{
    u32 spid = a->gpr[a->rx];

    (void)v;
    if (spid < 1 || spid > SPOOL_MAX_ID)
        return d14_result(a, 2, 0);
    return d14_result(a, vur_open_input(d, (u16)spid) == SPOOL_OK ? 0 : 2, 0);
}

static int d14_0010_repeat(struct diag_args *a, struct vdev *d, struct vur *v)
{
    (void)d;
    if (!v->in)
        return d14_result(a, 2, 0);
    spf_seek(v->in, v->in_mark);
    return d14_result(a, 0, 0);
}

static int d14_0014_restart(struct diag_args *a, struct vdev *d, struct vur *v)
{
    (void)d;
    if (!v->in)
        return d14_result(a, 2, 0);
    spf_restart(v->in);
    return d14_result(a, 0, 0);
}

static int d14_0018_backspace(struct diag_args *a, struct vdev *d, struct vur *v)
{
    (void)d;
    if (!v->in)
        return d14_result(a, 2, 0);
    return d14_result(a, spf_backspace(v->in) == SPOOL_OK ? 0 : 1, 0);
}

/* the subcodes, keyed by their architected numbers */
static const struct {
    u16 sub;
    int (*fn)(struct diag_args *a, struct vdev *d, struct vur *v);
} d14_subcodes[] = {
    { D14_READ,      d14_0000_read },
    { D14_NEXT_PRT,  d14_0004_next_print },
    { D14_NEXT_PUN,  d14_0008_next_punch },
    { D14_SELECT,    d14_000C_select },
    { D14_REPEAT,    d14_0010_repeat },
    { D14_RESTART,   d14_0014_restart },
    { D14_BACKSPACE, d14_0018_backspace },
    { D14_NEXT_RDR,  d14_0FFF_next_reader },
};

int diag_014_spool_input(struct diag_args *a)
{
    u32 dev = a->gpr[a->ry], sub = a->gpr[(a->ry + 1) & 15];
    struct vdev *d = dev > 0xFFFF ? NULL : vdev_find(a->vm, (u16)dev);
    struct vur *v = vur_of(d);

    if (!v || v->kind != SPOOL_RDR)
        return d14_result(a, 3, 1);
    for (unsigned i = 0; i < ARRAY_SIZE(d14_subcodes); i++) {
        if (d14_subcodes[i].sub == sub) {
            int rc;
            vur_io_begin(d);
            rc = d14_subcodes[i].fn(a, d, v);
            vur_io_end(d);
            return rc;
        }
    }
    return d14_result(a, 3, 3);
}

/* ---- X'20' GENERAL I/O -------------------------------------------------------
 * Rx: the virtual device address of a reader, punch or printer.  Ry: the
 * address of a format-0 channel program, run to its end while the virtual
 * machine waits; no interruption follows.
 *   CC 0  done, R15 = 0
 *   CC 1  R15 = 1 no such device, 5 not a spooled unit-record device, or
 *         it has an interruption pending
 *   CC 2  R15 = 2 unit exception (end of the reader's file), 3 incorrect
 *         length
 *   CC 3  R15 = 13 unit check or channel error: Ry = sense byte in bits
 *         0-7, the CSW is stored at X'40' */
static int d20_result(struct diag_args *a, u8 cc, u32 r15)
{
    a->gpr[15] = r15;
    priv_set_cc(a->vm, cc);
    return 0;
}

int diag_020_general_io(struct diag_args *a)
{
    u32 dev = a->gpr[a->rx], ccws = a->gpr[a->ry] & GADDR_MASK;
    struct vdev *d = dev > 0xFFFF ? NULL : vdev_find(a->vm, (u16)dev);
    struct vur *v = vur_of(d);
    u8 unit, chan;

    if (!d)
        return d20_result(a, 1, 1);
    if (!v || d->busy || d->int_pending)
        return d20_result(a, 1, 5);
    d->ops->start(a->vm, d, ccws, psw_key(a->vm->cpu.psw));
    d->int_pending = false;             /* the answer is the condition code */
    unit = d->csw[4];
    chan = d->csw[5];
    if ((unit & UNIT_UC) || (chan & ~CHAN_IL)) {
        int rc = gmem_write(&a->vm->mem, LC370_CSW, d->csw, CSW_SIZE);
        if (rc)
            return rc;
        a->gpr[a->ry] = (u32)v->sense << 24;
        v->sense = 0;
        return d20_result(a, 3, 13);
    }
    if (unit & UNIT_UX)
        return d20_result(a, 2, 2);
    if (chan & CHAN_IL)
        return d20_result(a, 2, 3);
    return d20_result(a, 0, 0);
}
