/* term.h - real terminals: what the 3215 and 3270 drivers share.
 *
 * A terminal is a device a telnet (3215) or tn3270 (3270) client reaches
 * through Hercules.  What Hercules 3.13 tells CP about its clients, for
 * both kinds:
 *   device end alone        a client connected (Hercules first resets the
 *                           device: an I/O CP had under way is forgotten)
 *   attention               input: a line typed (3215, an empty one too),
 *                           or an attention identifier key (3270)
 *   attention + unit exc.   break: Ctrl-C or telnet BRK/IP (3215)
 * and nothing at all when a client goes away: Hercules closes the socket
 * when the client closes it or sends what it cannot take, and marks the
 * device free for the next client.  What it does keep is the reason, in
 * sense byte 0 (intervention required, equipment check, overrun, data
 * check), until a SENSE command reads it.
 *
 * So every channel program CP runs on a terminal starts by reading the
 * sense byte.  A sense byte that is not clear means the client CP was
 * talking to is gone, whatever has happened since (even if a new client
 * already sits on the device and its device end was lost): CP discards
 * what was queued for the old client and tells the session before the
 * next line is written or read.
 *
 * A write must not reach a new client even for a moment, so the test is
 * made by the channel itself, inside one channel program (a gate): the
 * SENSE stores the sense byte into the low byte of the address of the
 * TIC that follows it, and that TIC goes to a 256-byte table of CCWs at
 * the offset the sense byte gives.  Offset 0 leads on to the write; every
 * other entry ends the program without writing (a NOP), or is a channel
 * program check (a TIC to a TIC, an address that is not a doubleword).
 * While the program runs the device is busy, so Hercules neither notices
 * a client leaving nor gives the device to another.  A read is SENSE
 * command-chained to the read: whatever it brings comes after the sense
 * byte that says whose it is.
 * An idle connected terminal is sensed every two seconds, so a client
 * that leaves is noticed soon even when nothing is written to it.  Each change of client bumps the terminal's
 * connection number (gen); the session compares it with its own, so
 * nothing written for one connection reaches a later one.
 *
 * The output queue never drops a line: lines are kept in free storage
 * until shown (or until their client is gone).  Writers that can wait (a
 * virtual machine's console, a command's output) wait while more than
 * TERM_QLEN lines are queued.
 *
 * The kind-specific half (con3215.c, con3270.c) builds the channel
 * programs; this file keeps the queue, the client changes and the table. */
#ifndef CP_IO_TERM_H
#define CP_IO_TERM_H

#include "cp/io/rio.h"
#include "cp/kern/timer.h"
#include "cp/lib/resphist.h"

#define TERM_LINE       132     /* longest line kept in one queue entry */
#define TERM_QLEN       64      /* queued lines above which writers wait */
#define TERM_QHARD      (4 * TERM_QLEN) /* lines from others refused above this */
#define TERM_INMAX      160     /* longest input line */
#define TERM_PROBE_MS   2000    /* idle connected terminals are sensed */
#define TERM_STATUS     12      /* characters of a 3270 status word */
#define TERM_IO_LIMIT_SEC 5     /* a write or sense still under way: lost */

/* sense byte 0 as Hercules sets it */
#define SENSE_CMDREJ    0x80    /* command reject */
#define SENSE_INTREQ    0x40    /* intervention required: no client */
#define SENSE_EQUIP     0x10    /* equipment check: line too long */
#define SENSE_DATACHK   0x08    /* data check: 3270 record too long */
#define SENSE_OVERRUN   0x04    /* overrun: lines typed too fast */

struct term;

/* what the session layer is told */
struct term_ops {
    void (*connected)(struct term *t);
    /* the client went away; why is the sense byte (0: not known) */
    void (*disconnected)(struct term *t, u8 why);
    void (*input)(struct term *t, const char *line);
    void (*attention)(struct term *t);
    void (*output_space)(struct term *t);   /* the queue has room again */
    void (*pfkey)(struct term *t, unsigned n);          /* 3270 PF1-PF24 */
    /* the word for a 3270's status area: CP READ, VM READ, RUNNING */
    const char *(*status)(const struct term *t);
    /* 3270 full screen: a key's whole inbound record, for the guest that
     * owns the screen */
    void (*fs_input)(struct term *t, const u8 *data, unsigned n);
    /* CP took the screen back from the guest (PA1, CP output, a new client) */
    void (*fs_lost)(struct term *t);
};

enum term_io { TIO_NONE, TIO_SENSE, TIO_READ, TIO_WRITE };

/* a kind of terminal: how its channel programs are made */
struct term_kind {
    const char *name;           /* "3215", "3270" */
    void (*attach)(struct term *t);             /* at IPL: its own state */
    void (*start_read)(struct term *t);         /* SENSE + read */
    void (*start_write)(struct term *t);        /* after a clean SENSE */
    bool (*has_work)(struct term *t);           /* something to write */
    void (*read_done)(struct term *t, struct ioreq *req);
    void (*write_done)(struct term *t, bool ok);
    void (*reset)(struct term *t);              /* a new client: start clean */
    void (*tick)(struct term *t);               /* every TERM_PROBE_MS */
    void (*set_input)(struct term *t, const char *text);    /* 3270: preset */
    void (*hide_input)(struct term *t, bool hidden);        /* 3270: password */
    /* 3270 full screen (DIAGNOSE X'58'): the guest's own data stream */
    int (*fs_write)(struct term *t, bool erase, bool pa1, const u8 *data, unsigned n);
    bool (*fs_owned)(const struct term *t);
    /* the sense byte after a unit check the kind caused itself (a
     * command the terminal rejected): not a client gone away */
    bool (*sense_is_ours)(struct term *t, u8 sense);
    unsigned (*model)(const struct term *t);    /* 3270: 2-5, 0 another size */
};

/* term_fs_write() results */
#define TFS_OK          0
#define TFS_NOTDISPLAY  1       /* the terminal is not a 3270 */
#define TFS_REDRAW      2       /* the screen is CP's: an erase/write first */
#define TFS_BUSY        3       /* CP's output or the last write is not out yet */
#define TFS_MAX         4096    /* longest guest data stream, in or out */

/* a queue entry that is no line but an order for CP's 3270 output area
 * (DIAGNOSE X'58' CCW X'19' control byte); a 3215 skips it */
#define TL_CONTROL      0x80    /* this entry is an order */
#define TL_CLEAR        0x40    /* clear the output area */
#define TL_ROW          0x20    /* go on at row (row in the entry's len) */

struct tline {
    struct tline *next;
    u8 ctl;                     /* 0, or TL_CONTROL and what it orders */
    u16 len;
    char text[TERM_LINE];       /* CP's characters (ISO 8859-1) */
};

/* The response to a line (termresp.c): from the moment the line arrived
 * (the attention that announced it, or the end of its read) to the
 * moment CP waits for the next one with everything it wrote for this one
 * on the screen. */
struct term_resp {
    bool attn;                  /* an attention whose read has not ended yet */
    u64 attn_tod;               /* ... and when it came */
    u64 line_tod;               /* when the line read last arrived */
    bool open;                  /* a line is being answered */
    bool ready;                 /* CP waits for the next line: done once written */
    u64 start;                  /* the arrival of the line being answered */
    struct resphist *hist;      /* this client's responses (NULL: none yet) */
};

struct term {
    struct rdev *dev;
    u16 devno;
    const struct term_kind *kind;
    void *kdata;                /* the kind's own state */
    bool connected;             /* a client is there, as far as CP knows */
    u32 gen;                    /* connection number: bumps at every change */
    enum term_io io;            /* the channel program under way */
    u64 io_since;               /* TOD when it started */
    bool want_read;             /* an attention: input waits in Hercules */
    bool want_sense;            /* after a unit check: read why, clear it */
    bool uc_seen;               /* a unit check whose reason is not in yet */
    bool want_probe;
    bool arrived;               /* a device end: tell the session after the sense */
    u8 sense;                   /* sense byte read by the last SENSE */
    u8 why;                     /* why the last client went away */
    u32 lines_out, lines_in, lines_discarded, clients;
    struct tline *qhead, *qtail;    /* the output queue */
    unsigned qcount;
    struct ioreq req;
    struct ccw1 ccw[2 + 16];    /* [0] SENSE, [1] TIC (a gate), then the kind's */
    struct ccw1 *gate;          /* the 256-byte jump table of the write gate */
    const struct term_ops *ops;
    void *session;              /* the terminal session using it */
    struct term_resp resp;
};

/* create a struct term for every 3215 and 3270 */
void term_init_all(const struct term_ops *ops);
struct term *term_find(u16 devno);
struct term *term_at(unsigned i);
unsigned term_count(void);
/* queue a line; longer lines are split; never dropped while the client
 * is there */
void term_write(struct term *t, const char *line);
/* the same for a line whose length is known (no NUL looked for) */
void term_write_len(struct term *t, const char *line, size_t n);
void term_printf(struct term *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* nothing queued or being written */
bool term_idle(const struct term *t);
/* room for n more lines below TERM_QLEN (a terminal without a client has
 * room: what is written to it is discarded) */
bool term_has_room(const struct term *t, unsigned n);
/* may another user's line still be queued (fewer than TERM_QHARD lines
 * wait)?  Lines from others cannot wait for this terminal, so past that
 * backlog they are refused rather than kept in free storage */
bool term_takes_more(const struct term *t);
/* forget the lines queued and not yet written */
void term_discard_output(struct term *t);
/* 3270: put text into the input area for the user to change and enter */
void term_set_input(struct term *t, const char *text);
/* 3270: the next input is not shown (a password) */
void term_hide_input(struct term *t, bool hidden);
/* 3270: an order for the output area (TL_CLEAR, TL_ROW with row),
 * queued in turn with the lines */
void term_write_control(struct term *t, u8 ctl, unsigned row);
/* 3270 full screen: the guest's write (WCC and orders, n <= TFS_MAX); an
 * erase/write takes the screen from CP, a plain write needs the screen
 * to be the guest's already.  pa1: PA1 goes to the guest too.  TFS_* */
int term_fs_write(struct term *t, bool erase, bool pa1, const u8 *data, unsigned n);
/* is it a 3270? */
bool term_is_display(const struct term *t);
/* does the guest own the screen? */
bool term_fs_owned(const struct term *t);
/* "3215", "3270-2" ... "3270-5", "3270" for a screen of another size */
const char *term_model_name(const struct term *t);
/* the kind and model for QUERY TERMINALS: "3215", "3270 MODEL 2" */
const char *term_kind_name(const struct term *t);

/* ---- response times (termresp.c) ------------------------------------------ */
/* every response of every terminal since IPL or the last reset */
extern struct resphist term_resp_total;
/* the session starts answering a line that arrived at TOD arrived */
void term_resp_open(struct term *t, u64 arrived);
/* CP waits for the user's next line: the response ends when its output
 * is written */
void term_resp_ready(struct term *t);
/* this client's responses (NULL if none yet) */
const struct resphist *term_resp_hist(const struct term *t);
/* forget the terminal's figures (and the response under way) */
void term_resp_reset(struct term *t);
/* forget every terminal's figures and the system total */
void term_resp_reset_all(void);
/* for term.c: an attention, a line read, a write done, a new client */
void term_resp_attention(struct term *t);
void term_resp_line_read(struct term *t);
void term_resp_check(struct term *t);
void term_resp_client(struct term *t);

/* ---- for the kinds (con3215.c, con3270.c) ---------------------------- */
/* start a channel program in t->ccw */
void term_start(struct term *t, enum term_io io);
/* SENSE command-chained to one more CCW the caller fills in t->ccw[1] */
void term_chain_sense(struct term *t);
/* start the write the caller built from t->ccw[2] on, behind the gate */
void term_start_write(struct term *t);
#define TERM_WCCW       2       /* the first write CCW: t->ccw[TERM_WCCW] */
/* take the first queued line off the queue (the caller frees it) */
struct tline *term_dequeue(struct term *t);
/* a dequeued line is done with: kept for a next one, or freed */
void term_line_free(struct tline *l);
/* something may have changed: start the next channel program if idle */
void term_kick(struct term *t);

#endif
