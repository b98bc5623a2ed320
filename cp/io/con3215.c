/* con3215.c - line-mode terminals (see con3215.h). */
#include "cp/io/con3215.h"
#include "cp/kern/freestor.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"
#include "cp/kern/timer.h"
#include <stdarg.h>

#define CMD_WRITE_CR    0x09    /* write, then carrier return */
#define CMD_NOP         0x03    /* control, no operation */
#define PROBE_INTERVAL  (2 * TOD_SEC)
#define CMD_READ        0x0A    /* read inquiry */

static struct term **terms;
static unsigned nterms;

static void start_next_write(struct term *t);
static struct timer probe_timer;
static void start_read(struct term *t);

static void write_done(struct ioreq *req)
{
    struct term *t = req->arg;

    t->write_active = false;
    if (req->rc != 0 || (req->dstat & UNIT_UC)) {
        /* no client on the device: whatever is queued cannot be shown */
        t->lines_lost += t->qcount;
        t->qcount = 0;
        if (t->connected) {
            t->connected = false;
            if (t->ops->disconnected)
                t->ops->disconnected(t);
        }
        return;
    }
    if (!t->connected) {
        t->connected = true;                    /* a write got through */
        if (t->ops->connected)
            t->ops->connected(t);
    }
    t->lines_out++;
    start_next_write(t);
    if (t->qcount <= TERM_QLEN / 2 && t->ops->output_space)
        t->ops->output_space(t);
}

static void start_next_write(struct term *t)
{
    if (t->write_active || t->qcount == 0)
        return;
    /* the channel may fetch the data at any time before the write ends,
     * and the queue slot is free for the next line at once: write a copy */
    memcpy(t->wtext, t->q[t->qhead].text, t->q[t->qhead].len);
    ccw1_make(&t->wccw, CMD_WRITE_CR, CCW_SLI, t->q[t->qhead].len, (u32)(uintptr_t)t->wtext);
    t->qhead = (t->qhead + 1) % TERM_QLEN;
    t->qcount--;
    t->write_active = true;
    t->wreq.dev = t->dev;
    t->wreq.cp = &t->wccw;
    t->wreq.complete = write_done;
    t->wreq.arg = t;
    rio_start(&t->wreq);
}

static void read_done(struct ioreq *req)
{
    struct term *t = req->arg;
    char line[TERM_INMAX + 1];
    unsigned n;

    t->read_queued = false;
    if (req->rc != 0 || (req->dstat & UNIT_UC)) {
        if (t->connected) {
            t->connected = false;
            if (t->ops->disconnected)
                t->ops->disconnected(t);
        }
        return;
    }
    n = sizeof t->rbuf - req->residual;
    if (n > sizeof t->rbuf)
        n = 0;
    for (unsigned i = 0; i < n; i++) {
        u8 c = ebc_to_ascii[t->rbuf[i]];
        line[i] = (c < 0x20 || c >= 0x7F) ? ' ' : (char)c;   /* no control characters */
    }
    while (n && line[n - 1] == ' ')
        n--;
    line[n] = 0;
    t->lines_in++;
    if (!t->connected) {
        t->connected = true;
        if (t->ops->connected)
            t->ops->connected(t);
    }
    if (t->ops->input)
        t->ops->input(t, line);
}

static void start_read(struct term *t)
{
    if (t->read_queued)
        return;
    ccw1_make(&t->rccw, CMD_READ, CCW_SLI, sizeof t->rbuf, (u32)(uintptr_t)t->rbuf);
    t->read_queued = true;
    t->rreq.dev = t->dev;
    t->rreq.cp = &t->rccw;
    t->rreq.complete = read_done;
    t->rreq.arg = t;
    rio_start(&t->rreq);
}

static void unsolicited(struct rdev *d, u8 dstat, u8 cstat)
{
    struct term *t = d->priv;
    (void)cstat;

    if (!t)
        return;
    if ((dstat & UNIT_ATTN) && (dstat & UNIT_UC)) {             /* client gone */
        t->lines_lost += t->qcount;
        t->qcount = 0;
        if (t->connected) {
            t->connected = false;
            if (t->ops->disconnected)
                t->ops->disconnected(t);
        }
        return;
    }
    if ((dstat & UNIT_ATTN) && (dstat & UNIT_UX)) {             /* break key */
        if (t->ops->attention)
            t->ops->attention(t);
        return;
    }
    if (dstat & UNIT_ATTN) {                                     /* a line is ready */
        start_read(t);
        return;
    }
    if (dstat & UNIT_DE) {                                       /* client connected */
        t->connected = true;
        if (t->ops->connected)
            t->ops->connected(t);
    }
}

static const struct rdev_driver con3215_driver = {
    .name = "3215",
    .unsolicited = unsolicited,
};

static void lost(struct term *t)
{
    t->lines_lost += t->qcount;
    t->qcount = 0;
    if (t->connected) {
        t->connected = false;
        if (t->ops->disconnected)
            t->ops->disconnected(t);
    }
}

static void probe_done(struct ioreq *req)
{
    struct term *t = req->arg;

    t->probe_active = false;
    if (req->rc != 0 || (req->dstat & UNIT_UC))
        lost(t);
}

/* every few seconds: is anybody still at the idle connected terminals? */
static void probe_all(void *arg)
{
    (void)arg;
    for (unsigned i = 0; i < nterms; i++) {
        struct term *t = terms[i];
        if (!t->connected || t->probe_active || t->write_active || t->read_queued)
            continue;
        ccw1_make(&t->pccw, CMD_NOP, CCW_SLI, 1, 0);
        t->probe_active = true;
        t->preq.dev = t->dev;
        t->preq.cp = &t->pccw;
        t->preq.complete = probe_done;
        t->preq.arg = t;
        rio_start(&t->preq);
    }
    timer_add(&probe_timer, tod_now() + PROBE_INTERVAL, probe_all, NULL);
}

void term_write(struct term *t, const char *line)
{
    size_t n = strlen(line);

    do {
        size_t chunk = n > TERM_LINE ? TERM_LINE : n;
        unsigned slot;

        if (t->qcount == TERM_QLEN) {           /* drop the oldest line */
            t->qhead = (t->qhead + 1) % TERM_QLEN;
            t->qcount--;
            t->lines_lost++;
        }
        slot = (t->qhead + t->qcount) % TERM_QLEN;
        ebc_from_ascii(t->q[slot].text, line, chunk);
        t->q[slot].len = (u16)(chunk ? chunk : 1);
        if (!chunk)
            t->q[slot].text[0] = EBC_BLANK;     /* an empty line is one blank */
        t->qcount++;
        line += chunk;
        n -= chunk;
    } while (n);
    start_next_write(t);
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
    return !t->write_active && t->qcount == 0;
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
        d->drv = &con3215_driver;
        d->priv = t;
        terms[nterms++] = t;
    }
    timer_add(&probe_timer, tod_now() + PROBE_INTERVAL, probe_all, NULL);
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
