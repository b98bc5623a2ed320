// test_check.cpp - the consistency checker finds each violation of FMT
// 2.9, made by damaging one field of a good disk, and reports the FMT 2.8
// peculiarities of files CMS did not write as notes, not errors.
#include "memdisk.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(CmsCheck)
{
    MemDisk *d;
    u8 *f_ent, *v_ent;                  // FST entries of FIX DATA and VAR DATA
    void setup() override
    {
        d = new MemDisk(1);
        cms_fs *fs = format_and_mount(*d);
        LONGS_EQUAL(CMS_OK, write_file(fs, "FIX", "DATA", CMS_RECFM_F, 800, numbered(70, 800)));
        LONGS_EQUAL(CMS_OK, write_file(fs, "VAR", "DATA", CMS_RECFM_V, 0, { "ab", "cde" }));
        cms_unmount(fs);
        CHECK_DISK_CLEAN(*d);
        f_ent = entry("FIX");
        v_ent = entry("VAR");
    }
    void teardown() override
    {
        delete d;
        LONGS_EQUAL(0, live_allocations);
        live_allocations = 0;
    }
    u8 *entry(const char *fn)
    {
        u8 *fst = d->block(get_be16(d->block(4)));
        cms_fileid id = fid(fn, "DATA");
        for (int i = 0; i < 20; i++)
            if (!memcmp(fst + 40 * i, id.fn, 8))
                return fst + 40 * i;
        FAIL("entry not found");
        return nullptr;
    }
    u8 *mfd() { return d->block(4); }
    u8 *fcl(u8 *e) { return d->block(get_be16(e + 0x1C)); }
    u32 data_block(u8 *e, unsigned i) { return get_be16(fcl(e) + 80 + 2 * i); }
    void set_bit(u32 b, bool on)
    {
        u8 *byte = mfd() + 384 + (b - 1) / 8;
        u8 mask = (u8)(0x80 >> ((b - 1) % 8));
        *byte = on ? (*byte | mask) : (*byte & ~mask);
    }
    // a block nothing uses
    u32 free_block(u32 after = 5)
    {
        for (u32 b = after + 1; b <= 570; b++)
            if (!(mfd()[384 + (b - 1) / 8] & (0x80 >> ((b - 1) % 8))))
                return b;
        FAIL("no free block");
        return 0;
    }
    // take n free blocks into the file's chain after its last one,
    // keeping QMSK and counters right
    void add_blocks(u8 *e, unsigned n)
    {
        u32 count = get_be16(e + 0x24), b = 5;
        for (unsigned i = 0; i < n; i++) {
            b = free_block(b);
            memset(d->block(b), 0, 800);
            put_be16(fcl(e) + 80 + 2 * (count + i), (u16)b);
            set_bit(b, true);
        }
        put_be16(e + 0x24, (u16)(count + n));
        put_be32(mfd() + 368, get_be32(mfd() + 368) + n);
        put_be32(mfd() + 372, get_be32(mfd() + 372) - n);
        u32 last = 214;
        while (last > 0 && mfd()[384 + last] == 0)
            last--;
        put_be32(mfd() + 376, last);
    }
    std::vector<Issue> issues() { return check_disk(*d); }
};

static void report_count(void *ctx, const cms_issue *)
{
    ++*static_cast<int *>(ctx);
}

TEST(CmsCheck, LabelOverwrittenAfterMount)
{
    cms_fs *fs = mount(*d, CMS_MOUNT_RDONLY);
    d->block(3)[0] = 0;
    int n = 0;
    LONGS_EQUAL(1, cms_check(fs, report_count, &n));
    LONGS_EQUAL(1, n);
    cms_unmount(fs);
}

TEST(CmsCheck, PointerBeyondAdtnum)
{
    put_be16(fcl(v_ent) + 80, 600);
    CHECK(has_rule(issues(), CMS_RULE_POINTER));
}

TEST(CmsCheck, BlockOwnedByTwoFiles)
{
    put_be16(fcl(v_ent) + 80, (u16)data_block(f_ent, 3));
    std::vector<Issue> v = issues();
    CHECK(has_rule(v, CMS_RULE_OWNED_ONCE));
    CHECK(has_rule(v, CMS_RULE_QMSK_OWNED));            // VAR's own block is orphaned
}

TEST(CmsCheck, OwnedBlockFreeInQmsk)
{
    set_bit(data_block(f_ent, 0), false);
    CHECK(has_rule(issues(), CMS_RULE_OWNED_IN_QMSK));
}

TEST(CmsCheck, QmskBitWithoutOwner)
{
    set_bit(free_block(), true);
    CHECK(has_rule(issues(), CMS_RULE_QMSK_OWNED));
}

TEST(CmsCheck, QmskBitPastAdtnum)
{
    set_bit(575, true);                                 // ADTNUM is 570
    CHECK(has_rule(issues(), CMS_RULE_QMSK_PAST_END));
}

TEST(CmsCheck, EachMfdCounterWrong)
{
    const struct { u32 off; cms_rule rule; } t[] = {
        { 368, CMS_RULE_ADTUSED }, { 372, CMS_RULE_ADTLEFT },
        { 376, CMS_RULE_ADTLAST }, { 380, CMS_RULE_ADTCYL },
    };
    for (auto &x : t) {
        u32 old = get_be32(mfd() + x.off);
        put_be32(mfd() + x.off, old + 1);
        CHECK_TEXT(has_rule(issues(), x.rule), cms_rule_text(x.rule));
        put_be32(mfd() + x.off, old);
    }
    CHECK_DISK_CLEAN(*d);
}

TEST(CmsCheck, ChainShorterThanBlockCount)
{
    put_be16(v_ent + 0x24, 2);
    CHECK(has_rule(issues(), CMS_RULE_CHAIN));
}

TEST(CmsCheck, ChainLongerThanBlockCount)
{
    u32 b = free_block();
    put_be16(fcl(v_ent) + 82, (u16)b);
    set_bit(b, true);
    CHECK(has_rule(issues(), CMS_RULE_CHAIN));
}

TEST(CmsCheck, RecordsRunPastTheItemCount)
{
    put_be16(v_ent + 0x1A, 3);
    put_be16(v_ent + 0x14, 4);
    d->block(data_block(v_ent, 0))[9] = 0x05;           // a third length in the slack
    std::vector<Issue> v = issues();
    CHECK(has_rule(v, CMS_RULE_ITEMS));
}

TEST(CmsCheck, WritePointerNotItemsPlusOne)
{
    put_be16(v_ent + 0x14, 7);
    CHECK(has_rule(issues(), CMS_RULE_WRPNT));
}

TEST(CmsCheck, FixedFileWithMoreBlocksThanItsRecordsNeed)
{
    put_be16(f_ent + 0x1A, 50);
    put_be16(f_ent + 0x14, 51);
    CHECK(has_rule(issues(), CMS_RULE_F_BLOCKS));
}

TEST(CmsCheck, VariableRecordLongerThanLrecl)
{
    put_be32(v_ent + 0x20, 2);
    CHECK(has_rule(issues(), CMS_RULE_V_LRECL));
}

TEST(CmsCheck, VariableFileWithAnUnneededBlock)
{
    add_blocks(v_ent, 1);
    std::vector<Issue> v = issues();
    CHECK(has_rule(v, CMS_RULE_V_BLOCKS));
}

TEST(CmsCheck, NonZeroSlackAfterTheLastRecord)
{
    d->block(data_block(v_ent, 0))[700] = 1;
    CHECK(has_rule(issues(), CMS_RULE_SLACK));
}

TEST(CmsCheck, NonZeroFirstChainLinkTail)
{
    fcl(f_ent)[799] = 1;
    CHECK(has_rule(issues(), CMS_RULE_SLACK));
}

TEST(CmsCheck, RecordFormatNeitherFNorV)
{
    v_ent[0x1E] = 0xC1;
    CHECK(has_rule(issues(), CMS_RULE_RECFM));
}

// FMT 2.8: V files whose block count was computed as if the records had
// LRECL bytes each, their extra blocks chained, allocated and zero.
TEST(CmsCheck, VariableFileCountedAsFixedIsANote)
{
    put_be32(v_ent + 0x20, 2000);                       // ceil(2 * 2000 / 800) = 5
    add_blocks(v_ent, 4);
    std::vector<Issue> v = issues();
    CHECK_TEXT(check_errors(*d).empty(), describe(v).c_str());
    CHECK(has_rule(v, CMS_NOTE_V_FIXED_BLOCKS));
    CHECK(has_rule(v, CMS_NOTE_V_LRECL_LONGER));
}

// FMT 2.8: empty lines stored as zero-length records.
TEST(CmsCheck, ZeroLengthRecordIsANote)
{
    u8 *b = d->block(data_block(v_ent, 0));
    const u8 stream[] = { 0x00, 0x00, 0x00, 0x02, 'a', 'b', 0x00, 0x03, 'c', 'd', 'e' };
    memcpy(b, stream, sizeof stream);
    put_be16(v_ent + 0x1A, 3);
    put_be16(v_ent + 0x14, 4);
    std::vector<Issue> v = issues();
    CHECK_TEXT(check_errors(*d).empty(), describe(v).c_str());
    CHECK(has_rule(v, CMS_NOTE_ZERO_RECORD));
}

TEST(CmsCheck, HoleInTheDirectoryIsANote)
{
    u8 *first = d->block(get_be16(mfd()));
    memcpy(first + 80, first, 40);                      // slot 0 moves to slot 2
    memset(first, 0, 40);
    std::vector<Issue> v = issues();
    CHECK_TEXT(check_errors(*d).empty(), describe(v).c_str());
    CHECK(has_rule(v, CMS_NOTE_FST_HOLE));
}

TEST(CmsCheck, ReadPointerNotOneIsANote)
{
    put_be16(v_ent + 0x16, 2);
    std::vector<Issue> v = issues();
    CHECK(check_errors(*d).empty());
    CHECK(has_rule(v, CMS_NOTE_RDPNT));
}

TEST(CmsCheck, EveryRuleHasASentence)
{
    for (int r = 0; r < CMS_RULE_COUNT; r++)
        STRCMP_CONTAINS(" ", cms_rule_text((cms_rule)r));
    STRCMP_EQUAL("unknown rule", cms_rule_text(CMS_RULE_COUNT));
}
