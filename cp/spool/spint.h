/* spint.h - the spool store's state, shared by the files of cp/spool/.
 *
 * In memory the store keeps one slot per directory entry (decoded, with
 * ASCII names), a link per page of the area (the chains of the files,
 * mirrored from the data pages, so purging needs no I/O), and a map from
 * spool id to slot.  All of it is rebuilt from DASD at warm start; only
 * the directory and the data pages are ever written. */
#ifndef CP_SPOOL_SPINT_H
#define CP_SPOOL_SPINT_H

#include "cp/spool/spool.h"
#include "cp/spool/spfmt.h"

enum slot_state {
    SLOT_FREE,
    SLOT_OPEN,                  /* being written: handle exists */
    SLOT_READY,                 /* closed, in its queue */
};

/* A directory update in flight: the slot goes to DASD as if it were done,
 * but stays out of every lookup until the write has completed. */
enum slot_pending {
    PEND_NONE,
    PEND_CLOSE,                 /* OPEN slot committing as CLOSED */
    PEND_DROP,                  /* slot leaving: purge or abort */
};

struct spool_file {
    struct spool_attrs a;
    u8 state;                   /* enum slot_state */
    u8 pending;                 /* enum slot_pending */
    bool reading;               /* a reader has it open */
    u32 serial;
    u32 order;                  /* queue key */
    u32 first, last;            /* data pages, 0 when empty */
};

/* link[] values besides a next page number */
#define PAGE_END        0u              /* last page of its file */
#define PAGE_FREE       0xFFFFFFFFu

#define ORDER_START     0x80000000u     /* first key, both directions */

/* id_slot[] value of an id whose file's fate on DASD is unknown (its
 * directory update failed): not handed out again before the next IPL */
#define ID_RESERVED     0xFFFFu

/* an open file: a writer builds one page at a time in buf, a reader has
 * one page of the file in buf */
struct spf {
    u32 magic;                  /* SPF_WRITER or SPF_READER */
    struct spool_file *f;
    u8 *buf;
    u32 page;                   /* page in buf, 0 = none */
    u32 index;                  /* its number within the file */
    u32 firstrec;               /* number of its first record */
    u32 first;                  /* writer: first page of the file */
    u32 records, bytes;         /* writer: totals so far */
    int error;                  /* writer: sticky SPOOL_EIO / SPOOL_ENOMEM */
    u32 pos;                    /* reader: next record to return */
    u32 nrec;                   /* reader: records on the page in buf */
    u32 irec, off;              /* reader: where record pos is in buf */
};
#define SPF_WRITER      0xE2D7E6D9u     /* EBCDIC "SPWR" */
#define SPF_READER      0xE2D7D9C4u     /* EBCDIC "SPRD" */

/* a handle with its page buffer (handle.c); NULL if storage is short */
struct spf *sp_handle_new(const char *tag);
void sp_handle_free(struct spf *h);

struct spool_store {
    struct spool_dev *dev;
    bool ready;
    u32 pages;                  /* area pages */
    u32 ndir;                   /* directory pages, each kept twice */
    u32 nslots;
    u32 data0;                  /* first data page */
    u32 stamp;                  /* format stamp of the label */
    u64 seq;                    /* last directory write sequence */
    u32 next_id;
    u32 next_serial;
    u32 order_lo, order_hi;
    u32 used;                   /* data pages in use */
    u32 cursor;                 /* where the page allocator looks next */
    bool dir_busy;
    struct spool_file *slots;   /* nslots */
    struct spool_file *save;    /* SPD_SLOTS, for undoing a failed update */
    u8 *cur_copy;               /* per directory page: copy with the current version */
    u32 *link;                  /* per page */
    u16 *id_slot;               /* spool id -> slot + 1, 0 = unused */
    u8 *dirbuf;                 /* directory page image, under the lock */
};

extern struct spool_store sps;

/* crc.c: CRC-32 (IEEE 802.3) of every page */
u32 sp_crc32(const void *p, size_t n);
void sp_seal(u8 *page);                 /* store the CRC at SPF_CRC */
bool sp_sealed(const u8 *page);         /* CRC matches */

/* attrs.c: names, attributes, spool ids, messages */
bool sp_name_ok(const char *s, bool required);
bool sp_class_ok(char c);
bool sp_type_ok(u8 type);
int sp_attrs_check(const struct spool_attrs *a);
void sp_put_name(u8 *dst, const char *s);
bool sp_get_name(char *dst, const u8 *src, bool required);
bool sp_same_user(const char *a, const char *b);
int sp_id_take(u16 slot, u16 *spid);
void sp_id_release(u16 spid);
void sp_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* page.c: data pages and their allocation */
u32 sp_page_alloc(void);                /* 0 when the area is full */
void sp_page_release(u32 p);
void sp_chain_release(u32 first);
void spp_start(u8 *pg, u32 serial, u32 index, u32 prev, u32 firstrec);
struct spp_expect {
    u32 serial, index, prev, firstrec;  /* prev, firstrec may be SPP_ANY */
};
#define SPP_ANY         0xFFFFFFFFu
const char *spp_check(const u8 *pg, const struct spp_expect *e);
int sp_read_data(u32 page, u8 *buf, const struct spp_expect *e);

/* dir.c: directory entries and their two-copy writes */
u8 slot_disk_state(const struct spool_file *f);
void spe_encode(u8 *e, const struct spool_file *f);
const char *spe_decode(const u8 *e, struct spool_file *f);
void spd_header(u8 *b, u32 d, u32 copy, u64 seq);
const char *spd_check(const u8 *b, u32 d, u32 copy);
u32 spd_page(u32 d, u32 copy);
void dir_lock(void);
void dir_unlock(void);
int dir_write(u32 d);
/* apply fn to every slot of directory page d, write the page if fn
 * changed a slot, undo the changes if the write fails; returns the
 * number of slots changed or SPOOL_EIO */
typedef bool (*slot_fn)(struct spool_file *f, void *arg);
int dir_update_page(u32 d, slot_fn fn, void *arg);
int dir_update_slot(struct spool_file *f, slot_fn fn, void *arg);

/* queue.c */
struct spool_file *sp_lookup(u16 spid); /* visible files only */
bool sp_visible(const struct spool_file *f);

/* change.c: purge one file; the directory lock is held */
int sp_purge_file(struct spool_file *f);

/* start.c: the label */
const char *spl_check(const u8 *b);
int spl_read(u8 *b);

/* recover.c: warm start */
int sp_recover(struct spool_init_report *rep);

#endif
