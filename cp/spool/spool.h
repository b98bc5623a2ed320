/* spool.h - spool files on DASD: the store, its queues, warm start.
 *
 * A spool file holds the records of a virtual unit-record device: card
 * images of a reader or punch, print lines of a printer, each with the
 * CCW command code it was written with, so carriage control (write,
 * write and space, skip to channel n) comes back exactly as it went in.
 * Files sit in per-user queues (reader, printer, punch) in an order the
 * user can change, and survive a crash of CP once they are closed.
 *
 * The store does page I/O through struct spool_dev, so the same code runs
 * in CP (a wrapper around cp_area_read_page/cp_area_write_page, see
 * cp/spool/area.c) and in the host unit tests (an in-memory fake).  The
 * format on DASD is in cp/spool/spfmt.h and docs/spool-format.md.
 *
 * Calls may sleep while page I/O is in flight (cp/kern/task.h); updates of
 * the directory are serialised inside the store.  Names are ASCII in
 * memory, 1 to 8 printable characters without blanks; an empty string
 * means "none" where a name is optional (form, file name, type, dist).
 *
 * Results: 0 (SPOOL_OK) or a positive value as documented, or a negative
 * SPOOL_E... code; spool_strerror() turns a code into a sentence. */
#ifndef CP_SPOOL_SPOOL_H
#define CP_SPOOL_SPOOL_H

#include "arch370/types.h"

#define SPOOL_MAX_ID            9999    /* spool ids are 1..9999, then wrap */
#define SPOOL_MAX_RECORD        2048    /* longest record spf_put accepts */
#define SPOOL_MAX_COPIES        99
#define SPOOL_MIN_PAGES         4       /* label, one directory page twice, one data page */

/* the queues, also the device kinds that make files */
enum spool_type {
    SPOOL_ANY = 0,              /* in queries: every queue */
    SPOOL_RDR = 1,
    SPOOL_PRT = 2,
    SPOOL_PUN = 3,
};

/* flags */
#define SPOOL_HOLD              0x80    /* user hold (CHANGE ... HOLD) */
#define SPOOL_SYSHOLD           0x40    /* operator hold */
#define SPOOL_HOLD_MASK         (SPOOL_HOLD | SPOOL_SYSHOLD)

enum spool_rc {
    SPOOL_OK = 0,
    SPOOL_EOF = 1,              /* spf_get: no more records */
    SPOOL_EINVAL = -1,          /* bad argument or handle; nothing changed */
    SPOOL_ENOFILE = -2,         /* no such spool file (or not in that queue) */
    SPOOL_EFULL = -3,           /* no free page in the spool area */
    SPOOL_ENOSLOT = -4,         /* the spool directory is full */
    SPOOL_ENOID = -5,           /* all spool ids 1..9999 are in use */
    SPOOL_EBUSY = -6,           /* the file is open for reading */
    SPOOL_EIO = -7,             /* DASD error on the spool area */
    SPOOL_EDAMAGED = -8,        /* a page of the file failed its checks */
    SPOOL_ENOMEM = -9,          /* not enough CP free storage */
    SPOOL_ENOTREADY = -10,      /* spool_init has not succeeded */
    SPOOL_ENOTFMT = -11,        /* warm start: the area has no valid label */
};

/* Attributes of a file.  The store sets spid, records, pages, bytes; the
 * rest comes from the creator and from CHANGE/TRANSFER/ORDER. */
struct spool_attrs {
    u16 spid;                   /* 1..9999 */
    u8 type;                    /* queue: SPOOL_RDR, SPOOL_PRT, SPOOL_PUN */
    u8 origin_type;             /* device kind that produced the records */
    char cls;                   /* class 'A'..'Z', '0'..'9' */
    u8 copies;                  /* 1..99 */
    u8 flags;                   /* SPOOL_HOLD, SPOOL_SYSHOLD */
    char origin[9];             /* userid that created the file */
    char owner[9];              /* userid whose queue holds it */
    char form[9];
    char fname[9];
    char ftype[9];
    char dist[9];
    u64 created;                /* TOD clock; 0 at open: the device's clock */
    u32 records;
    u32 pages;                  /* data pages */
    u32 bytes;                  /* sum of the record lengths */
};

/* The page I/O the store uses.  read/write move one whole page and return
 * 0 or a negative device error; the rest is optional. */
struct spool_dev {
    void *ctx;
    int (*read)(void *ctx, u32 page, void *buf);
    int (*write)(void *ctx, u32 page, const void *buf);
    u32 pages;                  /* pages in the area */
    void (*msg)(void *ctx, const char *line);  /* operator messages */
    u64 (*now)(void *ctx);                     /* TOD clock */
    /* Wait for / signal a change of *chan.  Only needed when several CP
     * tasks use the spool; without them a contended directory is an
     * abend (ABEND_SPOOL). */
    void (*sleep)(const void *chan);
    void (*wakeup)(const void *chan);
};

struct spool_init_report {
    u32 recovered;              /* closed files now in the queues */
    u32 open_discarded;         /* files that were open at the crash */
    u32 damaged_discarded;      /* files that failed a check */
    u32 dir_pages_lost;         /* directory pages with no valid copy */
    u32 pages_total;            /* data pages of the area */
    u32 pages_used;
};

/* Cold start (cold = true) formats the area: every file is erased.  Warm
 * start recovers every closed file and discards, with a message each,
 * files that were open and files whose pages fail their checks.  The
 * store keeps dev; every handle of an earlier spool_init is void. */
int spool_init(struct spool_dev *dev, bool cold, struct spool_init_report *rep);
/* give back the store's free storage (handles must be closed first) */
void spool_term(void);

/* ---- writing a file ------------------------------------------------
 * A file is invisible until spf_close returns its spool id: only then is
 * it durable and in its owner's queue.  spf_put fails with SPOOL_EFULL
 * when no page is free; the file then holds every record before the one
 * refused and may be closed short (spf_close) or dropped (spf_abort).
 * After SPOOL_EIO from spf_put the file cannot be completed: spf_close
 * then drops it as spf_abort does and returns SPOOL_EIO.  spf_close and
 * spf_abort always release the handle. */
struct spf;
int spf_open_write(const struct spool_attrs *a, struct spf **out);
int spf_put(struct spf *h, u8 ccw_op, const void *data, u16 len);
int spf_close(struct spf *h);           /* spool id (> 0) or error */
int spf_abort(struct spf *h);
u16 spf_id(const struct spf *h);        /* the spool id of an open file */
/* form and distribution code of an open file, written when it closes
 * (SPOOL ... FORM/DIST are for the next file closed); "" means none */
int spf_set_form(struct spf *h, const char *form, const char *dist);

/* ---- reading a file ------------------------------------------------
 * One reader at a time.  spf_get copies at most max bytes, sets *len to
 * the record's full length and returns SPOOL_OK, or SPOOL_EOF after the
 * last record.  Positions are record numbers from 0: spf_tell is the
 * record spf_get returns next.  DIAGNOSE X'14' maps onto these: next
 * buffer is spf_get, repeat is spf_seek back to a position saved with
 * spf_tell, restart is spf_restart, backspace is spf_backspace.  A file
 * being read cannot be purged or transferred (SPOOL_EBUSY) except by
 * spf_close_read(h, SPF_PURGE). */
enum spool_disposition { SPF_KEEP = 0, SPF_PURGE = 1 };
int spf_open_read(u16 spid, struct spf **out);
int spf_get(struct spf *h, u8 *ccw_op, void *buf, u16 max, u16 *len);
u32 spf_tell(const struct spf *h);
int spf_seek(struct spf *h, u32 recno);
int spf_restart(struct spf *h);         /* back to the first record */
int spf_backspace(struct spf *h);       /* back one record; at 0: SPOOL_EINVAL */
int spf_close_read(struct spf *h, enum spool_disposition d);

/* ---- the queues ----------------------------------------------------
 * owner NULL means every user, type SPOOL_ANY every queue.  Lists are in
 * queue order: per owner and queue the order of arrival, changed by
 * ORDER; across owners the same key decides (the operator's view). */
int spool_query(u16 spid, struct spool_attrs *out);
/* ids in queue order into ids[0..max); returns how many files match */
unsigned spool_list(const char *owner, u8 type, u16 *ids, unsigned max);
unsigned spool_count(const char *owner, u8 type);
/* the first file a device would take: not held, not open for reading, of
 * class cls (0 or '*': any class); 0 when there is none */
u16 spool_next(const char *owner, u8 type, char cls);

/* CHANGE: the fields named in what */
#define SPC_CLASS               0x01
#define SPC_COPIES              0x02
#define SPC_FLAGS               0x04    /* hold flags, whole */
#define SPC_NAME                0x08    /* fname and ftype */
#define SPC_DIST                0x10
#define SPC_FORM                0x20
struct spool_changes {
    u32 what;
    char cls;
    u8 copies;
    u8 flags;
    char fname[9], ftype[9], dist[9], form[9];
};
int spool_change(u16 spid, const struct spool_changes *c);
/* TRANSFER: to another user's queue (to_type), at its end */
int spool_transfer(u16 spid, const char *to_user, u8 to_type);
/* ORDER: ids[0..n) of owner's queue go first, in that order */
int spool_order(const char *owner, u8 type, const u16 *ids, unsigned n);
int spool_purge(u16 spid);
/* purge every file of owner in queue type (files open for reading are
 * skipped); returns the number purged or an error */
int spool_purge_owner(const char *owner, u8 type);
int spool_purge_all(void);

/* data pages of the area, and how many hold file data (or are being written) */
void spool_space(u32 *total, u32 *used);

const char *spool_strerror(int rc);
const char *spool_type_name(u8 type);   /* "RDR" "PRT" "PUN" */

#endif
