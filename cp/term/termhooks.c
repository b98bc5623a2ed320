/* termhooks.c - the session layer's side of the lower layers' hooks. */
#include "cp/term/termhooks.h"
#include "cp/kern/oplog.h"
#include "cp/term/usermsg.h"
#include "cp/term/session.h"
#include "cp/term/logon.h"
#include "cp/vm/user.h"
#include "cp/vm/dispatch.h"
#include "cp/vdev/vcons.h"

static void to_user(struct user *u, const char *line)
{
    user_msg(u, "%s", line);
}

/* a line of the virtual console: on the terminal, or only in a spooled
 * console while the user is disconnected */
static void console_line(struct user *u, const char *line, u32 len)
{
    if (u->sess)
        session_write_len(u->sess, line, len);
    else if (session_console_hook)
        session_console_hook(u, line);
}

static bool console_room(struct user *u, u32 lines)
{
    return !u->sess || term_has_room(u->sess->term, lines);
}

static void console_reads(struct user *u)
{
    if (u->sess)
        session_console_reads(u->sess);
}

static void logoff_now(struct user *u)
{
    user_logoff(u, NULL);
}

void termhooks_init(void)
{
    user_tell_register(to_user);
    vcons_register_terminal(console_line, console_room);
    vcons_register_reading(console_reads);
    dispatch_logoff_register(logoff_now);
}
