/* rio.c - real devices and channel-subsystem requests. */
#include "cp/io/rio.h"
#include "cp/io/sense.h"
#include "cp/kern/task.h"
#include "cp/kern/intr.h"
#include "cp/kern/freestor.h"
#include "cp/kern/abend.h"
#include "cp/lib/string.h"
#include "cpu.h"

#define MAX_SUBCHANNELS 1024

struct rdev *rdevs;
unsigned nrdevs;
static u32 opcon_sid;

static const char *class_names[] = {
    [RDEV_UNKNOWN] = "UNKNOWN", [RDEV_CONSOLE] = "CONS", [RDEV_DISPLAY] = "DISPLAY",
    [RDEV_DASD] = "DASD", [RDEV_READER] = "RDR", [RDEV_PUNCH] = "PUN",
    [RDEV_PRINTER] = "PRT", [RDEV_TAPE] = "TAPE",
};

const char *rdev_class_name(enum rdev_class c)
{
    return (unsigned)c < ARRAY_SIZE(class_names) ? class_names[c] : "?";
}

void rio_init(void)
{
    static struct schib s;
    unsigned n = 0;

    /* first pass: count */
    for (u32 sid = 0x10000; sid < 0x10000 + MAX_SUBCHANNELS; sid++) {
        if (stsch(sid, &s) == 3)
            break;
        if (schib_dnv(&s))
            n++;
    }
    rdevs = kzalloc(sizeof *rdevs * (n ? n : 1), "RDEV");
    if (!rdevs)
        cp_abend(ABEND_STORAGE, "no free storage for the device table");
    nrdevs = 0;
    for (u32 sid = 0x10000; sid < 0x10000 + MAX_SUBCHANNELS && nrdevs < n; sid++) {
        struct rdev *d;
        if (stsch(sid, &s) == 3)
            break;
        if (!schib_dnv(&s))
            continue;
        d = &rdevs[nrdevs];
        d->devno = schib_devno(&s);
        d->sid = sid;
        /* interruption parameter = index + 1; enable, ISC 0 */
        put_be32(s.b, nrdevs + 1);
        put_be32(s.b + 4, (schib_word1(&s) & ~PMCW_ISC_MASK) | PMCW_ENABLED);
        if (msch(sid, &s) != 0)
            continue;
        if (d->devno == 0x0009)
            opcon_sid = sid;
        nrdevs++;
    }
    abend_set_console(opcon_sid);
    intr_io_register(rio_interrupt);
}

struct rdev *rio_find(u16 devno)
{
    for (unsigned i = 0; i < nrdevs; i++)
        if (rdevs[i].devno == devno)
            return &rdevs[i];
    return NULL;
}

u32 rio_opcon_sid(void)
{
    return opcon_sid;
}

static void complete(struct ioreq *req)
{
    req->done = true;
    if (req->complete)
        req->complete(req);
    task_wakeup(req);
}

static void handle_status(struct rdev *d, const struct irb *irb);

/* Start the request at the head of the device queue, if idle. */
static void kick(struct rdev *d)
{
    while (!d->active && d->qhead) {
        struct ioreq *req = d->qhead;
        struct orb orb;
        int cc = 1;

        orb_make(&orb, (u32)(d - rdevs) + 1, req->key,
                 ORB_FMT1 | ORB_LPM_ALL | req->orb_flags, (u32)(uintptr_t)req->cp);
        for (int tries = 0; tries < 8; tries++) {
            cc = ssch(d->sid, &orb);
            if (cc != 1)
                break;
            /* status pending (an attention, typically): take it first */
            struct irb irb;
            if (tsch(d->sid, &irb) == 0)
                handle_status(d, &irb);
            if (d->active)
                return;
        }
        if (cc == 0) {
            d->active = req;
            d->qhead = req->next;
            if (!d->qhead)
                d->qtail = NULL;
            d->starts++;
            return;
        }
        if (cc == 2)
            return;             /* busy: retried at the next interruption */
        /* not operational (or still status pending): fail the request */
        d->qhead = req->next;
        if (!d->qhead)
            d->qtail = NULL;
        req->rc = RIO_ENODEV;
        complete(req);
    }
}

void rio_start(struct ioreq *req)
{
    struct rdev *d = req->dev;

    req->done = false;
    req->rc = 0;
    req->dstat = req->cstat = 0;
    req->residual = 0;
    req->next = NULL;
    if (d->qtail)
        d->qtail->next = req;
    else
        d->qhead = req;
    d->qtail = req;
    kick(d);
}

void rio_wait(struct ioreq *req)
{
    while (!req->done) {
        if (task_in_boot())
            cp_wait_and_dispatch();
        else
            task_sleep(req);
    }
}

int rio_run(struct ioreq *req)
{
    rio_start(req);
    rio_wait(req);
    return req->rc;
}

bool rio_dequeue(struct ioreq *req)
{
    struct rdev *d = req->dev;
    struct ioreq *prev = NULL;

    for (struct ioreq *q = d->qhead; q; prev = q, q = q->next) {
        if (q != req)
            continue;
        if (prev)
            prev->next = q->next;
        else
            d->qhead = q->next;
        if (d->qtail == q)
            d->qtail = prev;
        return true;
    }
    return false;
}

void rio_cancel(struct rdev *d)
{
    struct irb irb;

    while (d->qhead) {
        struct ioreq *req = d->qhead;
        d->qhead = req->next;
        req->rc = RIO_EHALT;
        complete(req);
    }
    d->qtail = NULL;
    if (d->active) {
        struct ioreq *req = d->active;
        csch(d->sid);
        for (int i = 0; i < 100000; i++)
            if (tsch(d->sid, &irb) == 0)
                break;
        d->active = NULL;
        req->rc = RIO_EHALT;
        complete(req);
    }
}

static void handle_status(struct rdev *d, const struct irb *irb)
{
    u32 w0 = scsw_word0(irb->b);
    u8 dstat = scsw_dstat(irb->b), cstat = scsw_cstat(irb->b);
    struct ioreq *req = d->active;

    d->interrupts++;
    if (req && (w0 & (SCSW_SC_PRIMARY | SCSW_SC_SECOND))) {
        req->dstat |= dstat;
        req->cstat |= cstat;
        req->residual = scsw_count(irb->b);
        req->ccw_addr = scsw_ccw_addr(irb->b);
        d->active = NULL;
        /* attention presented together with the ending status is
         * passed on as well: the user typed while we wrote */
        if ((dstat & UNIT_ATTN) && d->drv && d->drv->unsolicited)
            d->drv->unsolicited(d, UNIT_ATTN, 0);
        complete(req);
        return;
    }
    d->unsolicited_count++;
    if (d->drv && d->drv->unsolicited)
        d->drv->unsolicited(d, dstat, cstat);
}

void rio_interrupt(u32 sid, u32 intparm)
{
    struct rdev *d = NULL;
    struct irb irb;

    if (intparm >= 1 && intparm <= nrdevs && rdevs[intparm - 1].sid == sid)
        d = &rdevs[intparm - 1];
    else
        for (unsigned i = 0; i < nrdevs; i++)
            if (rdevs[i].sid == sid)
                d = &rdevs[i];
    if (tsch(sid, &irb) != 0 || !d)
        return;
    handle_status(d, &irb);
    kick(d);
}
