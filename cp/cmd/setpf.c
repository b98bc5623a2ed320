/* setpf.c - SET PFnn and QUERY PF: the program function keys a user has
 * defined.
 *
 * VM/370's SET PFnn [IMMED|DELAYED] [text] gives a 3270 key a line of
 * input (RETRIEVE, a command); IBM's R6 CMS sets PF3, PF7, PF8 and PF12
 * in its PROFILE EXEC.  On a line-mode terminal a PF key has nothing to
 * press, so CP only keeps the definitions, to show them with QUERY PF and
 * for the 3270 terminals that will use them.  A definition without text
 * removes the key's.  Kept per user, dropped at LOGOFF. */
#include "cp/cmd/cmd.h"
#include "cp/cmd/query.h"
#include "cp/cmd/setpf.h"
#include "cp/vm/user.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"

#define PF_KEYS         24
#define PF_TEXT         64      /* what a key holds, at most */

struct pfkeys {
    char text[PF_KEYS][PF_TEXT + 1];
    bool delayed[PF_KEYS];
};

/* "PFnn" with 1 <= nn <= 24: the key's index */
static int key_of(const char *word)
{
    int n = 0;

    if (strncmp(word, "PF", 2) || !word[2] || strlen(word) > 4)
        return -1;
    for (const char *p = word + 2; *p; p++) {
        if (!is_digit(*p))
            return -1;
        n = n * 10 + (*p - '0');
    }
    return n >= 1 && n <= PF_KEYS ? n - 1 : -1;
}

bool setpf_is_key(const char *word)
{
    return key_of(word) >= 0;
}

int setpf_set(struct cmdctx *ctx)
{
    int k = key_of(ctx->argv[1]), i = 2;
    bool delayed = false;
    const char *text;

    if (i < ctx->argc && (!strcmp(ctx->argv[i], "IMMED") || !strcmp(ctx->argv[i], "DELAYED")))
        delayed = !strcmp(ctx->argv[i++], "DELAYED");
    text = i < ctx->argc ? ctx->rest[i] : "";
    if (strlen(text) > PF_TEXT) {
        cmd_printf(ctx, "CPX003E SET %s: at most %d characters", ctx->argv[1], PF_TEXT);
        return RC_OPERAND;
    }
    if (!ctx->user->pfkeys) {
        ctx->user->pfkeys = kzalloc(sizeof(struct pfkeys), "PFKEYS");
        if (!ctx->user->pfkeys) {
            cmd_printf(ctx, "CPX008E No CP free storage for SET %s; try again later", ctx->argv[1]);
            return RC_ERROR;
        }
    }
    strlcpy(ctx->user->pfkeys->text[k], text, PF_TEXT + 1);
    ctx->user->pfkeys->delayed[k] = delayed;
    return RC_OK;
}

static void show(struct cmdctx *ctx, const struct pfkeys *pf, int k, bool always)
{
    if (pf && pf->text[k][0])
        cmd_printf(ctx, "PF%02d %s %s", k + 1, pf->delayed[k] ? "DELAYED" : "IMMED", pf->text[k]);
    else if (always)
        cmd_printf(ctx, "PF%02d UNDEFINED", k + 1);
}

/* QUERY PF: every key defined; QUERY PFnn: that one */
int q_pf(struct cmdctx *ctx)
{
    const struct pfkeys *pf = ctx->user->pfkeys;
    int k = key_of(ctx->argv[1]), n = 0;

    if (k >= 0) {
        show(ctx, pf, k, true);
        return RC_OK;
    }
    for (k = 0; k < PF_KEYS; k++)
        if (pf && pf->text[k][0]) {
            show(ctx, pf, k, false);
            n++;
        }
    if (!n)
        cmd_printf(ctx, "No PF keys are defined");
    return RC_OK;
}
