/* con3215.h - the line-mode terminal (3215 over Hercules telnet).
 *
 * A 3215 has no read outstanding while idle: CP writes whenever it has
 * output, and reads only after the user typed a line (Hercules then
 * presents attention with the line already buffered).  Writes go up to
 * TERM_BATCH lines to a channel program, command-chained.
 *
 * An empty line is an attention like any other, but Hercules' READ then
 * waits for the next line, since it cannot tell an empty line from none.
 * A read that has not ended TERM_NULL_MS after it started is therefore
 * taken to be an empty line and reported as one; the read stays under way
 * and brings the next line typed, and output waits until then. */
#ifndef CP_IO_CON3215_H
#define CP_IO_CON3215_H

#include "cp/io/term.h"

#define TERM_BATCH      16      /* lines written by one channel program */
#define TERM_NULL_MS    500     /* a read still waiting then: an empty line */

extern const struct term_kind con3215_kind;

#endif
