/* indresp.h - INDICATE RESPONSE (indresp.c), reached from INDICATE's table. */
#ifndef CP_CMD_INDRESP_H
#define CP_CMD_INDRESP_H

struct cmdctx;

int ind_response(struct cmdctx *ctx);

#endif
