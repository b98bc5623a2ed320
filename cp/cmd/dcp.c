/* dcp.c - DCP and STCP: display and store CP's real storage (VM/370's
 * commands for the system programmer; classes C and E, and C).
 *
 *   DCP [L|T|K]hexloc[-hexloc|:hexloc|.count|-END] ...
 *   STCP [L]hexloc hexword... | Shexloc hexdata...
 *
 * Real addresses have up to 8 hex digits; every operand is checked
 * against the size of real storage before anything is shown or stored. */
#include "cp/cmd/cmd.h"
#include "cp/cmd/dsparse.h"
#include "cp/cmd/stgfmt.h"
#include "cp/mm/storage.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include "cpu.h"

#define FRAME           4096u
#define KEYS_PER_LINE   16u

static const char *why(enum ds_error e)
{
    return e == DS_BAD_ADDRESS ? "a real address is 1 to 8 hexadecimal digits, at most 7FFFFFFF"
                               : ds_error_text(e);
}

static bool in_real(struct cmdctx *ctx, u32 first, u32 last)
{
    u32 size = real_storage_size();

    if (first < size && last < size)
        return true;
    cmd_printf(ctx, "CPX036E Address %08X is beyond real storage (%uK)",
               first >= size ? first : last, (unsigned)(size >> 10));
    return false;
}

static void show_real(struct cmdctx *ctx, const struct ds_operand *op)
{
    u32 start = op->first & ~3u, end = op->last | 3u;

    for (u32 block = start & ~15u; block <= end; block += 16) {
        char line[STG_LINE_MAX];
        unsigned w0 = block < start ? (start - block) / 4 : 0;
        unsigned w1 = end - block < 16 ? (end - block + 1) / 4 : 4;
        stg_line_digits(line, 8, block, (const u8 *)(uintptr_t)block, w0, w1, op->translate);
        cmd_printf(ctx, "%s", line);
    }
}

/* the key of each 4K frame, 16 to a line */
static void show_real_keys(struct cmdctx *ctx, const struct ds_operand *op)
{
    u32 f = op->first / FRAME, last = op->last / FRAME;

    while (f <= last) {
        char line[100];
        int n = fmt_snprintf(line, sizeof line, "%08X  KEY", f * FRAME);
        do {
            n += fmt_snprintf(line + n, sizeof line - (size_t)n, " %02X", iske(f * FRAME) & 0xFE);
            f++;
        } while (f <= last && f % KEYS_PER_LINE);
        cmd_printf(ctx, "%s", line);
    }
}

int cmd_dcp(struct cmdctx *ctx)
{
    struct ds_operand ops[CMD_MAXARGS];
    int nops = ctx->argc - 1;

    if (nops < 1) {
        cmd_printf(ctx, "CPX003E DCP needs a real storage address");
        return RC_OPERAND;
    }
    for (int i = 0; i < nops; i++) {
        enum ds_error e = ds_parse_real(ctx->argv[i + 1], &ops[i]);
        if (e != DS_OK) {
            cmd_printf(ctx, "CPX004E Invalid DCP operand %.20s: %s", ctx->raw[i + 1], why(e));
            return RC_OPERAND;
        }
        if (ops[i].to_end)
            ops[i].last = real_storage_size() - 1;
        if (!in_real(ctx, ops[i].first, ops[i].last))
            return RC_OPERAND;
    }
    for (int i = 0; i < nops; i++) {
        if (ops[i].what == DS_KEYS)
            show_real_keys(ctx, &ops[i]);
        else
            show_real(ctx, &ops[i]);
    }
    return RC_OK;
}

int cmd_stcp(struct cmdctx *ctx)
{
    struct ds_operand op;
    enum ds_error e;
    u8 data[CMD_MAXLINE * 2];
    u32 n = 0, addr;

    if (ctx->argc < 3) {
        cmd_printf(ctx, "CPX003E STCP needs a real storage address and a value");
        return RC_OPERAND;
    }
    if ((e = ds_parse_real_store(ctx->argv[1], &op)) != DS_OK) {
        cmd_printf(ctx, "CPX004E Invalid STCP operand %.20s: %s", ctx->raw[1], why(e));
        return RC_OPERAND;
    }
    for (int i = 2; i < ctx->argc; i++) {
        u32 w[2];
        unsigned k = op.what == DS_STRING ? 0 : ds_hexword(ctx->argv[i], w);
        u32 got = op.what == DS_STRING ? ds_hexbytes(ctx->argv[i], data + n, sizeof data - n) : 0;
        if (op.what == DS_STRING ? got == 0 : (k == 0 || n + 4 * k > sizeof data)) {
            cmd_printf(ctx, "CPX004E Invalid hexadecimal data %.20s; nothing was stored", ctx->raw[i]);
            return RC_OPERAND;
        }
        for (unsigned j = 0; j < k; j++, n += 4) {
            data[n] = (u8)(w[j] >> 24);
            data[n + 1] = (u8)(w[j] >> 16);
            data[n + 2] = (u8)(w[j] >> 8);
            data[n + 3] = (u8)w[j];
        }
        n += got;
    }
    addr = op.what == DS_STRING ? op.first : op.first & ~3u;
    if (!in_real(ctx, addr, addr + n - 1))
        return RC_OPERAND;
    memcpy((void *)(uintptr_t)addr, data, n);
    cmd_printf(ctx, "STCP COMPLETE: %u BYTES AT %08X", (unsigned)n, addr);
    return RC_OK;
}
