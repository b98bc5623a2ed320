/* session.c - terminal sessions: a task per terminal that acts on lines. */
#include "cp/term/session.h"
#include "cp/kern/oplog.h"
#include "cp/term/logon.h"
#include "cp/term/lineedit.h"
#include "cp/term/cmdline.h"
#include "cp/kern/task.h"
#include "cp/vm/user.h"
#include "cp/vm/vm.h"
#include "cp/vdev/vcons.h"
#include "cp/kern/freestor.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include "cp/lib/version.h"
#include <stdarg.h>
#include "cp/kern/intr.h"
#include "cp/kern/timer.h"

void (*session_console_hook)(struct user *u, const char *line);

/* The operator's session: where OPERATOR is logged on, if anywhere. */
struct session *session_opcon(void)
{
    struct user *u = user_find(OPERATOR_USERID);
    return u ? u->sess : NULL;
}

/* Operator messages go to the operator's terminal while somebody is
 * there to read them; otherwise the log keeps them for the next logon. */
static bool to_operator(const char *line)
{
    struct session *s = session_opcon();

    if (!s || !s->term->connected || s->gen != s->term->gen)
        return false;
    session_write(s, line);
    return true;
}

/* Output goes to the terminal only while the client it was meant for is
 * there: after a change of client (the terminal's connection number moved
 * on) it is discarded until the session has caught up. */
void session_write(struct session *s, const char *line)
{
    session_write_len(s, line, strlen(line));
}

void session_write_len(struct session *s, const char *line, size_t n)
{
    if (s && s->term && s->gen == s->term->gen)
        term_write_len(s->term, line, n);
    if (s && s->user && session_console_hook)
        session_console_hook(s->user, line);
}

/* Wait, if the caller is a task that may, while the terminal has more
 * lines queued than it should: a long command output is then written as
 * fast as the terminal takes it, with nothing dropped. */
void session_wait_output(struct session *s)
{
    while (s && s->term && s->gen == s->term->gen && !term_has_room(s->term, 1) &&
           !task_in_boot() && current) {
        s->output_waiters++;
        task_sleep(&s->output_waiters);
        s->output_waiters--;
    }
}

struct term *session_term(struct session *s)
{
    return s && s->term && s->gen == s->term->gen ? s->term : NULL;
}

void session_write_control(struct session *s, u8 ctl, unsigned row)
{
    struct term *t = session_term(s);

    if (t)
        term_write_control(t, ctl, row);
}

const u8 *session_fs_take(struct session *s, unsigned *n)
{
    if (!s || !s->fs_ready)
        return NULL;
    s->fs_ready = false;
    *n = s->fs_inlen;
    return s->fs_in;
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
    s->gen = s->term->gen;
    session_printf(s, "%s ONLINE  %s  terminal %04X", CP_NAME, CP_VERSION, s->term->devno);
    if (s->state == SESS_NEW)
        session_write(s, "Enter LOGON userid");
}

/* ---- callbacks from the terminal driver (interruption level) ---------- */

static void session_task(void *arg);

/* A session's task is made when its terminal first has something for it:
 * a task's stack is 16K of free storage, and most of the 33 terminals of
 * the default system never see a client. */
static void wake(struct session *s)
{
    if (!s->task)
        s->task = task_create("SESSION", session_task, s);
    if (s->task)
        task_wakeup(s);
}

static void on_connected(struct term *t)
{
    struct session *s = t->session;

    if (!s)
        return;
    s->connect_event = true;
    wake(s);
}

static void on_disconnected(struct term *t, u8 why)
{
    struct session *s = t->session;

    if (!s)
        return;
    s->incount = 0;             /* lines from the old client are void */
    s->fs_ready = false;
    s->lost_event = true;
    s->lost_why = why;
    wake(s);
    if (s->output_waiters)
        task_wakeup(&s->output_waiters);
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
    s->inq_tod[slot] = t->resp.line_tod;
    s->incount++;
    wake(s);
}

static void on_attention(struct term *t)
{
    struct session *s = t->session;

    if (!s)
        return;
    s->attention = true;
    wake(s);
}

/* the terminal caught up with its output: a virtual machine that waits to
 * write more on it may go on.  One that does not wait is left alone: a
 * kick would send it through the dispatcher's round after every write
 * the terminal finished, for nothing. */
static void on_output_space(struct term *t)
{
    struct session *s = t->session;

    if (s && s->output_waiters)
        task_wakeup(&s->output_waiters);
    if (s && s->user && s->user->vm && vcons_room_awaited(s->user->vm))
        vm_kick(s->user->vm);
}

/* A 3270's PF key: what SET PFnn gave it, entered or put into the input
 * area; nothing for a key not set (VM/370 did the same). */
static void on_pfkey(struct term *t, unsigned n)
{
    struct session *s = t->session;
    struct user *u = s ? s->user : NULL;

    if (!u || !u->pf || n > PF_KEYS || !u->pf->text[n][0])
        return;
    if (u->pf->delayed[n])
        term_set_input(t, u->pf->text[n]);
    else
        on_input(t, u->pf->text[n]);
}

/* A key on the screen a guest owns (DIAGNOSE X'58' full screen): the
 * record goes to the guest of the user at this terminal, and only while
 * the terminal still talks to the client that user is at. */
static void on_fs_input(struct term *t, const u8 *data, unsigned n)
{
    struct session *s = t->session;

    if (!s || s->state != SESS_ACTIVE || !s->user || s->gen != t->gen)
        return;
    if (!s->fs_in)
        s->fs_in = kmalloc(TFS_MAX, "FSINPUT");
    if (!s->fs_in)
        return;
    if (n > TFS_MAX)
        n = TFS_MAX;
    memcpy(s->fs_in, data, n);
    s->fs_inlen = n;
    s->fs_ready = true;
    if (s->user->vm)
        vm_kick(s->user->vm);
}

/* CP has the screen again: a key pressed before is void, and a guest
 * waiting for one learns that it must redraw */
static void on_fs_lost(struct term *t)
{
    struct session *s = t->session;

    if (!s)
        return;
    s->fs_ready = false;
    if (s->user && s->user->vm)
        vm_kick(s->user->vm);
}

/* The status area's word: what CP waits for at this terminal. */
static const char *on_status(const struct term *t)
{
    struct session *s = t->session;
    struct vm *vm = s && s->state == SESS_ACTIVE && s->user ? s->user->vm : NULL;

    if (!vm || vm->state == VM_STOPPED)
        return "CP READ";
    if (vcons_reading(vm))
        return "VM READ";
    return "RUNNING";
}

static const struct term_ops session_term_ops = {
    .pfkey = on_pfkey,
    .status = on_status,
    .output_space = on_output_space,
    .connected = on_connected,
    .disconnected = on_disconnected,
    .input = on_input,
    .attention = on_attention,
    .fs_input = on_fs_input,
    .fs_lost = on_fs_lost,
};

/* ---- response times ------------------------------------------------------ */

void session_console_reads(struct session *s)
{
    struct term *t = session_term(s);

    if (t)
        term_resp_ready(t);
}

/* A line (or the attention key) has been acted on.  If CP now waits for
 * the user, the response ends once its output is written: CP READ, or
 * VM READ with nothing typed ahead for the guest.  A virtual machine that
 * runs (or has a line still to take) ends it at its next console read. */
static void line_handled(struct session *s)
{
    struct vm *vm = s->state == SESS_ACTIVE && s->user ? s->user->vm : NULL;
    struct term *t = session_term(s);

    if (!t)
        return;
    if (!vm || vm->state == VM_STOPPED || vcons_waiting(vm))
        term_resp_ready(t);
}

/* ---- the session task -------------------------------------------------- */

static void logical_line(void *arg, const char *line)
{
    logon_line(arg, line);
}

static void session_task(void *arg)
{
    struct session *s = arg;
    char line[TERM_INMAX + 1];

    for (;;) {
        while (!s->incount && !s->attention && !s->connect_event && !s->lost_event)
            task_sleep(s);
        if (s->lost_event) {
            s->lost_event = false;
            logon_lost_terminal(s, s->lost_why);
            continue;
        }
        if (s->connect_event) {
            /* a new client: whatever the last one left half done is gone */
            s->connect_event = false;
            logon_lost_terminal(s, 0);
            continue;
        }
        if (s->attention) {
            s->attention = false;
            logon_attention(s);
            line_handled(s);
            continue;
        }
        if (s->gen == s->term->gen)
            term_resp_open(s->term, s->inq_tod[s->inhead]);
        strlcpy(line, s->inq[s->inhead], sizeof line);
        s->inhead = (s->inhead + 1) % SESS_INQ;
        s->incount--;
        if (s->state == SESS_ACTIVE && s->user && session_console_hook)
            session_console_hook(s->user, line);        /* what the user typed */
        if (s->state == SESS_ACTIVE && s->user && str_ncasecmp(line, "#CP", 3)) {
            struct lineedit e = {
                s->user->term.linend, s->user->term.chardel,
                s->user->term.linedel, s->user->term.escape,
            };
            lineedit_apply(&e, line, logical_line, s);
        } else {
            logon_line(s, line);    /* LOGON, the password, #CP: as typed */
        }
        line_handled(s);
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
        session_show_logo(s);                   /* finds out who is there */
    }
    oplog_set_sink(to_operator);
    /* let the logos reach the terminals (or fail), so the connection
     * state is known before the system says it is ready */
    timer_add(&boot_limit, tod_now() + 2 * TOD_SEC, no_op, NULL);
    for (int i = 0; i < 1000 && boot_limit.armed; i++) {
        bool busy = false;
        for (unsigned j = 0; j < term_count(); j++)
            if (!term_idle(term_at(j)))
                busy = true;
        if (!busy)
            break;
        cp_wait_and_dispatch();
    }
    timer_cancel(&boot_limit);
}
