/* term.c - real terminals: queue, clients, channel programs (see term.h). */
#include "cp/io/term.h"
#include "cp/io/con3215.h"
#include "cp/io/con3270.h"
#include "cp/kern/freestor.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include "cpu.h"
#include <stdarg.h>

static struct term **terms;
static unsigned nterms;
static struct timer probe_timer;

/* ---- the output queue ------------------------------------------------------ */

/* Lines written are kept for the next ones, TERM_SPARE_LINES at most:
 * a kmalloc and a kfree for every console line cost more than the rest of
 * the line's way into the queue. */
#define TERM_SPARE_LINES    16
static struct tline *spare_lines;
static unsigned nspare_lines;

void term_line_free(struct tline *l)
{
    if (nspare_lines < TERM_SPARE_LINES) {
        l->next = spare_lines;
        spare_lines = l;
        nspare_lines++;
        return;
    }
    kfree(l);
}

static struct tline *line_alloc(void)
{
    struct tline *l = spare_lines;

    if (!l)
        return kmalloc(sizeof *l, "TLINE");
    spare_lines = l->next;
    nspare_lines--;
    return l;
}

static void free_lines(struct tline *l)
{
    while (l) {
        struct tline *next = l->next;
        term_line_free(l);
        l = next;
    }
}

/* Forget everything queued: its client is gone. */
void term_discard_output(struct term *t)
{
    t->lines_discarded += t->qcount;
    free_lines(t->qhead);
    t->qhead = t->qtail = NULL;
    t->qcount = 0;
}

static struct tline *queue_line(struct term *t, const char *text, size_t n)
{
    struct tline *l = line_alloc();

    if (!l) {                   /* free storage exhausted: nothing to keep it in */
        t->lines_discarded++;
        return NULL;
    }
    l->next = NULL;
    l->ctl = 0;
    l->len = (u16)n;
    cpu_move(l->text, text, (u32)n);    /* at most a line: no memcpy call */
    if (t->qtail)
        t->qtail->next = l;
    else
        t->qhead = l;
    t->qtail = l;
    t->qcount++;
    return l;
}

struct tline *term_dequeue(struct term *t)
{
    struct tline *l = t->qhead;

    if (!l)
        return NULL;
    t->qhead = l->next;
    if (!t->qhead)
        t->qtail = NULL;
    t->qcount--;
    return l;
}

/* ---- client changes ------------------------------------------------------- */

/* The client CP was talking to is gone (why: the sense byte). */
static void client_gone(struct term *t, u8 why)
{
    term_discard_output(t);
    t->want_read = false;
    t->gen++;
    t->why = why;
    t->resp.open = false;
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
    term_discard_output(t);
    t->gen++;
    t->clients++;
    t->connected = true;
    term_resp_client(t);
    if (t->kind->reset)
        t->kind->reset(t);
    if (t->ops->connected)
        t->ops->connected(t);
}

/* ---- channel programs ------------------------------------------------------ */

void term_start(struct term *t, enum term_io io)
{
    t->io = io;
    t->io_since = tod_now();
    t->req.dev = t->dev;
    t->req.cp = t->ccw;
    t->req.arg = t;
    rio_start(&t->req);
}

static void start_sense(struct term *t)
{
    t->sense = 0;
    ccw1_make(&t->ccw[0], CCW_CMD_SENSE, CCW_SLI, 1, (u32)(uintptr_t)&t->sense);
    term_start(t, TIO_SENSE);
}

/* The gate: offset 0 of the table goes on to the write, every other
 * offset the sense byte may give ends the program (term.h). */
static bool gate_init(struct term *t)
{
    u8 *mem = kzalloc(512, "TGATE");

    if (!mem)
        return false;
    t->gate = (struct ccw1 *)(((uintptr_t)mem + 255) & ~(uintptr_t)255);
    ccw1_make(&t->gate[0], CCW_CMD_NOP, CCW_CC | CCW_SLI, 1, 0);
    for (unsigned i = 2; i < 32; i++)
        ccw1_make(&t->gate[i], CCW_CMD_NOP, CCW_SLI, 1, 0);
    return true;
}

void term_start_write(struct term *t)
{
    ccw1_make(&t->ccw[0], CCW_CMD_SENSE, CCW_CC | CCW_SLI, 1, (u32)(uintptr_t)&t->ccw[1].b[7]);
    ccw1_make(&t->ccw[1], CCW_CMD_TIC, 0, 0, (u32)(uintptr_t)t->gate);
    ccw1_make(&t->gate[1], CCW_CMD_TIC, 0, 0, (u32)(uintptr_t)&t->ccw[TERM_WCCW]);
    term_start(t, TIO_WRITE);
}

void term_chain_sense(struct term *t)
{
    t->sense = 0;
    ccw1_make(&t->ccw[0], CCW_CMD_SENSE, CCW_SLI | CCW_CC, 1, (u32)(uintptr_t)&t->sense);
}

/* What to do next on an idle terminal, most urgent first. */
void term_kick(struct term *t)
{
    if (t->io != TIO_NONE)
        return;
    if (t->want_sense || t->arrived) {
        t->want_sense = false;
        start_sense(t);
    } else if (t->want_read && !t->uc_seen) {
        t->want_read = false;
        t->kind->start_read(t);
    } else if (t->kind->has_work(t)) {
        t->kind->start_write(t);        /* behind the gate */
    } else if (t->want_probe) {
        t->want_probe = false;
        if (t->connected)
            start_sense(t);
    }
}

static void io_done(struct ioreq *req)
{
    struct term *t = req->arg;
    enum term_io io = t->io;
    bool failed = req->rc != 0 || (req->dstat & UNIT_UC);
    u8 why;

    t->io = TIO_NONE;
    if (req->rc == RIO_EHALT) {         /* forgotten when a client connected */
        if (io == TIO_WRITE)
            t->kind->write_done(t, false);
        term_kick(t);
        return;
    }
    switch (io) {
    case TIO_SENSE:
        why = req->rc ? SENSE_INTREQ : t->sense;
        if (t->kind->sense_is_ours && t->kind->sense_is_ours(t, why))
            why = 0;
        else if (!why && t->uc_seen)
            why = SENSE_INTREQ;
        t->uc_seen = false;
        if (why)
            client_gone(t, why);
        if (t->arrived) {
            t->arrived = false;
            client_arrived(t);
        }
        break;
    case TIO_READ:
        if (t->sense)
            client_gone(t, t->sense);   /* the input is from somebody new */
        if (failed) {
            /* the client went away while the read waited: say so once
             * the sense byte tells why */
            t->kind->read_done(t, NULL);
            t->uc_seen = true;
            t->want_sense = true;
            break;
        }
        t->connected = true;
        t->lines_in++;
        term_resp_line_read(t);
        t->kind->read_done(t, req);
        break;
    case TIO_WRITE:
        why = t->ccw[1].b[7];           /* the sense byte the gate stored */
        if (why || (req->cstat & CHAN_PGM)) {
            /* the gate stopped the write: nothing reached anybody.  The
             * sense byte was an earlier client's; if the NOP that ended the
             * program found a client there (its device end may have been
             * lost), that client starts at the logo */
            bool was = t->connected;
            t->kind->write_done(t, false);
            client_gone(t, why ? why : SENSE_INTREQ);
            if (!was && !failed)
                client_arrived(t);      /* the NOP found somebody there */
            break;
        }
        t->kind->write_done(t, !failed);
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
    term_kick(t);
    term_resp_check(t);         /* the last of a response's output is out */
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
            t->want_read = true;                /* input is ready */
            term_resp_attention(t);
        }
    } else if (dstat & UNIT_DE) {
        /* A client connected.  Nothing queued for the one before may
         * reach it, whatever the sense byte says (a SENSE that read it may
         * be the I/O Hercules forgot): the queue goes and the connection
         * number moves on now; the SENSE that follows says why the old
         * client left and lets the session know. */
        t->arrived = true;
        term_discard_output(t);
        t->gen++;
        if (d->active)
            rio_cancel(d);      /* Hercules reset the device: it never ends */
    }
    term_kick(t);
}

static const struct rdev_driver term_driver = {
    .name = "TERM",
    .unsolicited = unsolicited,
};

/* every TERM_PROBE_MS: is anybody still at the idle connected terminals? */
static void probe_all(void *arg)
{
    (void)arg;
    for (unsigned i = 0; i < nterms; i++) {
        struct term *t = terms[i];
        if (t->kind->tick)
            t->kind->tick(t);
        /* Hercules resets a device for a new client and forgets an I/O
         * under way there; if its device end is lost too, that I/O never
         * ends.  Only a 3215 read may rightly wait that long (for the line
         * after an empty one). */
        if (t->io != TIO_NONE && !(t->io == TIO_READ && t->kind == &con3215_kind) &&
            tod_now() - t->io_since > TERM_IO_LIMIT_SEC * TOD_SEC && t->dev->active) {
            rio_cancel(t->dev);
            t->want_sense = true;
        }
        if (t->connected && t->io == TIO_NONE) {
            t->want_probe = true;
            term_kick(t);
        }
    }
    timer_add(&probe_timer, tod_now() + TERM_PROBE_MS * TOD_MSEC, probe_all, NULL);
}

/* ---- the interface ---------------------------------------------------------- */

void term_write(struct term *t, const char *line)
{
    term_write_len(t, line, strlen(line));
}

void term_write_len(struct term *t, const char *line, size_t n)
{
    do {
        size_t chunk = n > TERM_LINE ? TERM_LINE : n;
        queue_line(t, line, chunk);
        line += chunk;
        n -= chunk;
    } while (n);
    term_kick(t);
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

bool term_takes_more(const struct term *t)
{
    return !t->connected || t->qcount < TERM_QHARD;
}

bool term_idle(const struct term *t)
{
    return t->io != TIO_WRITE && t->qcount == 0;
}

void term_set_input(struct term *t, const char *text)
{
    if (t->kind->set_input) {
        t->kind->set_input(t, text);
        term_kick(t);
    }
}

void term_hide_input(struct term *t, bool hidden)
{
    if (t->kind->hide_input) {
        t->kind->hide_input(t, hidden);
        term_kick(t);
    }
}

void term_write_control(struct term *t, u8 ctl, unsigned row)
{
    struct tline *l;

    if (!t->kind->fs_write)
        return;                 /* a line terminal has no output area */
    l = queue_line(t, "", 0);
    if (l) {
        l->ctl = (u8)(TL_CONTROL | ctl);
        l->len = (u16)row;
    }
    term_kick(t);
}

int term_fs_write(struct term *t, bool erase, bool pa1, const u8 *data, unsigned n)
{
    int rc;

    if (!t->kind->fs_write)
        return TFS_NOTDISPLAY;
    rc = t->kind->fs_write(t, erase, pa1, data, n);
    term_kick(t);
    return rc;
}

bool term_is_display(const struct term *t)
{
    return t->kind->fs_write != NULL;
}

bool term_fs_owned(const struct term *t)
{
    return t->kind->fs_owned && t->kind->fs_owned(t);
}

const char *term_kind_name(const struct term *t)
{
    return t->kind->name;
}

const char *term_model_name(const struct term *t)
{
    static const char *const names[] = { "3270", "3270", "3270-2", "3270-3", "3270-4", "3270-5" };
    unsigned m = t->kind->model ? t->kind->model(t) : 0;

    if (!t->kind->model)
        return t->kind->name;
    return m < sizeof names / sizeof names[0] ? names[m] : "3270";
}

void term_init_all(const struct term_ops *ops)
{
    unsigned n = 0;

    for (unsigned i = 0; i < nrdevs; i++)
        if (rdevs[i].cls == RDEV_CONSOLE || rdevs[i].cls == RDEV_DISPLAY)
            n++;
    terms = kzalloc(sizeof *terms * (n ? n : 1), "TERMTAB");
    nterms = 0;
    for (unsigned i = 0; i < nrdevs && terms; i++) {
        struct rdev *d = &rdevs[i];
        struct term *t;
        if (d->cls != RDEV_CONSOLE && d->cls != RDEV_DISPLAY)
            continue;
        t = kzalloc(sizeof *t, "TERM");
        if (!t)
            break;
        t->dev = d;
        t->devno = d->devno;
        t->ops = ops;
        t->kind = d->cls == RDEV_DISPLAY ? &con3270_kind : &con3215_kind;
        t->req.complete = io_done;
        if (!gate_init(t)) {
            kfree(t);
            break;
        }
        if (t->kind->attach)
            t->kind->attach(t);
        d->drv = &term_driver;
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
