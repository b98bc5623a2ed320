/* setpf.h - SET PFnn and QUERY PF (setpf.c). */
#ifndef CP_CMD_SETPF_H
#define CP_CMD_SETPF_H

#include "cp/term/cmdline.h"

/* is the word PF1 .. PF24 (PF01 .. PF24)? */
bool setpf_is_key(const char *word);
/* SET PFnn [IMMED|DELAYED] [text] */
int setpf_set(struct cmdctx *ctx);
/* QUERY PF, QUERY PFnn */
int q_pf(struct cmdctx *ctx);

#endif
