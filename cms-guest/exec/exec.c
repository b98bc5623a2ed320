/* exec.c - running an EXEC: records, statements, CMS commands.
 *
 * Each record is one statement: a CMS command, a control statement
 * (first word a control word, second word not "="), or an assignment
 * (&name = ...).  A word starting with - in front is a label, * starts a
 * comment.  The control words are one table, sorted by name. */
#include "cms-guest/exec/execint.h"
#include "cms-guest/lib/cmslib.h"

static const struct control controls[] = {
    { "&ARGS",     ctl_args,        false },
    { "&BEGEMSG",  ctl_begemsg,     true },
    { "&BEGPUNCH", ctl_unavailable, true },
    { "&BEGSTACK", ctl_begstack,    true },
    { "&BEGTYPE",  ctl_begtype,     true },
    { "&CONCAT",   ctl_function,    false },
    { "&CONTINUE", ctl_continue,    false },
    { "&CONTROL",  ctl_control,     false },
    { "&DATATYPE", ctl_function,    false },
    { "&EMSG",     ctl_emsg,        false },
    { "&END",      ctl_end,         false },
    { "&ERROR",    ctl_error,       false },
    { "&EXIT",     ctl_exit,        false },
    { "&GOTO",     ctl_goto,        false },
    { "&HEX",      ctl_hex,         false },
    { "&IF",       ctl_if,          false },
    { "&LENGTH",   ctl_function,    false },
    { "&LOOP",     ctl_loop,        true },
    { "&PUNCH",    ctl_unavailable, false },
    { "&READ",     ctl_read,        false },
    { "&SKIP",     ctl_skip,        false },
    { "&SPACE",    ctl_space,       false },
    { "&STACK",    ctl_stack,       false },
    { "&SUBSTR",   ctl_function,    false },
    { "&TIME",     ctl_time,        false },
    { "&TYPE",     ctl_type,        false },
};

const struct control *control_find(const char *tok)
{
    if (tok[0] != '&')
        return NULL;
    for (unsigned i = 0; i < ARRAY_SIZE(controls); i++)
        if (tok_is(tok, controls[i].name))
            return &controls[i];
    return NULL;
}

/* A CMS command: its return code goes to &RETCODE; a nonzero one runs
 * the &ERROR action, and a failure inside that action ends the EXEC. */
static int run_command(struct exec *x, const struct toklist *raw, unsigned pos)
{
    char text[EXEC_MAXTOK * (EXEC_TOKLEN + 1) + 1];
    int err = stmt_text(x, raw, pos, text, sizeof text);
    int rc;

    if (err || !text[0])                /* all its symbols were null */
        return err;
    exec_echo_command(x, text);
    rc = x->env->command(x->env->ctx, text);
    x->retcode = rc;
    if (x->timing)
        exec_show_time(x);
    if (rc == 0)
        return 0;
    exec_show_rc(x, text, rc);
    if (x->in_error_action) {
        x->done = true;
        x->exit_rc = rc;
        return 0;
    }
    if (x->error_action.n) {
        bool was = x->restricted;
        x->restricted = x->in_error_action = true;
        err = exec_statement(x, &x->error_action, 0);
        x->restricted = was;
        x->in_error_action = false;
    }
    return err;
}

int exec_statement(struct exec *x, const struct toklist *raw, unsigned pos)
{
    const struct control *c;
    struct stmt st;

    if (pos >= raw->n)
        return 0;
    c = control_find(raw->t[pos]);
    if (raw->t[pos][0] == '&' && pos + 1 < raw->n && tok_is(raw->t[pos + 1], "="))
        c = NULL;
    else if (!c)
        return run_command(x, raw, pos);        /* a command echoes itself */
    if (!x->echoed) {                           /* the summary shows a record once */
        exec_echo_statement(x, raw, pos);
        x->echoed = true;
    }
    if (!c)
        return exec_assign(x, raw, pos);
    if (c->uses_following_lines && x->restricted)
        return exec_fail(x, E_CONTEXT, c->name);
    st.raw = raw;
    st.pos = pos + 1;
    return c->fn(x, &st, c);
}

/* one record: count it, scan it, run it, then let loops turn around */
int exec_step(struct exec *x)
{
    struct toklist raw;
    unsigned pos = 0;
    int err;

    if (++x->steps > x->max_steps)
        return exec_fail_num(x, E_STEPS, (long)x->max_steps);
    err = scan_line(x, x->lines[x->cur], &raw);
    if (err)
        return err;
    x->next = x->cur + 1;
    x->ended = x->cur;
    x->jumped = false;
    if (raw.n && raw.t[0][0] == '-')            /* a label */
        pos = 1;
    x->echoed = false;
    if (!(raw.n > pos && raw.t[pos][0] == '*')) /* a comment runs nothing */
        err = exec_statement(x, &raw, pos);
    if (err || x->done)
        return err;
    if (x->jumped) {
        loop_after_jump(x);
        return 0;
    }
    return loop_end_of_line(x);
}

static void set_limits(struct exec *x, const struct exec_limits *lim)
{
    x->max_steps = lim && lim->max_steps ? lim->max_steps : EXEC_DEFAULT_STEPS;
    x->max_line = lim && lim->max_line ? lim->max_line : EXEC_DEFAULT_LINE;
    x->max_vars = lim && lim->max_vars ? lim->max_vars : EXEC_DEFAULT_VARS;
    if (x->max_line > EXEC_LINE_MAX)
        x->max_line = EXEC_LINE_MAX;
    if (x->max_vars > EXEC_VARS_MAX)
        x->max_vars = EXEC_VARS_MAX;
}

static void set_defaults(struct exec *x)
{
    x->echo = ECHO_CMS;
    x->echo_time = false;
    x->pack = true;
    x->msg = true;
}

static int start(struct exec *x, const char *args)
{
    struct toklist t;
    int err;

    vars_init(x);
    set_defaults(x);
    err = scan_line(x, args, &t);
    return err ? err : set_args(x, &t, 0);
}

static int finish(struct exec *x, struct exec_limits *lim, int *exit_rc, int result)
{
    if (!x->msg && x->env->msg)         /* leave CMS as the EXEC found it */
        x->env->msg(x->env->ctx, 1);
    if (lim)
        lim->steps = x->steps;
    if (exit_rc)
        *exit_rc = result ? result : x->exit_rc;
    return result;
}

int exec_run(const struct exec_env *env, const char *const *lines, unsigned nlines,
             const char *args, struct exec_limits *lim, int *exit_rc)
{
    struct exec x;
    int err;

    if (exit_rc)
        *exit_rc = EXEC_EPARM;
    if (!env || !env->command || !env->type || (!lines && nlines))
        return EXEC_EPARM;
    cms_memset(&x, 0, sizeof x);
    x.env = env;
    x.lines = lines;
    x.nlines = nlines;
    set_limits(&x, lim);
    err = start(&x, args);
    if (err) {
        exec_report(&x, (enum exec_err)err, false);
        return finish(&x, lim, exit_rc, EXEC_RC_BASE + err);
    }
    while (!x.done && x.cur < x.nlines) {
        err = exec_step(&x);
        if (err) {
            exec_report(&x, (enum exec_err)err, true);
            return finish(&x, lim, exit_rc, EXEC_RC_BASE + err);
        }
        x.cur = x.next;
    }
    return finish(&x, lim, exit_rc, 0);
}
