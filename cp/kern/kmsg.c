/* kmsg.c - operator messages from the lower layers, through one sink. */
#include "cp/kern/kmsg.h"
#include "cp/lib/format.h"
#include <stdarg.h>

static void (*kmsg_sink)(const char *line);

void kmsg_register(void (*sink)(const char *line))
{
    kmsg_sink = sink;
}

void kmsg(const char *fmt, ...)
{
    char line[160];
    va_list ap;

    if (!kmsg_sink)
        return;
    va_start(ap, fmt);
    fmt_vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    kmsg_sink(line);
}
