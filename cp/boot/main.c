/* main.c - CP initialization after IPL, then the scheduler.
 *
 * Order matters: interruption handlers first (so a fault is reported),
 * then storage, then devices (sensing needs free storage and I/O), then
 * the terminals and their sessions, then the scheduler, which runs for
 * the life of the system. */
#include "cp/mm/storage.h"
#include "cp/io/sysres.h"
#include "cp/kern/abend.h"
#include "cp/lib/version.h"
#include "cp/boot/init.h"
#include "cp/dir/directory.h"
#include "cp/dir/dirread.h"
#include "cp/io/rio.h"
#include "cp/io/sense.h"
#include "cp/io/dasd.h"
#include "cp/term/session.h"
#include "cp/kern/oplog.h"
#include "cp/term/termhooks.h"
#include "cp/cmd/cmd.h"
#include "diag/diag.h"
#include "cp/kern/task.h"
#include "cp/kern/intr.h"
#include "cp/kern/timer.h"
#include "cp/mm/frame.h"
#include "cp/kern/freestor.h"
#include "arch370/interrupt.h"
#include "arch370/prefix.h"

#define ABEND_STACK_TOP 0x10000u

static void announce_devices(void)
{
    char type[8];

    for (unsigned i = 0; i < nrdevs; i++) {
        struct rdev *d = &rdevs[i];
        struct dasd *dd = dasd_of(d);
        op_msg("CPX011I Device %04X %s %-7s%s%s", d->devno, rdev_type_name(d, type, sizeof type),
               rdev_class_name(d->cls), dd && dd->labelled ? " " : "",
               dd && dd->labelled ? dd->volser : "");
    }
}

static void idle(void)
{
    cp_wait_and_dispatch();
}

void cp_main(u32 ipl_sid)
{
    struct civil c;
    const struct cp_area *nuc;
    struct freestor_stats fs;
    unsigned dir_users;
    int dir_rc;

    lc_set_abend_stack(ABEND_STACK_TOP);
    termhooks_init();
    cmdline_register(cmd_interpret);
    priv_diag_register(diag_dispatch);
    install_new_psws();
    sysres_note_ipl_device(ipl_sid);
    intr_init();
    storage_init();
    task_init();
    rio_init();
    sense_all_devices();
    dasd_init_all();
    sysres_scan();
    dir_rc = dir_read_from_volume(&dir_users);
    session_init_all();

    freestor_stats(&fs);
    op_msg("%s", CP_LEVEL);
    op_msg("CPX010I Real storage %uK, %u frames for virtual machines, free storage %uK",
           (unsigned)(real_storage_size() >> 10), frame_count_total(), (unsigned)(fs.total >> 10));
    announce_devices();
    if (!sysres_dev())
        op_msg("CPX012W The IPL device is not a CP system volume");
    else {
        nuc = cp_area_find("NUCLEUS", NULL, 0);
        op_msg("CPX012I System residence %04X %s, %u areas%s", sysres_dev()->devno,
               dasd_of(sysres_dev())->volser, cp_area_count(), nuc ? "" : ", no NUCLEUS area");
    }
    if (dir_rc == DIR_OK)
        op_msg("CPX014I Directory loaded: %u users", dir_users);
    else
        op_msg("CPX015E No usable directory (%s); nobody can log on",
               dir_rc == -20 ? "no DIRECT area on the system volume" :
               dir_rc == -21 ? "I/O error reading it" : dir_strerror(dir_rc));
    cp_subsystems_init();
    tod_to_civil(tod_now(), &c);
    op_msg("CPX013I %s ready at %04d-%02d-%02d %02d:%02d:%02d UTC", CP_NAME,
           c.year, c.month, c.day, c.hour, c.min, c.sec);
    task_schedule_forever(idle);
}
