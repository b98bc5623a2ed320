/* indicate.c - INDICATE: how real storage and the paging space are used.
 *
 *   INDICATE LOAD            real frames by use, paging counts, CP's cost
 *                            per fault, the paging space (everyone)
 *   INDICATE USER [userid]   one user's frames, shared pages, page slots
 *                            and paging counts (another user: A, B, C, E)
 *   INDICATE PAGING          every paging area and every user's share of
 *                            storage and slots (A, B, C, E)
 *   INDICATE RESPONSE [ALL] [RESET]   response times (indresp.c) */
#include "cp/cmd/cmd.h"
#include "cp/cmd/indresp.h"
#include "cp/vm/user.h"
#include "cp/vm/vm.h"
#include "cp/vm/shadow.h"
#include "cp/mm/frame.h"
#include "cp/mm/pager.h"
#include "cp/mm/pageslot.h"
#include "cp/io/sysres.h"
#include "cp/mm/storage.h"
#include "cp/io/dasd.h"
#include "cp/lib/string.h"
#include "cp/lib/format.h"
#include "cp/vm/acct.h"

#define OPS (CLASS_BIT('A') | CLASS_BIT('B') | CLASS_BIT('C') | CLASS_BIT('E'))

static u32 percent(u32 part, u32 whole)
{
    return whole ? (u32)((u64)part * 100 / whole) : 0;
}

static u32 shared_frames(void)
{
    u32 n = 0;

    for (u32 i = 0; i < frame_count_total(); i++) {
        struct frame *f = frame_of(frame_first() + i * PAGE_SIZE);
        if (f && (f->flags & FRAME_SHARED))
            n++;
    }
    return n;
}

static u32 average(u64 total, u32 n)
{
    return n ? (u32)(total / n) : 0;
}

static int ind_load(struct cmdctx *ctx)
{
    u32 total = frame_count_total(), freef = frame_count_free(), user = 0, shr = shared_frames();
    unsigned nusers = 0;
    const struct pager_stats *s = &pager_stats;
    const struct shadow_stats *sh = &shadow_stats;

    for (struct user *u = users; u; u = u->next) {
        nusers++;
        if (u->vm)
            user += u->vm->mem.resident;
    }
    cmd_printf(ctx, "STORAGE %uK: FRAMES %u, USERS %u, SHARED %u, CP %u, FREE %u",
               (unsigned)(real_storage_size() >> 10), (unsigned)total, (unsigned)user,
               (unsigned)shr, (unsigned)(total - freef - user - shr), (unsigned)freef);
    cmd_printf(ctx, "PAGING: FAULTS %u, PAGE-INS %u, PAGE-OUTS %u, STEALS %u, NO FRAME %u, ERRORS %u",
               (unsigned)s->faults, (unsigned)s->pageins, (unsigned)s->pageouts,
               (unsigned)s->steals, (unsigned)s->no_frame, (unsigned)s->io_errors);
    cmd_printf(ctx, "CP INSTRUCTIONS PER FAULT: PAGE-IN %u, FIRST TOUCH %u",
               (unsigned)average(s->insns_pagein, s->timed_pagein),
               (unsigned)average(s->insns_zero, s->timed_zero));
    cmd_printf(ctx, "SHADOW TABLES: FILLS %u, REFLECTED %u, CR1 SWITCHES %u, BUILDS %u, PURGES %u, "
               "DROPPED %u", (unsigned)sh->fills, (unsigned)sh->reflected, (unsigned)sh->switches,
               (unsigned)sh->builds, (unsigned)sh->purges, (unsigned)sh->dropped);
    cmd_printf(ctx, "CP INSTRUCTIONS PER SHADOW EVENT: FILL %u, REFLECTED FAULT %u, CR1 SWITCH %u",
               (unsigned)average(sh->insns_fill, sh->fills),
               (unsigned)average(sh->insns_reflect, sh->reflected),
               (unsigned)average(sh->insns_switch, sh->timed_switch));
    cmd_printf(ctx, "PARAVIRTUAL TABLES: BATCHES %u, ENTRIES %u, MAPPED %u, CP INSTRUCTIONS PER BATCH %u",
               (unsigned)sh->pv_batches, (unsigned)sh->pv_entries, (unsigned)sh->pv_mapped,
               (unsigned)average(sh->insns_pv, sh->pv_batches));
    cmd_printf(ctx, "PAGE SLOTS %u, IN USE %u (%u%%), BAD %u", (unsigned)slots_total(),
               (unsigned)slots_used(), (unsigned)percent(slots_used(), slots_total()),
               (unsigned)slots_bad());
    cmd_printf(ctx, "USERS %u", nusers);
    return RC_OK;
}

/* seconds and microseconds */
static const char *usec(char *buf, u64 us)
{
    fmt_snprintf(buf, 24, "%u.%06u", (unsigned)(us / 1000000), (unsigned)(us % 1000000));
    return buf;
}

static void user_line(struct cmdctx *ctx, struct user *u)
{
    const struct gspace *gs = &u->vm->mem;
    char v[24], t[24];

    cmd_printf(ctx, "USERID=%-8s STOR=%05uK PAGES: RES=%04u SHR=%04u SLOTS=%04u", u->userid,
               (unsigned)(gs->size >> 10), (unsigned)gs->resident, (unsigned)gs->shared,
               (unsigned)gs->slots);
    cmd_printf(ctx, "PAGE-INS=%06u PAGE-OUTS=%06u FAULTS=%06u PSEUDO-FAULTS=%06u",
               (unsigned)gs->pageins, (unsigned)gs->pageouts, (unsigned)gs->faults,
               (unsigned)u->vm->pf_count);
    /* VM/370's VTIME and TTIME, to the microsecond: QUERY TIME's
     * hundredths are too coarse to give the T/V ratio of a short job */
    cmd_printf(ctx, "VTIME=%s TTIME=%s EXITS=%010u ASSISTED=%010u", usec(v, acct_virt_usec(u)),
               usec(t, acct_total_usec(u)), (unsigned)u->vm->exits, (unsigned)u->vm->assisted);
    /* the same two in Hercules instructions: what the times would be on
     * a machine with nothing else to run (docs/performance.md) */
    cmd_printf(ctx, "VINST=%llu TINST=%llu FAST=%010u", (unsigned long long)u->virt_insns,
               (unsigned long long)acct_total_insns(u), (unsigned)u->vm->fast);
}

static int ind_user(struct cmdctx *ctx)
{
    struct user *u = ctx->user;

    if (ctx->argc > 3) {
        cmd_printf(ctx, "CPX003E INDICATE USER takes at most a userid");
        return RC_OPERAND;
    }
    if (ctx->argc == 3 && str_casecmp(ctx->argv[2], u->userid)) {
        if (!(u->classes & OPS)) {
            cmd_printf(ctx, "CPX002E INDICATE USER for another user is not authorized for your privilege class");
            return RC_CLASS;
        }
        u = user_find(ctx->argv[2]);
        if (!u) {
            cmd_printf(ctx, "CPX045E %.8s not logged on", ctx->argv[2]);
            return RC_NOTFOUND;
        }
    }
    if (!u->vm) {
        cmd_printf(ctx, "CPX030E %s has no virtual machine", u->userid);
        return RC_ERROR;
    }
    user_line(ctx, u);
    return RC_OK;
}

static int ind_paging(struct cmdctx *ctx)
{
    const void *area;
    u32 count, used;

    for (unsigned n = 0; slots_extent(n, &area, &count, &used); n++) {
        const struct cp_area *a = area;
        cmd_printf(ctx, "PAGING AREA %04X %-6s CYL %03u-%03u SLOTS %u, IN USE %u", a->dev->devno,
                   dasd_of(a->dev)->volser, a->cyl0, a->cyl1, (unsigned)count, (unsigned)used);
    }
    cmd_printf(ctx, "PAGE SLOTS %u, IN USE %u (%u%%), BAD %u", (unsigned)slots_total(),
               (unsigned)slots_used(), (unsigned)percent(slots_used(), slots_total()),
               (unsigned)slots_bad());
    cmd_printf(ctx, "USERID    RES  SHR SLOTS PAGE-INS PAGE-OUTS");
    for (struct user *u = users; u; u = u->next) {
        const struct gspace *gs;
        if (!u->vm)
            continue;
        gs = &u->vm->mem;
        cmd_printf(ctx, "%-8s %4u %4u %5u %8u %9u", u->userid, (unsigned)gs->resident,
                   (unsigned)gs->shared, (unsigned)gs->slots, (unsigned)gs->pageins,
                   (unsigned)gs->pageouts);
    }
    return RC_OK;
}

static const struct {
    const char *name;
    u8 minlen;
    u32 classes;
    int (*fn)(struct cmdctx *ctx);
} indicate_table[] = {
    { "LOAD",   1, CLASS_ANY, ind_load },
    { "USER",   1, CLASS_ANY, ind_user },
    { "PAGING", 1, OPS,       ind_paging },
    { "RESPONSE", 1, CLASS_ANY, ind_response },
};

int cmd_indicate(struct cmdctx *ctx)
{
    if (ctx->argc < 2)
        return ind_load(ctx);                   /* as VM/370: LOAD by default */
    for (unsigned i = 0; i < ARRAY_SIZE(indicate_table); i++) {
        if (!cmd_abbrev(ctx->argv[1], indicate_table[i].name, indicate_table[i].minlen))
            continue;
        if (!(ctx->user->classes & indicate_table[i].classes)) {
            cmd_printf(ctx, "CPX002E INDICATE %s is not authorized for your privilege class",
                       indicate_table[i].name);
            return RC_CLASS;
        }
        if (indicate_table[i].fn != ind_user && indicate_table[i].fn != ind_response &&
            ctx->argc > 2) {
            cmd_printf(ctx, "CPX003E INDICATE %s takes no more operands", indicate_table[i].name);
            return RC_OPERAND;
        }
        return indicate_table[i].fn(ctx);
    }
    cmd_printf(ctx, "CPX004E Unknown INDICATE operand: %.20s", ctx->raw[1]);
    return RC_OPERAND;
}
