/* indresp.c - INDICATE RESPONSE: CP's response times at the terminals.
 *
 *   INDICATE RESPONSE [RESET]       your terminal's responses (everyone)
 *   INDICATE RESPONSE ALL [RESET]   every terminal and the system total
 *                                   (classes A, B, C, E)
 *
 * A response is measured from the arrival of a line to the moment CP
 * waits for the next one with all its output written (cp/io/termresp.c).
 * A general user sees only his own terminal's figures. */
#include "cp/cmd/cmd.h"
#include "cp/cmd/indresp.h"
#include "cp/term/session.h"
#include "cp/vm/user.h"
#include "cp/io/term.h"
#include "cp/lib/resphist.h"
#include "cp/lib/string.h"
#include "cp/lib/format.h"

#define OPS (CLASS_BIT('A') | CLASS_BIT('B') | CLASS_BIT('C') | CLASS_BIT('E'))

/* milliseconds with one decimal */
static const char *ms(char *buf, u32 us)
{
    fmt_snprintf(buf, 16, "%u.%u", (unsigned)(us / 1000), (unsigned)(us % 1000 / 100));
    return buf;
}

static void resp_line(struct cmdctx *ctx, const char *who, const struct resphist *h)
{
    static const struct resphist none;
    char p50[16], p95[16], max[16], mean[16];

    if (!h)
        h = &none;
    cmd_printf(ctx, "RESPONSE %-13s COUNT %6u P50 %7s P95 %7s MAX %8s MEAN %7s MS", who,
               (unsigned)h->count, ms(p50, rh_percentile(h, 50)), ms(p95, rh_percentile(h, 95)),
               ms(max, h->max_us), ms(mean, rh_mean(h)));
}

static void term_label(char *buf, const struct term *t)
{
    const struct session *s = t->session;
    const char *who = s && s->state == SESS_ACTIVE && s->user ? s->user->userid : "-";

    fmt_snprintf(buf, 16, "%04X %s", (unsigned)t->devno, who);
}

static int resp_own(struct cmdctx *ctx, bool reset)
{
    struct session *s = ctx->user->sess;
    struct term *t = s ? session_term(s) : NULL;
    char label[16];

    if (!t) {
        cmd_printf(ctx, "CPX046E %s is disconnected; no terminal to measure", ctx->user->userid);
        return RC_ERROR;
    }
    if (reset) {
        term_resp_reset(t);
        cmd_printf(ctx, "RESPONSE TIMES RESET FOR TERMINAL %04X", (unsigned)t->devno);
        return RC_OK;
    }
    term_label(label, t);
    resp_line(ctx, label, term_resp_hist(t));
    return RC_OK;
}

static int resp_all(struct cmdctx *ctx, bool reset)
{
    char label[16];

    if (!(ctx->user->classes & OPS)) {
        cmd_printf(ctx, "CPX002E INDICATE RESPONSE ALL is not authorized for your privilege class");
        return RC_CLASS;
    }
    if (reset) {
        term_resp_reset_all();
        cmd_printf(ctx, "RESPONSE TIMES RESET FOR ALL TERMINALS");
        return RC_OK;
    }
    for (unsigned i = 0; i < term_count(); i++) {
        const struct term *t = term_at(i);
        const struct resphist *h = term_resp_hist(t);
        if (!t->connected && (!h || !h->count))
            continue;
        term_label(label, t);
        resp_line(ctx, label, h);
    }
    resp_line(ctx, "TOTAL", &term_resp_total);
    return RC_OK;
}

int ind_response(struct cmdctx *ctx)
{
    bool all = false, reset = false;

    for (int i = 2; i < ctx->argc; i++) {
        if (!all && !reset && cmd_abbrev(ctx->argv[i], "ALL", 3))
            all = true;
        else if (!reset && cmd_abbrev(ctx->argv[i], "RESET", 5))
            reset = true;
        else {
            cmd_printf(ctx, "CPX003E INDICATE RESPONSE takes ALL and RESET, not %.20s", ctx->raw[i]);
            return RC_OPERAND;
        }
    }
    return all ? resp_all(ctx, reset) : resp_own(ctx, reset);
}
