/* lineedit.h - VM/370's logical line editing of typed lines.
 *
 * A line typed at a terminal may hold several logical lines and editing
 * characters, as set with TERMINAL (docs/cpcommands.md):
 *   LINEND   ends one logical line and starts the next   (VM/370: #)
 *   CHARDEL  deletes the character before it              (VM/370: @)
 *   LINEDEL  deletes the logical line typed so far        (VM/370: the cent sign)
 *   ESCAPE   takes the next character as it is            (VM/370: ")
 * A setting of 0 is OFF.  cp370 starts with all four OFF, since telnet
 * and tn3270 clients edit the line before they send it. */
#ifndef CP_TERM_LINEEDIT_H
#define CP_TERM_LINEEDIT_H

#include "arch370/types.h"

struct lineedit {
    char linend, chardel, linedel, escape;
};

/* Split and edit line; calls fn once per logical line, in order.
 * Returns how many logical lines there were. */
unsigned lineedit_apply(const struct lineedit *e, const char *line,
                        void (*fn)(void *arg, const char *logical), void *arg);

#endif
