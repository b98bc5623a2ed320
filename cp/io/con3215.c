/* con3215.c - line-mode terminals (see con3215.h). */
#include "cp/io/con3215.h"
#include "cp/io/termcode.h"
#include "arch370/ebcdic.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"

#define CMD_WRITE_CR    0x09    /* write, then carrier return */
#define CMD_READ        0x0A    /* read inquiry */

struct con3215 {
    struct tline *wlines[TERM_BATCH];   /* being written */
    u8 wtext[TERM_BATCH][TERM_LINE];    /* their EBCDIC */
    unsigned nw;
    bool null_given;            /* the read under way was reported as empty */
    struct timer null_timer;
    u8 rbuf[TERM_INMAX];
};

static struct con3215 *k(struct term *t)
{
    return t->kdata;
}

static void attach(struct term *t)
{
    t->kdata = kzalloc(sizeof(struct con3215), "T3215");
}

static void null_line(void *arg)
{
    struct term *t = arg;

    /* still waiting: Hercules had no line to give, the user pressed
     * Enter on an empty one */
    if (t->io != TIO_READ || k(t)->null_given)
        return;
    k(t)->null_given = true;
    if (t->ops->input)
        t->ops->input(t, "");
}

static void start_read(struct term *t)
{
    struct con3215 *c = k(t);

    c->null_given = false;
    term_chain_sense(t);
    ccw1_make(&t->ccw[1], CMD_READ, CCW_SLI, sizeof c->rbuf, (u32)(uintptr_t)c->rbuf);
    term_start(t, TIO_READ);
    timer_add(&c->null_timer, tod_now() + TERM_NULL_MS * TOD_MSEC, null_line, t);
}

static void read_done(struct term *t, struct ioreq *req)
{
    struct con3215 *c = k(t);
    char line[TERM_INMAX + 1];
    unsigned n;

    timer_cancel(&c->null_timer);
    if (!req)
        return;
    if (req->dstat & UNIT_UX) {         /* break while the read waited */
        if (t->ops->attention)
            t->ops->attention(t);
        return;
    }
    n = sizeof c->rbuf - req->residual;
    if (n > sizeof c->rbuf)
        n = 0;
    for (unsigned i = 0; i < n; i++)
        line[i] = term_from_wire(c->rbuf[i]);
    while (n && line[n - 1] == ' ')
        n--;
    line[n] = 0;
    if (t->ops->input)
        t->ops->input(t, line);
}

static bool has_work(struct term *t)
{
    return t->qhead != NULL;
}

/* Write up to TERM_BATCH queued lines, command-chained; the lines stay
 * allocated until the channel is done with them. */
static void start_write(struct term *t)
{
    struct con3215 *c = k(t);
    unsigned n = 0;
    struct tline *l;

    while (n < TERM_BATCH && (l = term_dequeue(t)) != NULL) {
        if (l->ctl) {                      /* an order for a 3270's screen */
            term_line_free(l);
            continue;
        }
        u16 len = l->len ? l->len : 1;
        c->wtext[n][0] = EBC_BLANK;        /* an empty line is one blank */
        term_text_to_wire(c->wtext[n], l->text, l->len);
        c->wlines[n] = l;
        ccw1_make(&t->ccw[TERM_WCCW + n], CMD_WRITE_CR, CCW_SLI, len, (u32)(uintptr_t)c->wtext[n]);
        n++;
    }
    if (n == 0)
        return;
    for (unsigned i = 0; i + 1 < n; i++)        /* command-chained, the last one not */
        t->ccw[TERM_WCCW + i].b[1] |= CCW_CC;
    c->nw = n;
    term_start_write(t);
}

static void write_done(struct term *t, bool ok)
{
    struct con3215 *c = k(t);

    for (unsigned i = 0; i < c->nw; i++)
        term_line_free(c->wlines[i]);
    if (ok)
        t->lines_out += c->nw;
    else
        t->lines_discarded += c->nw;
    c->nw = 0;
}

const struct term_kind con3215_kind = {
    .name = "3215",
    .attach = attach,
    .start_read = start_read,
    .start_write = start_write,
    .has_work = has_work,
    .read_done = read_done,
    .write_done = write_done,
};
