/* linkcmds.c - LINK, DETACH, QUERY LINKS: minidisks between users. */
#include "cp/cmd/cmd.h"
#include "cp/cmd/cmdutil.h"
#include "cp/vdev/mdisk.h"
#include "cp/dir/directory.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/vm/user.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"

static bool vaddr(const char *s, u16 *out)
{
    u32 v;
    if (!parse_hex(s, &v) || v > 0xFFFF)
        return false;
    *out = (u16)v;
    return true;
}

/* LINK [TO] userid vaddr1 [AS] vaddr2 [mode] [password] */
int cmd_link(struct cmdctx *ctx)
{
    const struct dir_user *owner;
    const struct dir_mdisk *m;
    const char *mode = "R", *password = NULL;
    int i = 1, rc;
    u16 from, to;
    bool rw, nopass;

    if (!ctx->user->vm) {
        cmd_printf(ctx, "CPX030E You have no virtual machine");
        return RC_ERROR;
    }
    if (i < ctx->argc && !strcmp(ctx->argv[i], "TO"))
        i++;
    if (ctx->argc - i < 3) {
        cmd_printf(ctx, "CPX003E LINK needs a userid, its device address and yours");
        return RC_OPERAND;
    }
    owner = dir_find(!strcmp(ctx->argv[i], "*") ? ctx->user->userid : ctx->argv[i]);
    if (!owner) {
        cmd_printf(ctx, "CPX109E %s is not in the CP directory", ctx->argv[i]);
        return RC_NOTFOUND;
    }
    if (!vaddr(ctx->argv[i + 1], &from)) {
        cmd_printf(ctx, "CPX004E Invalid device address: %.20s", ctx->raw[i + 1]);
        return RC_OPERAND;
    }
    i += 2;
    if (i < ctx->argc && !strcmp(ctx->argv[i], "AS"))
        i++;
    if (i >= ctx->argc || !vaddr(ctx->argv[i], &to)) {
        cmd_printf(ctx, "CPX004E Invalid device address: %.20s", i < ctx->argc ? ctx->raw[i] : "");
        return RC_OPERAND;
    }
    if (++i < ctx->argc)
        mode = ctx->argv[i++];
    if (i < ctx->argc)
        password = ctx->raw[i++];
    if (i < ctx->argc) {
        cmd_printf(ctx, "CPX004E Too many operands: %.20s", ctx->raw[i]);
        return RC_OPERAND;
    }
    m = dir_find_mdisk(owner, from);
    if (!m) {
        cmd_printf(ctx, "CPX303E %s has no minidisk %03X", owner->userid, from);
        return RC_NOTFOUND;
    }
    nopass = !str_casecmp(owner->userid, ctx->user->userid) ||
             (ctx->user->dir && (ctx->user->dir->options & DIR_OPT_LNKNOPAS));
    rc = mdisk_link(ctx->user->vm, m, to, mode, password, nopass, &rw);
    if (rc != LINK_OK) {
        cmd_printf(ctx, "CPX304E LINK %s %03X refused: %s", owner->userid, from, mdisk_strerror(rc));
        return rc == LINK_EPASSWORD || rc == LINK_EINUSE ? RC_ERROR : RC_OPERAND;
    }
    cmd_printf(ctx, "DASD %03X LINKED %s", to, rw ? "R/W" : "R/O");
    return RC_OK;
}

/* DETACH vaddr */
int cmd_detach(struct cmdctx *ctx)
{
    struct vdev *d;
    u16 a;

    if (ctx->argc != 2 || !vaddr(ctx->argv[1], &a)) {
        cmd_printf(ctx, "CPX003E DETACH needs a virtual device address");
        return RC_OPERAND;
    }
    d = ctx->user->vm ? vdev_find(ctx->user->vm, a) : NULL;
    if (!d) {
        cmd_printf(ctx, "CPX305E Device %03X does not exist", a);
        return RC_NOTFOUND;
    }
    if (d->cls == VDEV_CONSOLE) {
        cmd_printf(ctx, "CPX306E The console cannot be detached");
        return RC_ERROR;
    }
    cmd_printf(ctx, "%s %03X DETACHED", vdev_class_name(d->cls), a);
    vdev_remove(ctx->user->vm, d);
    return RC_OK;
}

struct links_out {
    struct cmdctx *ctx;
    char line[128];
    size_t len;
    unsigned n;
};

static void one_link(const struct mdisk *md, void *arg)
{
    struct links_out *o = arg;
    const char *who = md->vm && md->vm->user ? md->vm->user->userid : "?";

    o->len += (size_t)fmt_snprintf(o->line + o->len, sizeof o->line - o->len, "%s%-8s %03X %s",
                                   o->n % 3 ? ", " : "", who, md->vaddr, md->write ? "R/W" : "R/O");
    if (++o->n % 3 == 0) {
        cmd_printf(o->ctx, "%s", o->line);
        o->len = 0;
    }
}

/* QUERY LINKS vaddr: who has the minidisk you have at vaddr */
int q_links(struct cmdctx *ctx)
{
    struct links_out o = { ctx, "", 0, 0 };
    struct mdisk *md;
    u16 a;

    if (ctx->argc != 3 || !vaddr(ctx->argv[2], &a)) {
        cmd_printf(ctx, "CPX003E QUERY LINKS needs a virtual device address");
        return RC_OPERAND;
    }
    md = ctx->user->vm ? mdisk_of(vdev_find(ctx->user->vm, a)) : NULL;
    if (!md) {
        cmd_printf(ctx, "CPX307E %03X is not a minidisk", a);
        return RC_NOTFOUND;
    }
    cmd_printf(ctx, "%s %03X ON %s CYL %u-%u:", md->owner, md->owner_addr, md->volser,
               md->start_cyl, md->start_cyl + md->cyls - 1);
    mdisk_links(md->owner, md->owner_addr, one_link, &o);
    if (o.len)
        cmd_printf(ctx, "%s", o.line);
    return RC_OK;
}
