/* exec.h - the classic CMS EXEC language (VM/370 Release 6 "EXEC 1").
 *
 * exec_run() interprets an EXEC file held as an array of records.  Every
 * effect outside the interpreter goes through the caller's environment:
 * CMS and CP commands, terminal lines, terminal reads and the console
 * stack.  The interpreter keeps all its state on the C stack (6.6 KB,
 * about 11 KB at the deepest nesting) and allocates nothing; a nested
 * EXEC is simply a command() that calls exec_run() again.  docs/exec.md
 * describes the language as implemented.
 */
#ifndef CMS_EXEC_EXEC_H
#define CMS_EXEC_EXEC_H

#include "arch370/types.h"

#define EXEC_GLOBALS     10     /* &GLOBAL0 .. &GLOBAL9 */
#define EXEC_MAX_LEVEL   19     /* nesting depth a caller should allow */

struct exec_env {
    void *ctx;
    int  (*command)(void *ctx, const char *line);       /* CMS/CP command, returns rc */
    void (*type)(void *ctx, const char *line);          /* write a line to the terminal */
    int  (*read)(void *ctx, char *buf, size_t size);    /* read a terminal line; <0 = none */
    void (*stack)(void *ctx, const char *line, int fifo); /* &STACK: fifo 1, lifo 0 */

    /* optional: NULL or 0 when the caller has no such thing */
    const char *name;           /* file name, for &0, &EXEC and messages */
    int  (*clock)(void *ctx, char *hhmmss, size_t size); /* time of day; <0 = none */
    int  (*stacked)(void *ctx); /* lines in the console stack, for &READFLAG */
    void (*msg)(void *ctx, int on);  /* &CONTROL MSG (1) / NOMSG (0) */
    int  *globals;              /* EXEC_GLOBALS words shared by nested EXECs */
    unsigned level;             /* nesting level for &GLOBAL; 0 counts as 1 */
};

/* Bounds that make every EXEC end; a field left 0 takes the default. */
struct exec_limits {
    unsigned max_steps;         /* statements executed (default 100000) */
    unsigned max_line;          /* longest record (default 130, at most 255) */
    unsigned max_vars;          /* user variables (default 128, at most 256) */
    unsigned steps;             /* out: statements executed */
};

#define EXEC_DEFAULT_STEPS   100000u
#define EXEC_DEFAULT_LINE    130u
#define EXEC_LINE_MAX        255u
#define EXEC_DEFAULT_VARS    128u
#define EXEC_VARS_MAX        256u

/* exec_run results besides 0 */
#define EXEC_EPARM     (-1)     /* no env, command or type, or no lines: nothing done */
#define EXEC_RC_BASE   800      /* an interpreter error n returns EXEC_RC_BASE + n */

/* Run the EXEC.  Returns 0 when it ended by itself (end of file, &EXIT,
 * or a failing command inside an &ERROR action), EXEC_RC_BASE + n after
 * interpreter error n (message EXTnnnE already typed), or EXEC_EPARM.
 * *exit_rc (if not NULL) gets the return code CMS reports for the EXEC:
 * the &EXIT value, 0 at end of file, or the error's code.  lim may be
 * NULL; args may be NULL. */
int exec_run(const struct exec_env *env, const char *const *lines, unsigned nlines,
             const char *args, struct exec_limits *lim, int *exit_rc);

#endif
