/* mdiskio.c - real I/O to minidisks (see mdiskio.h). */
#include "cp/vdev/mdiskio.h"
#include "cp/vdev/mdisk.h"
#include "cp/io/ckd.h"
#include "cp/io/rio.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/kern/task.h"
#include "cp/mm/gmem.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "cp/kern/kmsg.h"
#include "cp/vm/user.h"
#include "arch370/ccw.h"

#define SENSE_CMD_REJECT    0x80
#define SENSE_HARDWARE      0x58    /* intervention, equipment or data check */
#define SENSE_INTERVENTION  0x40
#define SENSE_FILE_PROTECT  0x04    /* byte 1 */

struct mio {
    struct xlat x;
    struct ioreq req;
    struct ioreq sreq;
    struct ccw1 sccw;
    u8 sense[24];
    struct vm *vm;
    struct vdev *d;             /* NULL for DIAGNOSE X'250' blocks */
    struct mdisk *md;
    bool sync, done;
    struct mio_result res;
};

/* A request and its CCW area are some 20 KB, and a DIAGNOSE X'250' block
 * read used to allocate and free both for every block: walking the free
 * chain for them cost more than the rest of the read.  A few requests
 * freed are kept for the next one instead (MIO_SPARES of them at most,
 * still free storage in use for QUERY STORAGE). */
#define MIO_SPARES      2
static struct mio *mio_spare[MIO_SPARES];
static unsigned mio_nspare;

static struct mio *mio_alloc(void)
{
    struct mio *m;
    struct ccw1 *real;

    if (mio_nspare) {
        m = mio_spare[--mio_nspare];
        real = m->x.real;
        memset(m, 0, sizeof *m);
        m->x.real = real;
        return m;
    }
    m = kzalloc(sizeof *m, "MIO");
    if (!m)
        return NULL;
    m->x.real = kmalloc(XLAT_MAX_REAL * sizeof(struct ccw1), "MIOCCW");
    if (!m->x.real) {
        kfree(m);
        return NULL;
    }
    return m;
}

static struct mio *mio_new(struct vm *vm, struct vdev *d, struct mdisk *md, u8 key)
{
    struct mio *m = mio_alloc();

    if (!m)
        return NULL;
    m->x.gs = &vm->mem;
    m->x.start_cyl = md->start_cyl;
    m->x.cyls = md->cyls;
    m->x.heads = md->heads;
    m->x.write_ok = md->write;
    m->x.key = key;
    m->x.seek_cyl = md->seek_cyl;
    m->x.seek_head = md->seek_head;
    m->vm = vm;
    m->d = d;
    m->md = md;
    m->req.dev = md->dev;
    m->req.cp = m->x.real;
    m->req.arg = m;
    return m;
}

static void mio_free(struct mio *m)
{
    if (mio_nspare < MIO_SPARES) {
        mio_spare[mio_nspare++] = m;
        return;
    }
    kfree(m->x.real);
    kfree(m);
}

/* The guest's own mistakes (command reject, no record found, file
 * protect) are its business; a device that is gone or failing is the
 * operator's too.  sense is NULL when the device did not answer at all. */
static void note_device_error(const struct mio *m, const u8 *sense)
{
    const char *who = m->vm->user ? m->vm->user->userid : "?";

    if (!sense)
        kmsg("CPX151W DASD %04X not operational for minidisk %03X of %s",
               m->md->dev->devno, m->md->vaddr, who);
    else if (sense[0] & SENSE_HARDWARE)
        kmsg("CPX151W DASD %04X error on minidisk %03X of %s: sense %02X%02X",
               m->md->dev->devno, m->md->vaddr, who, sense[0], sense[1]);
}

static void set_sense(struct vdev *d, u8 b0, u8 b1)
{
    memset(d->sense, 0, sizeof d->sense);
    d->sense[0] = b0;
    d->sense[1] = b1;
    d->nsense = 24;
}

/* The guest status for a program that stopped early but whose translated
 * part ran cleanly: what the stop means. */
static void stop_status(struct mio *m)
{
    struct mio_result *r = &m->res;

    r->ccw_next = (m->x.stop_ccw + 8) & GADDR_MASK;
    r->residual = 0;
    switch (m->x.stop) {
    case XLAT_OUT_OF_EXTENT:
        r->unit |= UNIT_UC;
        set_sense(m->d, SENSE_CMD_REJECT, 0);
        break;
    case XLAT_FILE_PROTECT:
        r->unit |= UNIT_UC;
        set_sense(m->d, SENSE_CMD_REJECT, SENSE_FILE_PROTECT);
        break;
    case XLAT_PROTECTION:
        r->chan |= CHAN_PROT;
        break;
    case XLAT_ENDLESS:
        r->chan |= CHAN_PGM;
        r->endless = true;
        break;
    case XLAT_REFETCH:                          /* not an ending: go on there */
        r->ccw_next = m->x.stop_ccw;
        r->refetch = true;
        break;
    default:
        r->chan |= CHAN_PGM;
        break;
    }
}

static void deliver(struct mio *m)
{
    struct mdisk *md = m->d ? mdisk_of(m->d) : NULL;

    if (md)
        md->active = NULL;
    if (m->d)
        task_wakeup(m->d);                      /* mdiskio_halt waits on it */
    if (m->sync) {
        m->done = true;
        task_wakeup(m);
        return;
    }
    vdev_post(m->vm, m->d, m->res.ccw_next, m->res.unit, m->res.chan, m->res.residual);
    mio_free(m);
}

static void sense_done(struct ioreq *req)
{
    struct mio *m = req->arg;
    u16 n = (u16)(sizeof m->sense - req->residual);

    memset(m->d->sense, 0, sizeof m->d->sense);
    memcpy(m->d->sense, m->sense, n > sizeof m->d->sense ? sizeof m->d->sense : n);
    m->d->nsense = (u8)n;
    if (n)
        note_device_error(m, m->sense);
    deliver(m);
}

static void mio_done(struct ioreq *req)
{
    struct mio *m = req->arg;
    struct mio_result *r = &m->res;
    bool whole;

    xlat_finish(&m->x);
    r->unit = req->dstat;
    r->chan = req->cstat;
    xlat_guest_status(&m->x, req->ccw_addr, req->residual, &r->ccw_next, &r->residual);
    /* did the real program end at the NOP standing for a stop? */
    whole = m->x.stop != XLAT_COMPLETE &&
            req->ccw_addr == (u32)(uintptr_t)&m->x.real[m->x.stop_index + 1];
    if (req->rc != 0) {
        r->unit = UNIT_CE | UNIT_DE | UNIT_UC;
        r->io_error = true;
        set_sense(m->d, SENSE_INTERVENTION, 0);
        note_device_error(m, NULL);
    } else if (r->unit & UNIT_UC) {
        r->io_error = true;                     /* keep the device's sense for the guest */
        ccw1_make(&m->sccw, 0x04, CCW_SLI, sizeof m->sense, (u32)(uintptr_t)m->sense);
        m->sreq.dev = req->dev;
        m->sreq.cp = &m->sccw;
        m->sreq.complete = sense_done;
        m->sreq.arg = m;
        rio_start(&m->sreq);
        return;
    } else if (whole && !r->chan && !(r->unit & UNIT_UX)) {
        stop_status(m);
    } else if (r->chan) {
        r->io_error = true;
    }
    deliver(m);
}

/* A SENSE right after a unit check gets the sense bytes CP kept, not
 * what the real device says now (other users' I/O came in between). */
static bool kept_sense(struct vm *vm, struct vdev *d, u32 ccw_addr)
{
    struct ccw0 c;
    u16 n;

    if (!d->nsense || gmem_read(&vm->mem, ccw_addr, c.b, 8) != 0 ||
        ccw0_cmd(&c) != 0x04 || ccw0_count(&c) == 0)
        return false;
    n = ccw0_count(&c) < d->nsense ? ccw0_count(&c) : d->nsense;
    if (!(ccw0_flags(&c) & CCW_SKIP) && gmem_write(&vm->mem, ccw0_addr(&c), d->sense, n) != 0)
        return false;
    d->nsense = 0;
    vdev_post(vm, d, ccw_addr + 8, UNIT_CE | UNIT_DE, 0, (u16)(ccw0_count(&c) - n));
    return true;
}

int mdiskio_start(struct vm *vm, struct vdev *d, struct mdisk *md, u32 ccw_addr, u8 key)
{
    struct mio *m;

    if (kept_sense(vm, d, ccw_addr))
        return 0;
    m = mio_new(vm, d, md, key);

    if (!m) {
        set_sense(d, SENSE_INTERVENTION, 0);
        vdev_post(vm, d, ccw_addr + 8, UNIT_CE | UNIT_DE | UNIT_UC, 0, 0);
        return 0;
    }
    d->busy = true;
    d->nsense = 0;
    xlat_translate(&m->x, ccw_addr);
    md->seek_cyl = m->x.seek_cyl;
    md->seek_head = m->x.seek_head;
    if (m->x.nguest == 0) {                     /* the first CCW is already wrong */
        m->res.unit = UNIT_CE | UNIT_DE;
        xlat_finish(&m->x);
        stop_status(m);
        deliver(m);
        return 0;
    }
    m->req.complete = mio_done;
    md->active = m;
    rio_start(&m->req);
    return 0;
}

bool mdiskio_halt(struct vdev *d, struct mdisk *md)
{
    struct mio *m = md ? md->active : NULL;

    if (!m)
        return false;
    if (rio_dequeue(&m->req)) {                 /* never started */
        xlat_finish(&m->x);
        m->res.unit = UNIT_CE | UNIT_DE;
        m->res.ccw_next = (m->x.map[0].guest_ccw + 8) & GADDR_MASK;
        deliver(m);
        return true;
    }
    while (md->active == m)                     /* a DASD operation is short: wait */
        task_sleep(d);
    return true;
}

int mdiskio_run(struct vm *vm, struct vdev *d, struct mdisk *md, u32 ccw_addr, u8 key,
                struct mio_result *res)
{
    struct mio *m = mio_new(vm, d, md, key);

    if (!m)
        return -1;
    m->sync = true;
    xlat_translate(&m->x, ccw_addr);
    res->rw_ccws = 0;
    for (unsigned i = 0; i < m->x.nguest; i++) {
        struct ccw0 c;
        if (gmem_read(&vm->mem, m->x.guest_addr[i], c.b, 8) == 0 &&
            (ccw0_cmd(&c) == CKD_READ_DATA || ckd_cmd_is_write(ccw0_cmd(&c))))
            res->rw_ccws++;
    }
    res->stop = m->x.stop;
    if (m->x.stop != XLAT_COMPLETE) {           /* refused as a whole */
        xlat_finish(&m->x);
        mio_free(m);
        return 0;
    }
    md->seek_cyl = m->x.seek_cyl;
    md->seek_head = m->x.seek_head;
    m->req.complete = mio_done;
    md->active = m;
    rio_start(&m->req);
    while (!m->done)
        task_sleep(m);
    *res = m->res;
    res->stop = XLAT_COMPLETE;
    mio_free(m);
    return 0;
}

/* one block: SEEK, SEARCH ID EQUAL, TIC, READ/WRITE DATA */
static bool add_block(struct xlat *x, struct mdisk *md, u32 block, u32 buffer, bool write,
                      bool last)
{
    u16 cyl, head;
    u8 rec, seek[6] = { 0 }, id[5];
    unsigned search;

    if (!mdisk_block_address(md, block, &cyl, &head, &rec))
        return false;
    put_be16(seek + 2, (u16)(md->start_cyl + cyl));
    put_be16(seek + 4, head);
    put_be16(id, (u16)(md->start_cyl + cyl));
    put_be16(id + 2, head);
    id[4] = rec;
    if (!xlat_add_arg(x, CKD_SEEK, CCW_CC, seek, 6))
        return false;
    search = x->nreal;
    return xlat_add_arg(x, CKD_SEARCH_ID_EQ, CCW_CC, id, 5) && xlat_add_tic(x, search) &&
           xlat_add_data(x, write ? CKD_WRITE_DATA : CKD_READ_DATA, last ? 0 : CCW_CC,
                         buffer, (u16)md->blk_size);
}

unsigned mdiskio_blocks(struct vm *vm, struct mdisk *md, struct mio_block *b, unsigned n, u8 key)
{
    unsigned failed = 0;

    for (unsigned i = 0; i < n; i++) {
        struct mio *m;
        b[i].status = 0;
        if (b[i].type != 1 && b[i].type != 2) {
            b[i].status = 4;
            failed++;
            continue;
        }
        if (b[i].block == 0 || b[i].block > md->blk_last) {
            b[i].status = 1;
            failed++;
            continue;
        }
        if (b[i].type == 1 && !md->write) {
            b[i].status = 2;
            failed++;
            continue;
        }
        m = mio_new(vm, NULL, md, key);
        if (!m) {
            b[i].status = 3;
            failed++;
            continue;
        }
        xlat_reset(&m->x);
        if (!add_block(&m->x, md, b[i].block, b[i].buffer, b[i].type == 1, true)) {
            xlat_finish(&m->x);
            b[i].status = m->x.stop == XLAT_PROTECTION ? 5 : 1;
            failed++;
            mio_free(m);
            continue;
        }
        if (rio_run(&m->req) != 0) {
            note_device_error(m, NULL);
            b[i].status = 3;
            failed++;
        } else if ((m->req.dstat & (UNIT_UC | UNIT_UX)) || m->req.cstat) {
            if (m->req.dstat & UNIT_UC) {
                ccw1_make(&m->sccw, 0x04, CCW_SLI, sizeof m->sense, (u32)(uintptr_t)m->sense);
                m->sreq = (struct ioreq){ .dev = md->dev, .cp = &m->sccw };
                if (rio_run(&m->sreq) == 0)
                    note_device_error(m, m->sense);
            }
            b[i].status = 3;
            failed++;
        }
        xlat_finish(&m->x);
        mio_free(m);
    }
    return failed;
}

/* the IPL's own first CCW: 24 bytes of record 1 to location 0 */
static int read_ipl_record(struct vm *vm, struct vdev *d, struct mdisk *md, struct vdev_ipl *r)
{
    struct mio *m = mio_new(vm, d, md, 0);
    u8 seek[6] = { 0 }, id[5] = { 0, 0, 0, 0, 1 };
    int rc = 0;

    if (!m)
        return -1;
    xlat_reset(&m->x);
    put_be16(seek + 2, md->start_cyl);
    put_be16(id, md->start_cyl);
    xlat_add_arg(&m->x, CKD_SEEK, CCW_CC, seek, 6);
    xlat_add_arg(&m->x, CKD_SEARCH_ID_EQ, CCW_CC, id, 5);
    xlat_add_tic(&m->x, 1);
    xlat_add_data(&m->x, CKD_READ_DATA, CCW_SLI, 0, 24);
    if (rio_run(&m->req) != 0) {
        r->unit = UNIT_CE | UNIT_DE | UNIT_UC;
        r->sense0 = SENSE_INTERVENTION;
        rc = -1;
    } else if ((m->req.dstat & (UNIT_UC | UNIT_UX)) || m->req.cstat) {
        r->unit = m->req.dstat;
        r->chan = m->req.cstat;
        r->sense0 = SENSE_CMD_REJECT;       /* no record 1: no IPL record */
        rc = -1;
    }
    xlat_finish(&m->x);
    mio_free(m);
    md->seek_cyl = md->seek_head = 0;
    return rc;
}

int mdiskio_ipl(struct vm *vm, struct vdev *d, struct mdisk *md, struct vdev_ipl *r)
{
    u32 at = 8;                                 /* CCW 1 of the IPL record */
    bool orient = true, after_tic = false;
    u8 id[5] = { 0, 0, 0, 0, 1 };               /* past record 1 */

    if (read_ipl_record(vm, d, md, r) != 0)
        return -1;
    put_be16(id, md->start_cyl);
    for (unsigned piece = 0; piece < VDEV_IPL_MAX_CCWS / 64; piece++) {
        struct mio *m = mio_new(vm, d, md, 0);
        struct mio_result res;
        if (!m) {
            r->ccw = at;
            r->unit = UNIT_CE | UNIT_DE | UNIT_UC;
            r->sense0 = SENSE_INTERVENTION;
            return -1;
        }
        m->sync = true;
        m->x.refetch = true;
        m->x.orient = orient;
        memcpy(m->x.orient_id, id, sizeof id);
        m->x.stop_after_tic = after_tic;
        xlat_translate_piece(&m->x, at);
        md->seek_cyl = m->x.seek_cyl;
        md->seek_head = m->x.seek_head;
        orient = m->x.orient;
        memcpy(id, m->x.orient_id, sizeof id);
        after_tic = m->x.stop_after_tic;
        m->req.complete = mio_done;
        md->active = m;
        rio_start(&m->req);
        while (!m->done)
            task_sleep(m);
        res = m->res;
        mio_free(m);
        if (res.io_error || res.chan || (res.unit & (UNIT_UC | UNIT_UX))) {
            r->endless = res.endless;
            r->ccw = (res.ccw_next - 8) & GADDR_MASK;
            r->unit = res.unit;
            r->chan = res.chan;
            r->sense0 = d->sense[0];
            return -1;
        }
        if (!res.refetch)
            return 0;                           /* the program ended */
        at = res.ccw_next;
    }
    r->ccw = at;
    r->chan = CHAN_PGM;
    r->endless = true;
    return -1;
}
