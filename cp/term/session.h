/* session.h - a terminal session: what a terminal is doing for whom.
 *
 * Each terminal has a session and a CP task that takes the lines the
 * terminal driver delivers and acts on them: the LOGON dialogue before a
 * user is known, CP commands after.  The operator console 0009 is logged
 * on as OPERATOR at IPL. */
#ifndef CP_TERM_SESSION_H
#define CP_TERM_SESSION_H

#include "cp/io/con3215.h"

#define SESS_INQ        8

enum sess_state {
    SESS_NEW,           /* no user: logo shown, waiting for LOGON */
    SESS_PASSWORD,      /* LOGON typed, waiting for the password */
    SESS_ACTIVE,        /* a user is logged on */
};

struct user;
struct task;

struct session {
    struct term *term;
    enum sess_state state;
    struct user *user;
    char logon_userid[9];
    bool logon_noipl;           /* LOGON userid NOIPL: skip the directory's IPL */
    char inq[SESS_INQ][TERM_INMAX + 1];
    unsigned inhead, incount;
    bool attention;
    bool connect_event;
    bool lost_event;            /* the client went away */
    struct task *task;
};

void session_init_all(void);
/* the operator console's session, once there is one */
struct session *session_opcon(void);
/* console spooling (cp/spool/conspool.c) sees every line written on a
 * user's console and every line typed there; it must not sleep */
extern void (*session_console_hook)(struct user *u, const char *line);
/* write a line to the session's terminal */
void session_write(struct session *s, const char *line);
void session_printf(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* the logo and "Enter LOGON userid" (or the operator's replay) */
void session_show_logo(struct session *s);

#endif
