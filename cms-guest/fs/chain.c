/* chain.c - chain links: where a file's data blocks are (FMT §2.6).
 *
 * The first chain link (FCL) names up to 40 Nth chain links in its first
 * 80 bytes and the first 60 data blocks in bytes 80-199; Nth chain link k
 * (k = 2..41) names data blocks 61 + (k-2) * 400 onwards, 400 of them. */
#include "cms-guest/fs/fsint.h"

int chain_open(struct chain *c, struct cms_fs *fs, u32 fcl)
{
    c->fs = fs;
    c->ncl_index = -1;
    return dev_read(fs, fcl, c->fcl);
}

/* The pointer to data block `index` (0-based) as stored, possibly 0 or
 * out of range; reads the Nth chain link it is in when that is not the
 * one already held. */
int chain_raw(struct chain *c, u32 index, u32 *ptr)
{
    if (index < FCL_DATA_SLOTS) {
        *ptr = get_be16(c->fcl + FCL_DATA + 2 * index);
    } else {
        u32 k = (index - FCL_DATA_SLOTS) / NCL_SLOTS;
        if (k >= FCL_NTH_SLOTS)
            return CMS_ECORRUPT;
        if (c->ncl_index != (int)k) {
            int rc = dev_read(c->fs, get_be16(c->fcl + FCL_NTH + 2 * k), c->ncl);
            if (rc)
                return rc;
            c->ncl_index = (int)k;
        }
        *ptr = get_be16(c->ncl + 2 * ((index - FCL_DATA_SLOTS) % NCL_SLOTS));
    }
    return CMS_OK;
}

/* The block number of data block `index`, which must be on the disk. */
int chain_data(struct chain *c, u32 index, u16 *block)
{
    u32 b;
    int rc = chain_raw(c, index, &b);

    if (rc)
        return rc;
    if (!blk_valid(c->fs, b))
        return CMS_ECORRUPT;
    *block = (u16)b;
    return CMS_OK;
}

static u32 ncl_needed(u32 blocks)
{
    return blocks > FCL_DATA_SLOTS ? div_up(blocks - FCL_DATA_SLOTS, NCL_SLOTS) : 0;
}

/* Mark the blocks of a file free in the working map.  A damaged chain is
 * followed only as far as it points inside the disk: what lies beyond
 * stays allocated (a leak CHECK reports) rather than risk freeing a block
 * someone else owns.  Blocks 1-4 are never freed. */
int chain_release(struct cms_fs *fs, const u8 *fst)
{
    u32 fcl = get_be16(fst + FST_FCL);
    u32 n = get_be16(fst + FST_BLOCKS);
    struct chain *c;
    u16 b;
    int rc = CMS_OK;

    if (!blk_valid(fs, fcl) || fcl <= CMS_BLK_MFD)
        return CMS_OK;
    c = fs_alloc(fs, sizeof *c);
    if (!c)
        return CMS_ENOMEM;
    rc = chain_open(c, fs, fcl);
    if (n > CMS_MAX_FILE_BLOCKS)
        n = CMS_MAX_FILE_BLOCKS;
    for (u32 i = 0; rc == CMS_OK && i < n; i++) {
        rc = chain_data(c, i, &b);
        if (rc == CMS_OK && b > CMS_BLK_MFD)
            qmsk_release(fs, b);
    }
    if (rc != CMS_EIO) {
        for (u32 k = 0; k < ncl_needed(n); k++) {
            u32 p = get_be16(c->fcl + FCL_NTH + 2 * k);
            if (p > CMS_BLK_MFD)
                qmsk_release(fs, p);
        }
        qmsk_release(fs, fcl);
        rc = CMS_OK;
    }
    fs_free(fs, c);
    return rc;
}

/* Write the chain links for data blocks data[0..n): the Nth chain links
 * first, then the FCL that names them.  *fcl = the new FCL. */
int chain_write(struct cms_fs *fs, const u16 *data, u32 n, u16 *fcl)
{
    u8 fclbuf[CMS_BLKSIZE], blk[CMS_BLKSIZE];
    u32 ncl = ncl_needed(n);
    int rc;

    if (n > CMS_MAX_FILE_BLOCKS)
        return CMS_ETOOBIG;
    memset(fclbuf, 0, sizeof fclbuf);
    for (u32 i = 0; i < n && i < FCL_DATA_SLOTS; i++)
        put_be16(fclbuf + FCL_DATA + 2 * i, data[i]);
    for (u32 k = 0; k < ncl; k++) {
        u32 first = FCL_DATA_SLOTS + k * NCL_SLOTS;
        u16 b;
        memset(blk, 0, sizeof blk);
        for (u32 i = 0; i < NCL_SLOTS && first + i < n; i++)
            put_be16(blk + 2 * i, data[first + i]);
        rc = qmsk_take(fs, &b);
        if (rc == CMS_OK)
            rc = dev_write(fs, b, blk);
        if (rc)
            return rc;
        put_be16(fclbuf + FCL_NTH + 2 * k, b);
    }
    rc = qmsk_take(fs, fcl);
    if (rc == CMS_OK)
        rc = dev_write(fs, *fcl, fclbuf);
    return rc;
}
