/* mdisk.c - minidisk links and the SIO path to them (see mdisk.h). */
#include "cp/vdev/mdisk.h"
#include "cp/vdev/mdiskio.h"
#include "cp/io/dasd.h"
#include "cp/vdev/ccwxlat.h"
#include "cp/dir/directory.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/vm/vconfig.h"
#include "cp/vm/user.h"
#include "cp/kern/freestor.h"
#include "cp/mm/gmem.h"
#include "cp/lib/string.h"

#define BLOCKS_PER_TRACK    19          /* CMS 800-byte blocks on a 3350 track */

static struct mdisk *links;

static const char *const modes[] = { "R", "RR", "W", "WR", "M", "MR", "MW" };

const char *mdisk_strerror(int rc)
{
    switch (rc) {
    case LINK_ENOMDISK: return "no such minidisk";
    case LINK_EPASSWORD: return "password incorrect";
    case LINK_EINUSE: return "the minidisk is in use in a way this mode does not allow";
    case LINK_EADDR: return "the virtual address is in use";
    case LINK_EVOLUME: return "its volume is not mounted";
    case LINK_EMODE: return "not a link mode (R RR W WR M MR MW)";
    default: return "not enough storage";
    }
}

void mdisk_links(const char *owner, u16 owner_addr,
                 void (*fn)(const struct mdisk *md, void *arg), void *arg)
{
    for (struct mdisk *md = links; md; md = md->next)
        if (md->owner_addr == owner_addr && !str_casecmp(md->owner, owner))
            fn(md, arg);
}

u32 mdisk_blocks(const struct mdisk *md)
{
    u32 n = (u32)md->cyls * md->heads * BLOCKS_PER_TRACK;
    return n > 65531 ? 65531 : n;
}

bool mdisk_block_address(const struct mdisk *md, u32 block, u16 *cyl, u16 *head, u8 *rec)
{
    u32 track;

    if (block == 0 || block > mdisk_blocks(md))
        return false;
    track = (block - 1) / BLOCKS_PER_TRACK;
    *cyl = (u16)(track / md->heads);
    *head = (u16)(track % md->heads);
    *rec = (u8)((block - 1) % BLOCKS_PER_TRACK + 1);
    return true;
}

/* ---- link modes ------------------------------------------------------------ */

struct usage {
    unsigned all, writers;
};

static void count_use(const struct mdisk *md, void *arg)
{
    struct usage *u = arg;
    u->all++;
    if (md->write)
        u->writers++;
}

/* VM/370's rules: may this mode be had, and does it write? */
static int decide(const char *mode, const struct usage *u, bool *rw)
{
    bool fallback = mode[1] == 'R';

    switch (mode[0]) {
    case 'R':
        if (fallback || !u->writers) {
            *rw = false;
            return LINK_OK;
        }
        return LINK_EINUSE;
    case 'W':
        if (!u->all) {
            *rw = true;
            return LINK_OK;
        }
        break;
    case 'M':
        if (mode[1] == 'W' || !u->writers) {
            *rw = true;
            return LINK_OK;
        }
        break;
    }
    if (!fallback)
        return LINK_EINUSE;
    *rw = false;                                /* WR, MR: read instead */
    return LINK_OK;
}

static const struct vdev_ops mdisk_ops;

int mdisk_link(struct vm *vm, const struct dir_mdisk *m, u16 vaddr, const char *mode,
               const char *password, bool nopass, bool *rw)
{
    struct usage use = { 0, 0 };
    struct rdev *dev;
    struct dasd *dd;
    struct mdisk *md;
    bool known = false;
    int rc;

    for (unsigned i = 0; i < ARRAY_SIZE(modes); i++)
        if (!str_casecmp(mode, modes[i]))
            known = true;
    if (!known)
        return LINK_EMODE;
    if (!m)
        return LINK_ENOMDISK;
    if (vdev_find(vm, vaddr))
        return LINK_EADDR;
    dev = dasd_find_volser(m->volser);
    dd = dasd_of(dev);
    if (!dd || !dd->heads)
        return LINK_EVOLUME;
    if (!nopass && !dir_link_password_ok(m, to_upper(mode[0]), password ? password : ""))
        return LINK_EPASSWORD;
    mdisk_links(m->owner->userid, m->cuu, count_use, &use);
    {
        char up[3] = { to_upper(mode[0]), mode[1] ? to_upper(mode[1]) : 0, 0 };
        rc = decide(up, &use, rw);
    }
    if (rc != LINK_OK)
        return rc;
    md = kzalloc(sizeof *md, "MDISK");
    if (!md)
        return LINK_ENOMEM;
    strlcpy(md->owner, m->owner->userid, sizeof md->owner);
    strlcpy(md->volser, m->volser, sizeof md->volser);
    md->owner_addr = m->cuu;
    md->vaddr = vaddr;
    md->dev = dev;
    md->start_cyl = m->start;
    md->cyls = m->cyls;
    md->heads = dd->heads;
    md->write = *rw;
    md->vm = vm;
    if (!vdev_add(vm, vaddr, m->devtype, VDEV_DASD, &mdisk_ops, md)) {
        kfree(md);
        return LINK_EADDR;
    }
    md->next = links;
    links = md;
    return LINK_OK;
}

struct mdisk *mdisk_of(struct vdev *d)
{
    return d && d->cls == VDEV_DASD && d->ops == &mdisk_ops ? d->priv : NULL;
}

/* ---- the SIO path -------------------------------------------------------------- */

static int mdisk_start(struct vm *vm, struct vdev *d, u32 ccw_addr, u8 key)
{
    return mdiskio_start(vm, d, mdisk_of(d), ccw_addr, key);
}

static bool mdisk_halt(struct vm *vm, struct vdev *d)
{
    (void)vm;
    return mdiskio_halt(d, mdisk_of(d));
}

static void mdisk_destroy(struct vm *vm, struct vdev *d)
{
    struct mdisk *md = d->priv;
    (void)vm;

    mdiskio_halt(d, md);
    for (struct mdisk **pp = &links; *pp; pp = &(*pp)->next) {
        if (*pp == md) {
            *pp = md->next;
            break;
        }
    }
    kfree(md);
    d->priv = NULL;
}

static void mdisk_reset(struct vm *vm, struct vdev *d)
{
    struct mdisk *md = d->priv;
    (void)vm;
    mdiskio_halt(d, md);
    md->seek_cyl = md->seek_head = 0;
    md->blk_init = false;
    d->nsense = 0;
}

static int mdisk_ipl(struct vm *vm, struct vdev *d, struct vdev_ipl *r)
{
    return mdiskio_ipl(vm, d, mdisk_of(d), r);
}

static const struct vdev_ops mdisk_ops = {
    .start = mdisk_start,
    .halt = mdisk_halt,
    .reset = mdisk_reset,
    .destroy = mdisk_destroy,
    .ipl = mdisk_ipl,
};

/* ---- LOGON: the owner's minidisks and the directory's links ------------- */

static void logon_mdisks(struct vm *vm, const struct dir_user *d)
{
    bool rw;

    for (unsigned i = 0; i < d->nmdisk; i++) {
        const struct dir_mdisk *m = &d->mdisks[i];
        int rc = mdisk_link(vm, m, m->cuu, m->mode, NULL, true, &rw);
        if (rc != LINK_OK)
            user_tell(vm->user, "CPX301W Your minidisk %03X was not attached: %s", m->cuu,
                     mdisk_strerror(rc));
    }
    for (unsigned i = 0; i < d->nlink; i++) {
        const struct dir_link *l = &d->links[i];
        const struct dir_user *o = dir_find(l->userid);
        const struct dir_mdisk *m = o ? dir_find_mdisk(o, l->target) : NULL;
        int rc = mdisk_link(vm, m, l->cuu, l->mode, NULL, true, &rw);
        if (rc != LINK_OK)
            user_tell(vm->user, "CPX302W LINK %s %03X %03X %s failed: %s", l->userid, l->target,
                     l->cuu, l->mode, mdisk_strerror(rc));
    }
}

void mdisk_init(void)
{
    vconfig_register(logon_mdisks, NULL);      /* links go with their devices */
}
