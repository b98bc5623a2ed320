/* query.h - QUERY subcommands spread over several files. */
#ifndef CP_CMD_QUERY_H
#define CP_CMD_QUERY_H

#include "cp/cmd/cmd.h"

struct vdev;

int q_names(struct cmdctx *ctx);
int q_users(struct cmdctx *ctx);
int q_userid(struct cmdctx *ctx);
int q_virtual(struct cmdctx *ctx);
int q_set(struct cmdctx *ctx);
int q_one_user(struct cmdctx *ctx, const char *userid);
int q_links(struct cmdctx *ctx);
int q_nss(struct cmdctx *ctx);
int q_reader(struct cmdctx *ctx);
int q_printer(struct cmdctx *ctx);
int q_punch(struct cmdctx *ctx);
int q_files(struct cmdctx *ctx);
int q_unitrec(struct cmdctx *ctx);

/* QUERY VIRTUAL: the spooling options of a device, a line under it */
void q_spool_dev(struct cmdctx *ctx, struct vdev *d);

#endif
