// test_safety.cpp - a full disk, an I/O error or a machine that stops in
// the middle of an operation never leaves a half-written file system: the
// disk holds either the old directory or the new one, both consistent.
#include "memdisk.h"

#include <functional>
#include <map>
#include <CppUTest/TestHarness.h>

typedef std::map<std::string, Records> Contents;

// every file of the disk as a fresh mount reads it
static Contents contents(MemDisk &d)
{
    Contents c;
    cms_fs *fs = mount(d, CMS_MOUNT_RDONLY);
    u32 cur = 0;
    cms_fileinfo fi;
    while (cms_list(fs, &cur, &fi) == CMS_OK) {
        char fn[9], ft[9], fm[3];
        cms_fileid_text(&fi.id, fn, ft, fm);
        LONGS_EQUAL(CMS_OK, read_file(fs, fn, ft, c[std::string(fn) + " " + ft]));
    }
    cms_unmount(fs);
    return c;
}

TEST_GROUP(CmsSafety)
{
    void teardown() override
    {
        long live = live_allocations;
        live_allocations = 0;
        LONGS_EQUAL(0, live);
    }
};

TEST(CmsSafety, DiskFullLeavesDirectoryAndFilesAsTheyWere)
{
    MemDisk d(1);                                       // 570 blocks
    cms_fs *fs = format_and_mount(d);
    LONGS_EQUAL(CMS_OK, write_file(fs, "KEEP", "ME", CMS_RECFM_F, 800, numbered(300, 800)));
    std::vector<u8> before = d.bytes;
    Contents old = contents(d);
    cms_stats s0;
    cms_query_disk(fs, &s0);

    // a new file, a replacement and an append that do not fit
    LONGS_EQUAL(CMS_EFULL, write_file(fs, "NEW", "FILE", CMS_RECFM_F, 800, numbered(300, 800)));
    LONGS_EQUAL(CMS_EFULL, write_file(fs, "KEEP", "ME", CMS_RECFM_F, 800, numbered(300, 800, "X")));
    LONGS_EQUAL(CMS_EFULL, append_file(fs, "KEEP", "ME", numbered(300, 800, "Y")));

    cms_stats s1;
    cms_query_disk(fs, &s1);
    LONGS_EQUAL(s0.used, s1.used);
    LONGS_EQUAL(s0.files, s1.files);
    MEMCMP_EQUAL(&before[3 * 800], d.block(4), 800);   // the MFD was not written
    CHECK(old == contents(d));
    CHECK_DISK_CLEAN(d);
    // and the disk still works
    LONGS_EQUAL(CMS_OK, write_file(fs, "SMALL", "ONE", CMS_RECFM_F, 800, numbered(100, 800)));
    CHECK_DISK_CLEAN(d);
    cms_unmount(fs);
}

// Run op with the machine stopping after k writes, for every k until the
// op completes; after each stop the disk, mounted afresh, must pass every
// rule and hold exactly the old or exactly the new files.
static void crash_everywhere(MemDisk &d, const std::function<int(cms_fs *)> &op)
{
    const std::vector<u8> base = d.bytes;
    const Contents old = contents(d);
    Contents now;
    int rc = -1;
    long k;

    for (k = 0; rc != CMS_OK; k++) {
        CHECK_TEXT(k < 100000, "operation never completes");
        d.bytes = base;
        cms_fs *fs = mount(d);
        d.write_budget = k;
        rc = op(fs);
        d.write_budget = -1;
        cms_unmount(fs);
        if (rc != CMS_OK)
            LONGS_EQUAL_TEXT(CMS_EIO, rc, cms_strerror(rc));
        CHECK_DISK_CLEAN(d);
        Contents c = contents(d);
        if (rc != CMS_OK)
            CHECK_TEXT(c == old, "a failed operation changed the files");
        now = c;
    }
    CHECK_TEXT(k > 2, "the operation wrote almost nothing");
    CHECK_TEXT(now != old, "the operation changed nothing");
}

TEST_GROUP(CmsCrash)
{
    MemDisk *d;
    void setup() override
    {
        d = new MemDisk(10);
        cms_fs *fs = format_and_mount(*d);
        char name[9];
        for (int i = 0; i < 19; i++) {                  // one short of a full FST block
            snprintf(name, sizeof name, "F%d", i);
            LONGS_EQUAL(CMS_OK, write_file(fs, name, "DATA", CMS_RECFM_V, 0, numbered(3 + i, 10 + i)));
        }
        LONGS_EQUAL(CMS_OK, write_file(fs, "BIG", "FILE", CMS_RECFM_F, 800, numbered(1650, 800)));
        cms_unmount(fs);
    }
    void teardown() override
    {
        delete d;
        LONGS_EQUAL(0, live_allocations);
        live_allocations = 0;
    }
};

TEST(CmsCrash, CreatingAFileThatNeedsANewFstBlockAndAQmskExtension)
{
    crash_everywhere(*d, [](cms_fs *fs) {              // the 21st file, past block 1720
        return write_file(fs, "NEW", "DATA", CMS_RECFM_F, 800, numbered(100, 800));
    });
}

TEST(CmsCrash, ReplacingAFile)
{
    crash_everywhere(*d, [](cms_fs *fs) {
        return write_file(fs, "F3", "DATA", CMS_RECFM_V, 0, numbered(200, 33, "NEW"));
    });
}

TEST(CmsCrash, AppendingToAFile)
{
    crash_everywhere(*d, [](cms_fs *fs) {
        return append_file(fs, "F5", "DATA", numbered(100, 12, "MORE"));
    });
}

TEST(CmsCrash, ErasingAFile)
{
    crash_everywhere(*d, [](cms_fs *fs) {
        cms_fileid id = fid("BIG", "FILE");
        return cms_erase(fs, &id);
    });
}

TEST(CmsCrash, RenamingAFile)
{
    crash_everywhere(*d, [](cms_fs *fs) {
        cms_fileid from = fid("F7", "DATA"), to = fid("SEVEN", "DATA");
        return cms_rename(fs, &from, &to);
    });
}

TEST_GROUP(CmsIoErrors)
{
    void teardown() override
    {
        long live = live_allocations;
        live_allocations = 0;
        LONGS_EQUAL(0, live);
    }
};

TEST(CmsIoErrors, UnreadableBlocksGiveIoErrorAndChangeNothing)
{
    MemDisk d(1);
    cms_fs *fs = format_and_mount(d);
    LONGS_EQUAL(CMS_OK, write_file(fs, "A", "B", CMS_RECFM_F, 800, numbered(70, 800)));
    cms_fileinfo fi;
    cms_fileid id = fid("A", "B");
    LONGS_EQUAL(CMS_OK, cms_state(fs, &id, &fi));
    std::vector<u8> before = d.bytes;

    d.bad_read_block = get_be16(d.block(fi.fcl) + 80 + 2 * 5);     // 6th data block
    Records got;
    LONGS_EQUAL(CMS_EIO, read_file(fs, "A", "B", got));
    d.bad_read_block = get_be16(d.block(fi.fcl));                   // the Nth chain link
    LONGS_EQUAL(CMS_EIO, cms_erase(fs, &id));
    LONGS_EQUAL(CMS_EIO, append_file(fs, "A", "B", { std::string(800, 'x') }));
    CHECK(before == d.bytes);
    LONGS_EQUAL(CMS_EIO, cms_check(fs, nullptr, nullptr));
    d.bad_read_block = 4;
    cms_fs *other = nullptr;
    LONGS_EQUAL(CMS_EIO, cms_mount(&other, &d.dev, &test_env, 0));
    d.bad_read_block = 0;
    LONGS_EQUAL(CMS_OK, read_file(fs, "A", "B", got));
    LONGS_EQUAL(70, got.size());
    cms_unmount(fs);
}
