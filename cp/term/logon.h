/* logon.h - LOGON, RECONNECT, LOGOFF, DISCONNECT: a user's life.
 *
 * A session starts without a user (the logo).  LOGON userid asks for the
 * password; the right one creates the user's virtual machine from the
 * directory (or, if the user is already logged on, moves the user to this
 * terminal: reconnection).  Wrong passwords are refused; after three for
 * the same userid or terminal, further attempts are delayed, doubling up
 * to a minute.  NOLOG users can never log on.  The operator logs on like
 * everybody else, as OPERATOR with the directory's password. */
#ifndef CP_TERM_LOGON_H
#define CP_TERM_LOGON_H

struct session;
struct user;
struct dir_user;

void logon_line(struct session *s, const char *line);
void logon_attention(struct session *s);
/* the terminal's client went away (why: its sense byte) or was replaced (0) */
void logon_lost_terminal(struct session *s, unsigned char why);

/* create a user and VM from a directory entry, without a terminal
 * (AUTOLOG) or on one; NULL if no storage */
struct user *logon_create(const struct dir_user *d, struct session *s);

/* end a user: LOGOFF (reason NULL) or FORCE (reason says by whom) */
void user_logoff(struct user *u, const char *forced_by);
/* keep the user and VM, drop the terminal */
void user_disconnect(struct user *u);

#endif
