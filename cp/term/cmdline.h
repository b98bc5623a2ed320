/* cmdline.h - a CP command line: its context, its words, its answer.
 *
 * Terminal sessions, console spooling and DIAGNOSE X'08' hand lines to
 * CP's commands, which sit layers above the sessions (cp/layers.txt).
 * So this layer owns what a command line is - the context, splitting
 * into words, abbreviations, the output function - and reaches the
 * command table through the interpreter cp/cmd registers. */
#ifndef CP_TERM_CMDLINE_H
#define CP_TERM_CMDLINE_H

#include "arch370/types.h"

#define CMD_MAXARGS     32
#define CMD_MAXLINE     256

struct user;
struct session;

/* privilege classes, VM/370 style: A operator, B resources, C system
 * programmer, D spool operator, E analyst, F service, G general user */
#define CLASS_BIT(c)    (1u << ((c) - 'A'))
#define CLASS_ANY       0x03FFFFFFu

struct cmdctx {
    struct user *user;          /* who issues the command */
    struct session *sess;       /* the terminal, if typed (NULL for DIAG 08) */
    void (*out)(struct cmdctx *ctx, const char *line);
    void *out_arg;
    int argc;
    char *argv[CMD_MAXARGS];    /* upper-cased words */
    char *raw[CMD_MAXARGS];     /* the same words as typed (MSG text) */
    const char *rest[CMD_MAXARGS]; /* the line from word i to the end, as typed */
};

/* CP return codes (DIAGNOSE X'08' Ry, and in messages) */
#define RC_OK           0
#define RC_UNKNOWN      1       /* unknown command */
#define RC_CLASS        2       /* not authorized for this command */
#define RC_OPERAND      24      /* invalid or missing operand */
#define RC_NOTFOUND     45      /* user not logged on / not found */
#define RC_ERROR        100

/* Execute one command line for a user; returns the CP return code
 * (RC_UNKNOWN before the command layer registered its interpreter). */
int cmd_execute(struct cmdctx *ctx, const char *line);
/* the command layer (cp/cmd/cmdtab.c) registers its interpreter at IPL */
void cmdline_register(int (*interpret)(struct cmdctx *ctx, const char *line));
void cmd_printf(struct cmdctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* does word abbreviate name with at least minlen characters? */
bool cmd_abbrev(const char *word, const char *name, unsigned minlen);

/* split a line into ctx->argc/argv/raw/rest (buf receives the words) */
void cmd_split(struct cmdctx *ctx, const char *line, char *buf, size_t bufsize);

#endif
