/* check.c - the consistency rules of FMT §2.9, checked against the disk.
 *
 * Every block some structure points to is "owned": blocks 1-4, the FST
 * blocks, the QMSK extensions and, per file, its first and Nth chain links
 * and data blocks.  The owned set must equal the set bits of the QMSK and
 * the MFD counters must agree with it; each file's chain, records and
 * counts must agree with its FST entry.  The peculiarities of files that
 * CMS itself did not write (FMT §2.8) are reported as notes. */
#include "cms-guest/fs/fsint.h"

static const char *const rule_text[CMS_RULE_COUNT] = {
    [CMS_RULE_LABEL]          = "block 3 does not start with CMS=",
    [CMS_RULE_POINTER]        = "a block pointer is 0 or beyond ADTNUM",
    [CMS_RULE_OWNED_ONCE]     = "a block is owned twice",
    [CMS_RULE_OWNED_IN_QMSK]  = "an owned block is free in the QMSK",
    [CMS_RULE_QMSK_OWNED]     = "a block in use in the QMSK belongs to nothing",
    [CMS_RULE_QMSK_PAST_END]  = "a QMSK bit past ADTNUM is set",
    [CMS_RULE_ADTUSED]        = "ADTUSED is not the number of owned blocks",
    [CMS_RULE_ADTLEFT]        = "ADTUSED + ADTLEFT is not ADTNUM",
    [CMS_RULE_ADTLAST]        = "ADTLAST is not the last non-zero QMSK byte",
    [CMS_RULE_ADTCYL]         = "ADTCYL is not the cylinder count of the minidisk",
    [CMS_RULE_CHAIN]          = "the chain does not yield exactly the block count",
    [CMS_RULE_ITEMS]          = "the records do not parse to the item count",
    [CMS_RULE_WRPNT]          = "the write pointer is not items + 1",
    [CMS_RULE_F_BLOCKS]       = "F file: blocks is not ceil(items * LRECL / 800)",
    [CMS_RULE_V_LRECL]        = "V file: a record is longer than LRECL",
    [CMS_RULE_V_BLOCKS]       = "V file: blocks is not ceil(bytes / 800)",
    [CMS_RULE_SLACK]          = "non-zero slack bytes",
    [CMS_RULE_RECFM]          = "RECFM is neither F nor V",
    [CMS_NOTE_V_FIXED_BLOCKS] = "V file with blocks counted as if fixed length (not written by CMS)",
    [CMS_NOTE_ZERO_RECORD]    = "V file with zero-length records (not written by CMS)",
    [CMS_NOTE_V_LRECL_LONGER] = "V file whose LRECL is above its longest record",
    [CMS_NOTE_FST_HOLE]       = "empty FST slot before a used one",
    [CMS_NOTE_RDPNT]          = "read pointer is not 1",
};

const char *cms_rule_text(enum cms_rule rule)
{
    return (unsigned)rule < CMS_RULE_COUNT && rule_text[rule] ? rule_text[rule] : "unknown rule";
}

struct checker {
    struct cms_fs *fs;
    void (*report)(void *ctx, const struct cms_issue *issue);
    void *ctx;
    const u8 *fst;                      /* the file being checked, or NULL */
    u8 *owned;                          /* bit n: block n is owned */
    u32 nowned;
    int errors;
    int ioerr;                          /* the device failed: no verdict */
    u8 blk[CMS_BLKSIZE];
};

static void issue(struct checker *ck, enum cms_rule rule, u32 block, u32 expected, u32 found)
{
    struct cms_issue is;

    memset(&is, 0, sizeof is);
    is.rule = rule;
    is.note = rule >= CMS_NOTE_V_FIXED_BLOCKS;
    is.block = block;
    is.expected = expected;
    is.found = found;
    if (ck->fst) {
        is.has_file = true;
        memcpy(is.file.fn, ck->fst + FST_FNAME, 8);
        memcpy(is.file.ft, ck->fst + FST_FTYPE, 8);
        memcpy(is.file.fm, ck->fst + FST_FMODE, 2);
    }
    if (!is.note)
        ck->errors++;
    if (ck->report)
        ck->report(ck->ctx, &is);
}

static bool own(struct checker *ck, u32 b)
{
    if (!blk_valid(ck->fs, b)) {
        issue(ck, CMS_RULE_POINTER, b, 0, 0);
        return false;
    }
    if (ck->owned[b / 8] & (0x80u >> b % 8)) {
        issue(ck, CMS_RULE_OWNED_ONCE, b, 0, 0);
        return true;
    }
    ck->owned[b / 8] |= (u8)(0x80u >> b % 8);
    ck->nowned++;
    return true;
}

static bool all_zero(const u8 *p, u32 n)
{
    while (n--)
        if (*p++)
            return false;
    return true;
}

static u32 nonzero_halfwords(const u8 *p, u32 from, u32 to)
{
    u32 n = 0;
    for (u32 i = from; i < to; i++)
        n += get_be16(p + 2 * i) != 0;
    return n;
}

/* Own the chain links and data blocks; false if the chain is unusable. */
static bool check_chain(struct checker *ck, struct chain *c, u32 blocks)
{
    u32 ncl = blocks > FCL_DATA_SLOTS ? div_up(blocks - FCL_DATA_SLOTS, NCL_SLOTS) : 0;
    u32 first = FCL_DATA / 2;           /* halfword index of data pointer 1 */
    u32 extra = nonzero_halfwords(c->fcl, first + (blocks < FCL_DATA_SLOTS ? blocks : FCL_DATA_SLOTS),
                                  first + FCL_DATA_SLOTS) +
                nonzero_halfwords(c->fcl, ncl, FCL_NTH_SLOTS);

    for (u32 k = 0; k < ncl; k++) {
        u32 p = get_be16(c->fcl + FCL_NTH + 2 * k);
        if (p == 0) {
            issue(ck, CMS_RULE_CHAIN, 0, blocks, FCL_DATA_SLOTS + k * NCL_SLOTS);
            return false;
        }
        if (!own(ck, p))
            return false;
    }
    for (u32 i = 0; i < blocks; i++) {
        u32 b;
        int rc = chain_raw(c, i, &b);
        if (rc) {
            ck->ioerr = rc;
            return false;
        }
        if (b == 0) {
            issue(ck, CMS_RULE_CHAIN, 0, blocks, i);
            return false;
        }
        if (!own(ck, b))
            return false;
    }
    if (ncl > 0)
        extra += nonzero_halfwords(c->ncl, (blocks - FCL_DATA_SLOTS - 1) % NCL_SLOTS + 1, NCL_SLOTS);
    if (extra)
        issue(ck, CMS_RULE_CHAIN, 0, blocks, blocks + extra);
    return true;
}

/* Bytes after the last record, to the end of the last block, are zero. */
static void check_slack(struct checker *ck, struct cms_file *f)
{
    u16 b = 0;

    if (f->next_block > 0 && !all_zero(f->data + f->pos, CMS_BLKSIZE - f->pos)) {
        chain_data(&f->chain, f->next_block - 1, &b);
        issue(ck, CMS_RULE_SLACK, b, 0, 0);
        return;
    }
    for (u32 i = f->next_block; i < f->blocks; i++) {
        if (chain_data(&f->chain, i, &b) || dev_read(ck->fs, b, ck->blk))
            return;
        if (!all_zero(ck->blk, CMS_BLKSIZE)) {
            issue(ck, CMS_RULE_SLACK, b, 0, 0);
            return;
        }
    }
}

/* ceil(items * lrecl / 800), or 0xFFFFFFFF when it cannot be a file */
static u32 fixed_blocks(u32 items, u32 lrecl)
{
    if (lrecl && items > (0xFFFFFFFFu - (CMS_BLKSIZE - 1)) / lrecl)
        return 0xFFFFFFFFu;
    return div_up(items * lrecl, CMS_BLKSIZE);
}

static void check_counts(struct checker *ck, struct cms_file *f, u32 longest, u32 zero)
{
    u32 need = div_up(file_offset(f), CMS_BLKSIZE);
    u32 fixed = fixed_blocks(f->items, f->lrecl);

    if (f->recfm == CMS_RECFM_F) {
        if (f->blocks != fixed)
            issue(ck, CMS_RULE_F_BLOCKS, 0, fixed, f->blocks);
        return;
    }
    if (longest > f->lrecl)
        issue(ck, CMS_RULE_V_LRECL, 0, longest, f->lrecl);
    else if (f->items > 0 && longest < f->lrecl)
        issue(ck, CMS_NOTE_V_LRECL_LONGER, 0, longest, f->lrecl);
    if (zero)
        issue(ck, CMS_NOTE_ZERO_RECORD, 0, 0, zero);
    if (f->blocks == need)
        return;
    if (f->blocks == fixed && f->blocks > need)
        issue(ck, CMS_NOTE_V_FIXED_BLOCKS, 0, need, f->blocks);
    else
        issue(ck, CMS_RULE_V_BLOCKS, 0, need, f->blocks);
}

static void check_records(struct checker *ck, struct cms_file *f)
{
    u32 len, longest = 0, zero = 0;
    int rc;

    while ((rc = cms_read_record(f, NULL, 0, &len)) == CMS_OK || rc == CMS_ETRUNC) {
        if (len > longest)
            longest = len;
        zero += len == 0;
    }
    if (rc == CMS_EIO || rc == CMS_ENOMEM) {
        ck->ioerr = rc;
        return;
    }
    if (rc != CMS_EOF) {
        issue(ck, CMS_RULE_ITEMS, 0, f->items, f->recno);
        return;
    }
    check_counts(ck, f, longest, zero);
    check_slack(ck, f);
}

static void check_file(struct checker *ck, const u8 *e)
{
    u32 fcl = get_be16(e + FST_FCL), blocks = get_be16(e + FST_BLOCKS);
    u32 items = get_be16(e + FST_ITEMS);
    struct chain *c;
    bool ok = e[FST_RECFM] == CMS_RECFM_F || e[FST_RECFM] == CMS_RECFM_V;

    ck->fst = e;
    if (get_be16(e + FST_WRPNT) != items + 1)
        issue(ck, CMS_RULE_WRPNT, 0, items + 1, get_be16(e + FST_WRPNT));
    if (get_be16(e + FST_RDPNT) != 1)
        issue(ck, CMS_NOTE_RDPNT, 0, 1, get_be16(e + FST_RDPNT));
    if (!ok)
        issue(ck, CMS_RULE_RECFM, 0, CMS_RECFM_F, e[FST_RECFM]);
    if (blocks > CMS_MAX_FILE_BLOCKS) {
        issue(ck, CMS_RULE_CHAIN, 0, CMS_MAX_FILE_BLOCKS, blocks);
        blocks = CMS_MAX_FILE_BLOCKS;
    }
    if (!own(ck, fcl) || !blk_valid(ck->fs, fcl))
        goto out;
    c = fs_alloc(ck->fs, sizeof *c);
    if (!c) {
        ck->ioerr = CMS_ENOMEM;
        goto out;
    }
    if ((ck->ioerr = chain_open(c, ck->fs, fcl)) == CMS_OK) {
        if (!all_zero(c->fcl + FCL_USED, CMS_BLKSIZE - FCL_USED))
            issue(ck, CMS_RULE_SLACK, fcl, 0, 0);
        if (check_chain(ck, c, blocks) && ok && get_be16(e + FST_BLOCKS) == blocks) {
            struct cms_file *r;
            ck->ioerr = file_open_entry(ck->fs, e, &r);
            if (ck->ioerr == CMS_OK) {
                check_records(ck, r);
                cms_close_read(r);
            }
        }
    }
    fs_free(ck->fs, c);
out:
    ck->fst = NULL;
}

static void check_directory(struct checker *ck)
{
    struct cms_fs *fs = ck->fs;
    bool hole = false, noted = false;

    for (u32 i = CMS_BLK_IPL1; i <= CMS_BLK_MFD; i++)
        own(ck, i);
    for (unsigned i = 0; i < fs->nfst; i++)
        own(ck, fs->fstblk[i]);
    for (unsigned i = 0; i < fs->next; i++)
        own(ck, fs->ext[i]);
    for (u32 s = 0; s < dir_slots(fs) && !ck->ioerr; s++) {
        const u8 *e = fst_slot(fs, s);
        if (!fst_used(e)) {
            hole = true;
            continue;
        }
        if (hole && !noted) {
            issue(ck, CMS_NOTE_FST_HOLE, fs->fstblk[s / FST_PER_BLOCK], 0, s);
            noted = true;
        }
        check_file(ck, e);
    }
}

static void check_qmsk(struct checker *ck)
{
    struct cms_fs *fs = ck->fs;
    const u8 *map = fs->qmsk_disk;

    for (u32 b = 1; b <= fs->adtnum; b++) {
        bool owned = (ck->owned[b / 8] & (0x80u >> b % 8)) != 0;
        if (owned && !qmsk_test(map, b))
            issue(ck, CMS_RULE_OWNED_IN_QMSK, b, 1, 0);
        else if (!owned && qmsk_test(map, b))
            issue(ck, CMS_RULE_QMSK_OWNED, b, 0, 1);
    }
    for (u32 b = fs->adtnum + 1; b <= fs->qbytes * 8; b++)
        if (qmsk_test(map, b)) {
            issue(ck, CMS_RULE_QMSK_PAST_END, b, 0, 1);
            break;
        }
    if (fs->used != ck->nowned)
        issue(ck, CMS_RULE_ADTUSED, 0, ck->nowned, fs->used);
    if (fs->used + fs->left != fs->adtnum)
        issue(ck, CMS_RULE_ADTLEFT, 0, fs->adtnum, fs->used + fs->left);
    if (fs->last != qmsk_last(fs, map))
        issue(ck, CMS_RULE_ADTLAST, 0, qmsk_last(fs, map), fs->last);
    if (fs->dev->cyls && fs->adtcyl != fs->dev->cyls)
        issue(ck, CMS_RULE_ADTCYL, 0, fs->dev->cyls, fs->adtcyl);
}

int cms_check(struct cms_fs *fs, void (*report)(void *ctx, const struct cms_issue *issue),
              void *ctx)
{
    static const u8 cms_magic[4] = { 0xC3, 0xD4, 0xE2, 0x7E };
    struct checker *ck;
    int rc;

    if (fs->writing)
        return CMS_EBUSY;
    ck = fs_alloc(fs, sizeof *ck);
    if (!ck)
        return CMS_ENOMEM;
    memset(ck, 0, sizeof *ck);
    ck->fs = fs;
    ck->report = report;
    ck->ctx = ctx;
    ck->owned = fs_alloc(fs, fs->adtnum / 8 + 1);
    if (!ck->owned) {
        fs_free(fs, ck);
        return CMS_ENOMEM;
    }
    memset(ck->owned, 0, fs->adtnum / 8 + 1);
    rc = dev_read(fs, CMS_BLK_LABEL, ck->blk);
    if (rc == CMS_OK && memcmp(ck->blk, cms_magic, sizeof cms_magic) != 0)
        issue(ck, CMS_RULE_LABEL, CMS_BLK_LABEL, 0, 0);
    if (rc == CMS_OK) {
        check_directory(ck);
        if (!ck->ioerr)
            check_qmsk(ck);
        rc = ck->ioerr ? ck->ioerr : ck->errors;
    }
    fs_free(fs, ck->owned);
    fs_free(fs, ck);
    return rc;
}
