/* conspool.h - console spooling: SPOOL CONSOLE START/STOP, CLOSE CONSOLE.
 *
 * While a user's console is spooled, every line on it (CP's responses and
 * messages, the guest's console output, the lines the user types) is also
 * written to a printer spool file.  The console path never waits for the
 * spool: a line is copied into the user's buffer and a CP task, the
 * console spool writer, puts it into the file.  A full buffer drops lines
 * and the file says how many.  CLOSE (SPOOL CONSOLE STOP CLOSE, CLOSE
 * CONSOLE, LOGOFF) closes the file after the lines before it, into the
 * owner's printer queue or, with TO, another user's reader, with the
 * PRT FILE message.  State is kept by userid, so a file being closed
 * after LOGOFF does not need the user. */
#ifndef CP_SPOOL_CONSPOOL_H
#define CP_SPOOL_CONSPOOL_H

#include "arch370/types.h"

struct user;
struct cmdctx;
struct vdev;

/* at IPL (from vur_init): the writer task and the console hooks */
void conspool_init(void);

/* SPOOL CONSOLE ...: START|STOP [TO userid|*|OFF] [CLASS c] [CLOSE] */
int conspool_cmd(struct cmdctx *ctx);
/* CLOSE CONSOLE */
int conspool_close_cmd(struct cmdctx *ctx);
/* console files open for writing (START SPOOL COLD refuses while any are) */
unsigned conspool_open_files(void);
/* QUERY VIRTUAL: the spooling line under the console device */
void conspool_query(struct cmdctx *ctx, struct vdev *d);

#endif
