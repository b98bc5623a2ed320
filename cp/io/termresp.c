/* termresp.c - response times at the terminals (see term.h).
 *
 * A response starts when a line arrives: at the attention that told CP
 * input was waiting in Hercules (or, for a read that did not follow an
 * attention, when the read ended), so the time CP takes to start the
 * read counts.  The session layer opens the response when it takes the
 * line and says when CP waits for the user again: the virtual machine
 * begins a console read with nothing to give it (VM READ), or a CP
 * command ended.  The response ends once, after that, nothing of it is
 * still to be written (what waits behind MORE... waits for the user and
 * does not count), or when the user's next line arrives, if that comes
 * first.  This is the part of the response a user sees that
 * CP is responsible for: the network and the client are not in it. */
#include "cp/io/term.h"
#include "cp/kern/freestor.h"

struct resphist term_resp_total;

void term_resp_attention(struct term *t)
{
    if (!t->resp.attn) {
        t->resp.attn = true;
        t->resp.attn_tod = tod_now();
    }
}

void term_resp_line_read(struct term *t)
{
    t->resp.line_tod = t->resp.attn ? t->resp.attn_tod : tod_now();
    t->resp.attn = false;
}

static void record(struct term *t, u64 end)
{
    u64 us = end > t->resp.start ? (end - t->resp.start) / TOD_USEC : 0;

    if (us > 0xFFFFFFFFu)
        us = 0xFFFFFFFFu;
    t->resp.open = false;
    if (!t->resp.hist)
        t->resp.hist = kzalloc(sizeof *t->resp.hist, "RESPHIST");
    if (t->resp.hist)
        rh_add(t->resp.hist, (u32)us);
    rh_add(&term_resp_total, (u32)us);
}

/* A line that arrives while the last is still being answered ends that
 * response when it arrived: the user saw enough to type on (the guest
 * wrote its answer and had not asked for the next line yet), or typed
 * ahead; either way the new line is a response of its own. */
void term_resp_open(struct term *t, u64 arrived)
{
    if (t->resp.open)
        record(t, arrived);
    t->resp.open = true;
    t->resp.ready = false;
    t->resp.start = arrived;
}

void term_resp_ready(struct term *t)
{
    if (!t->resp.open)
        return;
    t->resp.ready = true;
    term_resp_check(t);
}

/* Is everything written that can be written now?  A write under way is
 * not done; an idle terminal asks its kind (a 3270 may owe the status
 * area or the input area, and has nothing to do while MORE... waits). */
static bool all_written(struct term *t)
{
    if (t->io == TIO_WRITE)
        return false;
    if (t->io != TIO_NONE)
        return t->qcount == 0;
    return !t->kind->has_work(t);
}

void term_resp_check(struct term *t)
{
    if (t->resp.open && t->resp.ready && all_written(t))
        record(t, tod_now());
}

/* a new client: its figures start from nothing */
void term_resp_client(struct term *t)
{
    t->resp.attn = false;
    term_resp_reset(t);
}

const struct resphist *term_resp_hist(const struct term *t)
{
    return t->resp.hist;
}

void term_resp_reset(struct term *t)
{
    t->resp.open = false;
    t->resp.ready = false;
    if (t->resp.hist)
        rh_clear(t->resp.hist);
}

void term_resp_reset_all(void)
{
    for (unsigned i = 0; i < term_count(); i++)
        term_resp_reset(term_at(i));
    rh_clear(&term_resp_total);
}
