/* task.c - cooperative CP tasks and the run queue. */
#include "cp/kern/task.h"
#include "cp/kern/freestor.h"
#include "cp/kern/abend.h"
#include "cp/lib/string.h"
#include "cpu.h"

#define TASK_STACK_SIZE 16384

static struct task boot_task = { .name = "boot", .state = TASK_RUNNABLE };
static struct task *runq_head, *runq_tail;
static struct task *all_tasks;
static struct task *dead_task;          /* freed once we are off its stack */
static bool scheduler_running;
struct task *current = &boot_task;
u32 task_dispatches;

/* How many tasks sleep on a channel of each hash: most wakeups find
 * nobody (a frame unpinned after a block read, a virtual machine kicked
 * while it runs), and a look here saves the walk of every task. */
#define WCHAN_HASHES    64
static u16 sleepers[WCHAN_HASHES];

static unsigned wchan_hash(const void *wchan)
{
    return ((u32)(uintptr_t)wchan * 2654435761u) >> 26;       /* 0..63 */
}

void task_init(void)
{
    current = &boot_task;
}

bool task_in_boot(void)
{
    return !scheduler_running;
}

static void runq_put(struct task *t)
{
    t->next = NULL;
    if (runq_tail)
        runq_tail->next = t;
    else
        runq_head = t;
    runq_tail = t;
}

static struct task *runq_get(void)
{
    struct task *t = runq_head;

    if (t) {
        runq_head = t->next;
        if (!runq_head)
            runq_tail = NULL;
    }
    return t;
}

struct task *task_create(const char *name, void (*fn)(void *), void *arg)
{
    struct task *t = kzalloc(sizeof *t, "TASK");
    u32 *sp;

    if (!t)
        return NULL;
    t->stack = kmalloc(TASK_STACK_SIZE, "TASKSTK");
    if (!t->stack) {
        kfree(t);
        return NULL;
    }
    t->stack_size = TASK_STACK_SIZE;
    t->name = name;
    t->fn = fn;
    t->arg = arg;
    sp = (u32 *)(t->stack + TASK_STACK_SIZE - 96);
    sp[0] = 0;                                  /* back chain */
    /* ctx.r[] holds r6..r15: r6 = fn, r7 = arg, r14 = trampoline, r15 = sp */
    t->ctx.r[0] = (u32)(uintptr_t)fn;
    t->ctx.r[1] = (u32)(uintptr_t)arg;
    t->ctx.r[8] = (u32)(uintptr_t)task_trampoline;
    t->ctx.r[9] = (u32)(uintptr_t)sp;
    t->state = TASK_RUNNABLE;
    t->all_next = all_tasks;
    all_tasks = t;
    runq_put(t);
    return t;
}

unsigned task_count(void)
{
    unsigned n = 0;
    for (struct task *t = all_tasks; t; t = t->all_next)
        n++;
    return n;
}

static void reap(void)
{
    struct task **pp;

    if (!dead_task)
        return;
    for (pp = &all_tasks; *pp; pp = &(*pp)->all_next) {
        if (*pp == dead_task) {
            *pp = dead_task->all_next;
            break;
        }
    }
    kfree(dead_task->stack);
    kfree(dead_task);
    dead_task = NULL;
}

/* Switch from the current task to the scheduler (boot task), which picks
 * the next one.  Every task switch goes through the boot task: simple,
 * and only one extra switch per dispatch. */
static void to_scheduler(void)
{
    struct task *me = current;

    if (me == &boot_task)
        cp_abend(ABEND_TASK, "task_switch from the scheduler itself");
    current = &boot_task;
    task_switch(&me->ctx, &boot_task.ctx);
    current = me;
}

void task_yield(void)
{
    if (!scheduler_running || current == &boot_task)
        return;
    runq_put(current);
    to_scheduler();
}

void task_sleep(const void *wchan)
{
    current->state = TASK_SLEEPING;
    current->wchan = wchan;
    sleepers[wchan_hash(wchan)]++;
    to_scheduler();
}

void task_wakeup(const void *wchan)
{
    u16 *n = &sleepers[wchan_hash(wchan)];

    for (struct task *t = all_tasks; t && *n; t = t->all_next) {
        if (t->state == TASK_SLEEPING && t->wchan == wchan) {
            t->state = TASK_RUNNABLE;
            t->wchan = NULL;
            (*n)--;
            runq_put(t);
        }
    }
}

void task_exit(void)
{
    current->state = TASK_DEAD;
    dead_task = current;
    current = &boot_task;
    task_switch(&dead_task->ctx, &boot_task.ctx);
    for (;;)
        ;
}

/* what t used in the dispatch that just ended, to it and its charge */
static void count_run(struct task *t)
{
    u32 n = icount() - t->since;                /* mod 2**32: one dispatch */
    u64 d = stck() - t->tod_since;

    t->insns += n;
    t->cpu_tod += d;
    if (t->charge) {
        t->charge->insns += n;
        t->charge->tod += d;
    }
}

void task_schedule_forever(void (*idle)(void))
{
    scheduler_running = true;
    for (;;) {
        struct task *t = runq_get();

        reap();
        if (!t) {
            idle();
            continue;
        }
        if (t->state != TASK_RUNNABLE)
            continue;
        current = t;
        t->since = icount();
        t->tod_since = stck();
        task_dispatches++;
        task_switch(&boot_task.ctx, &t->ctx);
        count_run(t);
        current = &boot_task;
        reap();
    }
}

u64 task_insns(void)
{
    return current->insns + (icount() - current->since);
}

u64 task_cpu_tod(void)
{
    return current->cpu_tod + (stck() - current->tod_since);
}

u64 task_insns_of(const struct task *t)
{
    return t == current ? task_insns() : t->insns;
}

u64 task_cpu_tod_of(const struct task *t)
{
    return t == current ? task_cpu_tod() : t->cpu_tod;
}

void task_charge_to(struct task *t, struct task_charge *c)
{
    t->charge = c;
}
