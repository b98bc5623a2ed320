/* urdev.c - the real unit-record devices: their tasks, START and DRAIN
 * states (urdev.h).  Writing files out is urwrite.c, reading decks in
 * urread.c. */
#include "cp/spool/urdev.h"
#include "cp/spool/spool.h"
#include "cp/io/rio.h"
#include "cp/kern/task.h"
#include "cp/kern/oplog.h"
#include "cp/kern/freestor.h"
#include "arch370/ccw.h"

struct urdev *urdevs;
static const char work_chan;            /* writers sleep here for files */

const char *urdev_name(const struct urdev *u)
{
    return spool_type_name(u->kind);
}

void urdev_kick(void)
{
    task_wakeup(&work_chan);
}

struct urdev *urdev_find(u16 devno)
{
    for (struct urdev *u = urdevs; u; u = u->next)
        if (u->rd->devno == devno)
            return u;
    return NULL;
}

void urdev_wait_started(struct urdev *u)
{
    while (!u->started)
        task_sleep(u);
}

bool urdev_drain_point(struct urdev *u)
{
    if (!u->draining)
        return false;
    u->draining = false;
    u->started = false;
    op_msg("CPX451I %s %04X drained", urdev_name(u), u->rd->devno);
    return true;
}

/* a writer with nothing to do sleeps until a file arrives */
void urdev_idle(struct urdev *u)
{
    (void)u;
    task_sleep(&work_chan);
}

/* a reader whose hopper ran empty waits for the device end of a new deck */
static void unsolicited(struct rdev *d, u8 dstat, u8 cstat)
{
    (void)cstat;
    for (struct urdev *u = urdevs; u; u = u->next) {
        if (u->rd == d && (dstat & UNIT_DE)) {
            u->loaded = true;
            task_wakeup(u);
        }
    }
}

static const struct rdev_driver ur_driver = {
    .name = "UNITREC",
    .unsolicited = unsolicited,
};

static void ur_task(void *arg)
{
    struct urdev *u = arg;

    if (u->kind == SPOOL_RDR)
        urdev_reader(u);
    else
        urdev_writer(u);
}

void urdev_init(void)
{
    struct urdev **tail = &urdevs;

    for (unsigned i = 0; i < nrdevs; i++) {
        struct rdev *d = &rdevs[i];
        struct urdev *u;
        u8 kind = d->cls == RDEV_READER ? SPOOL_RDR : d->cls == RDEV_PUNCH ? SPOOL_PUN :
                  d->cls == RDEV_PRINTER ? SPOOL_PRT : 0;
        if (!kind || !(u = kzalloc(sizeof *u, "URDEV")))
            continue;
        u->rd = d;
        u->kind = kind;
        u->cls = '*';
        u->loaded = true;
        d->drv = &ur_driver;
        d->priv = u;
        if (!task_create(kind == SPOOL_RDR ? "URREAD" : "URWRITE", ur_task, u)) {
            kfree(u);
            continue;
        }
        *tail = u;
        tail = &u->next;
    }
}
