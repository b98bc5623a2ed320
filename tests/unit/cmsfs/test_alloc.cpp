// test_alloc.cpp - allocation structures growing and shrinking: Nth chain
// links (files over 60 blocks), QMSK extension blocks (blocks past 1720 in
// use), more FST blocks (over 20 files), and the size limits.
#include "memdisk.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(CmsAlloc)
{
    void teardown() override
    {
        long live = live_allocations;
        live_allocations = 0;
        LONGS_EQUAL(0, live);
    }
};

static cms_fileinfo info_of(cms_fs *fs, const char *fn, const char *ft)
{
    cms_fileinfo fi;
    cms_fileid id = fid(fn, ft);
    LONGS_EQUAL(CMS_OK, cms_state(fs, &id, &fi));
    return fi;
}

static unsigned mfd_list(MemDisk &d, std::vector<u16> &fst, std::vector<u16> &ext)
{
    const u8 *m = d.block(4);
    unsigned h = 0;
    fst.clear();
    ext.clear();
    for (; get_be16(m + 2 * h) != 0xFFFF && get_be16(m + 2 * h) != 0xFFFD; h++)
        fst.push_back(get_be16(m + 2 * h));
    unsigned sentinel = get_be16(m + 2 * h);
    if (sentinel == 0xFFFD)
        for (h++; h < 182 && get_be16(m + 2 * h); h++)
            ext.push_back(get_be16(m + 2 * h));
    return sentinel;
}

// FMT 2.6: a file with B data blocks uses ceil((B - 60) / 400) Nth chain
// links, named in the FCL's first 80 bytes; link k holds 400 pointers.
TEST(CmsAlloc, FileOver60BlocksUsesNthChainLinks)
{
    MemDisk d(3);
    cms_fs *fs = format_and_mount(d);
    Records recs = numbered(700, 800);
    LONGS_EQUAL(CMS_OK, write_file(fs, "BIG", "FILE", CMS_RECFM_F, 800, recs));
    cms_fileinfo fi = info_of(fs, "BIG", "FILE");
    LONGS_EQUAL(700, fi.blocks);
    const u8 *fcl = d.block(fi.fcl);
    u32 l2 = get_be16(fcl), l3 = get_be16(fcl + 2);
    CHECK(l2 != 0 && l3 != 0);
    for (unsigned i = 4; i < 80; i++)
        LONGS_EQUAL(0, fcl[i]);
    for (unsigned i = 0; i < 60; i++)
        CHECK(get_be16(fcl + 80 + 2 * i) != 0);
    for (unsigned i = 0; i < 400; i++)
        CHECK(get_be16(d.block(l2) + 2 * i) != 0);
    for (unsigned i = 0; i < 400; i++)
        LONGS_EQUAL(i < 240, get_be16(d.block(l3) + 2 * i) != 0);
    // record 61 (index 60) is the first block named by link 2
    MEMCMP_EQUAL(recs[60].data(), d.block(get_be16(d.block(l2))), 800);
    cms_unmount(fs);

    fs = mount(d, CMS_MOUNT_RDONLY);
    Records got;
    LONGS_EQUAL(CMS_OK, read_file(fs, "BIG", "FILE", got));
    CHECK(recs == got);
    cms_unmount(fs);
    CHECK_DISK_CLEAN(d);
}

// FMT 2.4: the MFD holds the bits of blocks 1..1720; past that CMS adds
// extension blocks (sentinel X'FFFD', then their block numbers), themselves
// marked in use; a disk that never went past 1720 has none.
TEST(CmsAlloc, UsingBlocksPast1720CreatesAQmskExtension)
{
    MemDisk d(10);
    cms_fs *fs = format_and_mount(d);
    std::vector<u16> fst, ext;
    LONGS_EQUAL(CMS_OK, write_file(fs, "SMALL", "FILE", CMS_RECFM_F, 800, numbered(1700, 800)));
    LONGS_EQUAL(0xFFFF, mfd_list(d, fst, ext));
    LONGS_EQUAL(CMS_OK, write_file(fs, "MORE", "FILE", CMS_RECFM_F, 800, numbered(100, 800)));
    LONGS_EQUAL(0xFFFD, mfd_list(d, fst, ext));
    LONGS_EQUAL(1, ext.size());
    CHECK(ext[0] > 1720);           // the blocks below are taken
    cms_stats st;
    cms_query_disk(fs, &st);
    LONGS_EQUAL(1, st.qmsk_ext_blocks);
    CHECK(st.used > 1720);
    CHECK_DISK_CLEAN(d);

    cms_fileid more = fid("MORE", "FILE");
    LONGS_EQUAL(CMS_OK, cms_erase(fs, &more));
    LONGS_EQUAL(0xFFFD, mfd_list(d, fst, ext));         // extensions are kept
    CHECK_DISK_CLEAN(d);
    cms_unmount(fs);
}

TEST(CmsAlloc, FullLargestDiskNeedsTenExtensionsAndEveryBlock)
{
    MemDisk d(115);
    cms_fs *fs = format_and_mount(d);
    const char *names[] = { "F1", "F2", "F3", "F4" };
    for (const char *n : names)
        LONGS_EQUAL(CMS_OK, write_file(fs, n, "DATA", CMS_RECFM_F, 800, numbered(16060, 800)));
    cms_stats st;
    cms_query_disk(fs, &st);
    // The last file takes what is left but its chain links and the new
    // places of the FST block and of the changed QMSK extensions; a larger
    // attempt fails as a whole.
    u32 left = st.left, room = left;
    int rc;
    while ((rc = write_file(fs, "LAST", "DATA", CMS_RECFM_F, 800, numbered(room, 800))) == CMS_EFULL)
        room--;
    LONGS_EQUAL(CMS_OK, rc);
    CHECK(room + 1 + 3 + 1 + 2 >= left);
    cms_query_disk(fs, &st);
    LONGS_EQUAL(65531, st.blocks);
    LONGS_EQUAL(65531, st.used + st.left);
    CHECK(st.left <= 3);                                // only the blocks just given up
    LONGS_EQUAL(10, st.qmsk_ext_blocks);
    LONGS_EQUAL(CMS_EFULL, write_file(fs, "ONE", "MORE", CMS_RECFM_F, 800, numbered(st.left, 800)));
    CHECK_DISK_CLEAN(d);
    cms_unmount(fs);
}

// FMT 2.5: 20 entries to an FST block, packed; the MFD lists the blocks.
TEST(CmsAlloc, MoreThan20FilesUseASecondFstBlockAndEraseKeepsThemPacked)
{
    MemDisk d(3);
    cms_fs *fs = format_and_mount(d);
    std::vector<u16> fst, ext;
    char name[9];
    for (int i = 0; i < 25; i++) {
        snprintf(name, sizeof name, "FILE%02d", i);
        LONGS_EQUAL(CMS_OK, write_file(fs, name, "DATA", CMS_RECFM_V, 0, { name }));
    }
    mfd_list(d, fst, ext);
    LONGS_EQUAL(2, fst.size());
    CHECK_DISK_CLEAN(d);

    for (int i = 0; i < 5; i++) {                       // from the middle
        snprintf(name, sizeof name, "FILE%02d", 3 + 2 * i);
        cms_fileid id = fid(name, "DATA");
        LONGS_EQUAL(CMS_OK, cms_erase(fs, &id));
        std::vector<Issue> all = check_disk(d);
        CHECK_TEXT(all.empty(), describe(all).c_str()); // no violation, no hole
    }
    mfd_list(d, fst, ext);
    LONGS_EQUAL(1, fst.size());
    for (int i = 0; i < 25; i++) {
        snprintf(name, sizeof name, "FILE%02d", i);
        bool erased = i >= 3 && i <= 11 && i % 2 == 1;
        Records got;
        LONGS_EQUAL(erased ? CMS_ENOTFOUND : CMS_OK, read_file(fs, name, "DATA", got));
        if (!erased)
            CHECK(Records{ name } == got);
    }
    cms_unmount(fs);
}

TEST(CmsAlloc, LastFileErasedLeavesOneEmptyFstBlock)
{
    MemDisk d(1);
    cms_fs *fs = format_and_mount(d);
    LONGS_EQUAL(CMS_OK, write_file(fs, "ONLY", "FILE", CMS_RECFM_F, 1, { "o" }));
    cms_fileid id = fid("ONLY", "FILE");
    LONGS_EQUAL(CMS_OK, cms_erase(fs, &id));
    std::vector<u16> fst, ext;
    mfd_list(d, fst, ext);
    LONGS_EQUAL(1, fst.size());
    for (unsigned i = 0; i < 800; i++)
        LONGS_EQUAL(0, d.block(fst[0])[i]);
    cms_stats st;
    cms_query_disk(fs, &st);
    LONGS_EQUAL(5, st.used);
    CHECK_DISK_CLEAN(d);
    cms_unmount(fs);
}

// FMT 2.6: at most 60 + 40 * 400 = 16060 data blocks.
TEST(CmsAlloc, FileOf16060BlocksIsTheLargest)
{
    MemDisk d(30);
    cms_fs *fs = format_and_mount(d);                   // 17100 blocks
    LONGS_EQUAL(CMS_ETOOBIG, write_file(fs, "TOO", "BIG", CMS_RECFM_F, 800, numbered(16061, 800)));
    LONGS_EQUAL(CMS_OK, write_file(fs, "MAX", "SIZE", CMS_RECFM_F, 800, numbered(16060, 800)));
    LONGS_EQUAL(16060, info_of(fs, "MAX", "SIZE").blocks);
    cms_stats before;
    cms_query_disk(fs, &before);
    LONGS_EQUAL(CMS_ETOOBIG, append_file(fs, "MAX", "SIZE", { std::string(800, 'x') }));
    cms_stats after;
    cms_query_disk(fs, &after);
    LONGS_EQUAL(before.used, after.used);
    LONGS_EQUAL(1, after.files);
    CHECK_DISK_CLEAN(d);
    cms_unmount(fs);
}

// The write pointer (items + 1) is a halfword.
TEST(CmsAlloc, FileOf65534RecordsIsTheLongest)
{
    MemDisk d(1);
    cms_fs *fs = format_and_mount(d);
    cms_fileid id = fid("MANY", "RECS");
    cms_writer *w;
    LONGS_EQUAL(CMS_OK, cms_open_write(fs, &id, CMS_RECFM_F, 1, &w));
    for (unsigned i = 0; i < 65534; i++)
        LONGS_EQUAL(CMS_OK, cms_write_record(w, (const u8 *)"r", 1));
    LONGS_EQUAL(CMS_ETOOBIG, cms_write_record(w, (const u8 *)"r", 1));
    LONGS_EQUAL(CMS_OK, cms_close_write(w));
    cms_fileinfo fi = info_of(fs, "MANY", "RECS");
    LONGS_EQUAL(65534, fi.items);
    LONGS_EQUAL(65535, fi.wrpnt);
    CHECK_DISK_CLEAN(d);
    cms_unmount(fs);
}
