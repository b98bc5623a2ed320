/* oplog.c - operator messages and their replay ring. */
#include "cp/term/oplog.h"
#include "cp/io/con3215.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include <stdarg.h>

#define RING    48
#define WIDTH   TERM_LINE

static char ring[RING][WIDTH + 1];
static unsigned ring_next, ring_used;

void op_msg(const char *fmt, ...)
{
    char buf[WIDTH + 1];
    struct term *t = term_find(0x0009);
    va_list ap;

    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    strlcpy(ring[ring_next], buf, sizeof ring[ring_next]);
    ring_next = (ring_next + 1) % RING;
    if (ring_used < RING)
        ring_used++;
    if (t && t->connected)
        term_write(t, buf);
}

void oplog_replay(void)
{
    struct term *t = term_find(0x0009);
    unsigned first = (ring_next + RING - ring_used) % RING;

    if (!t)
        return;
    for (unsigned i = 0; i < ring_used; i++)
        term_write(t, ring[(first + i) % RING]);
}
