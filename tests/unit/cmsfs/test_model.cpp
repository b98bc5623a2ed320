// test_model.cpp - a long random mix of creates, replaces, appends,
// erases and renames, on a disk small enough to fill up and to need a
// QMSK extension: after every step the disk, mounted afresh, holds exactly
// the files a simple model says and passes every rule of FMT 2.9.
#include "memdisk.h"

#include <map>
#include <CppUTest/TestHarness.h>

namespace {

struct File {
    u8 recfm;
    u32 lrecl;
    Records recs;
};
typedef std::map<std::string, File> Model;

struct Rng {
    u32 s;
    u32 below(u32 n) { s = s * 1103515245u + 12345u; return (s >> 8) % n; }
};

Records random_records(Rng &r, u8 recfm, u32 lrecl, unsigned n)
{
    Records out;
    for (unsigned i = 0; i < n; i++) {
        u32 len = recfm == CMS_RECFM_F ? lrecl : 1 + r.below(lrecl);
        std::string s(len, ' ');
        for (char &c : s)
            c = (char)r.below(256);
        out.push_back(s);
    }
    return out;
}

void expect_disk_is(MemDisk &d, const Model &m)
{
    cms_fs *fs = mount(d, CMS_MOUNT_RDONLY);
    cms_stats st;
    cms_query_disk(fs, &st);
    LONGS_EQUAL(m.size(), st.files);
    for (auto &kv : m) {
        Records got;
        std::string fn = kv.first.substr(0, kv.first.find(' '));
        LONGS_EQUAL(CMS_OK, read_file(fs, fn.c_str(), "DATA", got));
        CHECK_TEXT(got == kv.second.recs, kv.first.c_str());
    }
    cms_unmount(fs);
    CHECK_DISK_CLEAN(d);
}

} // namespace

TEST_GROUP(CmsModel)
{
    void teardown() override
    {
        long live = live_allocations;
        live_allocations = 0;
        LONGS_EQUAL(0, live);
    }
};

TEST(CmsModel, RandomOperationsMatchTheModelAndKeepEveryRule)
{
    MemDisk d(4);                                       // 2280 blocks
    cms_fs *fs = format_and_mount(d);
    Model m;
    Rng r{ 2024 };
    unsigned full = 0;

    for (int step = 0; step < 400; step++) {
        char name[9];
        snprintf(name, sizeof name, "F%u", r.below(30));
        std::string key = std::string(name) + " DATA";
        bool exists = m.count(key) != 0;
        unsigned op = r.below(10);
        int rc;

        if (op < 5 || !exists) {                        // create or replace
            u8 recfm = r.below(2) ? CMS_RECFM_F : CMS_RECFM_V;
            u32 lrecl = 1 + r.below(r.below(4) ? 200 : 3000);
            Records recs = random_records(r, recfm, lrecl, 1 + r.below(400));
            rc = write_file(fs, name, "DATA", recfm, lrecl, recs);
            if (rc == CMS_OK)
                m[key] = File{ recfm, lrecl, recs };
        } else if (op < 7) {                            // append
            File &f = m[key];
            Records more = random_records(r, f.recfm, f.lrecl, 1 + r.below(100));
            rc = append_file(fs, name, "DATA", more);
            if (rc == CMS_OK)
                f.recs.insert(f.recs.end(), more.begin(), more.end());
        } else if (op < 9) {                            // erase
            cms_fileid id = fid(name, "DATA");
            rc = cms_erase(fs, &id);
            if (rc == CMS_OK)
                m.erase(key);
        } else {                                        // rename
            char to[9];
            snprintf(to, sizeof to, "F%u", r.below(30));
            cms_fileid a = fid(name, "DATA"), b = fid(to, "DATA");
            std::string tokey = std::string(to) + " DATA";
            rc = cms_rename(fs, &a, &b);
            if (m.count(tokey))
                LONGS_EQUAL(CMS_EEXIST, rc);
            if (rc == CMS_OK) {
                m[tokey] = m[key];
                m.erase(key);
            }
        }
        if (rc == CMS_EFULL)
            full++;
        else if (rc != CMS_EEXIST)
            LONGS_EQUAL_TEXT(CMS_OK, rc, cms_strerror(rc));
        expect_disk_is(d, m);
    }
    CHECK_TEXT(full > 0, "the disk never filled up");
    cms_stats st;
    cms_query_disk(fs, &st);
    CHECK_TEXT(st.qmsk_ext_blocks > 0, "no QMSK extension was needed");
    cms_unmount(fs);
}
