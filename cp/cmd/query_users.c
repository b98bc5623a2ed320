/* query_users.c - QUERY NAMES, USERS, USERID, VIRTUAL, SET and QUERY userid. */
#include "cp/cmd/cmd.h"
#include "cp/cmd/query.h"
#include "cp/term/session.h"
#include "cp/vm/user.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/vdev/mdisk.h"
#include "cp/lib/version.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"

static void where(const struct user *u, char *buf, size_t n)
{
    if (u->sess)
        fmt_snprintf(buf, n, "%04X", u->sess->term->devno);
    else
        strlcpy(buf, "DSC ", n);
}

/* QUERY NAMES: every logged-on user and terminal, four to a line */
int q_names(struct cmdctx *ctx)
{
    char line[128];
    size_t len = 0;
    unsigned n = 0;

    line[0] = 0;
    for (struct user *u = users; u; u = u->next) {
        char w[8];
        where(u, w, sizeof w);
        len += (size_t)fmt_snprintf(line + len, sizeof line - len, "%s%-8s - %s",
                                    n % 4 ? ", " : "", u->userid, w);
        if (++n % 4 == 0) {
            cmd_printf(ctx, "%s", line);
            len = 0;
            line[0] = 0;
        }
    }
    if (len)
        cmd_printf(ctx, "%s", line);
    return RC_OK;
}

/* QUERY USERS: how many users, how many disconnected */
int q_users(struct cmdctx *ctx)
{
    unsigned n = 0, dsc = 0;

    for (struct user *u = users; u; u = u->next) {
        n++;
        if (!u->sess)
            dsc++;
    }
    cmd_printf(ctx, "%3u USERS, %3u DSC", n, dsc);
    return RC_OK;
}

int q_userid(struct cmdctx *ctx)
{
    cmd_printf(ctx, "%-8s AT %s", ctx->user->userid, "CP370");
    return RC_OK;
}

/* QUERY VIRTUAL: the virtual machine's storage and devices */
int q_virtual(struct cmdctx *ctx)
{
    struct vm *vm = ctx->user->vm;
    bool cons_only = ctx->argc > 2 && cmd_abbrev(ctx->argv[2], "CONSOLE", 4);

    if (!vm) {
        cmd_printf(ctx, "CPX030E You have no virtual machine");
        return RC_ERROR;
    }
    if (!cons_only)
        cmd_printf(ctx, "STORAGE = %05uK  RESIDENT %u PAGES", (unsigned)(vm->mem.size >> 10),
                   vm->mem.resident);
    for (struct vdev *d = vm->devs; d; d = d->next) {
        if (cons_only && d->cls != VDEV_CONSOLE)
            continue;                   /* QUERY VIRTUAL CONSOLE */
        if (d->cls == VDEV_CONSOLE) {
            char w[8];
            where(ctx->user, w, sizeof w);
            cmd_printf(ctx, "CONS %03X ON DEV %s %04X", d->addr, w, d->type);
        } else if (mdisk_of(d)) {
            struct mdisk *md = mdisk_of(d);
            cmd_printf(ctx, "DASD %03X %04X %-6s %s %03u CYL", d->addr, d->type, md->volser,
                       md->write ? "R/W" : "R/O", md->cyls);
        } else {
            cmd_printf(ctx, "%-4s %03X %04X", vdev_class_name(d->cls), d->addr, d->type);
        }
        q_spool_dev(ctx, d);
    }
    return RC_OK;
}

/* QUERY SET: the user's settings */
int q_set(struct cmdctx *ctx)
{
    const struct user *u = ctx->user;
    const char *emsg = u->emsg == 'O' ? "ON" : u->emsg == 'F' ? "OFF" : u->emsg == 'C' ? "CODE" : "TEXT";

    cmd_printf(ctx, "MSG %s, WNG %s, IMSG %s, EMSG %s, SMSG %s, RUN %s, ASSIST %s",
               u->msg_on ? "ON" : "OFF", u->wng_on ? "ON" : "OFF", u->imsg_on ? "ON" : "OFF", emsg,
               u->smsg_on ? "ON" : "OFF", u->term.run ? "ON" : "OFF", u->assist_on ? "ON" : "OFF");
    return RC_OK;
}

/* QUERY userid: is that user logged on, and where */
int q_one_user(struct cmdctx *ctx, const char *userid)
{
    struct user *u = user_find(userid);
    char w[8];

    if (!u) {
        cmd_printf(ctx, "CPX045E %s not logged on", userid);
        return RC_NOTFOUND;
    }
    where(u, w, sizeof w);
    cmd_printf(ctx, "%-8s - %s", u->userid, w);
    return RC_OK;
}
