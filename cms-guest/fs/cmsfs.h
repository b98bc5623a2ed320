/* cmsfs.h - the CMS file system on 800-byte-block minidisks (VM/370 R6).
 *
 * The same C runs in the CMS guest (freestanding, no libc) and in host
 * tools and tests.  It reaches the disk only through a caller's block
 * device and gets storage only from a caller's allocator.  The on-disk
 * format is the one VM/370 Release 6 CMS writes (cms-guest/fs/layout.h,
 * docs/cmsfs.md), so disks move between the two systems.
 *
 * Every function returns 0 or a negative CMS_E* code; none aborts, whatever
 * the disk contains.  Updates are crash-safe: new data, chain links, FST
 * blocks and QMSK extension blocks go to free blocks, and the single write
 * of the MFD (block 4) switches from the old directory to the new one. */
#ifndef CMS_FS_CMSFS_H
#define CMS_FS_CMSFS_H

#include "arch370/types.h"

/* ---- results ------------------------------------------------------------ */
#define CMS_OK          0
#define CMS_EIO         (-1)    /* the block device reported an error */
#define CMS_ENOTCMS     (-2)    /* block 3 has no CMS= label */
#define CMS_ECORRUPT    (-3)    /* directory or chain points outside the disk */
#define CMS_ENOTFOUND   (-4)    /* no such file */
#define CMS_EBADID      (-5)    /* file name, type or mode not valid */
#define CMS_EEXIST      (-6)    /* rename target already exists */
#define CMS_ERDONLY     (-7)    /* disk mounted read-only */
#define CMS_EFULL       (-8)    /* no free block left */
#define CMS_EDIRFULL    (-9)    /* the MFD cannot list another FST block */
#define CMS_ETOOBIG     (-10)   /* over 16060 blocks or 65534 records */
#define CMS_EBADREC     (-11)   /* record length wrong for the file */
#define CMS_ETRUNC      (-12)   /* record longer than the buffer */
#define CMS_EOF         (-13)   /* no more records / files */
#define CMS_ENOMEM      (-14)   /* the allocator returned NULL */
#define CMS_EBUSY       (-15)   /* a file is open for writing on this disk */
#define CMS_EINVAL      (-16)   /* bad argument: RECFM, LRECL, geometry */
#define CMS_EEMPTY      (-17)   /* a CMS file has at least one record */

/* a sentence for each code (ASCII) */
const char *cms_strerror(int rc);

/* ---- what the caller provides -------------------------------------------- */
struct cms_blkdev {
    void *ctx;
    int (*read)(void *ctx, u32 block, u8 *buf);         /* 800 bytes; 0 ok */
    int (*write)(void *ctx, u32 block, const u8 *buf);
    u32 blocks;         /* usable blocks (ADTNUM) */
    u16 cyls;           /* cylinders of the minidisk */
};

struct cms_time {
    u16 year;           /* stored as two digits (year mod 100) */
    u8 month, day, hour, minute;
};

struct cms_env {
    void *(*alloc)(size_t size);
    void (*free)(void *p);
    void (*now)(struct cms_time *t);    /* NULL: files are dated 00/00/00 00:00 */
};

/* ---- names ----------------------------------------------------------------
 * Kept as on disk: EBCDIC, blank padded.  cms_fileid_make() builds one from
 * ASCII words (upper-cased); a created file's name and type may use
 * A-Z 0-9 $ # @ + - : _ and its mode is a letter and a digit 0-6. */
struct cms_fileid {
    u8 fn[8], ft[8];
    u8 fm[2];           /* letter, digit; only written, never used for lookup */
};

int cms_fileid_make(struct cms_fileid *id, const char *fn, const char *ft, const char *fm);
/* ASCII, blanks removed: fn[9], ft[9], fm[3] */
void cms_fileid_text(const struct cms_fileid *id, char *fn, char *ft, char *fm);
/* volume label: 1-6 characters of the same set, upper-cased, blank padded */
int cms_label_make(u8 label[6], const char *text);

#define CMS_RECFM_F     0xC6    /* EBCDIC 'F' */
#define CMS_RECFM_V     0xE5    /* EBCDIC 'V' */

struct cms_fileinfo {
    struct cms_fileid id;       /* fm as the file was last written */
    u8 recfm;                   /* CMS_RECFM_F or CMS_RECFM_V */
    u8 flag;
    u32 lrecl;                  /* F: record length; V: longest record */
    u32 items;                  /* records */
    u32 blocks;                 /* data blocks */
    u16 fcl;                    /* first chain link */
    u16 wrpnt, rdpnt;
    struct cms_time written;    /* year: the two stored digits, 0-99 */
};

struct cms_stats {
    u8 label[6];                /* EBCDIC */
    u16 cyls;                   /* ADTCYL */
    u32 blocks, used, left;     /* ADTNUM, ADTUSED, ADTLEFT */
    u32 files, fst_blocks, qmsk_ext_blocks;
};

/* ---- the disk --------------------------------------------------------------- */
struct cms_fs;

/* Blocks of a 3350 minidisk of so many cylinders: 570 a cylinder, at most
 * 65531 (FMT §2.1). */
u32 cms3350_adtnum(u32 cyls);
/* Block n (1-based) of a minidisk as cylinder (relative), head, record. */
void cms3350_locate(u32 block, u32 *cyl, u32 *head, u32 *rec);

/* Write an empty CMS disk: blocks 1-2 zero, label, MFD, one empty FST
 * block (FMT §2.3 "freshly formatted").  dev->blocks must be 5..65531. */
int cms_format(struct cms_blkdev *dev, const u8 label[6]);

#define CMS_MOUNT_RDONLY        1u

/* Read label, MFD, QMSK and FST blocks.  *out is allocated with env. */
int cms_mount(struct cms_fs **out, struct cms_blkdev *dev, const struct cms_env *env,
              unsigned flags);
void cms_unmount(struct cms_fs *fs);
void cms_query_disk(const struct cms_fs *fs, struct cms_stats *st);

/* Files in directory order: start with *cursor = 0; CMS_EOF after the last. */
int cms_list(const struct cms_fs *fs, u32 *cursor, struct cms_fileinfo *info);
/* STATE: 0 and *info (may be NULL) if the file exists, else CMS_ENOTFOUND. */
int cms_state(const struct cms_fs *fs, const struct cms_fileid *id, struct cms_fileinfo *info);
int cms_erase(struct cms_fs *fs, const struct cms_fileid *id);
/* Rename fn ft; the file keeps its mode, date and data.  CMS_EEXIST if the
 * new name is taken. */
int cms_rename(struct cms_fs *fs, const struct cms_fileid *from, const struct cms_fileid *to);

/* ---- reading a file record by record --------------------------------------- */
struct cms_file;

int cms_open_read(struct cms_fs *fs, const struct cms_fileid *id, struct cms_file **out);
/* Next record into buf; *len = its full length.  CMS_ETRUNC when it did not
 * fit (size bytes are stored, the next call returns the next record),
 * CMS_EOF after the last record. */
int cms_read_record(struct cms_file *f, u8 *buf, u32 size, u32 *len);
void cms_close_read(struct cms_file *f);

/* ---- writing ------------------------------------------------------------------
 * One writer per disk at a time; while it is open, erase and rename return
 * CMS_EBUSY.  Nothing is visible on the disk until cms_close_write()
 * commits; any error leaves the disk as it was before the open. */
struct cms_writer;

/* A new file, replacing one of the same fn ft on close.  F: every record
 * is exactly lrecl (1..65535) bytes.  V: records of 1..65535 bytes; lrecl
 * is ignored and the file's LRECL becomes the longest record. */
int cms_open_write(struct cms_fs *fs, const struct cms_fileid *id, u8 recfm, u32 lrecl,
                   struct cms_writer **out);
/* Records added after the existing ones (same RECFM; F: same LRECL). */
int cms_open_append(struct cms_fs *fs, const struct cms_fileid *id, struct cms_writer **out);
int cms_write_record(struct cms_writer *w, const u8 *rec, u32 len);
/* Commit and free the writer.  CMS_EEMPTY if no record was written. */
int cms_close_write(struct cms_writer *w);
/* Drop everything written and free the writer. */
void cms_abandon_write(struct cms_writer *w);

/* ---- consistency check (FMT §2.9) -------------------------------------------- */
enum cms_rule {
    CMS_RULE_LABEL,             /* block 3 starts with CMS= */
    CMS_RULE_POINTER,           /* every block pointer is 1..ADTNUM */
    CMS_RULE_OWNED_ONCE,        /* each block owned once */
    CMS_RULE_OWNED_IN_QMSK,     /* every owned block has its bit set */
    CMS_RULE_QMSK_OWNED,        /* every set bit belongs to something */
    CMS_RULE_QMSK_PAST_END,     /* bits past ADTNUM are 0 */
    CMS_RULE_ADTUSED,           /* ADTUSED = owned blocks */
    CMS_RULE_ADTLEFT,           /* ADTUSED + ADTLEFT = ADTNUM */
    CMS_RULE_ADTLAST,           /* ADTLAST = last non-zero QMSK byte */
    CMS_RULE_ADTCYL,            /* ADTCYL = cylinders of the minidisk */
    CMS_RULE_CHAIN,             /* the chain yields exactly the block count */
    CMS_RULE_ITEMS,             /* records parse to exactly the item count */
    CMS_RULE_WRPNT,             /* write pointer = items + 1 */
    CMS_RULE_F_BLOCKS,          /* F: blocks = ceil(items * LRECL / 800) */
    CMS_RULE_V_LRECL,           /* V: LRECL >= longest record */
    CMS_RULE_V_BLOCKS,          /* V: blocks = ceil(bytes / 800) */
    CMS_RULE_SLACK,             /* no non-zero slack bytes */
    CMS_RULE_RECFM,             /* RECFM is F or V */
    /* notes: peculiarities of files CMS did not write (FMT §2.8) */
    CMS_NOTE_V_FIXED_BLOCKS,    /* V file with blocks counted as if F */
    CMS_NOTE_ZERO_RECORD,       /* zero-length V records */
    CMS_NOTE_V_LRECL_LONGER,    /* V LRECL above the longest record */
    CMS_NOTE_FST_HOLE,          /* empty FST slot before a used one */
    CMS_NOTE_RDPNT,             /* read pointer not 1 */
    CMS_RULE_COUNT
};

struct cms_issue {
    enum cms_rule rule;
    bool note;                  /* a note, not a violation */
    bool has_file;
    struct cms_fileid file;     /* the file concerned, if has_file */
    u32 block;                  /* the block concerned, or 0 */
    u32 expected, found;        /* the numbers compared, where there are */
};

/* the rule as a sentence (ASCII) */
const char *cms_rule_text(enum cms_rule rule);

/* Check the disk as it is on the device against every rule of FMT §2.9;
 * report() is called for each violation and note.  Returns the number of
 * violations (notes not counted) or a negative CMS_E* code. */
int cms_check(struct cms_fs *fs, void (*report)(void *ctx, const struct cms_issue *issue),
              void *ctx);

#endif
