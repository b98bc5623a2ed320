/* oplog.c - the operator's log: messages and the ones still waiting. */
#include "cp/kern/oplog.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include <stdarg.h>

#define WIDTH   132

static struct {
    char text[WIDTH + 1];
    bool waiting;               /* not shown to the operator yet */
} ring[OPLOG_LINES];
static unsigned ring_next, ring_used;
static u32 waiting_lost;        /* waiting messages pushed out of the log */
static bool (*sink)(const char *line);

void oplog_set_sink(bool (*fn)(const char *line))
{
    sink = fn;
}

void op_msg(const char *fmt, ...)
{
    char buf[WIDTH + 1];
    va_list ap;
    bool shown;

    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    shown = sink && sink(buf);
    if (ring_used == OPLOG_LINES && ring[ring_next].waiting)
        waiting_lost++;
    strlcpy(ring[ring_next].text, buf, sizeof ring[ring_next].text);
    ring[ring_next].waiting = !shown;
    ring_next = (ring_next + 1) % OPLOG_LINES;
    if (ring_used < OPLOG_LINES)
        ring_used++;
}

void oplog_deliver(void)
{
    unsigned first = (ring_next + OPLOG_LINES - ring_used) % OPLOG_LINES;
    char note[80];

    if (!sink)
        return;
    if (waiting_lost) {
        fmt_snprintf(note, sizeof note, "CPX016W %u older operator messages were not kept",
                     (unsigned)waiting_lost);
        if (!sink(note))
            return;
        waiting_lost = 0;
    }
    for (unsigned i = 0; i < ring_used; i++) {
        unsigned k = (first + i) % OPLOG_LINES;
        if (ring[k].waiting && sink(ring[k].text))
            ring[k].waiting = false;
    }
}
