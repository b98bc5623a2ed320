/* logon.c - the LOGON dialogue and command lines of a session. */
#include "cp/term/logon.h"
#include "cp/term/session.h"
#include "cp/cmd/cmd.h"
#include "cp/vm/user.h"
#include "cp/lib/string.h"

static void to_terminal(struct cmdctx *ctx, const char *line)
{
    session_write(ctx->sess, line);
}

void logon_operator(struct session *s)
{
    struct user *u = user_create("OPERATOR", CLASS_ANY);

    if (!u)
        return;
    u->sess = s;
    s->user = u;
    s->state = SESS_ACTIVE;
}

void logon_line(struct session *s, const char *line)
{
    struct cmdctx ctx = { 0 };

    if (s->state != SESS_ACTIVE) {
        session_write(s, "CPX102E LOGON is not available yet on this system");
        return;
    }
    if (!*line)
        return;
    ctx.user = s->user;
    ctx.sess = s;
    ctx.out = to_terminal;
    cmd_execute(&ctx, line);
}

void logon_attention(struct session *s)
{
    if (s->state == SESS_ACTIVE)
        session_write(s, "CP");
}

void logon_lost_terminal(struct session *s)
{
    (void)s;
}
