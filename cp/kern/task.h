/* task.h - CP tasks: cooperative threads of control inside CP.
 *
 * Each terminal session and each virtual machine has a task of its own,
 * so CP code that must wait (for a DASD record, for a line from a
 * terminal) simply sleeps, and other tasks run meanwhile.  Tasks switch
 * only when one sleeps or yields; interruptions are taken only at the
 * enabled points (guest execution and the idle wait), so CP data needs no
 * locks.  When no task can run, the idle loop waits for an interruption. */
#ifndef CP_KERN_TASK_H
#define CP_KERN_TASK_H

#include "arch370/interrupt.h"

enum task_state { TASK_RUNNABLE, TASK_SLEEPING, TASK_DEAD };

/* CPU time a task spends for someone else (a terminal's session for its
 * user): added to it at every switch away from the task */
struct task_charge {
    u64 tod;                    /* real CPU time, TOD units */
    u64 insns;                  /* Hercules' instruction count */
};

struct task {
    struct task_ctx ctx;
    const char *name;
    enum task_state state;
    const void *wchan;          /* what a sleeping task waits for */
    struct task *next;          /* run queue / all-tasks list */
    struct task *all_next;
    u8 *stack;
    u32 stack_size;
    void (*fn)(void *);
    void *arg;
    u64 insns;                  /* Hercules' count while it ran, up to `since` */
    u32 since;                  /* the count when it was last dispatched */
    u64 cpu_tod;                /* real CPU time while it ran (TOD units),
                                   up to tod_since */
    u64 tod_since;              /* the TOD clock when it was last dispatched */
    struct task_charge *charge; /* also charged there (NULL: nowhere) */
};

extern struct task *current;
/* counts every dispatch of a task: a caller that sees it unchanged knows
 * no other task ran meanwhile (and so nothing changed the real control
 * registers or CPU timer it had loaded) */
extern u32 task_dispatches;

void task_init(void);
struct task *task_create(const char *name, void (*fn)(void *), void *arg);
void task_exit(void) __attribute__((noreturn));
void task_yield(void);
void task_sleep(const void *wchan);
void task_wakeup(const void *wchan);
bool task_in_boot(void);        /* true before the scheduler runs */
/* Run the scheduler: never returns.  idle() is called with nothing to do. */
void task_schedule_forever(void (*idle)(void)) __attribute__((noreturn));
unsigned task_count(void);
/* instructions (Hercules' counter, DIAGNOSE X'F08') executed while the
 * current task ran: CP's work in it and, for a virtual machine's task,
 * its guest; not what other tasks ran while it slept */
u64 task_insns(void);
/* the real CPU time the current task has had since it was created, TOD
 * units: what it ran itself (CP's work and, for a virtual machine's task,
 * its guest), never what others ran while it slept or waited */
u64 task_cpu_tod(void);
/* the same two for any task: up to now if it is the current one, else up
 * to its last switch (what it has run so far) */
u64 task_insns_of(const struct task *t);
u64 task_cpu_tod_of(const struct task *t);
/* from now on t's CPU time also goes to *c (NULL: to nobody else); the
 * caller clears it before *c goes away */
void task_charge_to(struct task *t, struct task_charge *c);

#endif
