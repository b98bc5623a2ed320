// memdisk.h - an in-memory 3350 minidisk for the file-system tests, with
// the faults a real disk can have (a write that never happens, a block
// that cannot be read), and helpers that read like the operations.
#pragma once

#include <string>
#include <vector>

extern "C" {
#include "cms-guest/fs/cmsfs.h"
#include "cms-guest/fs/layout.h"
#include "arch370/be.h"
}

struct MemDisk {
    explicit MemDisk(u32 cyls);
    MemDisk(const MemDisk &) = delete;

    std::vector<u8> bytes;              // block n at (n - 1) * 800
    cms_blkdev dev;
    long writes = 0;
    long write_budget = -1;             // writes that still succeed; -1 = all
    u32 bad_read_block = 0;             // this block cannot be read

    u8 *block(u32 n) { return &bytes[(n - 1) * CMS_BLKSIZE]; }
};

// storage for the library, with a count of what is not yet freed
extern long live_allocations;
extern const cms_env test_env;          // malloc/free, clock 06/06/19 20:16

cms_fileid fid(const char *fn, const char *ft, const char *fm = "A1");

// format with label TEST01 and mount read-write; fails the test on error
cms_fs *format_and_mount(MemDisk &d);
cms_fs *mount(MemDisk &d, unsigned flags = 0);

typedef std::vector<std::string> Records;
int write_file(cms_fs *fs, const char *fn, const char *ft, u8 recfm, u32 lrecl,
               const Records &recs);
int append_file(cms_fs *fs, const char *fn, const char *ft, const Records &recs);
int read_file(cms_fs *fs, const char *fn, const char *ft, Records &out);
Records numbered(unsigned n, unsigned len, const char *tag = "REC");

// every issue cms_check() reports for the disk as written (a fresh mount)
struct Issue {
    cms_rule rule;
    bool note;
    u32 block, expected, found;
};
std::vector<Issue> check_disk(MemDisk &d);
std::vector<Issue> check_errors(MemDisk &d);    // violations only
std::string describe(const std::vector<Issue> &v);

// the disk satisfies every rule of FMT 2.9
#define CHECK_DISK_CLEAN(d)                                                 \
    do {                                                                    \
        std::vector<Issue> errs_ = check_errors(d);                         \
        CHECK_TEXT(errs_.empty(), describe(errs_).c_str());                 \
    } while (0)

bool has_rule(const std::vector<Issue> &v, cms_rule r);
