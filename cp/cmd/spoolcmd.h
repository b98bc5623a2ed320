/* spoolcmd.h - operand words shared by the spooling commands (SPOOL,
 * CLOSE, PURGE, TRANSFER, ORDER, CHANGE, QUERY READER ...). */
#ifndef CP_CMD_SPOOLCMD_H
#define CP_CMD_SPOOLCMD_H

#include "cp/cmd/cmd.h"

struct vdev;

/* READER/RDR, PRINTER/PRT, PUNCH/PUN: the queue (SPOOL_RDR ...); 0 if not */
u8 spool_queue_word(const char *w);
/* a spool device of the user's machine, by queue word or address; on
 * failure the message has been given and NULL comes back */
struct vdev *spool_device_operand(struct cmdctx *ctx, const char *word, const char *cmd);
/* a spool id: 1..9999 */
bool spool_id_operand(const char *w, u16 *spid);
/* may this user see and change every user's files (classes A and D)? */
bool spool_operator(const struct cmdctx *ctx);

/* SPOOL CONSOLE and CLOSE CONSOLE (spoolcons.c) */
int cmd_spool_console(struct cmdctx *ctx);
int cmd_close_console(struct cmdctx *ctx);
/* QUERY VIRTUAL: the spooling line under the console device */
void q_console_spool(struct cmdctx *ctx, struct vdev *d);

#endif
