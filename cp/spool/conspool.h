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

/* at IPL (from vur_init): the writer task and the console hooks */
void conspool_init(void);

/* what SPOOL CONSOLE changes (cp/cmd/spoolcons.c parses it); a field
 * left at its "unset" value changes nothing */
struct conspool_opts {
    int onoff;                  /* 1 START, 0 STOP, -1 neither */
    bool close;                 /* close the file after the lines so far */
    bool to_set;
    char to[9];                 /* with to_set: "" the owner's printer queue */
    char cls;                   /* 0: unchanged */
};

enum {
    CONSPOOL_OK,
    CONSPOOL_NOSTORAGE,         /* no CP storage for the user's console state */
    CONSPOOL_NOTSPOOLED,        /* CLOSE: nothing spooled, nothing to close */
};

int conspool_set(const char *userid, const struct conspool_opts *o);
/* CLOSE CONSOLE */
int conspool_close(const char *userid);

/* the state QUERY VIRTUAL shows; false if the user never spooled */
struct conspool_info {
    bool on, file_open;
    char cls;
    char to[9];
};
bool conspool_state(const char *userid, struct conspool_info *info);

/* console files open for writing (START SPOOL COLD refuses while any are) */
unsigned conspool_open_files(void);

#endif
