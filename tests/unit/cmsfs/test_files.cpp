// test_files.cpp - creating, reading, appending, replacing, erasing and
// renaming files; every operation leaves a disk that passes every rule of
// FMT 2.9 as read back from the device.
#include "memdisk.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(CmsFiles)
{
    MemDisk *d;
    cms_fs *fs;
    void setup() override
    {
        d = new MemDisk(3);
        fs = format_and_mount(*d);
    }
    void teardown() override
    {
        cms_unmount(fs);
        delete d;
        LONGS_EQUAL(0, live_allocations);
        live_allocations = 0;
    }
    Records reread(const char *fn, const char *ft)
    {
        Records r;
        LONGS_EQUAL(CMS_OK, read_file(fs, fn, ft, r));
        return r;
    }
    // what a fresh mount of the device sees
    Records reread_from_disk(const char *fn, const char *ft)
    {
        cms_fs *other = mount(*d, CMS_MOUNT_RDONLY);
        Records r;
        LONGS_EQUAL(CMS_OK, read_file(other, fn, ft, r));
        cms_unmount(other);
        return r;
    }
    cms_fileinfo state(const char *fn, const char *ft)
    {
        cms_fileinfo fi;
        cms_fileid id = fid(fn, ft);
        LONGS_EQUAL(CMS_OK, cms_state(fs, &id, &fi));
        return fi;
    }
};

TEST(CmsFiles, FixedRecordsStraddleBlocksAndReadBackExactly)
{
    Records recs = numbered(50, 121);                   // 6050 bytes: 8 blocks
    LONGS_EQUAL(CMS_OK, write_file(fs, "LISTING", "FILE", CMS_RECFM_F, 121, recs));
    CHECK(recs == reread("LISTING", "FILE"));
    CHECK(recs == reread_from_disk("LISTING", "FILE"));
    cms_fileinfo fi = state("LISTING", "FILE");
    LONGS_EQUAL(50, fi.items);
    LONGS_EQUAL(8, fi.blocks);
    LONGS_EQUAL(51, fi.wrpnt);
    LONGS_EQUAL(1, fi.rdpnt);
    CHECK_DISK_CLEAN(*d);
}

TEST(CmsFiles, VariableRecordsKeepTheirLengthsAndLreclIsTheLongest)
{
    Records recs;
    for (unsigned i = 1; i <= 300; i++)
        recs.push_back(std::string(i % 97 + 1, (char)('a' + i % 26)));
    LONGS_EQUAL(CMS_OK, write_file(fs, "VAR", "DATA", CMS_RECFM_V, 0, recs));
    CHECK(recs == reread_from_disk("VAR", "DATA"));
    LONGS_EQUAL(97, state("VAR", "DATA").lrecl);
    CHECK_DISK_CLEAN(*d);
}

// FMT 2.7: "in 87 cases even the 2-byte length itself is split across two
// blocks".  A first record of 797 bytes ends at offset 799, so the second
// record's length has one byte in each block.
TEST(CmsFiles, VariableLengthFieldSplitAcrossTwoBlocks)
{
    Records recs = { std::string(797, 'x'), std::string(300, 'y'), "z" };
    LONGS_EQUAL(CMS_OK, write_file(fs, "SPLIT", "LEN", CMS_RECFM_V, 0, recs));
    cms_fileinfo fi = state("SPLIT", "LEN");
    LONGS_EQUAL(2, fi.blocks);                          // 799 + 2 + 300 + 3 bytes
    // the first data block ends with the high byte of 300 (X'01')
    const u8 *fcl = d->block(fi.fcl);
    const u8 *b1 = d->block(get_be16(fcl + 80));
    LONGS_EQUAL(0x01, b1[799]);
    LONGS_EQUAL(0x2C, d->block(get_be16(fcl + 82))[0]);
    CHECK(recs == reread_from_disk("SPLIT", "LEN"));
    CHECK_DISK_CLEAN(*d);
}

TEST(CmsFiles, ReplacingAFileFreesTheOldBlocks)
{
    LONGS_EQUAL(CMS_OK, write_file(fs, "A", "B", CMS_RECFM_F, 80, numbered(100, 80)));
    cms_stats before;
    cms_query_disk(fs, &before);
    LONGS_EQUAL(CMS_OK, write_file(fs, "A", "B", CMS_RECFM_F, 80, numbered(10, 80, "NEW")));
    cms_stats after;
    cms_query_disk(fs, &after);
    CHECK(numbered(10, 80, "NEW") == reread_from_disk("A", "B"));
    LONGS_EQUAL(1, after.files);
    LONGS_EQUAL(before.used - 9, after.used);           // 10 data blocks became 1
    CHECK_DISK_CLEAN(*d);
}

TEST(CmsFiles, AppendToFixedFileContinuesInThePartialBlock)
{
    Records first = numbered(7, 80), more = numbered(20, 80, "ADD");
    LONGS_EQUAL(CMS_OK, write_file(fs, "APP", "F", CMS_RECFM_F, 80, first));
    LONGS_EQUAL(CMS_OK, append_file(fs, "APP", "F", more));
    Records all = first;
    all.insert(all.end(), more.begin(), more.end());
    CHECK(all == reread_from_disk("APP", "F"));
    LONGS_EQUAL(3, state("APP", "F").blocks);           // 27 * 80 = 2160 bytes
    CHECK_DISK_CLEAN(*d);
}

TEST(CmsFiles, AppendToVariableFileRaisesLreclWhenNeeded)
{
    Records first = { std::string(795, 'a') }, more = { std::string(1000, 'b'), "c" };
    LONGS_EQUAL(CMS_OK, write_file(fs, "APP", "V", CMS_RECFM_V, 0, first));
    LONGS_EQUAL(CMS_OK, append_file(fs, "APP", "V", more));
    Records all = { first[0], more[0], more[1] };
    CHECK(all == reread_from_disk("APP", "V"));
    LONGS_EQUAL(1000, state("APP", "V").lrecl);
    CHECK_DISK_CLEAN(*d);
}

TEST(CmsFiles, AppendRefusesARecordOfTheWrongLength)
{
    LONGS_EQUAL(CMS_OK, write_file(fs, "APP", "F", CMS_RECFM_F, 80, numbered(1, 80)));
    LONGS_EQUAL(CMS_EBADREC, append_file(fs, "APP", "F", { "short" }));
    LONGS_EQUAL(1, state("APP", "F").items);
    LONGS_EQUAL(CMS_ENOTFOUND, append_file(fs, "NONE", "F", { "x" }));
    CHECK_DISK_CLEAN(*d);
}

TEST(CmsFiles, EraseRemovesTheFileAndReturnsItsBlocks)
{
    cms_stats empty;
    cms_query_disk(fs, &empty);
    LONGS_EQUAL(CMS_OK, write_file(fs, "GONE", "SOON", CMS_RECFM_F, 80, numbered(500, 80)));
    cms_fileid id = fid("GONE", "SOON");
    LONGS_EQUAL(CMS_OK, cms_erase(fs, &id));
    LONGS_EQUAL(CMS_ENOTFOUND, cms_state(fs, &id, nullptr));
    LONGS_EQUAL(CMS_ENOTFOUND, cms_erase(fs, &id));
    cms_stats after;
    cms_query_disk(fs, &after);
    LONGS_EQUAL(empty.used, after.used);
    LONGS_EQUAL(0, after.files);
    CHECK_DISK_CLEAN(*d);
}

TEST(CmsFiles, RenameKeepsDataModeAndDate)
{
    Records recs = numbered(5, 80);
    LONGS_EQUAL(CMS_OK, write_file(fs, "OLD", "NAME", CMS_RECFM_F, 80, recs));
    cms_fileid from = fid("OLD", "NAME"), to = fid("NEW", "NAME", "B2");
    LONGS_EQUAL(CMS_OK, cms_rename(fs, &from, &to));
    LONGS_EQUAL(CMS_ENOTFOUND, cms_state(fs, &from, nullptr));
    CHECK(recs == reread_from_disk("NEW", "NAME"));
    char fn[9], ft[9], fm[3];
    cms_fileinfo fi = state("NEW", "NAME");
    cms_fileid_text(&fi.id, fn, ft, fm);
    STRCMP_EQUAL("A1", fm);
    CHECK_DISK_CLEAN(*d);
}

TEST(CmsFiles, RenameOntoAnExistingFileIsRefused)
{
    LONGS_EQUAL(CMS_OK, write_file(fs, "ONE", "X", CMS_RECFM_F, 1, { "1" }));
    LONGS_EQUAL(CMS_OK, write_file(fs, "TWO", "X", CMS_RECFM_F, 1, { "2" }));
    cms_fileid one = fid("ONE", "X"), two = fid("TWO", "X");
    LONGS_EQUAL(CMS_EEXIST, cms_rename(fs, &one, &two));
    CHECK(Records{ "1" } == reread_from_disk("ONE", "X"));
    CHECK(Records{ "2" } == reread_from_disk("TWO", "X"));
}

TEST(CmsFiles, ListGivesEveryFileWithItsAttributes)
{
    LONGS_EQUAL(CMS_OK, write_file(fs, "F1", "T", CMS_RECFM_F, 10, numbered(3, 10)));
    LONGS_EQUAL(CMS_OK, write_file(fs, "V1", "T", CMS_RECFM_V, 0, { "abc", "de" }));
    u32 cur = 0;
    cms_fileinfo fi;
    char fn[9], ft[9], fm[3];
    LONGS_EQUAL(CMS_OK, cms_list(fs, &cur, &fi));
    cms_fileid_text(&fi.id, fn, ft, fm);
    STRCMP_EQUAL("F1", fn);
    LONGS_EQUAL(CMS_RECFM_F, fi.recfm);
    LONGS_EQUAL(10, fi.lrecl);
    LONGS_EQUAL(3, fi.items);
    LONGS_EQUAL(1, fi.blocks);
    LONGS_EQUAL(19, fi.written.year);
    LONGS_EQUAL(CMS_OK, cms_list(fs, &cur, &fi));
    cms_fileid_text(&fi.id, fn, ft, fm);
    STRCMP_EQUAL("V1", fn);
    LONGS_EQUAL(CMS_RECFM_V, fi.recfm);
    LONGS_EQUAL(3, fi.lrecl);
    LONGS_EQUAL(CMS_EOF, cms_list(fs, &cur, &fi));
}

TEST(CmsFiles, BadFileIdentifiersAreRefused)
{
    cms_fileid id;
    LONGS_EQUAL(CMS_EBADID, cms_fileid_make(&id, "", "EXEC", "A1"));
    LONGS_EQUAL(CMS_EBADID, cms_fileid_make(&id, "NINECHARS", "EXEC", "A1"));
    LONGS_EQUAL(CMS_EBADID, cms_fileid_make(&id, "A.B", "EXEC", "A1"));
    LONGS_EQUAL(CMS_EBADID, cms_fileid_make(&id, "A", "EXEC", "A7"));
    LONGS_EQUAL(CMS_EBADID, cms_fileid_make(&id, "A", "EXEC", "1A"));
    LONGS_EQUAL(CMS_EBADID, cms_fileid_make(&id, "A", "EXEC", "A12"));
    LONGS_EQUAL(CMS_OK, cms_fileid_make(&id, "$A#@+-:_", "exec", "b"));
    MEMCMP_EQUAL("\xC2\xF1", id.fm, 2);
    cms_fileid blank;
    memset(&blank, 0x40, sizeof blank);
    cms_writer *w;
    LONGS_EQUAL(CMS_EBADID, cms_open_write(fs, &blank, CMS_RECFM_F, 80, &w));
    LONGS_EQUAL(CMS_EBADID, cms_state(fs, &blank, nullptr));
    LONGS_EQUAL(CMS_EBADID, cms_erase(fs, &blank));
}

TEST(CmsFiles, RecordsOfTheWrongLengthAreRefusedAndTheFileStillWritten)
{
    cms_fileid id = fid("LEN", "TEST");
    cms_writer *w;
    LONGS_EQUAL(CMS_EINVAL, cms_open_write(fs, &id, CMS_RECFM_F, 0, &w));
    LONGS_EQUAL(CMS_EINVAL, cms_open_write(fs, &id, CMS_RECFM_F, 65536, &w));
    LONGS_EQUAL(CMS_EINVAL, cms_open_write(fs, &id, 0xC1, 80, &w));
    LONGS_EQUAL(CMS_OK, cms_open_write(fs, &id, CMS_RECFM_F, 4, &w));
    LONGS_EQUAL(CMS_EBADREC, cms_write_record(w, (const u8 *)"abc", 3));
    LONGS_EQUAL(CMS_OK, cms_write_record(w, (const u8 *)"abcd", 4));
    LONGS_EQUAL(CMS_OK, cms_close_write(w));
    CHECK(Records{ "abcd" } == reread_from_disk("LEN", "TEST"));

    LONGS_EQUAL(CMS_OK, cms_open_write(fs, &id, CMS_RECFM_V, 0, &w));
    LONGS_EQUAL(CMS_EBADREC, cms_write_record(w, (const u8 *)"", 0));
    std::string big(65536, 'x');
    LONGS_EQUAL(CMS_EBADREC, cms_write_record(w, (const u8 *)big.data(), 65536));
    LONGS_EQUAL(CMS_OK, cms_write_record(w, (const u8 *)big.data(), 65535));
    LONGS_EQUAL(CMS_OK, cms_close_write(w));
    CHECK(Records{ big.substr(0, 65535) } == reread_from_disk("LEN", "TEST"));
    CHECK_DISK_CLEAN(*d);
}

TEST(CmsFiles, AFileWithoutRecordsIsNotCreated)
{
    LONGS_EQUAL(CMS_OK, write_file(fs, "KEEP", "ME", CMS_RECFM_F, 1, { "k" }));
    LONGS_EQUAL(CMS_EEMPTY, write_file(fs, "KEEP", "ME", CMS_RECFM_F, 1, {}));
    CHECK(Records{ "k" } == reread_from_disk("KEEP", "ME"));
    CHECK_DISK_CLEAN(*d);
}

TEST(CmsFiles, LongRecordIsTruncatedIntoASmallBufferAndReadingGoesOn)
{
    LONGS_EQUAL(CMS_OK, write_file(fs, "T", "T", CMS_RECFM_V, 0, { "0123456789", "ab" }));
    cms_fileid id = fid("T", "T");
    cms_file *f;
    u8 buf[4];
    u32 len;
    LONGS_EQUAL(CMS_OK, cms_open_read(fs, &id, &f));
    LONGS_EQUAL(CMS_ETRUNC, cms_read_record(f, buf, sizeof buf, &len));
    LONGS_EQUAL(10, len);
    MEMCMP_EQUAL("0123", buf, 4);
    LONGS_EQUAL(CMS_OK, cms_read_record(f, buf, sizeof buf, &len));
    MEMCMP_EQUAL("ab", buf, 2);
    LONGS_EQUAL(CMS_EOF, cms_read_record(f, buf, sizeof buf, &len));
    cms_close_read(f);
}

TEST(CmsFiles, ReadOnlyDiskRefusesEveryChange)
{
    LONGS_EQUAL(CMS_OK, write_file(fs, "R", "O", CMS_RECFM_F, 1, { "r" }));
    cms_fs *ro = mount(*d, CMS_MOUNT_RDONLY);
    long writes = d->writes;
    LONGS_EQUAL(CMS_ERDONLY, write_file(ro, "NEW", "FILE", CMS_RECFM_F, 1, { "x" }));
    LONGS_EQUAL(CMS_ERDONLY, append_file(ro, "R", "O", { "x" }));
    cms_fileid r = fid("R", "O"), s = fid("S", "O");
    LONGS_EQUAL(CMS_ERDONLY, cms_erase(ro, &r));
    LONGS_EQUAL(CMS_ERDONLY, cms_rename(ro, &r, &s));
    LONGS_EQUAL(writes, d->writes);
    Records got;
    LONGS_EQUAL(CMS_OK, read_file(ro, "R", "O", got));
    cms_unmount(ro);
}

TEST(CmsFiles, OneWriterAtATimeAndNoEraseOrRenameMeanwhile)
{
    LONGS_EQUAL(CMS_OK, write_file(fs, "R", "O", CMS_RECFM_F, 1, { "r" }));
    cms_fileid a = fid("A", "A"), r = fid("R", "O"), s = fid("S", "O");
    cms_writer *w, *w2;
    LONGS_EQUAL(CMS_OK, cms_open_write(fs, &a, CMS_RECFM_F, 1, &w));
    LONGS_EQUAL(CMS_EBUSY, cms_open_write(fs, &s, CMS_RECFM_F, 1, &w2));
    LONGS_EQUAL(CMS_EBUSY, cms_erase(fs, &r));
    LONGS_EQUAL(CMS_EBUSY, cms_rename(fs, &r, &s));
    Records got;
    LONGS_EQUAL(CMS_OK, read_file(fs, "R", "O", got));  // reading is allowed
    LONGS_EQUAL(CMS_OK, cms_write_record(w, (const u8 *)"a", 1));
    cms_abandon_write(w);
    LONGS_EQUAL(CMS_ENOTFOUND, cms_state(fs, &a, nullptr));
    LONGS_EQUAL(CMS_OK, cms_erase(fs, &r));
    CHECK_DISK_CLEAN(*d);
}
