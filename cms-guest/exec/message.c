/* message.c - what the interpreter writes: error messages and the
 * execution summary that &CONTROL selects.
 *
 * Every error is EXTnnnE with the file and line and a sentence; the EXEC
 * then ends with return code EXEC_RC_BASE + nnn.  The summary shows CMS
 * commands before they run (&CONTROL CMS, the default), also the other
 * statements (ALL), or only failing commands (ERROR), with nonzero return
 * codes as "+++ R(nnnnn) +++". */
#include "cms-guest/exec/execint.h"
#include "cms-guest/lib/cmslib.h"

/* indexed by enum exec_err; %s is the detail the caller gave */
static const char *const error_text[E_COUNT] = {
    [E_LONGLINE]    = "the line is longer than %s characters; shorten it",
    [E_TOKENS]      = "the statement has more than %s words; split it",
    [E_ARGS]        = "more than %s arguments; pass fewer",
    [E_STEPS]       = "more than %s statements were executed; the EXEC seems to loop",
    [E_VARS]        = "more than %s variables; reuse some names",
    [E_SUBST]       = "substituting %s does not end; a variable refers to itself",
    [E_NOLABEL]     = "label %s is not in the file",
    [E_LINE]        = "line %s is not in the file",
    [E_SKIP]        = "&SKIP %s goes above the first line",
    [E_NUMBER]      = "%s is not a whole number",
    [E_MISSING]     = "%s needs an operand",
    [E_OPERAND]     = "%s is not valid here",
    [E_COMPARE]     = "the comparison is not token, operator, token near %s (a null symbol "
                      "vanishes: compare .&1 with . to test for one)",
    [E_ASSIGN]      = "the assignment needs a value, or numbers joined by + - * / (%s)",
    [E_NAME]        = "%s is not a valid variable name",
    [E_READONLY]    = "%s is set by EXEC and cannot be assigned",
    [E_OVERFLOW]    = "the result %s does not fit in 8 characters",
    [E_DIVZERO]     = "division by zero%s",
    [E_LOOPDEPTH]   = "loops are nested deeper than %s",
    [E_LOOPEOF]     = "the &LOOP body of %s lines runs past the end of the file",
    [E_LOOPNEST]    = "the &LOOP body must end inside the loop around it%s",
    [E_NOEND]       = "%s has no &END line after it",
    [E_END]         = "&END without &BEGTYPE, &BEGSTACK or &BEGEMSG before it%s",
    [E_CONTEXT]     = "%s cannot be used in a line read by &READ or in an &ERROR action",
    [E_FUNCTION]    = "%s is valid only on the right of an assignment",
    [E_UNAVAILABLE] = "%s is not available on this system",
    [E_EMSGID]      = "message id %s must be six characters and a severity I, E, W or R",
};

int exec_fail(struct exec *x, enum exec_err e, const char *detail)
{
    cms_strlcpy(x->detail, detail ? detail : "", sizeof x->detail);
    return (int)e;
}

int exec_fail_num(struct exec *x, enum exec_err e, long n)
{
    exec_tok num;

    cms_itoa(n, num, sizeof num);
    return exec_fail(x, e, num);
}

/* errors show even when typing is halted: the user must see why it ended */
void exec_report(struct exec *x, enum exec_err e, bool with_line)
{
    char text[200], where[40];
    const char *name = x->env->name ? x->env->name : "";

    if (with_line)
        cms_snprintf(where, sizeof where, "%s EXEC line %u", name, x->cur + 1);
    else
        cms_snprintf(where, sizeof where, "%s EXEC", name);
    cms_snprintf(text, sizeof text, "EXT%03dE Error in %s: ", (int)e, where);
    cms_snprintf(text + cms_strlen(text), sizeof text - cms_strlen(text),
                 error_text[e] ? error_text[e] : "%s", x->detail);
    x->env->type(x->env->ctx, text);
}

void exec_say(struct exec *x, const char *line)
{
    if (!x->halted)
        x->env->type(x->env->ctx, line);
}

/* "hh:mm:ss " before a command, with &CONTROL TIME and a clock */
static void time_prefix(struct exec *x, char *buf, size_t size)
{
    buf[0] = 0;
    if (x->echo_time && x->env->clock && x->env->clock(x->env->ctx, buf, size) >= 0)
        cms_strlcat(buf, " ", size);
    else
        buf[0] = 0;
}

static void echo(struct exec *x, const char *text)
{
    char line[EXEC_LINE_MAX + 16];

    time_prefix(x, line, sizeof line);
    cms_strlcat(line, text, sizeof line);
    exec_say(x, line);
}

void exec_echo_command(struct exec *x, const char *text)
{
    if (x->echo >= ECHO_CMS)
        echo(x, text);
}

/* words the statement is made of (control words, an assignment's target
 * and its "=") show as written, the rest as substituted */
static bool shown_as_written(const struct stmt *st, unsigned start)
{
    const char *t = st->raw->t[st->pos];

    if (control_find(t) && !tok_is(t, "&LITERAL"))
        return true;
    if (tok_is(t, "="))
        return true;
    return st->pos == start && st->pos + 1 < st->raw->n && tok_is(st->raw->t[st->pos + 1], "=");
}

void exec_echo_statement(struct exec *x, const struct toklist *raw, unsigned pos)
{
    char text[EXEC_MAXTOK * (EXEC_TOKLEN + 1) + 1] = "";
    struct stmt st = { raw, pos };
    size_t prev = EXEC_TOKLEN;          /* length of the word before */
    exec_tok t;

    if (x->echo != ECHO_ALL)
        return;
    while (st.pos < raw->n) {
        if (shown_as_written(&st, pos))
            cms_strlcpy(t, raw->t[st.pos++], sizeof t);
        else if (stmt_next(x, &st, t) <= 0)
            break;      /* an error is the statement's own; it is reported when it runs */
        if (text[0]) {
            for (; !x->pack && prev < EXEC_TOKLEN; prev++)   /* NOPACK: 8 columns a word */
                cms_strlcat(text, " ", sizeof text);
            cms_strlcat(text, " ", sizeof text);
        }
        cms_strlcat(text, t, sizeof text);
        prev = cms_strlen(t);
    }
    exec_say(x, text);
}

void exec_show_rc(struct exec *x, const char *text, int rc)
{
    char line[32];

    if (x->echo == ECHO_ERROR)
        echo(x, text);
    if (x->echo == ECHO_OFF)
        return;
    if (rc < 0)
        cms_snprintf(line, sizeof line, "+++ R(-%04u) +++", 0u - (unsigned)rc);
    else
        cms_snprintf(line, sizeof line, "+++ R(%05d) +++", rc);
    exec_say(x, line);
}

/* &TIME: the time of day after a command (the guest has no CPU timer) */
void exec_show_time(struct exec *x)
{
    char now[16], line[32];

    if (x->env->clock && x->env->clock(x->env->ctx, now, sizeof now) >= 0) {
        cms_snprintf(line, sizeof line, "TIME %s", now);
        exec_say(x, line);
    }
}
