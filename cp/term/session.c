/* session.c - terminal sessions: a task per terminal that acts on lines. */
#include "cp/term/session.h"
#include "cp/term/oplog.h"
#include "cp/term/logon.h"
#include "cp/term/cmdline.h"
#include "cp/kern/task.h"
#include "cp/vm/user.h"
#include "cp/vm/vm.h"
#include "cp/kern/freestor.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include "cp/lib/version.h"
#include <stdarg.h>
#include "cp/kern/intr.h"
#include "cp/kern/timer.h"

static struct session *opcon;
void (*session_console_hook)(struct user *u, const char *line);

struct session *session_opcon(void)
{
    return opcon;
}

void session_write(struct session *s, const char *line)
{
    if (s && s->term)
        term_write(s->term, line);
    if (s && s->user && session_console_hook)
        session_console_hook(s->user, line);
}

void session_printf(struct session *s, const char *fmt, ...)
{
    char buf[512];
    va_list ap;

    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    session_write(s, buf);
}

void session_show_logo(struct session *s)
{
    term_printf(s->term, "%s ONLINE  %s  terminal %04X", CP_NAME, CP_VERSION, s->term->devno);
    if (s == opcon)
        oplog_replay();
    else if (s->state == SESS_NEW)
        term_write(s->term, "Enter LOGON userid");
}

/* ---- callbacks from the terminal driver (interruption level) ---------- */

static void on_connected(struct term *t)
{
    struct session *s = t->session;

    if (!s)
        return;
    s->connect_event = true;
    task_wakeup(s);
}

static void on_disconnected(struct term *t)
{
    struct session *s = t->session;

    if (!s)
        return;
    s->incount = 0;
    s->lost_event = true;
    task_wakeup(s);
}

static void on_input(struct term *t, const char *line)
{
    struct session *s = t->session;
    unsigned slot;

    if (!s)
        return;
    if (s->incount == SESS_INQ) {
        term_write(t, "CPX101W Input ignored: too many lines typed ahead");
        return;
    }
    slot = (s->inhead + s->incount) % SESS_INQ;
    strlcpy(s->inq[slot], line, sizeof s->inq[slot]);
    s->incount++;
    task_wakeup(s);
}

static void on_attention(struct term *t)
{
    struct session *s = t->session;

    if (!s)
        return;
    s->attention = true;
    task_wakeup(s);
}

/* the terminal caught up with its output: a virtual machine that waits to
 * write more on it may go on */
static void on_output_space(struct term *t)
{
    struct session *s = t->session;

    if (s && s->user && s->user->vm)
        vm_kick(s->user->vm);
}

static const struct term_ops session_term_ops = {
    .output_space = on_output_space,
    .connected = on_connected,
    .disconnected = on_disconnected,
    .input = on_input,
    .attention = on_attention,
};

/* ---- the session task -------------------------------------------------- */

static void session_task(void *arg)
{
    struct session *s = arg;
    char line[TERM_INMAX + 1];

    for (;;) {
        while (!s->incount && !s->attention && !s->connect_event && !s->lost_event)
            task_sleep(s);
        if (s->lost_event) {
            s->lost_event = false;
            logon_lost_terminal(s);
            continue;
        }
        if (s->connect_event) {
            s->connect_event = false;
            session_show_logo(s);
            continue;
        }
        if (s->attention) {
            s->attention = false;
            logon_attention(s);
            continue;
        }
        strlcpy(line, s->inq[s->inhead], sizeof line);
        s->inhead = (s->inhead + 1) % SESS_INQ;
        s->incount--;
        if (s->state == SESS_ACTIVE && s->user && session_console_hook)
            session_console_hook(s->user, line);        /* what the user typed */
        logon_line(s, line);
    }
}

static void no_op(void *arg)
{
    (void)arg;
}

void session_init_all(void)
{
    static struct timer boot_limit;

    term_init_all(&session_term_ops);
    for (unsigned i = 0; i < term_count(); i++) {
        struct term *t = term_at(i);
        struct session *s = kzalloc(sizeof *s, "SESSION");
        if (!s)
            break;
        s->term = t;
        t->session = s;
        t->connected = true;                    /* until a write says otherwise */
        s->task = task_create("SESSION", session_task, s);
        if (t->devno == 0x0009) {
            opcon = s;
            logon_operator(s);
        } else {
            session_show_logo(s);                       /* finds out who is there */
        }
    }
    /* let the logos reach the terminals (or fail), so the connection
     * state is known before the system says it is ready */
    timer_add(&boot_limit, tod_now() + 2 * TOD_SEC, no_op, NULL);
    for (int i = 0; i < 1000 && boot_limit.armed; i++) {
        bool busy = false;
        for (unsigned j = 0; j < term_count(); j++)
            if (term_at(j)->devno != 0x0009 && !term_idle(term_at(j)))
                busy = true;
        if (!busy)
            break;
        cp_wait_and_dispatch();
    }
    timer_cancel(&boot_limit);
}
