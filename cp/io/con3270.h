/* con3270.h - CP's console on a 3270 display (local non-SNA, tn3270).
 *
 * The screen, as VM/370 laid it out on a 3277/3278 model 2 (24 x 80):
 *   rows 0-21   the output area: lines as they come, top to bottom; a
 *               line longer than a row goes on in the next
 *   rows 22-23  the input area (139 characters), then
 *   row 23 col 61-78  the status area: CP READ, VM READ, RUNNING, MORE...,
 *               HOLDING, and the system's name
 * When the output area is full and more output waits, the status area
 * says MORE...; after TERM_MORE_SEC seconds (or at once with PA2 or
 * CLEAR) the output area is cleared and output goes on.  Enter in MORE...
 * holds the screen (HOLDING) until PA2 or CLEAR.  Nothing is dropped:
 * the lines wait in the terminal's queue meanwhile.
 *
 * Keys: Enter gives the input area's text (an empty one is a null line);
 * PA1 is the attention key; PA2 and CLEAR clear the output area; PF1-PF24
 * do what SET PFnn said.  After every key CP unlocks the keyboard and
 * clears the input area; a typed line is shown in the output area, a
 * password is neither shown nor kept on the screen.
 *
 * Hercules sends a 3270's data stream to the client as CP wrote it, so
 * the characters are EBCDIC (cp370's code page 1047, which is the
 * "bracket" code page tn3270 clients use for everything printable but
 * the not sign and the caret). */
#ifndef CP_IO_CON3270_H
#define CP_IO_CON3270_H

#include "cp/io/term.h"

#define T3270_ROWS      24
#define T3270_COLS      80
#define T3270_OUTROWS   22      /* rows of the output area */
#define TERM_MORE_SEC   60      /* MORE... clears by itself after this */

extern const struct term_kind con3270_kind;

/* the seconds MORE... waits (TERMINAL MORE), 0: until PA2 or CLEAR */
void con3270_set_more(struct term *t, unsigned sec);
unsigned con3270_more(const struct term *t);

#endif
