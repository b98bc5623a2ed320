/* area.c - the spool store on the SPOOL area of a CP volume.
 *
 * CP's side of struct spool_dev: page I/O on the first SPOOL area named
 * in the tables of contents (cp/io/sysres.h), messages to the operator,
 * the TOD clock, and task sleep/wakeup so several tasks may use the
 * spool at once.  Only built for CP; the unit tests use a fake device. */
#include "cp/spool/area.h"
#include "cp/io/sysres.h"
#include "cp/kern/oplog.h"
#include "cp/kern/task.h"
#include "cp/kern/timer.h"

static struct spool_dev area_dev;

static int area_read(void *ctx, u32 page, void *buf)
{
    return cp_area_read_page(ctx, page, buf);
}

static int area_write(void *ctx, u32 page, const void *buf)
{
    return cp_area_write_page(ctx, page, buf);
}

static void area_msg(void *ctx, const char *line)
{
    op_msg("%s", line);
}

static u64 area_now(void *ctx)
{
    return tod_now();
}

int spool_start(bool cold, struct spool_init_report *rep)
{
    const struct cp_area *a = cp_area_find("SPOOL", NULL, 0);

    if (!a) {
        op_msg("CPX415E No SPOOL area on any CP volume; spooling is not started");
        return SPOOL_ENOTREADY;
    }
    area_dev.ctx = (void *)a;
    area_dev.read = area_read;
    area_dev.write = area_write;
    area_dev.pages = cp_area_capacity(a);
    area_dev.msg = area_msg;
    area_dev.now = area_now;
    area_dev.sleep = task_sleep;
    area_dev.wakeup = task_wakeup;
    return spool_init(&area_dev, cold, rep);
}
