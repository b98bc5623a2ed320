// test_spool_fake.h - an in-memory spool area for the spool store tests,
// and helpers to write and read whole files through the store's API.
//
// The fake keeps every page, counts I/O, can fail a chosen write or the
// reads of chosen pages, and can log every write so a test can rebuild
// the area as it was at any moment, or with one write torn in half.
#pragma once

extern "C" {
#include "cp/spool/spool.h"
#include "cp/spool/spfmt.h"
}
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

typedef std::vector<uint8_t> Page;
typedef std::vector<Page> Image;

struct FakeWrite {
    uint32_t page;
    Page data;
};

struct FakeSpool {
    explicit FakeSpool(uint32_t pages);

    Image pages;
    spool_dev dev;
    std::vector<std::string> msgs;
    uint64_t clock = 0xC000000000000000ull;
    unsigned reads = 0, writes = 0;
    int fail_write_in = -1;             // fail the write after this many more
    std::set<uint32_t> bad_reads;       // pages whose reads fail
    // runs before each write, as another CP task would while the writer
    // sleeps on the I/O
    std::function<void(uint32_t page)> on_write;
    bool logging = false;
    std::vector<FakeWrite> log;

    // the area after the first n logged writes over `base`; torn: write n
    // lands only in its first half
    static Image replay(const Image &base, const std::vector<FakeWrite> &log, size_t n, bool torn);

    int init(bool cold, spool_init_report *rep = nullptr);
    bool said(const std::string &id) const;    // a message starting with id
    unsigned count_said(const std::string &id) const;
};

struct Rec {
    uint8_t op;
    std::string data;
    bool operator==(const Rec &o) const { return op == o.op && data == o.data; }
};
typedef std::vector<Rec> Recs;

// attributes of a new file
spool_attrs spool_attrs_for(const char *owner, uint8_t type, char cls = 'A');
// write a whole file, return its spool id (or the failing rc)
int spool_write_file(const spool_attrs &a, const Recs &recs);
// read a whole file; rc SPOOL_OK or the failing rc
int spool_read_file(uint16_t spid, Recs &out);
// n card images or print lines with varied contents
Recs spool_cards(unsigned n, unsigned seed = 0);
Recs spool_lines(unsigned n, unsigned seed = 0);
// ids of a queue in order
std::vector<uint16_t> spool_ids(const char *owner, uint8_t type);

// the test group setup: fresh free storage
void spool_test_storage_init();
size_t spool_test_storage_in_use();
