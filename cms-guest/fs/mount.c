/* mount.c - format a minidisk, mount it, build the MFD (FMT §2.2, §2.3). */
#include "cms-guest/fs/fsint.h"

static const u8 cms_magic[4] = { 0xC3, 0xD4, 0xE2, 0x7E };     /* "CMS=" */

void *fs_alloc(const struct cms_fs *fs, size_t n)
{
    return fs->env.alloc(n);
}

void fs_free(const struct cms_fs *fs, void *p)
{
    if (p)
        fs->env.free(p);
}

int dev_read(const struct cms_fs *fs, u32 block, u8 *buf)
{
    if (!blk_valid(fs, block))
        return CMS_ECORRUPT;
    return fs->dev->read(fs->dev->ctx, block, buf) == 0 ? CMS_OK : CMS_EIO;
}

int dev_write(const struct cms_fs *fs, u32 block, const u8 *buf)
{
    if (!blk_valid(fs, block))
        return CMS_ECORRUPT;
    return fs->dev->write(fs->dev->ctx, block, buf) == 0 ? CMS_OK : CMS_EIO;
}

int fs_modifiable(const struct cms_fs *fs)
{
    if (fs->flags & CMS_MOUNT_RDONLY)
        return CMS_ERDONLY;
    return fs->writing ? CMS_EBUSY : CMS_OK;
}

/* The MFD for the working state: FST list, sentinel, extensions, counters
 * recomputed from the working map, the first 215 map bytes. */
void mfd_build(const struct cms_fs *fs, const u16 *ext, unsigned next, u8 *mfd)
{
    unsigned h = 0;
    u32 used = qmsk_count(fs, fs->qmsk);

    memset(mfd, 0, CMS_BLKSIZE);
    for (unsigned i = 0; i < fs->nfst; i++)
        put_be16(mfd + MFD_LIST + 2 * h++, fs->fstblk[i]);
    put_be16(mfd + MFD_LIST + 2 * h++, next ? MFD_END_EXT : MFD_END_NOEXT);
    for (unsigned i = 0; i < next; i++)
        put_be16(mfd + MFD_LIST + 2 * h++, ext[i]);
    put_be32(mfd + MFD_ADTNUM, fs->adtnum);
    put_be32(mfd + MFD_ADTUSED, used);
    put_be32(mfd + MFD_ADTLEFT, fs->adtnum - used);
    put_be32(mfd + MFD_ADTLAST, qmsk_last(fs, fs->qmsk));
    put_be32(mfd + MFD_ADTCYL, fs->adtcyl);
    memcpy(mfd + MFD_QMSK, fs->qmsk, MFD_QMSK_LEN);
    mfd[MFD_DEVCODE] = fs->devcode;
}

int cms_format(struct cms_blkdev *dev, const u8 label[6])
{
    u8 blk[CMS_BLKSIZE];
    static const u32 zero_blocks[] = { CMS_BLK_IPL1, CMS_BLK_IPL2, CMS_BLK_FIRST_FST };

    if (!dev || !dev->write || dev->blocks < CMS_BLK_FIRST_FST || dev->blocks > CMS_MAX_ADTNUM)
        return CMS_EINVAL;
    memset(blk, 0, sizeof blk);
    for (unsigned i = 0; i < ARRAY_SIZE(zero_blocks); i++)
        if (dev->write(dev->ctx, zero_blocks[i], blk) != 0)
            return CMS_EIO;
    memcpy(blk + LBL_MAGIC, cms_magic, sizeof cms_magic);
    memcpy(blk + LBL_VOLID, label, LBL_VOLID_LEN);
    if (dev->write(dev->ctx, CMS_BLK_LABEL, blk) != 0)
        return CMS_EIO;

    /* the freshly formatted MFD: list 0005 FFFF, blocks 1-5 in use */
    memset(blk, 0, sizeof blk);
    put_be16(blk + MFD_LIST, CMS_BLK_FIRST_FST);
    put_be16(blk + MFD_LIST + 2, MFD_END_NOEXT);
    put_be32(blk + MFD_ADTNUM, dev->blocks);
    put_be32(blk + MFD_ADTUSED, 5);
    put_be32(blk + MFD_ADTLEFT, dev->blocks - 5);
    put_be32(blk + MFD_ADTLAST, 0);
    put_be32(blk + MFD_ADTCYL, dev->cyls);
    blk[MFD_QMSK] = 0xF8;
    blk[MFD_DEVCODE] = CMS_DEVCODE_3350;
    return dev->write(dev->ctx, CMS_BLK_MFD, blk) == 0 ? CMS_OK : CMS_EIO;
}

/* FST block numbers up to the sentinel, then extension blocks up to 0. */
static int parse_list(struct cms_fs *fs, const u8 *mfd)
{
    unsigned h = 0;
    u16 v = 0;

    for (; h < MFD_LIST_SLOTS; h++) {
        v = get_be16(mfd + MFD_LIST + 2 * h);
        if (v == MFD_END_NOEXT || v == MFD_END_EXT)
            break;
        if (!blk_valid(fs, v) || fs->nfst == MAX_FST_BLOCKS)
            return CMS_ECORRUPT;
        fs->fstblk[fs->nfst++] = v;
    }
    if (h == MFD_LIST_SLOTS)
        return CMS_ECORRUPT;            /* no sentinel */
    if (v == MFD_END_NOEXT)
        return CMS_OK;
    for (h++; h < MFD_LIST_SLOTS; h++) {
        v = get_be16(mfd + MFD_LIST + 2 * h);
        if (v == 0)
            break;
        if (!blk_valid(fs, v) || fs->next == CMS_MAX_QMSK_EXT)
            return CMS_ECORRUPT;
        fs->ext[fs->next++] = v;
    }
    return CMS_OK;
}

static int load_qmsk(struct cms_fs *fs, const u8 *mfd)
{
    u32 need = qmsk_bytes_for(fs->adtnum);
    u32 have = MFD_QMSK_LEN + CMS_BLKSIZE * fs->next;
    int rc;

    fs->qbytes = need > have ? need : have;
    fs->qmsk = fs_alloc(fs, fs->qbytes);
    fs->qmsk_disk = fs_alloc(fs, fs->qbytes);
    if (!fs->qmsk || !fs->qmsk_disk)
        return CMS_ENOMEM;
    memset(fs->qmsk, 0, fs->qbytes);
    memcpy(fs->qmsk, mfd + MFD_QMSK, MFD_QMSK_LEN);
    for (unsigned i = 0; i < fs->next; i++) {
        rc = dev_read(fs, fs->ext[i], fs->qmsk + MFD_QMSK_LEN + CMS_BLKSIZE * i);
        if (rc)
            return rc;
    }
    memcpy(fs->qmsk_disk, fs->qmsk, fs->qbytes);
    return CMS_OK;
}

static int load_fst(struct cms_fs *fs)
{
    int rc;

    fs->fstcap = fs->nfst + 1;
    fs->fst = fs_alloc(fs, (size_t)fs->fstcap * CMS_BLKSIZE);
    if (!fs->fst)
        return CMS_ENOMEM;
    for (unsigned i = 0; i < fs->nfst; i++) {
        rc = dev_read(fs, fs->fstblk[i], fs->fst + i * CMS_BLKSIZE);
        if (rc)
            return rc;
    }
    return CMS_OK;
}

static int load(struct cms_fs *fs)
{
    u8 blk[CMS_BLKSIZE];
    int rc;

    if (fs->dev->read(fs->dev->ctx, CMS_BLK_LABEL, blk) != 0)
        return CMS_EIO;
    if (memcmp(blk + LBL_MAGIC, cms_magic, sizeof cms_magic) != 0)
        return CMS_ENOTCMS;
    memcpy(fs->label, blk + LBL_VOLID, LBL_VOLID_LEN);
    if (fs->dev->read(fs->dev->ctx, CMS_BLK_MFD, blk) != 0)
        return CMS_EIO;
    fs->adtnum = get_be32(blk + MFD_ADTNUM);
    if (fs->adtnum < CMS_BLK_FIRST_FST || fs->adtnum > fs->dev->blocks || fs->adtnum > 0xFFFF)
        return CMS_ECORRUPT;
    fs->used = get_be32(blk + MFD_ADTUSED);
    fs->left = get_be32(blk + MFD_ADTLEFT);
    fs->last = get_be32(blk + MFD_ADTLAST);
    fs->adtcyl = get_be32(blk + MFD_ADTCYL);
    fs->devcode = blk[MFD_DEVCODE];
    rc = parse_list(fs, blk);
    if (rc == CMS_OK)
        rc = load_qmsk(fs, blk);
    if (rc == CMS_OK)
        rc = load_fst(fs);
    if (rc == CMS_OK)
        txn_begin(fs);
    return rc;
}

int cms_mount(struct cms_fs **out, struct cms_blkdev *dev, const struct cms_env *env,
              unsigned flags)
{
    struct cms_fs *fs;
    int rc;

    *out = NULL;
    if (!dev || !dev->read || !env || !env->alloc || !env->free)
        return CMS_EINVAL;
    if (!(flags & CMS_MOUNT_RDONLY) && !dev->write)
        return CMS_EINVAL;
    fs = env->alloc(sizeof *fs);
    if (!fs)
        return CMS_ENOMEM;
    memset(fs, 0, sizeof *fs);
    fs->dev = dev;
    fs->env = *env;
    fs->flags = flags;
    rc = load(fs);
    if (rc) {
        cms_unmount(fs);
        return rc;
    }
    *out = fs;
    return CMS_OK;
}

void cms_unmount(struct cms_fs *fs)
{
    if (!fs)
        return;
    fs_free(fs, fs->qmsk);
    fs_free(fs, fs->qmsk_disk);
    fs_free(fs, fs->fst);
    fs->env.free(fs);
}

void cms_query_disk(const struct cms_fs *fs, struct cms_stats *st)
{
    u32 files = 0;

    for (u32 s = 0; s < dir_slots(fs); s++)
        files += fst_used(fst_slot(fs, s));
    memcpy(st->label, fs->label, sizeof st->label);
    st->cyls = (u16)fs->adtcyl;
    st->blocks = fs->adtnum;
    st->used = fs->used;
    st->left = fs->left;
    st->files = files;
    st->fst_blocks = fs->nfst;
    st->qmsk_ext_blocks = fs->next;
}
