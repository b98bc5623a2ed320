/* vmdump.c - VMDUMP: the whole virtual machine into a reader, as cards.
 *
 *   VMDUMP [[L]hexloc1[-hexloc2|:hexloc2|.bytecount|-END]] [TO userid|*] [*dumpid]
 *
 * The file goes to your reader (or userid's), class V, named VMDUMP
 * FILE.  Its records are 80-column cards of printable text, so the file
 * survives any way out of the system -- read by a guest, punched or
 * printed on a real device -- and assembler-tools/vmdumpfmt formats it
 * on the host.  The layout is docs/vmdump-format.md:
 *
 *   VMDUMP CP370 1 userid storage-size mm/dd/yy hh:mm:ss dumpid
 *   PSW, TIMERS, GPR, FPR, CR cards; KEY cards (the key of every 2K
 *   block); STG cards (32 bytes each, only those not all zero); END.
 */
#include "cp/cmd/cmd.h"
#include "cp/cmd/dsparse.h"
#include "cp/cmd/dumpout.h"
#include "cp/spool/vur.h"
#include "cp/vm/vm.h"
#include "cp/vm/user.h"
#include "cp/vm/vmdebug.h"
#include "cp/kern/timer.h"
#include "cp/dir/directory.h"
#include "cp/mm/gmem.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"

#define CARD            80
#define CCW_PUNCH       0x01
#define STG_PER_CARD    32u
#define KEYS_PER_CARD   32u
#define KEY_BLOCK       2048u

/* "TAG nn w w w ...": words of 8 hex digits after a tag and a number */
static void word_cards(struct dumpout *o, const char *tag, const u32 *w, unsigned n)
{
    for (unsigned i = 0; i < n; i += 8) {
        char line[CARD + 1];
        int k = fmt_snprintf(line, sizeof line, "%s %02u", tag, i);
        for (unsigned j = i; j < n && j < i + 8; j++)
            k += fmt_snprintf(line + k, sizeof line - (size_t)k, " %08X", w[j]);
        dumpout_line(o, "%s", line);
    }
}

static void key_cards(struct dumpout *o, struct vm *vm, u32 first, u32 last)
{
    for (u32 a = first & ~(KEY_BLOCK * KEYS_PER_CARD - 1); a <= last;
         a += KEY_BLOCK * KEYS_PER_CARD) {
        char line[CARD + 1];
        int k = fmt_snprintf(line, sizeof line, "KEY %06X ", a);
        for (u32 b = a; b < a + KEY_BLOCK * KEYS_PER_CARD && b < vm->mem.size; b += KEY_BLOCK)
            k += fmt_snprintf(line + k, sizeof line - (size_t)k, "%02X",
                              gspace_get_key(&vm->mem, b) & 0xFE);
        dumpout_line(o, "%s", line);
    }
}

/* the storage cards; returns how many */
static u32 storage_cards(struct dumpout *o, struct vm *vm, u32 first, u32 last)
{
    static const u8 zero[STG_PER_CARD];
    u32 n = 0;

    for (u32 a = first & ~(STG_PER_CARD - 1); a <= last && o->rc == SPOOL_OK; a += STG_PER_CARD) {
        u8 b[STG_PER_CARD];
        char line[CARD + 1];
        int k;
        gmem_read(&vm->mem, a, b, STG_PER_CARD);
        adstop_unmask(vm, a, b, STG_PER_CARD);
        if (!memcmp(b, zero, sizeof b))
            continue;
        k = fmt_snprintf(line, sizeof line, "STG %06X ", a);
        for (u32 i = 0; i < STG_PER_CARD; i++)
            k += fmt_snprintf(line + k, sizeof line - (size_t)k, "%02X", b[i]);
        dumpout_line(o, "%s", line);
        n++;
    }
    return n;
}

/* operands: a range, TO userid, *dumpid */
static bool operands(struct cmdctx *ctx, struct vm *vm, struct ds_operand *r, char *to,
                     const char **id)
{
    r->what = DS_STORAGE;
    r->first = 0;
    r->last = vm->mem.size - 1;
    *id = "";
    strlcpy(to, ctx->user->userid, 9);
    for (int i = 1; i < ctx->argc; i++) {
        enum ds_error e;
        if (ctx->argv[i][0] == '*') {
            *id = ctx->rest[i] + 1;
            return true;
        }
        if (!strcmp(ctx->argv[i], "TO") && i + 1 < ctx->argc) {
            i++;
            if (strcmp(ctx->argv[i], "*") && (strlen(ctx->argv[i]) > 8 || !dir_find(ctx->argv[i]))) {
                cmd_printf(ctx, "CPX109E %.8s is not in the CP directory", ctx->argv[i]);
                return false;
            }
            if (strcmp(ctx->argv[i], "*"))
                strlcpy(to, ctx->argv[i], 9);
            continue;
        }
        e = i == 1 ? ds_parse_display(ctx->argv[i], r) : DS_BAD_OPERAND;
        if (e == DS_OK && (r->what != DS_STORAGE || r->translate))
            e = DS_BAD_OPERAND;
        if (e != DS_OK) {
            cmd_printf(ctx, "CPX004E Invalid VMDUMP operand %.20s: %s", ctx->raw[i],
                       e == DS_BAD_OPERAND ? "VMDUMP [range] [TO userid] [*dumpid]"
                                           : ds_error_text(e));
            return false;
        }
        if (r->to_end)
            r->last = vm->mem.size - 1;
        if (r->first >= vm->mem.size || r->last >= vm->mem.size) {
            cmd_printf(ctx, "CPX036E Address %06X is beyond your storage (%uK)",
                       r->first >= vm->mem.size ? r->first : r->last,
                       (unsigned)(vm->mem.size >> 10));
            return false;
        }
    }
    return true;
}

int cmd_vmdump(struct cmdctx *ctx)
{
    struct vm *vm = ctx->user->vm;
    struct ds_operand r;
    struct spool_attrs a;
    struct dumpout o;
    struct civil c;
    const char *id;
    char to[9];
    u32 fw[8];
    int rc;

    if (!vm) {
        cmd_printf(ctx, "CPX030E You have no virtual machine");
        return RC_ERROR;
    }
    if (!operands(ctx, vm, &r, to, &id))
        return RC_OPERAND;
    memset(&a, 0, sizeof a);
    a.type = SPOOL_RDR;
    a.origin_type = SPOOL_PUN;
    a.cls = 'V';
    a.copies = 1;
    strlcpy(a.origin, ctx->user->userid, sizeof a.origin);
    strlcpy(a.owner, to, sizeof a.owner);
    strlcpy(a.fname, "VMDUMP", sizeof a.fname);
    strlcpy(a.ftype, "FILE", sizeof a.ftype);
    if (!vur_spool_ready()) {
        cmd_printf(ctx, "CPX082E VMDUMP failed: spooling is not started");
        return RC_ERROR;
    }
    if ((rc = dumpout_open(&o, &a, CCW_PUNCH, CARD)) != SPOOL_OK) {
        cmd_printf(ctx, "CPX082E VMDUMP failed: %s", spool_strerror(rc));
        return RC_ERROR;
    }
    tod_to_civil(tod_now(), &c);
    dumpout_line(&o, "VMDUMP CP370 1 %-8s %08X %02d/%02d/%02d %02d:%02d:%02d %.24s",
                 ctx->user->userid, vm->mem.size, c.month, c.day, c.year % 100,
                 c.hour, c.min, c.sec, id);
    dumpout_line(&o, "PSW %08X %08X", (u32)(vm->cpu.psw >> 32), (u32)vm->cpu.psw);
    dumpout_line(&o, "TIMERS %016llX %016llX", (unsigned long long)vm->cpu.cpu_timer,
                 (unsigned long long)vm->cpu.clock_comparator);
    word_cards(&o, "GPR", vm->cpu.ctx.gpr, 16);
    for (unsigned i = 0; i < 4; i++) {
        fw[2 * i] = (u32)(vm->cpu.ctx.fpr[i] >> 32);
        fw[2 * i + 1] = (u32)vm->cpu.ctx.fpr[i];
    }
    word_cards(&o, "FPR", fw, 8);
    word_cards(&o, "CR", vm->cpu.cr, 16);
    key_cards(&o, vm, r.first, r.last);
    dumpout_line(&o, "END %06u", (unsigned)storage_cards(&o, vm, r.first, r.last));
    if ((rc = dumpout_close(&o, ctx->user, "VMDUMP")) < 0) {
        cmd_printf(ctx, "CPX082E VMDUMP failed: %s", spool_strerror(rc));
        return RC_ERROR;
    }
    return RC_OK;
}
