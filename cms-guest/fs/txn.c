/* txn.c - change the directory so that one MFD write commits it.
 *
 * An operation edits FST entries in memory (txn_set/add/remove), then
 * txn_commit() writes every FST block it touched, and every QMSK extension
 * whose bits changed, to blocks that are free on disk, and finally block
 * 4 with the new FST list, counters and first part of the map.  Until that
 * last write the disk still holds the old directory intact; after it, the
 * new one.  This is also what VM/370 CMS does: a freed FST block keeps its
 * stale entries (FMT §2.4), and extension blocks move (193: 1900-1908, 2560).
 * Any failure puts memory back as it was (txn_abort). */
#include "cms-guest/fs/fsint.h"

void txn_begin(struct cms_fs *fs)
{
    memcpy(fs->txn.fstblk, fs->fstblk, sizeof fs->fstblk);
    fs->txn.nfst = fs->nfst;
    memset(fs->txn.dirty, 0, sizeof fs->txn.dirty);
    fs->txn.nundo = 0;
    fs->cursor = 0;
}

static void save_undo(struct cms_fs *fs, u32 slot)
{
    for (unsigned i = 0; i < fs->txn.nundo; i++)
        if (fs->txn.undo_slot[i] == slot)
            return;
    fs->txn.undo_slot[fs->txn.nundo] = slot;
    memcpy(fs->txn.undo[fs->txn.nundo], fst_slot(fs, slot), FST_SIZE);
    fs->txn.nundo++;
}

int txn_set(struct cms_fs *fs, u32 slot, const u8 *entry)
{
    if (fs->txn.nundo == UNDO_SLOTS)
        return CMS_EINVAL;              /* no operation edits this many */
    save_undo(fs, slot);
    memcpy(fst_slot(fs, slot), entry, FST_SIZE);
    fs->txn.dirty[slot / FST_PER_BLOCK] = true;
    return CMS_OK;
}

/* Room for one more FST block in memory. */
static int grow(struct cms_fs *fs)
{
    unsigned cap = fs->fstcap * 2;
    u8 *p;

    if (fs->nfst < fs->fstcap)
        return CMS_OK;
    if (cap > MAX_FST_BLOCKS)
        cap = MAX_FST_BLOCKS;
    p = fs_alloc(fs, (size_t)cap * CMS_BLKSIZE);
    if (!p)
        return CMS_ENOMEM;
    memcpy(p, fs->fst, (size_t)fs->nfst * CMS_BLKSIZE);
    fs_free(fs, fs->fst);
    fs->fst = p;
    fs->fstcap = cap;
    return CMS_OK;
}

/* A new entry goes into the first free slot, which on a packed directory
 * is the one after the last file; a full directory gets another block. */
int txn_add(struct cms_fs *fs, const u8 *entry)
{
    u32 slot;
    int rc;

    for (slot = 0; slot < dir_slots(fs); slot++)
        if (!fst_used(fst_slot(fs, slot)))
            return txn_set(fs, slot, entry);
    if (fs->nfst == MAX_FST_BLOCKS)
        return CMS_EDIRFULL;
    rc = grow(fs);
    if (rc)
        return rc;
    memset(fs->fst + fs->nfst * CMS_BLKSIZE, 0, CMS_BLKSIZE);
    fs->fstblk[fs->nfst++] = 0;         /* placed by txn_commit */
    return txn_set(fs, slot, entry);
}

/* Entries stay packed (FMT §2.5): the last entry moves into the hole.  An
 * FST block left empty at the end is dropped, but the directory keeps at
 * least one. */
int txn_remove(struct cms_fs *fs, u32 slot)
{
    static const u8 empty[FST_SIZE];
    u32 last = slot;
    int rc;

    for (u32 s = dir_slots(fs); s > slot; s--)
        if (fst_used(fst_slot(fs, s - 1))) {
            last = s - 1;
            break;
        }
    if (last != slot) {
        rc = txn_set(fs, slot, fst_slot(fs, last));
        if (rc)
            return rc;
    }
    rc = txn_set(fs, last, empty);
    if (rc)
        return rc;
    while (fs->nfst > 1) {
        const u8 *b = fs->fst + (fs->nfst - 1) * CMS_BLKSIZE;
        unsigned i = 0;
        while (i < FST_PER_BLOCK && !fst_used(b + i * FST_SIZE))
            i++;
        if (i < FST_PER_BLOCK)
            break;
        fs->nfst--;
    }
    return CMS_OK;
}

void txn_abort(struct cms_fs *fs)
{
    memcpy(fs->qmsk, fs->qmsk_disk, fs->qbytes);
    while (fs->txn.nundo > 0) {
        fs->txn.nundo--;
        memcpy(fst_slot(fs, fs->txn.undo_slot[fs->txn.nundo]), fs->txn.undo[fs->txn.nundo],
               FST_SIZE);
    }
    memcpy(fs->fstblk, fs->txn.fstblk, sizeof fs->fstblk);
    fs->nfst = fs->txn.nfst;
}

/* Every changed FST block goes to a new place; blocks of the old
 * directory are released (they stay in use on disk until the MFD write). */
static int place_fst_blocks(struct cms_fs *fs)
{
    int rc;

    for (unsigned i = 0; i < fs->nfst; i++) {
        if (!fs->txn.dirty[i] && fs->fstblk[i] != 0)
            continue;
        rc = qmsk_take(fs, &fs->fstblk[i]);
        if (rc)
            return rc;
        fs->txn.dirty[i] = true;
        if (i < fs->txn.nfst)
            qmsk_release(fs, fs->txn.fstblk[i]);
    }
    for (unsigned i = fs->nfst; i < fs->txn.nfst; i++)
        qmsk_release(fs, fs->txn.fstblk[i]);
    return CMS_OK;
}

static bool ext_changed(const struct cms_fs *fs, unsigned i)
{
    u32 off = MFD_QMSK_LEN + CMS_BLKSIZE * i;
    return memcmp(fs->qmsk + off, fs->qmsk_disk + off, CMS_BLKSIZE) != 0;
}

/* Extension blocks: new ones where the map now reaches past the last one,
 * a new place for each whose bits changed.  Taking and releasing blocks
 * changes bits again, so repeat until nothing moves. */
static int place_extensions(struct cms_fs *fs, u16 *ext, unsigned *next, bool *moved)
{
    bool again = true;
    int rc;

    memcpy(ext, fs->ext, sizeof fs->ext);
    *next = fs->next;
    memset(moved, 0, CMS_MAX_QMSK_EXT * sizeof *moved);
    while (again) {
        again = false;
        while (*next < qmsk_ext_needed(qmsk_last(fs, fs->qmsk))) {
            rc = qmsk_take(fs, &ext[*next]);
            if (rc)
                return rc;
            moved[(*next)++] = true;
            again = true;
        }
        for (unsigned i = 0; i < fs->next; i++) {
            if (moved[i] || !ext_changed(fs, i))
                continue;
            rc = qmsk_take(fs, &ext[i]);
            if (rc)
                return rc;
            qmsk_release(fs, fs->ext[i]);
            moved[i] = again = true;
        }
    }
    return CMS_OK;
}

static int write_all(struct cms_fs *fs, const u16 *ext, unsigned next, const bool *moved)
{
    u8 mfd[CMS_BLKSIZE];
    int rc;

    for (unsigned i = 0; i < fs->nfst; i++)
        if (fs->txn.dirty[i] && (rc = dev_write(fs, fs->fstblk[i], fs->fst + i * CMS_BLKSIZE)))
            return rc;
    for (unsigned i = 0; i < next; i++)
        if (moved[i] && (rc = dev_write(fs, ext[i], fs->qmsk + MFD_QMSK_LEN + CMS_BLKSIZE * i)))
            return rc;
    mfd_build(fs, ext, next, mfd);
    rc = fs->dev->write(fs->dev->ctx, CMS_BLK_MFD, mfd) == 0 ? CMS_OK : CMS_EIO;
    if (rc)
        return rc;
    fs->used = get_be32(mfd + MFD_ADTUSED);
    fs->left = get_be32(mfd + MFD_ADTLEFT);
    fs->last = get_be32(mfd + MFD_ADTLAST);
    return CMS_OK;
}

int txn_commit(struct cms_fs *fs)
{
    u16 ext[CMS_MAX_QMSK_EXT];
    bool moved[CMS_MAX_QMSK_EXT];
    unsigned next;
    int rc;

    rc = place_fst_blocks(fs);
    if (rc == CMS_OK)
        rc = place_extensions(fs, ext, &next, moved);
    if (rc == CMS_OK && fs->nfst + 1 + next > MFD_LIST_SLOTS)
        rc = CMS_EDIRFULL;
    if (rc == CMS_OK)
        rc = write_all(fs, ext, next, moved);
    if (rc) {
        txn_abort(fs);
        return rc;
    }
    memcpy(fs->ext, ext, sizeof ext);
    fs->next = next;
    memcpy(fs->qmsk_disk, fs->qmsk, fs->qbytes);
    txn_begin(fs);                      /* an abort from now on undoes nothing */
    return CMS_OK;
}
