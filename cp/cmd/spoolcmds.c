/* spoolcmds.c - SPOOL and CLOSE: the options of the virtual reader,
 * punch and printer, and closing their files (cp/spool/vur.h). */
#include "cp/cmd/spoolcmd.h"
#include "cp/cmd/cmdutil.h"
#include "cp/spool/vur.h"
#include "cp/dir/directory.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/vm/user.h"
#include "cp/lib/string.h"

u8 spool_queue_word(const char *w)
{
    if (cmd_abbrev(w, "READER", 1) || !strcmp(w, "RDR"))
        return SPOOL_RDR;
    if (cmd_abbrev(w, "PRINTER", 2) || !strcmp(w, "PRT"))
        return SPOOL_PRT;
    if (cmd_abbrev(w, "PUNCH", 2) || !strcmp(w, "PUN"))
        return SPOOL_PUN;
    return 0;
}

bool spool_id_operand(const char *w, u16 *spid)
{
    u32 n;

    if (!parse_dec(w, &n) || n < 1 || n > SPOOL_MAX_ID)
        return false;
    *spid = (u16)n;
    return true;
}

bool spool_operator(const struct cmdctx *ctx)
{
    return (ctx->user->classes & (CLASS_BIT('A') | CLASS_BIT('D'))) != 0;
}

struct vdev *spool_device_operand(struct cmdctx *ctx, const char *word, const char *cmd)
{
    struct vm *vm = ctx->user->vm;
    u8 kind = spool_queue_word(word);
    struct vdev *d = NULL;
    u32 addr;

    if (!vm) {
        cmd_printf(ctx, "CPX030E You have no virtual machine");
        return NULL;
    }
    if (kind)
        d = vur_find_kind(vm, kind);
    else if (parse_hex(word, &addr) && addr <= 0xFFFF)
        d = vdev_find(vm, (u16)addr);
    else {
        cmd_printf(ctx, "CPX004E %s: invalid device: %.20s", cmd, word);
        return NULL;
    }
    if (!vur_of(d)) {
        cmd_printf(ctx, "CPX430E %s: you have no spool device %.20s", cmd, word);
        return NULL;
    }
    return d;
}

static bool class_ok(char c, bool star)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (star && c == '*');
}

/* FORM name | DIST code: 1 to 8 characters, or OFF for none */
static int name_option(struct cmdctx *ctx, struct vur *v, const char *w, const char *val)
{
    char *dst = w[0] == 'F' ? v->form : v->dist;

    if (!val || strlen(val) > 8 || strchr(val, ' ')) {
        cmd_printf(ctx, "CPX433E SPOOL: %s needs a name of 1 to 8 characters or OFF", w);
        return -1;
    }
    if (!strcmp(val, "OFF"))
        dst[0] = 0;
    else
        strlcpy(dst, val, 9);
    return 2;
}

/* apply one option word (and its value) to a copy of the settings; the
 * device changes only when every option was good */
static int spool_option(struct cmdctx *ctx, struct vur *v, int i)
{
    const char *w = ctx->argv[i], *val = i + 1 < ctx->argc ? ctx->argv[i + 1] : NULL;
    u32 n;

    if (!strcmp(w, "CONT")) { v->cont = true; return 1; }
    if (!strcmp(w, "NOCONT")) { v->cont = false; return 1; }
    if (!strcmp(w, "HOLD")) { v->hold = true; return 1; }
    if (!strcmp(w, "NOHOLD")) { v->hold = false; return 1; }
    if (cmd_abbrev(w, "CLASS", 2)) {
        if (!val || strlen(val) != 1 || !class_ok(val[0], v->kind == SPOOL_RDR)) {
            cmd_printf(ctx, "CPX431E SPOOL: CLASS needs one letter or digit%s",
                       v->kind == SPOOL_RDR ? " or *" : "");
            return -1;
        }
        v->cls = val[0];
        return 2;
    }
    if (cmd_abbrev(w, "COPY", 3) && v->kind != SPOOL_RDR) {
        if (!val || !parse_dec(val, &n) || n < 1 || n > SPOOL_MAX_COPIES) {
            cmd_printf(ctx, "CPX432E SPOOL: COPY needs a number from 1 to %d", SPOOL_MAX_COPIES);
            return -1;
        }
        v->copies = (u8)n;
        return 2;
    }
    if (!strcmp(w, "TO") && v->kind != SPOOL_RDR) {
        if (!val) {
            cmd_printf(ctx, "CPX003E SPOOL: TO needs a userid, * or OFF");
            return -1;
        }
        if (!strcmp(val, "OFF") || !strcmp(val, "*"))
            v->to[0] = 0;
        else if (!dir_find(val)) {
            cmd_printf(ctx, "CPX109E %s is not in the CP directory", val);
            return -1;
        } else
            strlcpy(v->to, val, sizeof v->to);
        return 2;
    }
    if ((!strcmp(w, "FORM") || !strcmp(w, "DIST")) && v->kind != SPOOL_RDR)
        return name_option(ctx, v, w, val);
    cmd_printf(ctx, "CPX004E SPOOL: invalid option for %s: %.20s", vur_kind_name(v->kind),
               ctx->raw[i]);
    return -1;
}

/* SPOOL vaddr|READER|PRINTER|PUNCH [TO userid|*|OFF] [CLASS c] [COPY n]
 *       [CONT|NOCONT] [HOLD|NOHOLD] [FORM name] [DIST code] [CLOSE] */
int cmd_spool(struct cmdctx *ctx)
{
    struct vdev *d;
    struct vur *v, nv;
    bool close = false, was_cont;

    if (ctx->argc < 2) {
        cmd_printf(ctx, "CPX003E SPOOL needs a device: READER, PRINTER, PUNCH or an address");
        return RC_OPERAND;
    }
    if (cmd_abbrev(ctx->argv[1], "CONSOLE", 4))
        return cmd_spool_console(ctx);
    if (!(d = spool_device_operand(ctx, ctx->argv[1], "SPOOL")))
        return RC_OPERAND;
    v = vur_of(d);
    nv = *v;
    for (int i = 2; i < ctx->argc; ) {
        int used;
        if (cmd_abbrev(ctx->argv[i], "CLOSE", 2)) {
            close = true;
            i++;
            continue;
        }
        if ((used = spool_option(ctx, &nv, i)) < 0)
            return RC_OPERAND;
        i += used;
    }
    vur_wait_idle(d);                   /* not while the guest's I/O is in the store */
    was_cont = v->cont;
    strlcpy(v->to, nv.to, sizeof v->to);
    v->cls = nv.cls;
    v->copies = nv.copies;
    v->hold = nv.hold;
    v->cont = nv.cont;
    strlcpy(v->form, nv.form, sizeof v->form);
    strlcpy(v->dist, nv.dist, sizeof v->dist);
    /* NOCONT ends a continuous output file, as CLOSE would have */
    if (close || (was_cont && !v->cont && v->kind != SPOOL_RDR))
        vur_close_output(d, false);
    return RC_OK;
}

/* Stop reading the reader's file: it was read (purged, or kept held
 * with SPOOL RDR HOLD), or HOLD keeps it, held, for later. */
static void close_reader(struct vdev *d, bool purge, bool hold)
{
    struct vur *v = vur_of(d);
    struct spool_changes c;
    u16 spid = v->in_spid;
    struct spool_attrs a;

    if (!hold) {
        vur_close_input(d, true);
        if (purge && spid && spool_query(spid, &a) == SPOOL_OK)
            spool_purge(spid);          /* PURGE whatever SPOOL RDR HOLD says */
        return;
    }
    vur_close_input(d, false);
    if (spid) {
        memset(&c, 0, sizeof c);
        c.what = SPC_FLAGS;
        c.flags = SPOOL_HOLD;
        spool_change(spid, &c);
    }
}

/* CLOSE vaddr|READER|PRINTER|PUNCH [PURGE|HOLD] */
int cmd_close(struct cmdctx *ctx)
{
    struct vdev *d;
    struct vur *v;
    bool purge = false, hold = false;

    if (ctx->argc < 2) {
        cmd_printf(ctx, "CPX003E CLOSE needs a device: READER, PRINTER, PUNCH or an address");
        return RC_OPERAND;
    }
    if (cmd_abbrev(ctx->argv[1], "CONSOLE", 4))
        return cmd_close_console(ctx);
    if (!(d = spool_device_operand(ctx, ctx->argv[1], "CLOSE")))
        return RC_OPERAND;
    v = vur_of(d);
    for (int i = 2; i < ctx->argc; i++) {
        if (!strcmp(ctx->argv[i], "PURGE"))
            purge = true;
        else if (!strcmp(ctx->argv[i], "HOLD") && v->kind == SPOOL_RDR)
            hold = true;
        else {
            cmd_printf(ctx, "CPX004E CLOSE: invalid option: %.20s", ctx->raw[i]);
            return RC_OPERAND;
        }
    }
    if (purge && hold) {
        cmd_printf(ctx, "CPX004E CLOSE: PURGE and HOLD conflict");
        return RC_OPERAND;
    }
    vur_wait_idle(d);                   /* not while the guest's I/O is in the store */
    if (v->kind == SPOOL_RDR)
        close_reader(d, purge, hold);
    else if (v->cont && !purge)
        return RC_OK;               /* continuous: the file stays open */
    else
        vur_close_output(d, purge);
    return RC_OK;
}
