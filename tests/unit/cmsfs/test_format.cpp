// test_format.cpp - the on-disk format pinned to the examples of
// CMS-DISK-FORMAT.md: a freshly formatted disk byte for byte, a disk built
// by hand from the documented layout read back, a written file's FST, and
// the 3350 block geometry.
#include "memdisk.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(CmsFormat)
{
    void teardown() override
    {
        long live = live_allocations;
        live_allocations = 0;
        LONGS_EQUAL(0, live);
    }
};

static void put(std::vector<u8> &img, u32 block, u32 off, std::initializer_list<u8> b)
{
    size_t at = (size_t)(block - 1) * CMS_BLKSIZE + off;
    for (u8 x : b)
        img[at++] = x;
}

// FMT 2.2/2.3: "Freshly formatted 193-base: list 0005 FFFF, USED 5
// (blocks 1-5), LAST 0, QMSK first byte X'F8', FST block 5 all zero".
TEST(CmsFormat, FreshDiskIsTheDocumentedImageByteForByte)
{
    MemDisk d(10);                                       // 5700 blocks
    u8 label[6];
    LONGS_EQUAL(CMS_OK, cms_label_make(label, "test01"));
    LONGS_EQUAL(CMS_OK, cms_format(&d.dev, label));

    std::vector<u8> img(d.bytes.size(), 0);
    put(img, 3, 0, { 0xC3, 0xD4, 0xE2, 0x7E,             // CMS=
                     0xE3, 0xC5, 0xE2, 0xE3, 0xF0, 0xF1 });  // TEST01
    put(img, 4, 0, { 0x00, 0x05, 0xFF, 0xFF });          // FST block 5, no extensions
    put(img, 4, 364, { 0x00, 0x00, 0x16, 0x44 });        // ADTNUM 5700
    put(img, 4, 368, { 0x00, 0x00, 0x00, 0x05 });        // ADTUSED 5
    put(img, 4, 372, { 0x00, 0x00, 0x16, 0x3F });        // ADTLEFT 5695
    put(img, 4, 376, { 0x00, 0x00, 0x00, 0x00 });        // ADTLAST 0
    put(img, 4, 380, { 0x00, 0x00, 0x00, 0x0A });        // ADTCYL 10
    put(img, 4, 384, { 0xF8 });                          // blocks 1-5 in use
    put(img, 4, 599, { 0x0B });                          // 3350
    CHECK(img == d.bytes);
    CHECK_DISK_CLEAN(d);
}

TEST(CmsFormat, GeometryOutsideFiveTo65531BlocksIsRefusedAndNothingWritten)
{
    MemDisk d(1);
    u8 label[6] = { 0xC1, 0x40, 0x40, 0x40, 0x40, 0x40 };
    d.dev.blocks = 4;
    LONGS_EQUAL(CMS_EINVAL, cms_format(&d.dev, label));
    d.dev.blocks = 65532;
    LONGS_EQUAL(CMS_EINVAL, cms_format(&d.dev, label));
    LONGS_EQUAL(0, d.writes);
}

TEST(CmsFormat, LabelIsOneToSixCmsCharacters)
{
    u8 label[6];
    LONGS_EQUAL(CMS_EBADID, cms_label_make(label, ""));
    LONGS_EQUAL(CMS_EBADID, cms_label_make(label, "TOOLONG"));
    LONGS_EQUAL(CMS_EBADID, cms_label_make(label, "A B"));
    LONGS_EQUAL(CMS_OK, cms_label_make(label, "cms191"));
    const u8 want[6] = { 0xC3, 0xD4, 0xE2, 0xF1, 0xF9, 0xF1 };
    MEMCMP_EQUAL(want, label, 6);
}

TEST(CmsFormat, DiskWithoutCmsLabelIsNotMounted)
{
    MemDisk d(1);
    cms_fs *fs = nullptr;
    LONGS_EQUAL(CMS_ENOTCMS, cms_mount(&fs, &d.dev, &test_env, 0));
    POINTERS_EQUAL(nullptr, fs);
}

// FMT 2.1: block 1 = C0 H0 R1, block 3 = C0 H0 R3, block 20 = C0 H1 R1,
// block 571 = C1 H0 R1.
TEST(CmsFormat, BlocksRunTrackByTrackNineteenToATrack)
{
    struct { u32 block, cyl, head, rec; } t[] = {
        { 1, 0, 0, 1 }, { 3, 0, 0, 3 }, { 19, 0, 0, 19 }, { 20, 0, 1, 1 },
        { 570, 0, 29, 19 }, { 571, 1, 0, 1 }, { 65531, 114, 28, 19 },
    };
    for (auto &x : t) {
        u32 c, h, r;
        cms3350_locate(x.block, &c, &h, &r);
        LONGS_EQUAL(x.cyl, c);
        LONGS_EQUAL(x.head, h);
        LONGS_EQUAL(x.rec, r);
    }
}

// FMT 2.1: 94/70/1 cylinders give 53580/39900/570 blocks; 115 cylinders
// (65550 blocks) are capped at 65531.
TEST(CmsFormat, AdtnumIs570ACylinderCappedAt65531)
{
    LONGS_EQUAL(570, cms3350_adtnum(1));
    LONGS_EQUAL(39900, cms3350_adtnum(70));
    LONGS_EQUAL(53580, cms3350_adtnum(94));
    LONGS_EQUAL(64980, cms3350_adtnum(114));
    LONGS_EQUAL(65531, cms3350_adtnum(115));
    LONGS_EQUAL(65531, cms3350_adtnum(555));
}

// A disk laid out by hand from FMT 2.3-2.7, as VM/370 CMS would write it:
// PROFILE EXEC P1, RECFM V, two records, FST block 5, FCL 6, data block 7.
static void build_profile_disk(MemDisk &d)
{
    std::vector<u8> &img = d.bytes;
    put(img, 3, 0, { 0xC3, 0xD4, 0xE2, 0x7E, 0xC3, 0xD4, 0xE2, 0xF1, 0xF9, 0xF1 });
    put(img, 4, 0, { 0x00, 0x05, 0xFF, 0xFF });
    put(img, 4, 364, { 0x00, 0x00, 0x02, 0x3A });        // ADTNUM 570
    put(img, 4, 368, { 0x00, 0x00, 0x00, 0x07 });        // USED 7
    put(img, 4, 372, { 0x00, 0x00, 0x02, 0x33 });        // LEFT 563
    put(img, 4, 380, { 0x00, 0x00, 0x00, 0x01 });
    put(img, 4, 384, { 0xFE });                          // blocks 1-7
    put(img, 4, 599, { 0x0B });
    put(img, 5, 0, { 0xD7, 0xD9, 0xD6, 0xC6, 0xC9, 0xD3, 0xC5, 0x40,     // PROFILE
                     0xC5, 0xE7, 0xC5, 0xC3, 0x40, 0x40, 0x40, 0x40,     // EXEC
                     0x06, 0x06, 0x20, 0x16,                             // 06/06 20:16
                     0x00, 0x03, 0x00, 0x01,                             // wp 3, rp 1
                     0xD7, 0xF1, 0x00, 0x02, 0x00, 0x06,                 // P1, 2 items, FCL 6
                     0xE5, 0x00, 0x00, 0x00, 0x00, 0x0B,                 // V, LRECL 11
                     0x00, 0x01, 0xF1, 0xF9 });                          // 1 block, '19'
    put(img, 6, 80, { 0x00, 0x07 });                                     // data block 1 = 7
    put(img, 7, 0, { 0x00, 0x05, 0xC8, 0xC5, 0xD3, 0xD3, 0xD6,           // HELLO
                     0x00, 0x0B, 0xC8, 0xC5, 0xD3, 0xD3, 0xD6, 0x40,     // HELLO WORLD
                     0xE6, 0xD6, 0xD9, 0xD3, 0xC4 });
}

TEST(CmsFormat, DiskBuiltFromTheDocumentedLayoutIsReadAndPassesTheCheck)
{
    MemDisk d(1);
    build_profile_disk(d);
    CHECK_DISK_CLEAN(d);
    cms_fs *fs = mount(d, CMS_MOUNT_RDONLY);

    u32 cur = 0;
    cms_fileinfo fi;
    LONGS_EQUAL(CMS_OK, cms_list(fs, &cur, &fi));
    char fn[9], ft[9], fm[3];
    cms_fileid_text(&fi.id, fn, ft, fm);
    STRCMP_EQUAL("PROFILE", fn);
    STRCMP_EQUAL("EXEC", ft);
    STRCMP_EQUAL("P1", fm);
    LONGS_EQUAL(CMS_RECFM_V, fi.recfm);
    LONGS_EQUAL(11, fi.lrecl);
    LONGS_EQUAL(2, fi.items);
    LONGS_EQUAL(1, fi.blocks);
    LONGS_EQUAL(6, fi.written.month);
    LONGS_EQUAL(6, fi.written.day);
    LONGS_EQUAL(20, fi.written.hour);
    LONGS_EQUAL(16, fi.written.minute);
    LONGS_EQUAL(19, fi.written.year);
    LONGS_EQUAL(CMS_EOF, cms_list(fs, &cur, &fi));

    cms_fileid id = fid("PROFILE", "EXEC");
    cms_file *f;
    u8 buf[80];
    u32 len;
    LONGS_EQUAL(CMS_OK, cms_open_read(fs, &id, &f));
    LONGS_EQUAL(CMS_OK, cms_read_record(f, buf, sizeof buf, &len));
    LONGS_EQUAL(5, len);
    MEMCMP_EQUAL("\xC8\xC5\xD3\xD3\xD6", buf, 5);
    LONGS_EQUAL(CMS_OK, cms_read_record(f, buf, sizeof buf, &len));
    LONGS_EQUAL(11, len);
    LONGS_EQUAL(CMS_EOF, cms_read_record(f, buf, sizeof buf, &len));
    cms_close_read(f);

    cms_stats st;
    cms_query_disk(fs, &st);
    LONGS_EQUAL(7, st.used);
    LONGS_EQUAL(563, st.left);
    LONGS_EQUAL(1, st.files);
    cms_unmount(fs);
}

// What the library writes has the FST layout of FMT 2.5 and the chain and
// data layout of 2.6/2.7.
TEST(CmsFormat, WrittenFileHasTheDocumentedFstChainAndData)
{
    MemDisk d(1);
    cms_fs *fs = format_and_mount(d);
    LONGS_EQUAL(CMS_OK, write_file(fs, "ABC", "DATA", CMS_RECFM_F, 80, numbered(3, 80)));
    cms_unmount(fs);

    const u8 *mfd = d.block(4);
    u32 fstb = get_be16(mfd);
    LONGS_EQUAL(0xFFFF, get_be16(mfd + 2));              // one FST block, no extensions
    const u8 *e = d.block(fstb);
    const u8 want[] = { 0xC1, 0xC2, 0xC3, 0x40, 0x40, 0x40, 0x40, 0x40,
                        0xC4, 0xC1, 0xE3, 0xC1, 0x40, 0x40, 0x40, 0x40,
                        0x06, 0x06, 0x20, 0x16, 0x00, 0x04, 0x00, 0x01, 0xC1, 0xF1, 0x00, 0x03 };
    MEMCMP_EQUAL(want, e, sizeof want);
    u32 fcl = get_be16(e + 0x1C);
    LONGS_EQUAL(0xC6, e[0x1E]);
    LONGS_EQUAL(0, e[0x1F]);
    LONGS_EQUAL(80, get_be32(e + 0x20));
    LONGS_EQUAL(1, get_be16(e + 0x24));                  // ceil(240 / 800)
    MEMCMP_EQUAL("\xF1\xF9", e + 0x26, 2);
    for (unsigned i = 40; i < 800; i++)
        LONGS_EQUAL(0, e[i]);                            // the only entry

    const u8 *c = d.block(fcl);
    u32 data = get_be16(c + 80);
    CHECK(data != 0);
    for (unsigned i = 0; i < 800; i++)
        if (i != 80 && i != 81)
            LONGS_EQUAL(0, c[i]);
    Records r = numbered(3, 80);
    MEMCMP_EQUAL((r[0] + r[1] + r[2]).data(), d.block(data), 240);
    for (unsigned i = 240; i < 800; i++)
        LONGS_EQUAL(0, d.block(data)[i]);
    LONGS_EQUAL(7, get_be32(mfd + 368));                 // 1-4, FST, FCL, data
    CHECK_DISK_CLEAN(d);
}
