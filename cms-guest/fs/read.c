/* read.c - reading a file record by record (FMT §2.7).
 *
 * The data blocks, in chain order, are one byte stream; F records are
 * LRECL bytes each, V records a 2-byte length and that many bytes, and a
 * record may straddle blocks (even a V length).  Only the FST item count
 * ends the file: bytes after the last record are slack. */
#include "cms-guest/fs/fsint.h"

int file_open_entry(struct cms_fs *fs, const u8 *fst, struct cms_file **out)
{
    struct cms_file *f;
    u32 fcl = get_be16(fst + FST_FCL);
    int rc;

    *out = NULL;
    if ((fst[FST_RECFM] != CMS_RECFM_F && fst[FST_RECFM] != CMS_RECFM_V) ||
        get_be16(fst + FST_BLOCKS) > CMS_MAX_FILE_BLOCKS || !blk_valid(fs, fcl))
        return CMS_ECORRUPT;
    f = fs_alloc(fs, sizeof *f);
    if (!f)
        return CMS_ENOMEM;
    memset(f, 0, sizeof *f);
    f->fs = fs;
    memcpy(f->fst, fst, FST_SIZE);
    f->recfm = fst[FST_RECFM];
    f->lrecl = get_be32(fst + FST_LRECL);
    f->items = get_be16(fst + FST_ITEMS);
    f->blocks = get_be16(fst + FST_BLOCKS);
    f->pos = CMS_BLKSIZE;
    rc = chain_open(&f->chain, fs, fcl);
    if (rc) {
        fs_free(fs, f);
        return rc;
    }
    *out = f;
    return CMS_OK;
}

int cms_open_read(struct cms_fs *fs, const struct cms_fileid *id, struct cms_file **out)
{
    u32 slot;
    int rc = dir_find(fs, id, &slot);

    if (rc) {
        *out = NULL;
        return rc;
    }
    return file_open_entry(fs, fst_slot(fs, slot), out);
}

/* n bytes of the stream into dst (NULL: skip them). */
static int get_bytes(struct cms_file *f, u8 *dst, u32 n)
{
    while (n > 0) {
        u32 part;
        if (f->pos == CMS_BLKSIZE) {
            u16 b;
            int rc;
            if (f->next_block >= f->blocks)
                return CMS_ECORRUPT;    /* record runs past the file's blocks */
            rc = chain_data(&f->chain, f->next_block, &b);
            if (rc == CMS_OK)
                rc = dev_read(f->fs, b, f->data);
            if (rc)
                return rc;
            f->next_block++;
            f->pos = 0;
        }
        part = CMS_BLKSIZE - f->pos;
        if (part > n)
            part = n;
        if (dst) {
            memcpy(dst, f->data + f->pos, part);
            dst += part;
        }
        f->pos += part;
        n -= part;
    }
    return CMS_OK;
}

int cms_read_record(struct cms_file *f, u8 *buf, u32 size, u32 *len)
{
    u8 hw[2];
    u32 n, keep;
    int rc;

    *len = 0;
    if (f->err)
        return f->err;
    if (f->recno >= f->items)
        return CMS_EOF;
    n = f->lrecl;
    if (f->recfm == CMS_RECFM_V) {
        rc = get_bytes(f, hw, 2);
        if (rc)
            return f->err = rc;
        n = get_be16(hw);
    }
    keep = n < size ? n : size;
    rc = get_bytes(f, buf, keep);
    if (rc == CMS_OK)
        rc = get_bytes(f, NULL, n - keep);
    if (rc)
        return f->err = rc;
    f->recno++;
    *len = n;
    return keep < n ? CMS_ETRUNC : CMS_OK;
}

void cms_close_read(struct cms_file *f)
{
    if (f)
        fs_free(f->fs, f);
}
