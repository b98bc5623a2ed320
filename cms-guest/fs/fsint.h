/* fsint.h - the mounted disk, shared by the files of the library only.
 *
 * The directory is held as its FST blocks, back to back (slot s is at
 * fst + 40 s).  The QMSK is held twice: `qmsk` is the working map an
 * operation changes, `qmsk_disk` the map as the disk has it.  A block may
 * be taken only when it is free in both, so nothing the on-disk directory
 * still uses is overwritten before the MFD write commits the change. */
#ifndef CMS_FS_FSINT_H
#define CMS_FS_FSINT_H

#include "cms-guest/fs/cmsfs.h"
#include "cms-guest/fs/layout.h"
#include "cms-guest/fs/fsport.h"
#include "arch370/be.h"

#define MAX_FST_BLOCKS  (MFD_LIST_SLOTS - 1)    /* with the sentinel, no extensions */
#define UNDO_SLOTS      4

struct cms_fs {
    struct cms_blkdev *dev;
    struct cms_env env;
    unsigned flags;
    bool writing;                       /* a cms_writer is open */

    u8 label[LBL_VOLID_LEN];
    u32 adtnum, adtcyl;                 /* from the MFD */
    u32 used, left, last;               /* counters as on disk */
    u8 devcode;                         /* MFD byte 599, kept as found */

    u32 qbytes;                         /* 215 + 800 * extensions that fit ADTNUM */
    u8 *qmsk, *qmsk_disk;
    u16 ext[CMS_MAX_QMSK_EXT];          /* QMSK extension blocks */
    unsigned next;
    u32 cursor;                         /* allocation scan starts here */

    u16 fstblk[MAX_FST_BLOCKS];         /* FST block numbers, directory order */
    unsigned nfst;
    unsigned fstcap;                    /* FST blocks the buffer holds */
    u8 *fst;                            /* nfst * 800 bytes */

    /* the transaction in progress (txn.c) */
    struct {
        u16 fstblk[MAX_FST_BLOCKS];
        unsigned nfst;
        bool dirty[MAX_FST_BLOCKS];
        unsigned nundo;
        u32 undo_slot[UNDO_SLOTS];
        u8 undo[UNDO_SLOTS][FST_SIZE];
    } txn;
};

/* ---- helpers ---- */
static inline bool blk_valid(const struct cms_fs *fs, u32 b)
{
    return b >= 1 && b <= fs->adtnum;
}

static inline u32 div_up(u32 a, u32 b)
{
    return a / b + (a % b != 0);
}

static inline u8 *fst_slot(const struct cms_fs *fs, u32 slot)
{
    return fs->fst + slot * FST_SIZE;
}

static inline bool fst_used(const u8 *e)
{
    return e[0] != 0;
}

void *fs_alloc(const struct cms_fs *fs, size_t n);
void fs_free(const struct cms_fs *fs, void *p);
int dev_read(const struct cms_fs *fs, u32 block, u8 *buf);
int dev_write(const struct cms_fs *fs, u32 block, const u8 *buf);

/* ---- qmsk.c: the allocation bit map ---- */
bool qmsk_test(const u8 *map, u32 block);
void qmsk_set(u8 *map, u32 block);
void qmsk_clear(u8 *map, u32 block);
int qmsk_take(struct cms_fs *fs, u16 *block);       /* CMS_EFULL */
void qmsk_release(struct cms_fs *fs, u32 block);
u32 qmsk_count(const struct cms_fs *fs, const u8 *map);
u32 qmsk_last(const struct cms_fs *fs, const u8 *map);
u32 qmsk_ext_needed(u32 last);
u32 qmsk_bytes_for(u32 adtnum);

/* ---- mount.c ---- */
void mfd_build(const struct cms_fs *fs, const u16 *ext, unsigned next, u8 *mfd);

/* ---- dir.c: the FST directory ---- */
u32 dir_slots(const struct cms_fs *fs);
int dir_find(const struct cms_fs *fs, const struct cms_fileid *id, u32 *slot);
int fileid_check_lookup(const struct cms_fileid *id);
int fileid_check_names(const struct cms_fileid *id);
int fileid_check_new(const struct cms_fileid *id);
void fst_info(const u8 *e, struct cms_fileinfo *info);
void fst_stamp(const struct cms_fs *fs, u8 *e);

/* ---- chain.c: chain links ---- */
struct chain {
    struct cms_fs *fs;
    u8 fcl[CMS_BLKSIZE];
    u8 ncl[CMS_BLKSIZE];
    int ncl_index;                      /* Nth chain link in ncl, -1 none */
};
int chain_open(struct chain *c, struct cms_fs *fs, u32 fcl);
int chain_raw(struct chain *c, u32 index, u32 *ptr);
int chain_data(struct chain *c, u32 index, u16 *block);
int chain_release(struct cms_fs *fs, const u8 *fst);
int chain_write(struct cms_fs *fs, const u16 *data, u32 n, u16 *fcl);

/* ---- read.c: the record reader ---- */
struct cms_file {
    struct cms_fs *fs;
    struct chain chain;
    u8 fst[FST_SIZE];
    u8 recfm;
    u32 lrecl, items, blocks;
    u32 recno;                          /* records delivered */
    u32 next_block;                     /* data block to load next (0-based) */
    u32 pos;                            /* offset in data; 800 = load the next */
    int err;                            /* sticky: the file is damaged */
    u8 data[CMS_BLKSIZE];
};
int file_open_entry(struct cms_fs *fs, const u8 *fst, struct cms_file **out);
/* bytes of the data stream consumed so far */
static inline u32 file_offset(const struct cms_file *f)
{
    return f->next_block == 0 ? 0 : (f->next_block - 1) * CMS_BLKSIZE + f->pos;
}

/* ---- txn.c: commit through the MFD ---- */
void txn_begin(struct cms_fs *fs);
int txn_set(struct cms_fs *fs, u32 slot, const u8 *entry);
int txn_add(struct cms_fs *fs, const u8 *entry);
int txn_remove(struct cms_fs *fs, u32 slot);
int txn_commit(struct cms_fs *fs);
void txn_abort(struct cms_fs *fs);
int fs_modifiable(const struct cms_fs *fs);

#endif
