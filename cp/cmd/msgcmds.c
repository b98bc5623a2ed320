/* msgcmds.c - MESSAGE and WARNING: lines from one user to others. */
#include "cp/cmd/cmd.h"
#include "cp/term/usermsg.h"
#include "cp/term/session.h"
#include "cp/vm/user.h"
#include "cp/io/term.h"
#include "cp/lib/string.h"

#define MSG_TEXT    120

/* Deliver to one user; returns 0 or a CP return code with the message
 * written to the sender. */
static int deliver(struct cmdctx *ctx, struct user *to, const char *kind, const char *text)
{
    bool on = kind[0] == 'M' ? to->msg_on : to->wng_on;

    if (!to->sess) {
        cmd_printf(ctx, "CPX046E %s not receiving; disconnected", to->userid);
        return RC_NOTFOUND;
    }
    if (!on) {
        cmd_printf(ctx, "CPX057I %s not receiving; %s OFF", to->userid, kind[0] == 'M' ? "MSG" : "WNG");
        return RC_ERROR;
    }
    /* a terminal that stopped reading is not flooded: a sender that
     * could go on for ever would fill CP's free storage */
    if (session_term(to->sess) && !term_takes_more(session_term(to->sess))) {
        cmd_printf(ctx, "CPX058I %s not receiving; too many lines waiting", to->userid);
        return RC_ERROR;
    }
    user_msg(to, "%s FROM %-8s: %.*s", kind, ctx->user->userid, MSG_TEXT, text);
    return RC_OK;
}

/* MSG userid|*|OP|ALL text; WARNING userid|ALL text */
static int send_lines(struct cmdctx *ctx, const char *kind, bool all_needs_b)
{
    const char *text;
    struct user *to;
    int rc = RC_OK;

    if (ctx->argc < 3) {
        cmd_printf(ctx, "CPX003E %s needs a userid and a text", kind[0] == 'M' ? "MESSAGE" : "WARNING");
        return RC_OPERAND;
    }
    text = ctx->rest[2];
    if (!strcmp(ctx->argv[1], "ALL")) {
        if (all_needs_b && !(ctx->user->classes & (CLASS_BIT('A') | CLASS_BIT('B')))) {
            cmd_printf(ctx, "CPX002E %s ALL is not authorized for your privilege class", kind);
            return RC_CLASS;
        }
        for (to = users; to; to = to->next)
            if (to != ctx->user && to->sess)
                deliver(ctx, to, kind, text);
        return RC_OK;
    }
    if (!strcmp(ctx->argv[1], "*"))
        to = ctx->user;
    else if (!strcmp(ctx->argv[1], "OP") || !strcmp(ctx->argv[1], "OPERATOR"))
        to = user_find("OPERATOR");
    else
        to = user_find(ctx->argv[1]);
    if (!to) {
        cmd_printf(ctx, "CPX045E %s not logged on", ctx->argv[1]);
        return RC_NOTFOUND;
    }
    rc = deliver(ctx, to, kind, text);
    return rc;
}

int cmd_message(struct cmdctx *ctx)
{
    return send_lines(ctx, "MSG", true);
}

int cmd_warning(struct cmdctx *ctx)
{
    return send_lines(ctx, "WNG", false);
}
