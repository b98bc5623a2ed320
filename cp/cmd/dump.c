/* dump.c - DUMP: the virtual machine, formatted, to the virtual printer.
 *
 *   DUMP [[L|T]hexloc1[-hexloc2|:hexloc2|.bytecount|-END]] ... [*dumpid]
 *
 * A printer file of its own (with the printer's SPOOL options: TO,
 * CLASS, COPY, HOLD) holds a heading, the PSW, the general, floating-
 * point and control registers, CAW and CSW, the storage keys and the
 * storage asked for (all of it by default), sixteen bytes a line with
 * EBCDIC text; a run of lines equal to the one before is one line that
 * says so.  The registers come out through DISPLAY's own formatting. */
#include "cp/cmd/cmd.h"
#include "cp/cmd/dsparse.h"
#include "cp/cmd/dumpout.h"
#include "cp/cmd/stgfmt.h"
#include "cp/spool/vur.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/vm/user.h"
#include "cp/vm/vmdebug.h"
#include "cp/kern/timer.h"
#include "cp/mm/gmem.h"
#include "cp/lib/string.h"

#define MAX_RANGES      8
#define CCW_WRITE_SP1   0x09            /* write, space one line */

static void to_file(struct cmdctx *c, const char *line)
{
    dumpout_line(c->out_arg, "%s", line);
}

/* DISPLAY's output for one command line, into the file */
static void display_into(struct cmdctx *ctx, struct dumpout *o, const char *line)
{
    struct cmdctx sub = { .user = ctx->user, .out = to_file, .out_arg = o };
    char words[CMD_MAXLINE * 2 + 4];

    cmd_split(&sub, line, words, sizeof words);
    cmd_display(&sub);
}

/* storage first..last, translated, equal lines folded */
static void storage_into(struct vm *vm, struct dumpout *o, u32 first, u32 last)
{
    u8 prev[16], b[16];
    u32 start = first & ~3u, end = last | 3u, same_from = 0, same = 0;

    for (u32 block = start & ~15u; block <= end && o->rc == SPOOL_OK; block += 16) {
        char line[STG_LINE_MAX];
        unsigned w0 = block < start ? (start - block) / 4 : 0;
        unsigned w1 = end - block < 16 ? (end - block + 1) / 4 : 4;
        bool whole = w0 == 0 && w1 == 4;
        gmem_read(&vm->mem, block, b, 16);
        adstop_unmask(vm, block, b, 16);
        if (whole && block > (start & ~15u) && !memcmp(b, prev, 16) && block + 16 <= end) {
            if (same++ == 0)
                same_from = block;
            continue;
        }
        if (same)
            dumpout_line(o, "%06X TO %06X SUPPRESSED LINE(S) SAME AS ABOVE", same_from,
                         block - 1);
        same = 0;
        stg_line(line, block, b, w0, w1, true);
        dumpout_line(o, "%s", line);
        memcpy(prev, b, 16);
    }
}

static bool printer_attrs(struct cmdctx *ctx, struct vm *vm, struct spool_attrs *a)
{
    struct vdev *d = vur_find_kind(vm, SPOOL_PRT);
    struct vur *v = d ? vur_of(d) : NULL;

    if (!v) {
        cmd_printf(ctx, "CPX081E You have no virtual printer for DUMP");
        return false;
    }
    memset(a, 0, sizeof *a);
    a->type = v->to[0] ? SPOOL_RDR : SPOOL_PRT;
    a->origin_type = SPOOL_PRT;
    a->cls = v->cls && v->cls != '*' ? v->cls : 'A';
    a->copies = v->copies ? v->copies : 1;
    a->flags = v->hold ? SPOOL_HOLD : 0;
    strlcpy(a->origin, ctx->user->userid, sizeof a->origin);
    strlcpy(a->owner, v->to[0] ? v->to : ctx->user->userid, sizeof a->owner);
    strlcpy(a->fname, "CPDUMP", sizeof a->fname);
    strlcpy(a->ftype, ctx->user->userid, sizeof a->ftype);
    return true;
}

/* the ranges of the operands; the dump id after '*' */
static int ranges(struct cmdctx *ctx, struct vm *vm, struct ds_operand *r, const char **id)
{
    int n = 0;

    *id = "";
    for (int i = 1; i < ctx->argc; i++) {
        enum ds_error e;
        if (ctx->argv[i][0] == '*') {
            *id = ctx->rest[i] + 1;
            break;
        }
        e = n == MAX_RANGES ? DS_BAD_OPERAND : ds_parse_display(ctx->argv[i], &r[n]);
        if (e == DS_OK && r[n].what != DS_STORAGE)
            e = DS_BAD_OPERAND;
        if (e != DS_OK) {
            cmd_printf(ctx, "CPX004E Invalid DUMP operand %.20s: %s", ctx->raw[i],
                       e == DS_BAD_OPERAND ? "storage is [L|T]hexloc[-hexloc|.count|-END]"
                                           : ds_error_text(e));
            return -1;
        }
        if (r[n].to_end)
            r[n].last = vm->mem.size - 1;
        if (r[n].first >= vm->mem.size || r[n].last >= vm->mem.size) {
            cmd_printf(ctx, "CPX036E Address %06X is beyond your storage (%uK)",
                       r[n].first >= vm->mem.size ? r[n].first : r[n].last,
                       (unsigned)(vm->mem.size >> 10));
            return -1;
        }
        n++;
    }
    if (n == 0) {
        r[0].what = DS_STORAGE;
        r[0].first = 0;
        r[0].last = vm->mem.size - 1;
        n = 1;
    }
    return n;
}

int cmd_dump(struct cmdctx *ctx)
{
    struct vm *vm = ctx->user->vm;
    struct ds_operand r[MAX_RANGES];
    struct spool_attrs a;
    struct dumpout o;
    struct civil c;
    const char *id;
    int n, rc = SPOOL_OK;

    if (!vm) {
        cmd_printf(ctx, "CPX030E You have no virtual machine");
        return RC_ERROR;
    }
    if ((n = ranges(ctx, vm, r, &id)) < 0)
        return RC_OPERAND;
    if (!printer_attrs(ctx, vm, &a))
        return RC_ERROR;
    if (!vur_spool_ready() || (rc = dumpout_open(&o, &a, CCW_WRITE_SP1, 0)) != SPOOL_OK) {
        cmd_printf(ctx, "CPX082E DUMP failed: %s", vur_spool_ready() ?
                   spool_strerror(rc) : "spooling is not started");
        return RC_ERROR;
    }
    tod_to_civil(tod_now(), &c);
    dumpout_line(&o, "CP370 DUMP OF %-8s %02d:%02d:%02d UTC %02d/%02d/%02d  %.60s",
                 ctx->user->userid, c.hour, c.min, c.sec, c.month, c.day, c.year % 100, id);
    dumpout_line(&o, "%s", "");
    display_into(ctx, &o, "DISPLAY PSW CAW CSW G Y X");
    dumpout_line(&o, "%s", "");
    dumpout_line(&o, "STORAGE KEYS");
    display_into(ctx, &o, "DISPLAY K");
    for (int i = 0; i < n; i++) {
        dumpout_line(&o, "%s", "");
        dumpout_line(&o, "STORAGE %06X-%06X", r[i].first, r[i].last);
        storage_into(vm, &o, r[i].first, r[i].last);
    }
    dumpout_line(&o, "%s", "");
    dumpout_line(&o, "END OF DUMP");
    if ((rc = dumpout_close(&o, ctx->user, "PRT")) < 0) {
        cmd_printf(ctx, "CPX082E DUMP failed: %s", spool_strerror(rc));
        return RC_ERROR;
    }
    return RC_OK;
}
