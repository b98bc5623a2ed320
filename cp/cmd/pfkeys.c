/* pfkeys.c - SET PFnn and QUERY PF: a 3270's program function keys.
 *
 * As in VM/370: SET PFnn IMMED text makes the key enter the text as if it
 * had been typed; SET PFnn DELAYED text puts it into the input area to be
 * changed and entered; IMMED is the default.  SET PFnn alone clears the
 * key.  The settings belong to the user, so they follow him to another
 * terminal at reconnection; a 3215 has no such keys. */
#include "cp/cmd/cmd.h"
#include "cp/vm/user.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"

/* "PF12" -> 12, 0 if not a key */
static unsigned pf_number(const char *w)
{
    unsigned n = 0;

    if (w[0] != 'P' || w[1] != 'F' || !w[2])
        return 0;
    for (const char *p = w + 2; *p; p++) {
        if (*p < '0' || *p > '9' || p - w > 3)
            return 0;
        n = n * 10 + (unsigned)(*p - '0');
    }
    return n >= 1 && n <= PF_KEYS ? n : 0;
}

bool cmd_is_pf(const char *word)
{
    return pf_number(word) != 0;
}

static const char *rest_from(const struct cmdctx *ctx, int i)
{
    return i < ctx->argc && ctx->rest[i] ? ctx->rest[i] : "";
}

/* SET PFnn [IMMED|DELAYED] [text] */
int cmd_set_pf(struct cmdctx *ctx)
{
    unsigned n = pf_number(ctx->argv[1]);
    const char *rest;
    bool delayed = false;
    struct user *u = ctx->user;

    if (!n) {
        cmd_printf(ctx, "CPX004E Unknown SET operand: %.20s", ctx->raw[1]);
        return RC_OPERAND;
    }
    rest = rest_from(ctx, 2);
    if (ctx->argc > 2 && (cmd_abbrev(ctx->argv[2], "IMMED", 3) ||
                          cmd_abbrev(ctx->argv[2], "DELAYED", 3))) {
        delayed = ctx->argv[2][0] == 'D';
        rest = rest_from(ctx, 3);
    }
    if (strlen(rest) > PF_TEXT) {
        cmd_printf(ctx, "CPX003E A PF key holds at most %u characters", PF_TEXT);
        return RC_OPERAND;
    }
    if (!u->pf) {
        u->pf = kzalloc(sizeof *u->pf, "PFKEYS");
        if (!u->pf) {
            cmd_printf(ctx, "CPX126E Not enough storage for PF keys");
            return RC_ERROR;
        }
    }
    strlcpy(u->pf->text[n], rest, sizeof u->pf->text[n]);
    u->pf->delayed[n] = delayed;
    return RC_OK;
}

/* QUERY PF or QUERY PFnn */
int cmd_query_pf(struct cmdctx *ctx)
{
    unsigned only = pf_number(ctx->argv[1]), shown = 0;
    struct user *u = ctx->user;

    for (unsigned n = 1; n <= PF_KEYS; n++) {
        if ((only && n != only) || !u->pf || !u->pf->text[n][0])
            continue;
        cmd_printf(ctx, "PF%02u %s %s", n, u->pf->delayed[n] ? "DELAYED" : "IMMED",
                   u->pf->text[n]);
        shown++;
    }
    if (!shown)
        cmd_printf(ctx, only ? "PF%02u UNDEFINED" : "PF KEYS UNDEFINED", only);
    return RC_OK;
}
