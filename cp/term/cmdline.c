/* cmdline.c - splitting command lines, abbreviations, command output,
 * and the way to the command interpreter (see cmdline.h). */
#include "cp/term/cmdline.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include <stdarg.h>

static int (*interpreter)(struct cmdctx *ctx, const char *line);

void cmdline_register(int (*interpret)(struct cmdctx *ctx, const char *line))
{
    interpreter = interpret;
}

int cmd_execute(struct cmdctx *ctx, const char *line)
{
    return interpreter ? interpreter(ctx, line) : RC_UNKNOWN;
}

bool cmd_abbrev(const char *word, const char *name, unsigned minlen)
{
    size_t n = strlen(word);

    if (n < minlen || n > strlen(name))
        return false;
    return str_ncasecmp(word, name, n) == 0;
}

void cmd_split(struct cmdctx *ctx, const char *line, char *buf, size_t bufsize)
{
    size_t used = 0;
    const char *p = line;

    ctx->argc = 0;
    while (*p && ctx->argc < CMD_MAXARGS) {
        size_t len = 0;
        while (is_space(*p))
            p++;
        if (!*p)
            break;
        while (p[len] && !is_space(p[len]))
            len++;
        if (used + 2 * (len + 1) > bufsize)
            break;
        ctx->rest[ctx->argc] = p;
        ctx->raw[ctx->argc] = buf + used;
        memcpy(buf + used, p, len);
        buf[used + len] = 0;
        used += len + 1;
        ctx->argv[ctx->argc] = buf + used;
        for (size_t i = 0; i < len; i++)
            buf[used + i] = to_upper(p[i]);
        buf[used + len] = 0;
        used += len + 1;
        ctx->argc++;
        p += len;
    }
}

void cmd_printf(struct cmdctx *ctx, const char *fmt, ...)
{
    char buf[512];
    va_list ap;

    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (ctx->out)
        ctx->out(ctx, buf);
}
