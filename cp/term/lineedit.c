/* lineedit.c - VM/370's logical line editing (see lineedit.h). */
#include "cp/term/lineedit.h"

#define LOGICAL_MAX     256

unsigned lineedit_apply(const struct lineedit *e, const char *line,
                        void (*fn)(void *arg, const char *logical), void *arg)
{
    char buf[LOGICAL_MAX + 1];
    unsigned n = 0, lines = 0;
    bool escaped = false;

    for (const char *p = line;; p++) {
        char c = *p;
        if (c && escaped) {
            escaped = false;
        } else if (!c || (e->linend && c == e->linend)) {
            buf[n] = 0;
            fn(arg, buf);
            lines++;
            n = 0;
            if (!c)
                break;
            continue;
        } else if (e->escape && c == e->escape) {
            escaped = true;
            continue;
        } else if (e->chardel && c == e->chardel) {
            if (n)
                n--;
            continue;
        } else if (e->linedel && c == e->linedel) {
            n = 0;
            continue;
        }
        if (n < LOGICAL_MAX)
            buf[n++] = c;
    }
    return lines;
}
