/* con3215.h - the line-mode terminal driver (3215 over Hercules telnet).
 *
 * A terminal never has a read outstanding while idle: CP writes whenever
 * it has output, and reads only after the user typed a line (Hercules then
 * presents attention with the line already buffered).  So output to a
 * user is never held up by a read, and no terminal can block another.
 * Status without a request tells the driver what the client did:
 *   device end alone       a telnet client connected
 *   attention              a line was typed
 *   attention + unit exc.  break (Ctrl-C, telnet BRK/IP): the attention key
 *   attention + unit check the client went away (or sent a line Hercules
 *                          could not take, after which it drops the client)
 * Each terminal keeps a bounded output queue; a terminal that is slow or
 * has no client loses its oldest lines, never anybody else's time.
 * Hercules drops a client without telling (after a line too long for its
 * buffer, say), so every few seconds an idle connected terminal gets a
 * no-operation CCW: unit check means nobody is there any more. */
#ifndef CP_IO_CON3215_H
#define CP_IO_CON3215_H

#include "cp/io/rio.h"

#define TERM_LINE       132     /* longest line written in one CCW */
#define TERM_QLEN       64      /* lines queued per terminal */
#define TERM_INMAX      160     /* longest input line read */

struct term;

struct term_ops {
    void (*connected)(struct term *t);
    void (*disconnected)(struct term *t);
    void (*input)(struct term *t, const char *line);
    void (*attention)(struct term *t);
    void (*output_space)(struct term *t);   /* the queue has room again */
};

struct term {
    struct rdev *dev;
    u16 devno;
    bool connected;
    bool read_queued;
    bool write_active;
    u32 lines_out, lines_in, lines_lost;
    /* output queue (EBCDIC) */
    struct { u16 len; u8 text[TERM_LINE]; } q[TERM_QLEN];
    unsigned qhead, qcount;
    u8 wtext[TERM_LINE];        /* the line being written */
    struct ioreq wreq, rreq, preq;
    struct ccw1 wccw, rccw, pccw;
    bool probe_active;
    u8 rbuf[TERM_INMAX];
    const struct term_ops *ops;
    void *session;              /* the terminal session using it */
};

/* create a struct term for every 3215 and write the logo where a client is */
void term_init_all(const struct term_ops *ops);
struct term *term_find(u16 devno);
struct term *term_at(unsigned i);
unsigned term_count(void);
/* queue a line (ASCII); longer lines are split */
void term_write(struct term *t, const char *line);
void term_printf(struct term *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* nothing queued or being written */
bool term_idle(const struct term *t);
/* room for n more lines without dropping any */
bool term_has_room(const struct term *t, unsigned n);

#endif
