/* trace.c - TRACE: watch the virtual machine's interruptions and the
 * instructions CP simulates for it (cp/vm/trace.c writes the lines).
 *
 *   TRace class... [TERMinal|PRINTer|BOTH|OFF] [RUN|NORUN]
 *   TRace END
 *
 * classes: SVC, PROGram, EXTernal, I/O (IO), SIO, CCW, PRIVileged, CSW,
 * BRanch, INSTruct, ALL (all but BRANCH and INSTRUCT, which give a line
 * per branch or per instruction).  A TRACE command sets where every traced line goes (TERMINAL if
 * not said) and whether the machine stops after each (NORUN if not said,
 * as in VM/370); OFF ends the classes named.  TRACE alone shows what is
 * traced. */
#include "cp/cmd/cmd.h"
#include "cp/cmd/debugout.h"
#include "cp/vm/vmdebug.h"
#include "cp/vm/vdev.h"
#include "cp/vm/user.h"
#include "cp/spool/vur.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"

#define TRACE_ALL   (TRACE_SVC | TRACE_PROGRAM | TRACE_EXTERNAL | TRACE_IO | TRACE_SIO | \
                     TRACE_CCW | TRACE_PRIV | TRACE_CSW)

/* VM/370's names and abbreviations, in the order TRACE alone lists them */
static const struct {
    const char *name;
    u8 minlen;
    u32 bits;
} classes[] = {
    { "SVC",        3, TRACE_SVC },
    { "PROGRAM",    4, TRACE_PROGRAM },
    { "EXTERNAL",   3, TRACE_EXTERNAL },
    { "I/O",        3, TRACE_IO },
    { "IO",         2, TRACE_IO },
    { "SIO",        3, TRACE_SIO },
    { "CCW",        3, TRACE_CCW },
    { "PRIVILEGED", 4, TRACE_PRIV },
    { "CSW",        3, TRACE_CSW },
    { "BRANCH",     2, TRACE_BRANCH },
    { "INSTRUCT",   4, TRACE_INSTRUCT },
    { "ALL",        3, TRACE_ALL },
};

static u32 class_of(const char *w)
{
    for (unsigned i = 0; i < ARRAY_SIZE(classes); i++)
        if (cmd_abbrev(w, classes[i].name, classes[i].minlen))
            return classes[i].bits;
    return 0;
}

static const char *dest_name(u8 dest)
{
    return dest == (VMDEBUG_TERMINAL | VMDEBUG_PRINTER) ? "BOTH" :
           dest == VMDEBUG_PRINTER ? "PRINTER" : "TERMINAL";
}

/* one line for each place and RUN/NORUN some class has */
static void show(struct cmdctx *ctx, const struct vmdebug *d)
{
    u32 done = 0;

    if (!d || !d->trace) {
        cmd_printf(ctx, "TRACE OFF");
        return;
    }
    for (unsigned k = 0; k < TRACE_CLASSES; k++) {
        char line[120];
        int n;
        if (!(d->trace & (1u << k)) || (done & (1u << k)))
            continue;
        n = fmt_snprintf(line, sizeof line, "TRACE");
        for (unsigned i = 0; i < ARRAY_SIZE(classes); i++) {
            unsigned j = trace_index(classes[i].bits);
            if (classes[i].bits == TRACE_ALL || !strcmp(classes[i].name, "IO") ||
                !(d->trace & classes[i].bits) || d->trace_dest[j] != d->trace_dest[k] ||
                d->trace_run[j] != d->trace_run[k])
                continue;
            n += fmt_snprintf(line + n, sizeof line - (size_t)n, " %s", classes[i].name);
            done |= classes[i].bits;
        }
        cmd_printf(ctx, "%s %s %s", line, dest_name(d->trace_dest[k]),
                   d->trace_run[k] ? "RUN" : "NORUN");
    }
}

int cmd_trace(struct cmdctx *ctx)
{
    struct vm *vm = ctx->user->vm;
    struct vmdebug *d;
    u32 bits = 0;
    u8 dest = VMDEBUG_TERMINAL;
    bool run = false, off = false;

    if (!vm) {
        cmd_printf(ctx, "CPX030E You have no virtual machine");
        return RC_ERROR;
    }
    if (ctx->argc == 1) {
        show(ctx, vm->debug);
        return RC_OK;
    }
    if (ctx->argc == 2 && !strcmp(ctx->argv[1], "END")) {
        if (vm->debug)
            vm->debug->trace = 0;
        cmd_printf(ctx, "TRACE ENDED");
        return RC_OK;
    }
    for (int i = 1; i < ctx->argc; i++) {
        const char *w = ctx->argv[i];
        u32 b = class_of(w);
        if (b)
            bits |= b;
        else if (cmd_abbrev(w, "TERMINAL", 4))
            dest = VMDEBUG_TERMINAL;
        else if (cmd_abbrev(w, "PRINTER", 5))
            dest = VMDEBUG_PRINTER;
        else if (!strcmp(w, "BOTH"))
            dest = VMDEBUG_TERMINAL | VMDEBUG_PRINTER;
        else if (!strcmp(w, "OFF"))
            off = true;
        else if (!strcmp(w, "RUN") || !strcmp(w, "NORUN"))
            run = w[0] == 'R';
        else {
            cmd_printf(ctx, "CPX004E Invalid TRACE operand %.20s: a class (SVC, PROGRAM, "
                       "EXTERNAL, I/O, SIO, CCW, PRIV, CSW, BRANCH, INSTRUCT, ALL), "
                       "TERMINAL, PRINTER, BOTH, OFF, RUN, NORUN or END", ctx->raw[i]);
            return RC_OPERAND;
        }
    }
    if (!bits) {
        cmd_printf(ctx, "CPX003E TRACE needs a class: SVC, PROGRAM, EXTERNAL, I/O, SIO, CCW, "
                   "PRIV, CSW, BRANCH, INSTRUCT or ALL; or END");
        return RC_OPERAND;
    }
    if (!off && (dest & VMDEBUG_PRINTER) && !vur_find_kind(vm, SPOOL_PRT)) {
        cmd_printf(ctx, "CPX081E You have no virtual printer for TRACE PRINTER");
        return RC_OPERAND;
    }
    if (!(d = vmdebug_of(vm))) {
        cmd_printf(ctx, "CPX126E Not enough storage for TRACE");
        return RC_ERROR;
    }
    debugout_register();
    if (off) {
        d->trace &= ~bits;
        return RC_OK;
    }
    d->trace |= bits;
    for (unsigned i = 0; i < TRACE_CLASSES; i++) {
        if (bits & (1u << i)) {
            d->trace_dest[i] = dest;
            d->trace_run[i] = run;
        }
    }
    return RC_OK;
}
