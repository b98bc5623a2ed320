/* dir.c - the FST directory: lookup, listing, STATE, ERASE, RENAME. */
#include "cms-guest/fs/fsint.h"

u32 dir_slots(const struct cms_fs *fs)
{
    return fs->nfst * FST_PER_BLOCK;
}

int dir_find(const struct cms_fs *fs, const struct cms_fileid *id, u32 *slot)
{
    int rc = fileid_check_lookup(id);

    if (rc)
        return rc;
    for (u32 s = 0; s < dir_slots(fs); s++) {
        const u8 *e = fst_slot(fs, s);
        if (fst_used(e) && memcmp(e + FST_FNAME, id->fn, 8) == 0 &&
            memcmp(e + FST_FTYPE, id->ft, 8) == 0) {
            *slot = s;
            return CMS_OK;
        }
    }
    return CMS_ENOTFOUND;
}

static u8 to_bcd(u32 v)
{
    return (u8)((v / 10 % 10) << 4 | v % 10);
}

static u8 from_bcd(u8 b)
{
    return (u8)((b >> 4) * 10 + (b & 0x0F));
}

/* Date and time last written: BCD month, day, hour, minute and the year
 * as two EBCDIC digits (FMT §2.5). */
void fst_stamp(const struct cms_fs *fs, u8 *e)
{
    struct cms_time t = { 0, 0, 0, 0, 0 };

    if (fs->env.now)
        fs->env.now(&t);
    e[FST_DATE] = to_bcd(t.month);
    e[FST_DATE + 1] = to_bcd(t.day);
    e[FST_DATE + 2] = to_bcd(t.hour);
    e[FST_DATE + 3] = to_bcd(t.minute);
    e[FST_YEAR] = (u8)(0xF0 + t.year / 10 % 10);
    e[FST_YEAR + 1] = (u8)(0xF0 + t.year % 10);
}

void fst_info(const u8 *e, struct cms_fileinfo *info)
{
    memcpy(info->id.fn, e + FST_FNAME, 8);
    memcpy(info->id.ft, e + FST_FTYPE, 8);
    memcpy(info->id.fm, e + FST_FMODE, 2);
    info->recfm = e[FST_RECFM];
    info->flag = e[FST_FLAG];
    info->lrecl = get_be32(e + FST_LRECL);
    info->items = get_be16(e + FST_ITEMS);
    info->blocks = get_be16(e + FST_BLOCKS);
    info->fcl = get_be16(e + FST_FCL);
    info->wrpnt = get_be16(e + FST_WRPNT);
    info->rdpnt = get_be16(e + FST_RDPNT);
    info->written.month = from_bcd(e[FST_DATE]);
    info->written.day = from_bcd(e[FST_DATE + 1]);
    info->written.hour = from_bcd(e[FST_DATE + 2]);
    info->written.minute = from_bcd(e[FST_DATE + 3]);
    info->written.year = (u16)((e[FST_YEAR] & 0x0F) * 10 + (e[FST_YEAR + 1] & 0x0F));
}

int cms_list(const struct cms_fs *fs, u32 *cursor, struct cms_fileinfo *info)
{
    for (u32 s = *cursor; s < dir_slots(fs); s++)
        if (fst_used(fst_slot(fs, s))) {
            fst_info(fst_slot(fs, s), info);
            *cursor = s + 1;
            return CMS_OK;
        }
    *cursor = dir_slots(fs);
    return CMS_EOF;
}

int cms_state(const struct cms_fs *fs, const struct cms_fileid *id, struct cms_fileinfo *info)
{
    u32 slot;
    int rc = dir_find(fs, id, &slot);

    if (rc == CMS_OK && info)
        fst_info(fst_slot(fs, slot), info);
    return rc;
}

int cms_erase(struct cms_fs *fs, const struct cms_fileid *id)
{
    u32 slot;
    int rc = fs_modifiable(fs);

    if (rc == CMS_OK)
        rc = dir_find(fs, id, &slot);
    if (rc)
        return rc;
    txn_begin(fs);
    rc = chain_release(fs, fst_slot(fs, slot));
    if (rc == CMS_OK)
        rc = txn_remove(fs, slot);
    if (rc) {
        txn_abort(fs);
        return rc;
    }
    return txn_commit(fs);
}

int cms_rename(struct cms_fs *fs, const struct cms_fileid *from, const struct cms_fileid *to)
{
    u8 e[FST_SIZE];
    u32 slot, other;
    int rc = fs_modifiable(fs);

    if (rc == CMS_OK)
        rc = fileid_check_names(to);
    if (rc == CMS_OK)
        rc = dir_find(fs, from, &slot);
    if (rc)
        return rc;
    if (dir_find(fs, to, &other) == CMS_OK)
        return CMS_EEXIST;
    memcpy(e, fst_slot(fs, slot), FST_SIZE);
    memcpy(e + FST_FNAME, to->fn, 8);
    memcpy(e + FST_FTYPE, to->ft, 8);
    txn_begin(fs);
    rc = txn_set(fs, slot, e);
    if (rc) {
        txn_abort(fs);
        return rc;
    }
    return txn_commit(fs);
}
