// memdisk.cpp - the in-memory minidisk and helpers of the file-system tests.
#include "memdisk.h"

#include <cstdio>
#include <cstdlib>
#include <CppUTest/TestHarness.h>

long live_allocations;

static void *test_alloc(size_t n)
{
    live_allocations++;
    return std::malloc(n);
}

static void test_free(void *p)
{
    live_allocations--;
    std::free(p);
}

static void test_now(cms_time *t)
{
    t->year = 2019;
    t->month = 6;
    t->day = 6;
    t->hour = 20;
    t->minute = 16;
}

const cms_env test_env = { test_alloc, test_free, test_now };

static int mem_read(void *ctx, u32 block, u8 *buf)
{
    MemDisk *d = static_cast<MemDisk *>(ctx);
    if (block == 0 || block > d->dev.blocks || block == d->bad_read_block)
        return -1;
    std::copy(d->block(block), d->block(block) + CMS_BLKSIZE, buf);
    return 0;
}

static int mem_write(void *ctx, u32 block, const u8 *buf)
{
    MemDisk *d = static_cast<MemDisk *>(ctx);
    if (block == 0 || block > d->dev.blocks)
        return -1;
    if (d->write_budget == 0)
        return -1;                      // the machine stopped before this write
    if (d->write_budget > 0)
        d->write_budget--;
    d->writes++;
    std::copy(buf, buf + CMS_BLKSIZE, d->block(block));
    return 0;
}

MemDisk::MemDisk(u32 cyls)
{
    dev.ctx = this;
    dev.read = mem_read;
    dev.write = mem_write;
    dev.blocks = cms3350_adtnum(cyls);
    dev.cyls = (u16)cyls;
    bytes.assign((size_t)dev.blocks * CMS_BLKSIZE, 0);
}

cms_fileid fid(const char *fn, const char *ft, const char *fm)
{
    cms_fileid id;
    LONGS_EQUAL(CMS_OK, cms_fileid_make(&id, fn, ft, fm));
    return id;
}

cms_fs *mount(MemDisk &d, unsigned flags)
{
    cms_fs *fs = nullptr;
    LONGS_EQUAL(CMS_OK, cms_mount(&fs, &d.dev, &test_env, flags));
    return fs;
}

cms_fs *format_and_mount(MemDisk &d)
{
    u8 label[6];
    LONGS_EQUAL(CMS_OK, cms_label_make(label, "TEST01"));
    LONGS_EQUAL(CMS_OK, cms_format(&d.dev, label));
    return mount(d);
}

static int put_all(cms_writer *w, const Records &recs)
{
    for (const std::string &r : recs) {
        int rc = cms_write_record(w, reinterpret_cast<const u8 *>(r.data()), (u32)r.size());
        if (rc) {
            cms_abandon_write(w);
            return rc;
        }
    }
    return cms_close_write(w);
}

int write_file(cms_fs *fs, const char *fn, const char *ft, u8 recfm, u32 lrecl,
               const Records &recs)
{
    cms_fileid id = fid(fn, ft);
    cms_writer *w;
    int rc = cms_open_write(fs, &id, recfm, lrecl, &w);
    return rc ? rc : put_all(w, recs);
}

int append_file(cms_fs *fs, const char *fn, const char *ft, const Records &recs)
{
    cms_fileid id = fid(fn, ft);
    cms_writer *w;
    int rc = cms_open_append(fs, &id, &w);
    return rc ? rc : put_all(w, recs);
}

int read_file(cms_fs *fs, const char *fn, const char *ft, Records &out)
{
    cms_fileid id = fid(fn, ft);
    cms_file *f;
    std::vector<u8> buf(65535);
    u32 len;
    int rc = cms_open_read(fs, &id, &f);

    out.clear();
    if (rc)
        return rc;
    while ((rc = cms_read_record(f, buf.data(), (u32)buf.size(), &len)) == CMS_OK)
        out.emplace_back(reinterpret_cast<char *>(buf.data()), len);
    cms_close_read(f);
    return rc == CMS_EOF ? CMS_OK : rc;
}

Records numbered(unsigned n, unsigned len, const char *tag)
{
    Records r;
    for (unsigned i = 0; i < n; i++) {
        char head[32];
        std::snprintf(head, sizeof head, "%s%06u", tag, i);
        std::string s(head);
        while (s.size() < len)
            s += (char)('A' + (s.size() + i) % 26);
        s.resize(len);
        r.push_back(s);
    }
    return r;
}

static void collect(void *ctx, const cms_issue *is)
{
    static_cast<std::vector<Issue> *>(ctx)->push_back(
        Issue{ is->rule, is->note, is->block, is->expected, is->found });
}

std::vector<Issue> check_disk(MemDisk &d)
{
    std::vector<Issue> v;
    cms_fs *fs = nullptr;
    int rc = cms_mount(&fs, &d.dev, &test_env, CMS_MOUNT_RDONLY);
    LONGS_EQUAL_TEXT(CMS_OK, rc, cms_strerror(rc));
    rc = cms_check(fs, collect, &v);
    CHECK_TEXT(rc >= 0, cms_strerror(rc));
    cms_unmount(fs);
    return v;
}

std::vector<Issue> check_errors(MemDisk &d)
{
    std::vector<Issue> all = check_disk(d), errs;
    for (const Issue &i : all)
        if (!i.note)
            errs.push_back(i);
    return errs;
}

std::string describe(const std::vector<Issue> &v)
{
    std::string s;
    for (const Issue &i : v) {
        char line[200];
        std::snprintf(line, sizeof line, "%s: %s (block %u, expected %u, found %u)\n",
                      i.note ? "note" : "error", cms_rule_text(i.rule), i.block, i.expected,
                      i.found);
        s += line;
    }
    return s;
}

bool has_rule(const std::vector<Issue> &v, cms_rule r)
{
    for (const Issue &i : v)
        if (i.rule == r)
            return true;
    return false;
}
