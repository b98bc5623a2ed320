/* cmd.h - CP commands: one table, VM/370 names and abbreviations.
 *
 * A command line is split into blank-delimited words; the first word is
 * looked up in the command table (cp/cmd/cmdtab.c) where each command has
 * a minimum abbreviation and the privilege classes allowed to use it.
 * The handler writes its response through cmd_printf(), which goes to the
 * user's terminal or, for DIAGNOSE X'08', to the guest's buffer. */
#ifndef CP_CMD_CMD_H
#define CP_CMD_CMD_H

#include "cp/term/cmdline.h"

struct cp_command {
    const char *name;
    u8 minlen;                  /* shortest accepted abbreviation */
    u32 classes;                /* CLASS_BIT mask; CLASS_ANY = everyone */
    int (*fn)(struct cmdctx *ctx);
    const char *summary;
};

extern const struct cp_command cp_commands[];
extern const unsigned cp_commands_count;

/* the interpreter cmd_execute() reaches: look the command up, check the
 * user's classes, run the handler */
int cmd_interpret(struct cmdctx *ctx, const char *line);

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
int cmd_smsg(struct cmdctx *ctx);
int cmd_set(struct cmdctx *ctx);
/* SET PFnn and QUERY PF[nn] (pfkeys.c); is the word PF1 ... PF24? */
bool cmd_is_pf(const char *word);
int cmd_set_pf(struct cmdctx *ctx);
int cmd_query_pf(struct cmdctx *ctx);
/* TERMINAL and QUERY TERMINAL (terminal.c) */
int cmd_terminal(struct cmdctx *ctx);
int cmd_query_terminal(struct cmdctx *ctx);
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
