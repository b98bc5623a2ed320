/* usermsg.h - a message from CP to a logged-on user's terminal. */
#ifndef CP_TERM_USERMSG_H
#define CP_TERM_USERMSG_H

struct user;

/* written on the user's terminal; lost if the user is disconnected */
void user_msg(struct user *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
