/* session.h - a terminal session: what a terminal is doing for whom.
 *
 * Each terminal has a session and a CP task that takes the lines the
 * terminal driver delivers and acts on them: the LOGON dialogue before a
 * user is known, CP commands after.  Every terminal, the operator
 * console 0009 too, starts with the logo and needs LOGON and a password;
 * a new client always finds the terminal that way, whatever the one
 * before left half done. */
#ifndef CP_TERM_SESSION_H
#define CP_TERM_SESSION_H

#include "cp/io/term.h"

#define SESS_INQ        8
#define OPERATOR_USERID "OPERATOR"

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
    u64 inq_tod[SESS_INQ];      /* when each line arrived (response times) */
    unsigned inhead, incount;
    bool attention;
    bool cp_next;               /* the next line is for CP (SET RUN ON) */
    bool connect_event;
    bool lost_event;            /* the client went away */
    u8 lost_why;                /* its sense byte (cp/io/term.h) */
    u32 gen;                    /* the terminal connection this session talks to */
    unsigned output_waiters;    /* tasks waiting for the terminal to catch up */
    u8 *fs_in;                  /* 3270 full screen: the last key's record */
    unsigned fs_inlen;
    bool fs_ready;              /* fs_in holds a record the guest has not had */
    struct task *task;
};

void session_init_all(void);
/* the session where OPERATOR is logged on, NULL if none */
struct session *session_opcon(void);
/* from a task: wait while the terminal has a full queue of output */
void session_wait_output(struct session *s);
/* console spooling (cp/spool/conspool.c) sees every line written on a
 * user's console and every line typed there; it must not sleep */
extern void (*session_console_hook)(struct user *u, const char *line);
/* write a line to the session's terminal */
void session_write(struct session *s, const char *line);
/* ... of n characters (line[n] is its NUL) */
void session_write_len(struct session *s, const char *line, size_t n);
void session_printf(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* the session's terminal, if it still talks to this session's client */
struct term *session_term(struct session *s);
/* 3270 output area order (DIAGNOSE X'58' X'19' control byte), in turn
 * with the lines written */
void session_write_control(struct session *s, u8 ctl, unsigned row);
/* 3270 full screen: the record of the last key pressed on the guest's
 * screen (AID, cursor, fields), taken once; NULL if none.  Valid until
 * the caller sleeps. */
const u8 *session_fs_take(struct session *s, unsigned *n);
/* the virtual machine began a console read with no line to give it
 * (VM READ): the response to the user's last line is complete */
void session_console_reads(struct session *s);
/* the logo and "Enter LOGON userid" (or the operator's replay) */
void session_show_logo(struct session *s);

#endif
