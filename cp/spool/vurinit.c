/* vurinit.c - the spool at IPL, and the spool devices of a virtual
 * machine at LOGON, from its directory SPOOL statements (vur.h). */
#include "cp/spool/vur.h"
#include "cp/spool/area.h"
#include "cp/spool/urdev.h"
#include "cp/spool/conspool.h"
#include "cp/dir/directory.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/vm/user.h"
#include "cp/vm/vconfig.h"
#include "cp/io/sysres.h"
#include "cp/kern/oplog.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "cp/lib/format.h"

static bool ready;

bool vur_spool_ready(void)
{
    return ready;
}

void vur_set_ready(bool on)
{
    ready = on;
}

static u8 kind_of(u8 dir_kind)
{
    return dir_kind == DIR_SPOOL_READER ? SPOOL_RDR :
           dir_kind == DIR_SPOOL_PUNCH ? SPOOL_PUN : SPOOL_PRT;
}

static void logon_spool(struct vm *vm, const struct dir_user *du)
{
    for (unsigned i = 0; i < du->nspool; i++) {
        const struct dir_spool *s = &du->spool[i];
        vur_attach(vm, s->cuu, s->devtype, kind_of(s->kind), s->spool_class);
    }
}

struct vdev *vur_find_kind(struct vm *vm, u8 kind)
{
    for (struct vdev *d = vm->devs; d; d = d->next) {
        struct vur *v = vur_of(d);
        if (v && v->kind == kind)
            return d;
    }
    return NULL;
}

/* An area no CP has ever formatted reads as zeros: formatting it loses
 * nothing, so only then is the cold start automatic. */
static bool never_formatted(void)
{
    const struct cp_area *a = cp_area_find("SPOOL", NULL, 0);
    u8 *page = kmalloc(4096, "SPCHECK");
    bool zero = false;

    if (a && page && cp_area_read_page(a, 0, page) == 0) {
        zero = true;
        for (unsigned i = 0; i < 4096 && zero; i++)
            zero = page[i] == 0;
    }
    if (page)
        kfree(page);
    return zero;
}

void vur_init(void)
{
    struct spool_init_report rep;
    int rc;

    /* asked first, so a new area does not read as a damaged label */
    if (never_formatted()) {
        op_msg("CPX416I The spool area has never been formatted; it is formatted now");
        rc = spool_start(true, &rep);
    } else {
        rc = spool_start(false, &rep);
    }
    ready = rc == SPOOL_OK;
    if (!ready)
        op_msg("CPX417E Spooling is not started: %s; START SPOOL COLD formats the area",
               spool_strerror(rc));
    vconfig_register(logon_spool, NULL);
    urdev_init();
    conspool_init();
}
