/* query.c - QUERY: system and user information.
 *
 * Subcommands in one table like the command table; each prints VM/370-
 * style response lines. */
#include "cp/cmd/cmd.h"
#include "cp/cmd/query.h"
#include "cp/vm/user.h"
#include "cp/kern/timer.h"
#include "cp/vm/acct.h"
#include "cp/io/dasd.h"
#include "cp/io/sense.h"
#include "cp/io/term.h"
#include "cp/term/session.h"
#include "cp/mm/frame.h"
#include "cp/kern/freestor.h"
#include "cp/io/sysres.h"
#include "cp/mm/storage.h"
#include "cp/lib/version.h"
#include "cp/lib/string.h"
#include "cp/lib/format.h"

static const char *const day_names[7] = {
    "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"
};

static void fmt_cpu(char *buf, size_t n, u64 usec)
{
    u64 hund = usec / 10000;
    fmt_snprintf(buf, n, "%03u:%02u.%02u", (unsigned)(hund / 6000),
                 (unsigned)(hund / 100 % 60), (unsigned)(hund % 100));
}

static int q_time(struct cmdctx *ctx)
{
    struct civil c;
    u64 now = tod_now();
    u64 conn = (now - ctx->user->logon_tod) / TOD_SEC;
    char v[16], t[16];

    tod_to_civil(now, &c);
    cmd_printf(ctx, "TIME IS %02d:%02d:%02d UTC %s %02d/%02d/%02d",
               c.hour, c.min, c.sec, day_names[c.wday], c.month, c.day, c.year % 100);
    fmt_cpu(v, sizeof v, acct_virt_usec(ctx->user));
    fmt_cpu(t, sizeof t, acct_total_usec(ctx->user));
    cmd_printf(ctx, "CONNECT= %02u:%02u:%02u VIRTCPU= %s TOTCPU= %s",
               (unsigned)(conn / 3600), (unsigned)(conn / 60 % 60), (unsigned)(conn % 60), v, t);
    return RC_OK;
}

static int q_dasd(struct cmdctx *ctx)
{
    unsigned n = 0;
    char type[8];

    for (unsigned i = 0; i < nrdevs; i++) {
        struct rdev *d = &rdevs[i];
        struct dasd *dd = dasd_of(d);
        if (!dd)
            continue;
        cmd_printf(ctx, "DASD %04X %s %-6s %s%s", d->devno, rdev_type_name(d, type, sizeof type),
                   dd->labelled ? dd->volser : "(none)",
                   dd->cp_owned ? "CP-OWNED" : "",
                   sysres_dev() == d ? " SYSRES" : "");
        n++;
    }
    if (!n)
        cmd_printf(ctx, "CPX020I No DASD devices");
    return RC_OK;
}

static int q_terminals(struct cmdctx *ctx)
{
    for (unsigned i = 0; i < term_count(); i++) {
        struct term *t = term_at(i);
        struct session *s = t->session;
        const char *who = s && s->user ? s->user->userid : "-";
        cmd_printf(ctx, "TERM %04X %s %-12s %-8s", t->devno, term_model_name(t),
                   t->connected ? "CONNECTED" : "NOT CONNECTED", who);
    }
    return RC_OK;
}

static int q_cplevel(struct cmdctx *ctx)
{
    cmd_printf(ctx, "%s", CP_LEVEL);
    return RC_OK;
}

static int q_storage(struct cmdctx *ctx)
{
    struct freestor_stats st;

    freestor_stats(&st);
    cmd_printf(ctx, "STORAGE = %uK, FRAMES %u, FREE %u", (unsigned)(real_storage_size() >> 10),
               frame_count_total(), frame_count_free());
    cmd_printf(ctx, "FREE STORAGE %uK, IN USE %uK, HIGH %uK, BLOCKS %u",
               (unsigned)(st.total >> 10), (unsigned)(st.in_use >> 10),
               (unsigned)(st.high_water >> 10), st.blocks);
    return RC_OK;
}

struct subcmd {
    const char *name;
    u8 minlen;
    u32 classes;
    int (*fn)(struct cmdctx *ctx);
};

#define OPS (CLASS_BIT('A') | CLASS_BIT('B') | CLASS_BIT('C') | CLASS_BIT('E'))

static const struct subcmd query_table[] = {
    { "TIME",      4, CLASS_ANY,        q_time },
    { "NAMES",     1, CLASS_ANY,        q_names },
    { "USERS",     1, CLASS_ANY,        q_users },
    { "USERID",    6, CLASS_ANY,        q_userid },
    { "VIRTUAL",   1, CLASS_ANY,        q_virtual },
    { "SET",       3, CLASS_ANY,        q_set },
    { "LINKS",     4, CLASS_ANY,        q_links },
    { "DASD",      4, OPS,              q_dasd },
    { "TERMINALS", 9, OPS,              q_terminals },
    { "TERMINAL",  4, CLASS_ANY,        cmd_query_terminal },
    { "CPLEVEL",   5, CLASS_ANY,        q_cplevel },
    { "STORAGE",   3, CLASS_ANY,        q_storage },
    { "NSS",       3, CLASS_ANY,        q_nss },
    { "READER",    1, CLASS_ANY,        q_reader },
    { "RDR",       3, CLASS_ANY,        q_reader },
    { "PRINTER",   2, CLASS_ANY,        q_printer },
    { "PRT",       3, CLASS_ANY,        q_printer },
    { "PUNCH",     2, CLASS_ANY,        q_punch },
    { "PUN",       3, CLASS_ANY,        q_punch },
    { "FILES",     1, CLASS_ANY,        q_files },
    { "UR",        2, OPS | CLASS_BIT('D'), q_unitrec },
};

int cmd_query(struct cmdctx *ctx)
{
    if (ctx->argc < 2) {
        cmd_printf(ctx, "CPX003E QUERY needs an operand, e.g. QUERY TIME");
        return RC_OPERAND;
    }
    if (!strcmp(ctx->argv[1], "PF") || cmd_is_pf(ctx->argv[1]))
        return cmd_query_pf(ctx);
    for (unsigned i = 0; i < ARRAY_SIZE(query_table); i++) {
        const struct subcmd *q = &query_table[i];
        if (cmd_abbrev(ctx->argv[1], q->name, q->minlen)) {
            if (!(ctx->user->classes & q->classes)) {
                cmd_printf(ctx, "CPX002E QUERY %s is not authorized for your privilege class", q->name);
                return RC_CLASS;
            }
            return q->fn(ctx);
        }
    }
    if (strlen(ctx->argv[1]) <= 8 && ctx->argc == 2)
        return q_one_user(ctx, ctx->argv[1]);       /* QUERY userid */
    cmd_printf(ctx, "CPX004E Unknown QUERY operand: %.20s", ctx->raw[1]);
    return RC_OPERAND;
}
