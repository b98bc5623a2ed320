/* usermsg.c - messages to a user's terminal. */
#include "cp/term/usermsg.h"
#include "cp/term/session.h"
#include "cp/vm/user.h"
#include "cp/lib/format.h"
#include <stdarg.h>

void user_msg(struct user *u, const char *fmt, ...)
{
    char buf[256];
    va_list ap;

    if (!u || !u->sess)
        return;
    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    session_write(u->sess, buf);
}
