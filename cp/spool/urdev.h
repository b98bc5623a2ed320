/* urdev.h - the real unit-record devices: printers and punches that
 * write spool files out, readers that read decks into the spool.
 *
 * Each real 1403/3211 printer, 3525/2540P punch and 3505/2540R reader CP
 * finds at IPL gets a task of its own.  Devices come up drained; the
 * operator starts them (START) and drains them (DRAIN: after the file in
 * hand).  A started printer or punch takes the first file of any user's
 * printer or punch queue that is not held and is of its class, writes
 * every copy and purges it.  A started reader reads decks: a first card
 * "ID userid" (not part of the file) or the user of START ... TO decides
 * whose reader the deck goes to; the operator's otherwise.  The end of a
 * deck is the reader's unit exception. */
#ifndef CP_SPOOL_URDEV_H
#define CP_SPOOL_URDEV_H

#include "arch370/types.h"

struct rdev;
struct task;

struct urdev {
    struct rdev *rd;
    u8 kind;                    /* SPOOL_RDR, SPOOL_PRT, SPOOL_PUN */
    bool started, draining;
    bool working;               /* a file is in hand */
    bool loaded;                /* reader: device end since the hopper ran empty */
    char cls;                   /* printer/punch: class it takes ('*' any) */
    char to[9];                 /* reader: whose reader decks go to ("" = ID card or OPERATOR) */
    u16 spid;                   /* the file in hand */
    u32 files, records;         /* done since IPL */
    struct urdev *next;
};

extern struct urdev *urdevs;

/* at IPL: a task for each real reader, punch and printer */
void urdev_init(void);
/* a file arrived in a printer or punch queue, or one was released */
void urdev_kick(void);
struct urdev *urdev_find(u16 devno);
/* the task bodies (urwrite.c, urread.c) */
void urdev_writer(struct urdev *u);
void urdev_reader(struct urdev *u);
/* a writer with nothing to do: until urdev_kick() */
void urdev_idle(struct urdev *u);
/* wait until the operator starts the device */
void urdev_wait_started(struct urdev *u);
/* a drained device stops here; true if it did */
bool urdev_drain_point(struct urdev *u);
const char *urdev_name(const struct urdev *u);     /* "PRT" "PUN" "RDR" */

#endif
