/* con3215.c - line-mode terminals (see con3215.h). */
#include "cp/io/con3215.h"
#include "cp/io/termcode.h"
#include "arch370/ebcdic.h"
#include "cp/kern/freestor.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include <stdarg.h>

#define CMD_WRITE_CR    0x09    /* write, then carrier return */
#define CMD_READ        0x0A    /* read inquiry */

static struct term **terms;
static unsigned nterms;
static struct timer probe_timer;

static void kick(struct term *t);

/* ---- the output queue ------------------------------------------------------ */

static void free_lines(struct tline *l)
{
    while (l) {
        struct tline *next = l->next;
        kfree(l);
        l = next;
    }
}

/* Forget everything queued: its client is gone. */
static void discard_queue(struct term *t)
{
    t->lines_discarded += t->qcount;
    free_lines(t->qhead);
    t->qhead = t->qtail = NULL;
    t->qcount = 0;
}

void term_discard_output(struct term *t)
{
    discard_queue(t);
}

static void queue_line(struct term *t, const char *text, size_t n)
{
    struct tline *l = kmalloc(sizeof *l, "TLINE");

    if (!l) {                   /* free storage exhausted: nothing to keep it in */
        t->lines_discarded++;
        return;
    }
    l->next = NULL;
    l->len = (u16)(n ? n : 1);
    l->text[0] = EBC_BLANK;     /* an empty line is one blank */
    for (size_t i = 0; i < n; i++)
        l->text[i] = term_to_wire(text[i]);
    if (t->qtail)
        t->qtail->next = l;
    else
        t->qhead = l;
    t->qtail = l;
    t->qcount++;
}

/* ---- client changes ------------------------------------------------------- */

/* The client CP was talking to is gone (why: the sense byte). */
static void client_gone(struct term *t, u8 why)
{
    discard_queue(t);
    t->want_read = false;
    t->gen++;
    t->why = why;
    if (t->connected) {
        t->connected = false;
        if (t->ops->disconnected)
            t->ops->disconnected(t, why);
    }
}

/* A client is there that CP has not told the session about yet. */
static void client_arrived(struct term *t)
{
    if (t->connected)
        client_gone(t, 0);      /* its predecessor left without a word */
    discard_queue(t);
    t->gen++;
    t->clients++;
    t->connected = true;
    if (t->ops->connected)
        t->ops->connected(t);
}

/* ---- channel programs ------------------------------------------------------ */

static void start(struct term *t, enum term_io io)
{
    t->io = io;
    t->req.dev = t->dev;
    t->req.cp = t->ccw;
    t->req.arg = t;
    rio_start(&t->req);
}

static void start_sense(struct term *t)
{
    t->sense = 0;
    ccw1_make(&t->ccw[0], CCW_CMD_SENSE, CCW_SLI, 1, (u32)(uintptr_t)&t->sense);
    start(t, TIO_SENSE);
}

static void null_line(void *arg)
{
    struct term *t = arg;

    /* still waiting: Hercules had no line to give, the user pressed
     * Enter on an empty one */
    if (t->io != TIO_READ || t->null_given)
        return;
    t->null_given = true;
    if (t->ops->input)
        t->ops->input(t, "");
}

static void start_read(struct term *t)
{
    t->sense = 0;
    t->want_read = false;
    t->null_given = false;
    ccw1_make(&t->ccw[0], CCW_CMD_SENSE, CCW_SLI | CCW_CC, 1, (u32)(uintptr_t)&t->sense);
    ccw1_make(&t->ccw[1], CMD_READ, CCW_SLI, sizeof t->rbuf, (u32)(uintptr_t)t->rbuf);
    start(t, TIO_READ);
    timer_add(&t->null_timer, tod_now() + TERM_NULL_MS * TOD_MSEC, null_line, t);
}

/* Write up to TERM_BATCH queued lines, command-chained; the lines stay
 * allocated until the channel is done with them. */
static void start_write(struct term *t)
{
    unsigned n = 0;

    while (t->qhead && n < TERM_BATCH) {
        struct tline *l = t->qhead;
        t->qhead = l->next;
        if (!t->qhead)
            t->qtail = NULL;
        t->qcount--;
        t->wlines[n] = l;
        n++;
    }
    for (unsigned i = 0; i < n; i++)    /* command-chained, the last one not */
        ccw1_make(&t->ccw[i], CMD_WRITE_CR, CCW_SLI | (i + 1 < n ? CCW_CC : 0),
                  t->wlines[i]->len, (u32)(uintptr_t)t->wlines[i]->text);
    t->nw = n;
    start(t, TIO_WRITE);
}

static void end_write(struct term *t, bool ok)
{
    for (unsigned i = 0; i < t->nw; i++)
        kfree(t->wlines[i]);
    if (ok)
        t->lines_out += t->nw;
    else
        t->lines_discarded += t->nw;
    t->nw = 0;
}

/* What to do next on an idle terminal, most urgent first. */
static void kick(struct term *t)
{
    if (t->io != TIO_NONE)
        return;
    if (t->want_sense || t->arrived) {
        t->want_sense = false;
        start_sense(t);
    } else if (t->want_read && !t->uc_seen) {
        start_read(t);
    } else if (t->qhead) {
        start_sense(t);         /* first make sure the client is still ours */
    } else if (t->want_probe) {
        t->want_probe = false;
        if (t->connected)
            start_sense(t);
    }
}

static void read_line(struct term *t, u16 residual)
{
    char line[TERM_INMAX + 1];
    unsigned n = sizeof t->rbuf - residual;

    if (n > sizeof t->rbuf)
        n = 0;
    for (unsigned i = 0; i < n; i++)
        line[i] = term_from_wire(t->rbuf[i]);
    while (n && line[n - 1] == ' ')
        n--;
    line[n] = 0;
    t->lines_in++;
    if (t->ops->input)
        t->ops->input(t, line);
}

static void io_done(struct ioreq *req)
{
    struct term *t = req->arg;
    enum term_io io = t->io;
    bool failed = req->rc != 0 || (req->dstat & UNIT_UC);
    u8 why;

    t->io = TIO_NONE;
    if (io == TIO_READ)
        timer_cancel(&t->null_timer);
    if (req->rc == RIO_EHALT) {         /* forgotten when a client connected */
        if (io == TIO_WRITE)
            end_write(t, false);
        kick(t);
        return;
    }
    switch (io) {
    case TIO_SENSE:
        why = req->rc ? SENSE_INTREQ : t->sense;
        if (!why && t->uc_seen)
            why = SENSE_INTREQ;
        t->uc_seen = false;
        if (why)
            client_gone(t, why);
        if (t->arrived) {
            t->arrived = false;
            client_arrived(t);
        } else if (!why && t->qhead) {
            start_write(t);             /* the client is still ours: write */
            return;
        }
        break;
    case TIO_READ:
        if (t->sense)
            client_gone(t, t->sense);   /* the line is from somebody new */
        if (failed) {
            /* the client went away while the read waited: say so once
             * the sense byte tells why */
            t->uc_seen = true;
            t->want_sense = true;
            break;
        }
        t->connected = true;
        if (req->dstat & UNIT_UX) {     /* break while the read waited */
            if (t->ops->attention)
                t->ops->attention(t);
            break;
        }
        read_line(t, req->residual);
        break;
    case TIO_WRITE:
        end_write(t, !failed);
        if (failed) {
            t->uc_seen = true;
            t->want_sense = true;
            break;
        }
        t->connected = true;
        if (t->qcount <= TERM_QLEN / 2 && t->ops->output_space)
            t->ops->output_space(t);
        break;
    case TIO_NONE:
        break;
    }
    kick(t);
}

/* ---- status without a request -------------------------------------------- */

static void unsolicited(struct rdev *d, u8 dstat, u8 cstat)
{
    struct term *t = d->priv;
    (void)cstat;

    if (!t)
        return;
    if (dstat & UNIT_ATTN) {
        if (dstat & UNIT_UC) {                  /* (not from Hercules 3.13) */
            t->want_sense = true;
        } else if (dstat & UNIT_UX) {           /* break key */
            if (t->ops->attention)
                t->ops->attention(t);
            return;
        } else {
            t->want_read = true;                /* a line is ready */
        }
    } else if (dstat & UNIT_DE) {
        /* a client connected; Hercules reset the device for it, so an
         * I/O CP had under way there will never end */
        if (d->active)
            rio_cancel(d);
        t->arrived = true;
    }
    kick(t);
}

static const struct rdev_driver con3215_driver = {
    .name = "3215",
    .unsolicited = unsolicited,
};

/* every second: is anybody still at the idle connected terminals? */
static void probe_all(void *arg)
{
    (void)arg;
    for (unsigned i = 0; i < nterms; i++) {
        struct term *t = terms[i];
        if (t->connected && t->io == TIO_NONE) {
            t->want_probe = true;
            kick(t);
        }
    }
    timer_add(&probe_timer, tod_now() + TERM_PROBE_MS * TOD_MSEC, probe_all, NULL);
}

/* ---- the interface ---------------------------------------------------------- */

void term_write(struct term *t, const char *line)
{
    size_t n = strlen(line);

    do {
        size_t chunk = n > TERM_LINE ? TERM_LINE : n;
        queue_line(t, line, chunk);
        line += chunk;
        n -= chunk;
    } while (n);
    kick(t);
}

void term_printf(struct term *t, const char *fmt, ...)
{
    char buf[512];
    va_list ap;

    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    term_write(t, buf);
}

bool term_has_room(const struct term *t, unsigned n)
{
    return !t->connected || t->qcount + n <= TERM_QLEN;
}

bool term_idle(const struct term *t)
{
    return t->io != TIO_WRITE && t->qcount == 0;
}

void term_init_all(const struct term_ops *ops)
{
    unsigned n = 0;

    for (unsigned i = 0; i < nrdevs; i++)
        if (rdevs[i].cls == RDEV_CONSOLE)
            n++;
    terms = kzalloc(sizeof *terms * (n ? n : 1), "TERMTAB");
    nterms = 0;
    for (unsigned i = 0; i < nrdevs && terms; i++) {
        struct rdev *d = &rdevs[i];
        struct term *t;
        if (d->cls != RDEV_CONSOLE)
            continue;
        t = kzalloc(sizeof *t, "TERM");
        if (!t)
            break;
        t->dev = d;
        t->devno = d->devno;
        t->ops = ops;
        t->req.complete = io_done;
        d->drv = &con3215_driver;
        d->priv = t;
        terms[nterms++] = t;
    }
    timer_add(&probe_timer, tod_now() + TERM_PROBE_MS * TOD_MSEC, probe_all, NULL);
}

struct term *term_find(u16 devno)
{
    for (unsigned i = 0; i < nterms; i++)
        if (terms[i]->devno == devno)
            return terms[i];
    return NULL;
}

struct term *term_at(unsigned i)
{
    return i < nterms ? terms[i] : NULL;
}

unsigned term_count(void)
{
    return nterms;
}
