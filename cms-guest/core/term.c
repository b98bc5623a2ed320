/* term.c - the terminal as CMS uses it: lines out, DMS messages, lines
 * in, and the console stack that EXECs and programs fill so that later
 * reads take their lines instead of the user's. */
#include "cms-guest/core/cms.h"
#include <stdarg.h>

/* where lines go instead of the terminal (EDIT's display mode shows
 * them on its own screen), NULL: the terminal */
static void (*line_sink)(const char *line);

void cms_set_line_sink(void (*sink)(const char *line))
{
    line_sink = sink;
}

static void out(const char *line)
{
    if (line_sink)
        line_sink(line);
    else
        sys_write(line);
}

void cms_type(const char *line)
{
    out(line);
}

void cms_typef(const char *fmt, ...)
{
    char line[CMS_LINE_MAX];
    va_list ap;

    va_start(ap, fmt);
    cms_vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    out(line);
}

/* "DMSxxxnnns text", shown as CP's SET EMSG says (DIAGNOSE X'5C') */
static void vmsg(const char *id, const char *fmt, va_list ap)
{
    char line[CMS_LINE_MAX];
    size_t n = cms_strlcpy(line, id, sizeof line), off = 0, len;

    if (n + 1 < sizeof line) {
        line[n++] = ' ';
        cms_vsnprintf(line + n, sizeof line - n, fmt, ap);
    }
    len = cms_strlen(line);
    sys_emsg(line, &off, &len);
    if (len == 0 || off >= sizeof line)
        return;
    if (off + len < sizeof line)
        line[off + len] = 0;
    out(line + off);
}

void cms_msg(const char *id, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmsg(id, fmt, ap);
    va_end(ap);
}

void cms_msg_notfound(const char *id, const char *fmt, ...)
{
    va_list ap;

    if (cms_set.nomsg && cms_set.exec_depth > 0)
        return;
    va_start(ap, fmt);
    vmsg(id, fmt, ap);
    va_end(ap);
}

/* ---- the console stack: a ring of lines in static storage ------------------------- */
static char stack_lines[CMS_STACK_LINES][CMS_LINE_MAX];
static int stack_first, stack_used;

bool cms_stack_push(const char *line, bool fifo)
{
    int slot;

    if (stack_used == CMS_STACK_LINES)
        return false;
    if (fifo) {
        slot = (stack_first + stack_used) % CMS_STACK_LINES;
    } else {
        stack_first = (stack_first + CMS_STACK_LINES - 1) % CMS_STACK_LINES;
        slot = stack_first;
    }
    cms_strlcpy(stack_lines[slot], line, CMS_LINE_MAX);
    stack_used++;
    return true;
}

int cms_stack_count(void)
{
    return stack_used;
}

void cms_stack_clear(void)
{
    stack_first = stack_used = 0;
}

int cms_read(char *buf, size_t size)
{
    if (stack_used > 0) {
        cms_strlcpy(buf, stack_lines[stack_first], size);
        stack_first = (stack_first + 1) % CMS_STACK_LINES;
        stack_used--;
        return (int)cms_strlen(buf);
    }
    return sys_read(buf, size);
}
