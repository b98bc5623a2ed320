/* execint.h - what the files of the EXEC interpreter share. */
#ifndef CMS_EXEC_EXECINT_H
#define CMS_EXEC_EXECINT_H

#include "cms-guest/exec/exec.h"

#define EXEC_TOKLEN     8       /* every token is cut to 8 characters */
#define EXEC_MAXTOK     64      /* tokens in one statement */
#define EXEC_MAXARGS    30      /* &1 .. &30 */
#define EXEC_LOOPMAX    16      /* nested &LOOPs */
#define EXEC_SUBSTMAX   16      /* substitutions in one token */
#define EXEC_MAXCOUNT   4095    /* &LOOP counts, &SPACE, &READ n */

typedef char exec_tok[EXEC_TOKLEN + 1];

struct toklist {
    unsigned n;
    exec_tok t[EXEC_MAXTOK];
};

/* the tokens of one statement, substituted one at a time as they are
 * taken, because a null symbol vanishes and shifts what follows */
struct stmt {
    const struct toklist *raw;
    unsigned pos;
};

/* interpreter errors: EXTnnnE, return code EXEC_RC_BASE + nnn */
enum exec_err {
    E_NONE = 0,
    E_LONGLINE, E_TOKENS, E_ARGS, E_STEPS, E_VARS, E_SUBST,
    E_NOLABEL, E_LINE, E_SKIP, E_NUMBER, E_MISSING, E_OPERAND,
    E_COMPARE, E_ASSIGN, E_NAME, E_READONLY, E_OVERFLOW, E_DIVZERO,
    E_LOOPDEPTH, E_LOOPEOF, E_LOOPNEST, E_NOEND, E_END, E_CONTEXT,
    E_FUNCTION, E_UNAVAILABLE, E_EMSGID,
    E_COUNT
};

enum echo_mode { ECHO_OFF, ECHO_ERROR, ECHO_CMS, ECHO_ALL };

struct exec_var {
    exec_tok name;              /* without the &, upper case */
    exec_tok value;
};

struct exec_loop {
    unsigned head;              /* line of the &LOOP statement */
    unsigned first, last;       /* body */
    unsigned condpos;           /* token where the exit condition starts */
    int count;                  /* passes left, or -1: test the condition */
};

struct exec {
    const struct exec_env *env;
    const char *const *lines;
    unsigned nlines;
    unsigned max_steps, max_line, max_vars, steps;

    unsigned cur;               /* line being executed */
    unsigned next;              /* line to execute after it */
    unsigned ended;             /* last line the statement consumed */
    bool jumped;                /* next was set by a transfer */
    bool done;                  /* &EXIT or end by an &ERROR action */
    bool restricted;            /* in a &READ line or an &ERROR action */
    bool in_error_action;
    bool echoed;                /* the summary showed this record */
    int exit_rc;

    exec_tok args[EXEC_MAXARGS + 1];    /* [0] is &0 */
    unsigned nargs;
    int retcode;
    int *globals;
    int own_globals[EXEC_GLOBALS];
    struct exec_var vars[EXEC_VARS_MAX];
    unsigned nvars;

    struct exec_loop loops[EXEC_LOOPMAX];
    unsigned nloops;
    struct toklist error_action;        /* n == 0: &ERROR &CONTINUE */

    enum echo_mode echo;
    bool echo_time, pack, msg, hex, timing, halted;

    char detail[40];            /* what the pending error is about */
};

/* scan.c */
int scan_line(struct exec *x, const char *line, struct toklist *out);
void first_token(const char *line, exec_tok out);
bool tok_is(const char *tok, const char *word);
int stmt_next(struct exec *x, struct stmt *st, exec_tok out);
unsigned stmt_left(const struct stmt *st);
int subst_token(struct exec *x, const char *raw, exec_tok out);
int stmt_text(struct exec *x, const struct toklist *raw, unsigned pos, char *buf, size_t size);

/* vars.c */
void vars_init(struct exec *x);
void var_lookup(struct exec *x, const char *name, exec_tok out);
int var_assign(struct exec *x, const char *name, const char *value);
int var_check_name(struct exec *x, const char *name);
int set_args(struct exec *x, const struct toklist *t, unsigned from);
bool exec_number(const char *tok, long *out);

/* message.c */
int exec_fail(struct exec *x, enum exec_err e, const char *detail);
int exec_fail_num(struct exec *x, enum exec_err e, long n);
void exec_report(struct exec *x, enum exec_err e, bool with_line);
void exec_say(struct exec *x, const char *line);
void exec_echo_command(struct exec *x, const char *text);
void exec_echo_statement(struct exec *x, const struct toklist *raw, unsigned pos);
void exec_show_rc(struct exec *x, const char *text, int rc);
void exec_show_time(struct exec *x);

/* exec.c */
int exec_statement(struct exec *x, const struct toklist *raw, unsigned pos);
int exec_step(struct exec *x);

/* flow.c */
int eval_condition(struct exec *x, struct stmt *st, bool *result, bool *skip);
int loop_end_of_line(struct exec *x);
void loop_after_jump(struct exec *x);
int find_label(struct exec *x, const char *label, unsigned from, unsigned to, unsigned *at);

/* control words, one handler each */
struct control;
typedef int ctl_fn(struct exec *x, struct stmt *st, const struct control *c);
struct control {
    const char *name;
    ctl_fn *fn;
    bool uses_following_lines;  /* refused in &READ lines and &ERROR actions */
};
const struct control *control_find(const char *tok);

ctl_fn ctl_args, ctl_begemsg, ctl_begstack, ctl_begtype, ctl_continue, ctl_control,
       ctl_emsg, ctl_end, ctl_error, ctl_exit, ctl_function, ctl_goto, ctl_hex, ctl_if,
       ctl_loop, ctl_read, ctl_skip, ctl_space, ctl_stack, ctl_time, ctl_type,
       ctl_unavailable;

/* assign.c */
int exec_assign(struct exec *x, const struct toklist *raw, unsigned pos);

#endif
