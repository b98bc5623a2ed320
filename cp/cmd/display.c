/* display.c - DISPLAY and STORE: look at and change the virtual machine.
 *
 *   Display PSW | G[r[-r]] | C[r[-r]] | hexloc[-hexloc | .hexlen]
 *   STore   PSW hexword [hexword] | Gr hexword... | Cr hexword... | hexloc hexbytes...
 */
#include "cp/cmd/cmd.h"
#include "cp/cmd/cmdutil.h"
#include "cp/vm/vm.h"
#include "cp/vm/user.h"
#include "cp/mm/gmem.h"
#include "cp/lib/string.h"
#include "cp/lib/format.h"
#include "arch370/ebcdic.h"

#define MAX_DISPLAY     0x1000000       /* all of a 16M machine: output is never dropped */

static struct vm *need_vm(struct cmdctx *ctx)
{
    if (!ctx->user->vm)
        cmd_printf(ctx, "CPX030E You have no virtual machine");
    return ctx->user->vm;
}

/* "G", "G5", "G2-4" (also C): first and last register */
static bool reg_range(const char *s, unsigned *first, unsigned *last)
{
    u32 a, b;
    char buf[8];
    const char *dash = strchr(s + 1, '-');

    *first = 0;
    *last = 15;
    if (!s[1])
        return true;
    if (dash) {
        size_t n = (size_t)(dash - (s + 1));
        if (n == 0 || n >= sizeof buf)
            return false;
        memcpy(buf, s + 1, n);
        buf[n] = 0;
        if (!parse_dec(buf, &a) || !parse_dec(dash + 1, &b))
            return false;
    } else {
        if (!parse_dec(s + 1, &a))
            return false;
        b = a;
    }
    if (a > 15 || b > 15 || a > b)
        return false;
    *first = a;
    *last = b;
    return true;
}

static void show_regs(struct cmdctx *ctx, const char *kind, const u32 *r, unsigned f, unsigned l)
{
    for (unsigned i = f; i <= l; i += 4) {
        char line[80];
        int n = fmt_snprintf(line, sizeof line, "%s %2u = ", kind, i);
        for (unsigned j = i; j <= l && j < i + 4; j++)
            n += fmt_snprintf(line + n, sizeof line - (size_t)n, "%08X ", r[j]);
        cmd_printf(ctx, "%s", line);
    }
}

/* "100", "100-1FF", "100.40": first address and length */
static bool storage_range(const char *s, u32 *addr, u32 *len)
{
    char buf[12];
    const char *sep = s;
    u32 a, b;

    while (*sep && *sep != '-' && *sep != '.')
        sep++;
    if ((size_t)(sep - s) >= sizeof buf)
        return false;
    memcpy(buf, s, (size_t)(sep - s));
    buf[sep - s] = 0;
    if (!parse_hex(buf, &a))
        return false;
    *addr = a;
    *len = 4;
    if (*sep == '-') {
        if (!parse_hex(sep + 1, &b) || b < a)
            return false;
        *len = b - a + 1;
    } else if (*sep == '.') {
        if (!parse_hex(sep + 1, &b) || b == 0)
            return false;
        *len = b;
    }
    return *len <= MAX_DISPLAY;
}

static int show_storage(struct cmdctx *ctx, struct vm *vm, u32 addr, u32 len)
{
    if (addr >= vm->mem.size || len > vm->mem.size - addr) {
        cmd_printf(ctx, "CPX036E Address %X is beyond your storage (%uK)",
                   addr >= vm->mem.size ? addr : vm->mem.size, (unsigned)(vm->mem.size >> 10));
        return RC_OPERAND;
    }
    for (u32 off = 0; off < len; off += 16) {
        u8 b[16];
        char line[100], text[17];
        u32 n = len - off > 16 ? 16 : len - off;
        int k;
        if (gmem_read(&vm->mem, addr + off, b, n) != 0) {
            cmd_printf(ctx, "CPX036E Address %06X is beyond your storage", (addr + off) & GADDR_MASK);
            return RC_OPERAND;
        }
        k = fmt_snprintf(line, sizeof line, "%06X ", (addr + off) & GADDR_MASK);
        for (u32 i = 0; i < 16; i++) {
            if (i % 4 == 0)
                line[k++] = ' ';
            if (i < n)
                k += fmt_snprintf(line + k, sizeof line - (size_t)k, "%02X", b[i]);
            else
                k += fmt_snprintf(line + k, sizeof line - (size_t)k, "  ");
            u8 c = ebc_to_ascii[b[i]];
            text[i] = i < n ? ((c >= 0x20 && c < 0x7F) ? (char)c : '.') : ' ';
        }
        text[16] = 0;
        cmd_printf(ctx, "%s  *%s*", line, text);
    }
    return RC_OK;
}

int cmd_display(struct cmdctx *ctx)
{
    struct vm *vm = need_vm(ctx);
    unsigned f, l;
    u32 addr, len;

    if (!vm)
        return RC_ERROR;
    if (ctx->argc != 2) {
        cmd_printf(ctx, "CPX003E DISPLAY needs one operand: PSW, G, C or a storage address");
        return RC_OPERAND;
    }
    if (!strcmp(ctx->argv[1], "PSW")) {
        cmd_printf(ctx, "PSW = %08X %08X", (u32)(vm->cpu.psw >> 32), (u32)vm->cpu.psw);
        return RC_OK;
    }
    if (ctx->argv[1][0] == 'G' && reg_range(ctx->argv[1], &f, &l)) {
        show_regs(ctx, "GPR", vm->cpu.ctx.gpr, f, l);
        return RC_OK;
    }
    if (ctx->argv[1][0] == 'C' && reg_range(ctx->argv[1], &f, &l) && ctx->argv[1][1] != 0) {
        show_regs(ctx, "CR ", vm->cpu.cr, f, l);
        return RC_OK;
    }
    if (!strcmp(ctx->argv[1], "C")) {
        show_regs(ctx, "CR ", vm->cpu.cr, 0, 15);
        return RC_OK;
    }
    if (storage_range(ctx->argv[1], &addr, &len))
        return show_storage(ctx, vm, addr, len);
    cmd_printf(ctx, "CPX004E Invalid DISPLAY operand: %.20s", ctx->raw[1]);
    return RC_OPERAND;
}

static bool hex_bytes(const char *s, u8 *out, u32 *n, u32 max)
{
    size_t len = strlen(s);

    if (len == 0 || len % 2 || len / 2 > max)
        return false;
    for (size_t i = 0; i < len; i += 2) {
        char pair[3] = { s[i], s[i + 1], 0 };
        u32 v;
        if (!parse_hex(pair, &v))
            return false;
        out[i / 2] = (u8)v;
    }
    *n = (u32)(len / 2);
    return true;
}

int cmd_store(struct cmdctx *ctx)
{
    struct vm *vm = need_vm(ctx);
    unsigned f, l;
    u32 addr, v;

    if (!vm)
        return RC_ERROR;
    if (ctx->argc < 3) {
        cmd_printf(ctx, "CPX003E STORE needs a location and a value");
        return RC_OPERAND;
    }
    if (!strcmp(ctx->argv[1], "PSW")) {
        u32 w0, w1;
        if (ctx->argc > 4 || !parse_hex(ctx->argv[2], &w0) ||
            (ctx->argc == 4 && !parse_hex(ctx->argv[3], &w1))) {
            cmd_printf(ctx, "CPX004E Invalid PSW value");
            return RC_OPERAND;
        }
        if (ctx->argc == 3)
            vm->cpu.psw = (vm->cpu.psw & 0xFFFFFFFF00000000ull) | w0;   /* second word only */
        else
            vm->cpu.psw = (u64)w0 << 32 | w1;
        vm->cpu.esa_mode = 0;           /* a new S/370 PSW: 24-bit, primary */
        return RC_OK;
    }
    if ((ctx->argv[1][0] == 'G' || ctx->argv[1][0] == 'C') && ctx->argv[1][1] &&
        reg_range(ctx->argv[1], &f, &l)) {
        u32 *regs = ctx->argv[1][0] == 'G' ? vm->cpu.ctx.gpr : vm->cpu.cr;
        for (int i = 2; i < ctx->argc; i++) {
            if (!parse_hex(ctx->argv[i], &v) || f + (unsigned)(i - 2) > 15) {
                cmd_printf(ctx, "CPX004E Invalid register value: %.20s", ctx->raw[i]);
                return RC_OPERAND;
            }
        }
        for (int i = 2; i < ctx->argc; i++) {
            parse_hex(ctx->argv[i], &v);
            regs[f + (unsigned)(i - 2)] = v;
        }
        return RC_OK;
    }
    if (parse_hex(ctx->argv[1], &addr)) {
        u8 data[CMD_MAXLINE];
        u32 total = 0, n;
        for (int i = 2; i < ctx->argc; i++) {
            if (!hex_bytes(ctx->argv[i], data + total, &n, sizeof data - total)) {
                cmd_printf(ctx, "CPX004E Invalid hexadecimal data: %.20s", ctx->raw[i]);
                return RC_OPERAND;
            }
            total += n;
        }
        if (addr >= vm->mem.size || total > vm->mem.size - addr ||
            gmem_write(&vm->mem, addr, data, total) != 0) {
            cmd_printf(ctx, "CPX036E Address %X is beyond your storage (%uK)", addr,
                       (unsigned)(vm->mem.size >> 10));
            return RC_OPERAND;
        }
        return RC_OK;
    }
    cmd_printf(ctx, "CPX004E Invalid STORE operand: %.20s", ctx->raw[1]);
    return RC_OPERAND;
}
