/* shutdown.c - SHUTDOWN: warn, checkpoint, drain the terminals, stop. */
#include "cp/term/shutdown.h"
#include "cp/kern/abend.h"
#include "cp/io/term.h"
#include "cp/term/session.h"
#include "cp/kern/oplog.h"
#include "cp/kern/task.h"
#include "cp/kern/timer.h"
#include "cp/vm/user.h"
#include "cp/kern/intr.h"
#include "arch370/interrupt.h"

#define MAX_HOOKS 8

static void (*hooks[MAX_HOOKS])(void);
static unsigned nhooks;

void shutdown_register(void (*fn)(void))
{
    if (nhooks < MAX_HOOKS)
        hooks[nhooks++] = fn;
}

static bool terminals_idle(void)
{
    for (unsigned i = 0; i < term_count(); i++) {
        struct term *t = term_at(i);
        if (t->connected && !term_idle(t))
            return false;
    }
    return true;
}

static void wake_nothing(void *arg)
{
    (void)arg;
}

void system_shutdown(const char *by)
{
    static struct timer limit;
    u64 deadline;

    for (unsigned i = 0; i < term_count(); i++) {
        struct term *t = term_at(i);
        struct session *s = t->session;
        if (s && s->user && s != session_opcon())
            term_printf(t, "CPX950I SYSTEM SHUTDOWN initiated by %s; you are being logged off", by);
    }
    op_msg("CPX950I SYSTEM SHUTDOWN initiated by %s", by);
    for (unsigned i = 0; i < nhooks; i++)
        hooks[i]();
    op_msg("CPX960I SYSTEM SHUTDOWN COMPLETE, wait state code %03X", WAIT_SHUTDOWN);
    /* give the terminals up to five seconds to show what is queued */
    deadline = tod_now() + 5 * TOD_SEC;
    timer_add(&limit, deadline, wake_nothing, NULL);
    while (!terminals_idle() && tod_now() < deadline) {
        intr_arm_clock();
        intr_dispatch(cpu_wait());
    }
    disabled_wait(WAIT_SHUTDOWN);
}
