// test_fuzz.cpp - whatever a disk contains, the file system answers with
// a return code: damaged label, MFD, QMSK, FST blocks, chain links and
// data are mounted, listed, read, checked and written without a crash, a
// hang or a storage leak.
#include "memdisk.h"

#include <set>
#include <CppUTest/TestHarness.h>

namespace {

struct Rng {
    u32 s;
    u32 next() { s = s * 1103515245u + 12345u; return s >> 8; }
    u32 below(u32 n) { return next() % n; }
};

bool known(int rc)
{
    return rc <= 0 && rc >= CMS_EEMPTY;
}

// the blocks the file system reads before any data: label, MFD, FST
// blocks, QMSK extensions, first and Nth chain links
std::vector<u32> metadata_blocks(MemDisk &d)
{
    std::vector<u32> m = { 3, 4 };
    cms_fs *fs = mount(d, CMS_MOUNT_RDONLY);
    const u8 *mfd = d.block(4);
    for (unsigned h = 0; h < 182 && get_be16(mfd + 2 * h); h++)
        if (get_be16(mfd + 2 * h) < 0xFFFD)
            m.push_back(get_be16(mfd + 2 * h));
    u32 cur = 0;
    cms_fileinfo fi;
    while (cms_list(fs, &cur, &fi) == CMS_OK) {
        m.push_back(fi.fcl);
        for (unsigned k = 0; k < 40 && get_be16(d.block(fi.fcl) + 2 * k); k++)
            m.push_back(get_be16(d.block(fi.fcl) + 2 * k));
        m.push_back(get_be16(d.block(fi.fcl) + 80));    // a data block too
    }
    cms_unmount(fs);
    return m;
}

void damage(MemDisk &d, u32 block, Rng &r)
{
    u8 *b = d.block(block);
    static const u16 nasty[] = { 0, 1, 4, 0xFFFF, 0xFFFD, 0xFFFE, 0x8000 };
    switch (r.below(4)) {
    case 0:                                             // a few random bytes
        for (u32 n = 1 + r.below(8); n; n--)
            b[r.below(800)] = (u8)r.next();
        break;
    case 1:                                             // halfwords set to edge values
        for (u32 n = 1 + r.below(4); n; n--) {
            u32 at = r.below(400) * 2;
            u16 v = r.below(2) ? nasty[r.below(ARRAY_SIZE(nasty))]
                               : (u16)(d.dev.blocks - 2 + r.below(5));
            put_be16(b + at, v);
        }
        break;
    case 2:                                             // a fullword counter
        put_be32(b + 4 * r.below(200), r.below(2) ? r.next() : 0xFFFFFFFFu);
        break;
    default:                                            // all garbage
        for (unsigned i = 0; i < 800; i++)
            b[i] = (u8)r.next();
    }
}

void ignore(void *, const cms_issue *) {}

// everything a user can do with the disk; every answer must be a known code
void exercise(MemDisk &d)
{
    cms_fs *fs = nullptr;
    int rc = cms_mount(&fs, &d.dev, &test_env, 0);
    CHECK_TEXT(known(rc), "mount");
    if (rc)
        return;
    u32 cur = 0;
    cms_fileinfo fi;
    std::vector<cms_fileid> ids;
    while ((rc = cms_list(fs, &cur, &fi)) == CMS_OK)
        ids.push_back(fi.id);
    LONGS_EQUAL(CMS_EOF, rc);
    for (cms_fileid &id : ids) {
        cms_file *f;
        u8 buf[100];
        u32 len;
        rc = cms_open_read(fs, &id, &f);
        CHECK_TEXT(known(rc), "open");
        if (rc)
            continue;
        while ((rc = cms_read_record(f, buf, sizeof buf, &len)) == CMS_OK || rc == CMS_ETRUNC)
            ;
        CHECK_TEXT(known(rc), "read");
        cms_close_read(f);
    }
    rc = cms_check(fs, ignore, nullptr);
    CHECK_TEXT(rc >= 0 || known(rc), "check");
    CHECK_TEXT(known(write_file(fs, "FUZZ", "NEW", CMS_RECFM_V, 0, numbered(30, 90))), "write");
    if (!ids.empty()) {
        cms_fileid to = fid("FUZZ", "REN");
        CHECK_TEXT(known(append_file(fs, "FUZZ", "NEW", { "x" })), "append");
        CHECK_TEXT(known(cms_rename(fs, &ids[0], &to)), "rename");
        CHECK_TEXT(known(cms_erase(fs, &ids.back())), "erase");
    }
    cms_unmount(fs);
}

} // namespace

TEST_GROUP(CmsFuzz)
{
    void teardown() override
    {
        long live = live_allocations;
        live_allocations = 0;
        LONGS_EQUAL(0, live);
    }
};

static void fuzz(u32 cyls, unsigned rounds, u32 seed, void (*fill)(cms_fs *))
{
    MemDisk d(cyls);
    cms_fs *fs = format_and_mount(d);
    fill(fs);
    cms_unmount(fs);
    CHECK_DISK_CLEAN(d);
    const std::vector<u8> base = d.bytes;
    const std::vector<u32> meta = metadata_blocks(d);
    Rng r{ seed };

    for (unsigned i = 0; i < rounds; i++) {
        d.bytes = base;
        for (u32 n = 1 + r.below(3); n; n--)
            damage(d, meta[r.below((u32)meta.size())], r);
        exercise(d);
        LONGS_EQUAL(0, live_allocations);
        live_allocations = 0;
    }
}

static void small_files(cms_fs *fs)
{
    char name[9];
    for (int i = 0; i < 23; i++) {
        snprintf(name, sizeof name, "S%d", i);
        LONGS_EQUAL(CMS_OK, write_file(fs, name, "DATA", i % 2 ? CMS_RECFM_V : CMS_RECFM_F, 33,
                                       numbered(5 + 7 * i, 33)));
    }
    LONGS_EQUAL(CMS_OK, write_file(fs, "LONG", "FILE", CMS_RECFM_F, 800, numbered(150, 800)));
}

static void past_1720(cms_fs *fs)
{
    LONGS_EQUAL(CMS_OK, write_file(fs, "HUGE", "FILE", CMS_RECFM_V, 0, numbered(1800, 799)));
    LONGS_EQUAL(CMS_OK, write_file(fs, "TAIL", "FILE", CMS_RECFM_F, 80, numbered(30, 80)));
}

TEST(CmsFuzz, DamagedDirectoryChainsAndLabelsNeverCrash)
{
    fuzz(1, 3000, 1, small_files);
}

TEST(CmsFuzz, DamagedQmskExtensionsAndLongChainsNeverCrash)
{
    fuzz(4, 600, 7, past_1720);
}
