/* write.c - creating, replacing and appending to files.
 *
 * Records are packed into 800-byte blocks as they come (FMT §2.7); each
 * full block goes to a block that is free on disk.  cms_close_write()
 * writes the last block, the chain links, and then commits the FST entry
 * through txn.c.  An appended file shares the old file's full data blocks;
 * its last, partly filled block is copied, never rewritten in place, so
 * the old file stays intact until the commit. */
#include "cms-guest/fs/fsint.h"

#define MAX_ITEMS       0xFFFEu         /* write pointer = items + 1 is a halfword */
#define MAX_RECORD      0xFFFFu

struct cms_writer {
    struct cms_fs *fs;
    struct cms_fileid id;
    u8 recfm;
    u32 lrecl;                          /* F: the length; V: longest so far */
    u32 items;
    u32 bytes;                          /* of the data stream */
    u16 *blk;                           /* data blocks written, in order */
    u32 nblk, cap;
    u32 pos;                            /* bytes in data[] */
    int err;                            /* sticky: the file cannot be committed */
    u8 data[CMS_BLKSIZE];
};

static int writer_new(struct cms_fs *fs, const struct cms_fileid *id, struct cms_writer **out)
{
    struct cms_writer *w;

    w = fs_alloc(fs, sizeof *w);
    if (!w)
        return CMS_ENOMEM;
    memset(w, 0, sizeof *w);
    w->fs = fs;
    w->id = *id;
    *out = w;
    fs->writing = true;
    txn_begin(fs);
    return CMS_OK;
}

static void writer_free(struct cms_writer *w)
{
    w->fs->writing = false;
    fs_free(w->fs, w->blk);
    fs_free(w->fs, w);
}

static int add_block(struct cms_writer *w, u16 b)
{
    if (w->nblk == w->cap) {
        u32 cap = w->cap ? w->cap * 2 : FCL_DATA_SLOTS;
        u16 *p;
        if (cap > CMS_MAX_FILE_BLOCKS)
            cap = CMS_MAX_FILE_BLOCKS;
        p = fs_alloc(w->fs, cap * sizeof *p);
        if (!p)
            return CMS_ENOMEM;
        if (w->nblk)
            memcpy(p, w->blk, w->nblk * sizeof *p);
        fs_free(w->fs, w->blk);
        w->blk = p;
        w->cap = cap;
    }
    w->blk[w->nblk++] = b;
    return CMS_OK;
}

/* Write the block being filled to a free block. */
static int flush(struct cms_writer *w)
{
    u16 b;
    int rc = qmsk_take(w->fs, &b);

    if (rc == CMS_OK)
        rc = dev_write(w->fs, b, w->data);
    if (rc == CMS_OK)
        rc = add_block(w, b);
    memset(w->data, 0, sizeof w->data);
    w->pos = 0;
    return rc;
}

static int put_bytes(struct cms_writer *w, const u8 *src, u32 n)
{
    while (n > 0) {
        u32 part = CMS_BLKSIZE - w->pos;
        int rc;
        if (part > n)
            part = n;
        memcpy(w->data + w->pos, src, part);
        w->pos += part;
        w->bytes += part;
        src += part;
        n -= part;
        if (w->pos == CMS_BLKSIZE && (rc = flush(w)) != CMS_OK)
            return rc;
    }
    return CMS_OK;
}

int cms_open_write(struct cms_fs *fs, const struct cms_fileid *id, u8 recfm, u32 lrecl,
                   struct cms_writer **out)
{
    int rc = fs_modifiable(fs);

    *out = NULL;
    if (rc == CMS_OK)
        rc = fileid_check_new(id);
    if (rc)
        return rc;
    if (recfm == CMS_RECFM_V)
        lrecl = 0;
    else if (recfm != CMS_RECFM_F || lrecl == 0 || lrecl > MAX_RECORD)
        return CMS_EINVAL;
    rc = writer_new(fs, id, out);
    if (rc == CMS_OK) {
        (*out)->recfm = recfm;
        (*out)->lrecl = lrecl;
    }
    return rc;
}

/* Where the old file's records end: F by arithmetic, V by reading them. */
static int old_end(struct cms_file *f, u32 *bytes)
{
    u32 len;
    int rc = CMS_OK;

    *bytes = 0;
    if (f->recfm == CMS_RECFM_F) {
        if (f->lrecl == 0 || f->lrecl > MAX_RECORD)
            return CMS_ECORRUPT;
        *bytes = f->items * f->lrecl;
        return div_up(*bytes, CMS_BLKSIZE) <= f->blocks ? CMS_OK : CMS_ECORRUPT;
    }
    while (rc == CMS_OK || rc == CMS_ETRUNC)
        rc = cms_read_record(f, NULL, 0, &len);
    *bytes = file_offset(f);
    return rc == CMS_EOF ? CMS_OK : rc;
}

/* Take over the old file's full blocks and a copy of its partial one. */
static int load_old(struct cms_writer *w, struct cms_file *f)
{
    u32 end, full;
    u16 b;
    int rc = old_end(f, &end);

    full = end / CMS_BLKSIZE;
    for (u32 i = 0; rc == CMS_OK && i < full; i++) {
        rc = chain_data(&f->chain, i, &b);
        if (rc == CMS_OK)
            rc = add_block(w, b);
    }
    if (rc == CMS_OK && end % CMS_BLKSIZE) {
        rc = chain_data(&f->chain, full, &b);
        if (rc == CMS_OK)
            rc = dev_read(w->fs, b, w->data);
        w->pos = end % CMS_BLKSIZE;
        memset(w->data + w->pos, 0, CMS_BLKSIZE - w->pos);
    }
    w->bytes = end;
    w->items = f->items;
    w->recfm = f->recfm;
    w->lrecl = f->lrecl;
    return rc;
}

int cms_open_append(struct cms_fs *fs, const struct cms_fileid *id, struct cms_writer **out)
{
    struct cms_file *f;
    u32 slot;
    int rc = fs_modifiable(fs);

    *out = NULL;
    if (rc == CMS_OK)
        rc = dir_find(fs, id, &slot);
    if (rc == CMS_OK)
        rc = file_open_entry(fs, fst_slot(fs, slot), &f);
    if (rc)
        return rc;
    rc = writer_new(fs, id, out);
    if (rc == CMS_OK) {
        memcpy((*out)->id.fm, fst_slot(fs, slot) + FST_FMODE, 2);
        rc = load_old(*out, f);
        if (rc) {
            writer_free(*out);
            *out = NULL;
        }
    }
    cms_close_read(f);
    return rc;
}

int cms_write_record(struct cms_writer *w, const u8 *rec, u32 len)
{
    u8 hw[2];
    u32 need = w->recfm == CMS_RECFM_V ? len + 2 : len;

    if (w->err)
        return w->err;
    if (w->recfm == CMS_RECFM_F ? len != w->lrecl : len == 0 || len > MAX_RECORD)
        return CMS_EBADREC;
    if (w->items == MAX_ITEMS || w->bytes + need > CMS_MAX_FILE_BLOCKS * CMS_BLKSIZE)
        return CMS_ETOOBIG;
    if (w->recfm == CMS_RECFM_V) {
        put_be16(hw, (u16)len);
        w->err = put_bytes(w, hw, 2);
        if (len > w->lrecl)
            w->lrecl = len;
    }
    if (!w->err)
        w->err = put_bytes(w, rec, len);
    if (!w->err)
        w->items++;
    return w->err;
}

static void build_entry(const struct cms_writer *w, u16 fcl, u8 *e)
{
    memset(e, 0, FST_SIZE);
    memcpy(e + FST_FNAME, w->id.fn, 8);
    memcpy(e + FST_FTYPE, w->id.ft, 8);
    fst_stamp(w->fs, e);
    put_be16(e + FST_WRPNT, (u16)(w->items + 1));
    put_be16(e + FST_RDPNT, 1);
    memcpy(e + FST_FMODE, w->id.fm, 2);
    put_be16(e + FST_ITEMS, (u16)w->items);
    put_be16(e + FST_FCL, fcl);
    e[FST_RECFM] = w->recfm;
    put_be32(e + FST_LRECL, w->lrecl);
    put_be16(e + FST_BLOCKS, (u16)w->nblk);
}

/* Put the entry in the directory, in place of a file of the same name. */
static int enter(struct cms_writer *w, const u8 *e)
{
    struct cms_fs *fs = w->fs;
    u32 slot;
    int rc;

    if (dir_find(fs, &w->id, &slot) != CMS_OK)
        return txn_add(fs, e);
    rc = chain_release(fs, fst_slot(fs, slot));
    for (u32 i = 0; i < w->nblk; i++)
        qmsk_set(fs->qmsk, w->blk[i]);      /* blocks shared with the old file */
    return rc ? rc : txn_set(fs, slot, e);
}

int cms_close_write(struct cms_writer *w)
{
    u8 e[FST_SIZE];
    u16 fcl = 0;
    int rc = w->err;

    if (rc == CMS_OK && w->items == 0)
        rc = CMS_EEMPTY;
    if (rc == CMS_OK && w->pos > 0)
        rc = flush(w);
    if (rc == CMS_OK)
        rc = chain_write(w->fs, w->blk, w->nblk, &fcl);
    if (rc == CMS_OK) {
        build_entry(w, fcl, e);
        rc = enter(w, e);
    }
    if (rc == CMS_OK)
        rc = txn_commit(w->fs);         /* aborts by itself on failure */
    else
        txn_abort(w->fs);
    writer_free(w);
    return rc;
}

void cms_abandon_write(struct cms_writer *w)
{
    if (!w)
        return;
    txn_abort(w->fs);
    writer_free(w);
}
