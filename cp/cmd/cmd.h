/* cmd.h - CP commands: one table, VM/370 names and abbreviations.
 *
 * A command line is split into blank-delimited words; the first word is
 * looked up in the command table (cp/cmd/cmdtab.c) where each command has
 * a minimum abbreviation and the privilege classes allowed to use it.
 * The handler writes its response through cmd_printf(), which goes to the
 * user's terminal or, for DIAGNOSE X'08', to the guest's buffer. */
#ifndef CP_CMD_CMD_H
#define CP_CMD_CMD_H

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

struct cp_command {
    const char *name;
    u8 minlen;                  /* shortest accepted abbreviation */
    u32 classes;                /* CLASS_BIT mask; CLASS_ANY = everyone */
    int (*fn)(struct cmdctx *ctx);
    const char *summary;
};

extern const struct cp_command cp_commands[];
extern const unsigned cp_commands_count;

/* Execute one command line for a user; returns the CP return code. */
int cmd_execute(struct cmdctx *ctx, const char *line);
void cmd_printf(struct cmdctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* does word abbreviate name with at least minlen characters? */
bool cmd_abbrev(const char *word, const char *name, unsigned minlen);

/* split a line into ctx->argc/argv/raw/rest (buf receives the words) */
void cmd_split(struct cmdctx *ctx, const char *line, char *buf, size_t bufsize);

/* command handlers, one family per file */
int cmd_query(struct cmdctx *ctx);
int cmd_shutdown(struct cmdctx *ctx);
int cmd_abend_test(struct cmdctx *ctx);
int cmd_ipl(struct cmdctx *ctx);
int cmd_begin(struct cmdctx *ctx);
int cmd_system(struct cmdctx *ctx);
int cmd_external(struct cmdctx *ctx);
int cmd_define(struct cmdctx *ctx);
int cmd_display(struct cmdctx *ctx);
int cmd_store(struct cmdctx *ctx);
int cmd_adstop(struct cmdctx *ctx);
int cmd_dump(struct cmdctx *ctx);
int cmd_vmdump(struct cmdctx *ctx);
int cmd_trace(struct cmdctx *ctx);
int cmd_dcp(struct cmdctx *ctx);
int cmd_stcp(struct cmdctx *ctx);
int cmd_logoff(struct cmdctx *ctx);
int cmd_disconnect(struct cmdctx *ctx);
int cmd_force(struct cmdctx *ctx);
int cmd_autolog(struct cmdctx *ctx);
int cmd_message(struct cmdctx *ctx);
int cmd_warning(struct cmdctx *ctx);
int cmd_set(struct cmdctx *ctx);
int cmd_link(struct cmdctx *ctx);
int cmd_detach(struct cmdctx *ctx);
int cmd_indicate(struct cmdctx *ctx);
int cmd_savesys(struct cmdctx *ctx);
int cmd_spool(struct cmdctx *ctx);
int cmd_close(struct cmdctx *ctx);
int cmd_purge(struct cmdctx *ctx);
int cmd_transfer(struct cmdctx *ctx);
int cmd_order(struct cmdctx *ctx);
int cmd_change(struct cmdctx *ctx);
int cmd_start(struct cmdctx *ctx);
int cmd_drain(struct cmdctx *ctx);

#endif
