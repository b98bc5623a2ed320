/* kmsg.c - operator messages from the lower layers: into the operator's log. */
#include "cp/kern/kmsg.h"
#include "cp/kern/oplog.h"
#include "cp/lib/format.h"
#include <stdarg.h>

void kmsg(const char *fmt, ...)
{
    char line[160];
    va_list ap;

    va_start(ap, fmt);
    fmt_vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    op_msg("%s", line);
}
