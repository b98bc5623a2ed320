/* con3215.h - the line-mode terminal driver (3215 over Hercules telnet).
 *
 * What Hercules 3.13 tells CP about a 3215 and its telnet client:
 *   device end alone        a client connected (Hercules first resets the
 *                           device: an I/O CP had under way is forgotten)
 *   attention               a line was typed (an empty line too)
 *   attention + unit exc.   break: Ctrl-C or telnet BRK/IP, the attention key
 * and nothing at all when a client goes away: Hercules closes the socket
 * when the client closes it, sends a line longer than 150 characters, or
 * two lines in one packet, and marks the device free for the next client.
 * What it does keep is the reason, in sense byte 0 (intervention
 * required, equipment check, overrun), until a SENSE command reads it.
 *
 * So every channel program CP runs on a terminal starts by reading the
 * sense byte: a write is a SENSE and then, if the sense byte was clear,
 * the WRITE; a read is SENSE command-chained to READ INQUIRY.  A sense
 * byte that is not clear means the client CP was talking to is gone,
 * whatever has happened since (even if a new client already sits on the
 * device and its connection's device end was lost): CP discards what was
 * queued for the old client and tells the session before the next line
 * is written or read.  An idle connected terminal is probed with a bare
 * SENSE every second, so a client that leaves is noticed at once.
 *
 * Each change of client bumps the terminal's connection number (gen); the
 * session compares it with its own so that nothing written for an earlier
 * connection reaches a later one.
 *
 * The output queue never drops a line: lines are kept in free storage
 * until written (or until their client is gone).  Writers that can wait
 * (a virtual machine's console, a command's output) wait while more than
 * TERM_QLEN lines are queued.
 *
 * An empty line is an attention like any other, but Hercules' READ then
 * waits for the next line, since it cannot tell an empty line from none.
 * A read that has not ended TERM_NULL_MS after its attention is therefore
 * taken to be an empty line and reported as one; the read stays under way
 * and brings the next line typed, and output waits until then. */
#ifndef CP_IO_CON3215_H
#define CP_IO_CON3215_H

#include "cp/io/rio.h"
#include "cp/kern/timer.h"

#define TERM_LINE       132     /* longest line written in one CCW */
#define TERM_QLEN       64      /* queued lines above which writers wait */
#define TERM_BATCH      8       /* lines written by one channel program */
#define TERM_INMAX      160     /* longest input line read */
#define TERM_NULL_MS    500     /* a read still waiting then: an empty line */
#define TERM_PROBE_MS   1000    /* idle connected terminals are sensed */

/* sense byte 0 of a 3215 as Hercules sets it */
#define SENSE_CMDREJ    0x80    /* command reject */
#define SENSE_INTREQ    0x40    /* intervention required: no client */
#define SENSE_EQUIP     0x10    /* equipment check: line too long */
#define SENSE_OVERRUN   0x04    /* overrun: lines typed too fast */

struct term;

struct term_ops {
    void (*connected)(struct term *t);
    /* the client went away; why is the sense byte (0: not known) */
    void (*disconnected)(struct term *t, u8 why);
    void (*input)(struct term *t, const char *line);
    void (*attention)(struct term *t);
    void (*output_space)(struct term *t);   /* the queue has room again */
};

struct tline {
    struct tline *next;
    u16 len;
    u8 text[TERM_LINE];         /* EBCDIC */
};

enum term_io { TIO_NONE, TIO_SENSE, TIO_READ, TIO_WRITE };

struct term {
    struct rdev *dev;
    u16 devno;
    bool connected;             /* a client is there, as far as CP knows */
    u32 gen;                    /* connection number: bumps at every change */
    enum term_io io;            /* the channel program under way */
    bool want_read;             /* an attention: a line waits in Hercules */
    bool want_sense;            /* after a unit check: read why, clear it */
    bool uc_seen;               /* a unit check whose reason is not in yet */
    bool want_probe;
    bool arrived;               /* a device end: tell the session after the sense */
    bool null_given;            /* the read under way was reported as empty */
    u8 sense;                   /* sense byte read by the last SENSE */
    u8 why;                     /* why the last client went away */
    u32 lines_out, lines_in, lines_discarded, clients;
    /* output queue and the lines being written */
    struct tline *qhead, *qtail;
    unsigned qcount;
    struct tline *wlines[TERM_BATCH];
    unsigned nw;
    struct ioreq req;
    struct ccw1 ccw[TERM_BATCH + 1];
    struct timer null_timer;
    u8 rbuf[TERM_INMAX];
    const struct term_ops *ops;
    void *session;              /* the terminal session using it */
};

/* create a struct term for every 3215 */
void term_init_all(const struct term_ops *ops);
struct term *term_find(u16 devno);
struct term *term_at(unsigned i);
unsigned term_count(void);
/* queue a line (ASCII); longer lines are split; never dropped while the
 * client is there */
void term_write(struct term *t, const char *line);
void term_printf(struct term *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* nothing queued or being written */
bool term_idle(const struct term *t);
/* room for n more lines below TERM_QLEN (a terminal without a client has
 * room: what is written to it is discarded) */
bool term_has_room(const struct term *t, unsigned n);
/* forget the lines queued and not yet written */
void term_discard_output(struct term *t);

#endif
