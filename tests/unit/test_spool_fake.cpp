// test_spool_fake.cpp - the in-memory spool area and file helpers.
#include "test_spool_fake.h"
extern "C" {
#include "cp/kern/freestor.h"
}
#include <cstring>

static int fake_read(void *ctx, u32 p, void *buf)
{
    FakeSpool *f = (FakeSpool *)ctx;
    f->reads++;
    if (p >= f->pages.size() || f->bad_reads.count(p))
        return -11;
    memcpy(buf, f->pages[p].data(), SPF_PAGE_SIZE);
    return 0;
}

static int fake_write(void *ctx, u32 p, const void *buf)
{
    FakeSpool *f = (FakeSpool *)ctx;
    if (f->on_write) {
        auto hook = f->on_write;
        f->on_write = nullptr;                  // once
        hook(p);
    }
    if (f->fail_write_in == 0) {
        f->fail_write_in = -1;
        return -11;
    }
    if (f->fail_write_in > 0)
        f->fail_write_in--;
    if (p >= f->pages.size())
        return -10;
    f->writes++;
    memcpy(f->pages[p].data(), buf, SPF_PAGE_SIZE);
    if (f->logging)
        f->log.push_back(FakeWrite{p, f->pages[p]});
    return 0;
}

static void fake_msg(void *ctx, const char *line)
{
    ((FakeSpool *)ctx)->msgs.push_back(line);
}

static u64 fake_now(void *ctx)
{
    return ((FakeSpool *)ctx)->clock += 0x1000000ull;
}

FakeSpool::FakeSpool(uint32_t n) : pages(n, Page(SPF_PAGE_SIZE, 0))
{
    memset(&dev, 0, sizeof dev);
    dev.ctx = this;
    dev.read = fake_read;
    dev.write = fake_write;
    dev.pages = n;
    dev.msg = fake_msg;
    dev.now = fake_now;
}

Image FakeSpool::replay(const Image &base, const std::vector<FakeWrite> &log, size_t n, bool torn)
{
    Image img = base;
    for (size_t i = 0; i < n; i++)
        img[log[i].page] = log[i].data;
    if (torn && n < log.size())
        memcpy(img[log[n].page].data(), log[n].data.data(), SPF_PAGE_SIZE / 2);
    return img;
}

int FakeSpool::init(bool cold, spool_init_report *rep)
{
    dev.pages = (u32)pages.size();
    return spool_init(&dev, cold, rep);
}

bool FakeSpool::said(const std::string &id) const
{
    return count_said(id) > 0;
}

unsigned FakeSpool::count_said(const std::string &id) const
{
    unsigned n = 0;
    for (const std::string &m : msgs)
        if (m.compare(0, id.size(), id) == 0)
            n++;
    return n;
}

spool_attrs spool_attrs_for(const char *owner, uint8_t type, char cls)
{
    spool_attrs a;
    memset(&a, 0, sizeof a);
    a.type = type;
    a.origin_type = type == SPOOL_RDR ? (uint8_t)SPOOL_PUN : type;
    a.cls = cls;
    a.copies = 1;
    strcpy(a.origin, owner);
    strcpy(a.owner, owner);
    strcpy(a.form, "STANDARD");
    strcpy(a.fname, "PROFILE");
    strcpy(a.ftype, "EXEC");
    return a;
}

int spool_write_file(const spool_attrs &a, const Recs &recs)
{
    spf *h;
    int rc = spf_open_write(&a, &h);
    if (rc != SPOOL_OK)
        return rc;
    for (const Rec &r : recs)
        if ((rc = spf_put(h, r.op, r.data.data(), (u16)r.data.size())) != SPOOL_OK) {
            spf_abort(h);
            return rc;
        }
    return spf_close(h);
}

int spool_read_file(uint16_t spid, Recs &out)
{
    spf *h;
    int rc = spf_open_read(spid, &h);
    static char buf[SPOOL_MAX_RECORD];
    out.clear();
    if (rc != SPOOL_OK)
        return rc;
    for (;;) {
        u8 op;
        u16 len;
        rc = spf_get(h, &op, buf, sizeof buf, &len);
        if (rc != SPOOL_OK)
            break;
        out.push_back(Rec{op, std::string(buf, len)});
    }
    spf_close_read(h, SPF_KEEP);
    return rc == SPOOL_EOF ? SPOOL_OK : rc;
}

// a small linear congruential generator: same data every run
static unsigned next_rand(unsigned &s)
{
    s = s * 1103515245u + 12345u;
    return (s >> 16) & 0x7FFF;
}

Recs spool_cards(unsigned n, unsigned seed)
{
    Recs v;
    unsigned s = seed + 1;
    for (unsigned i = 0; i < n; i++) {
        std::string card(80, ' ');
        for (auto &c : card)
            c = (char)(next_rand(s) & 0xFF);        // any byte: binary decks too
        v.push_back(Rec{0x01, card});
    }
    return v;
}

Recs spool_lines(unsigned n, unsigned seed)
{
    // write, write+space 1/2/3, skip to channel 1 after write, immediate
    // space and immediate skip (no data)
    static const uint8_t ops[] = { 0x01, 0x09, 0x11, 0x19, 0x89, 0x0B, 0x8B };
    Recs v;
    unsigned s = seed + 7;
    for (unsigned i = 0; i < n; i++) {
        uint8_t op = ops[next_rand(s) % sizeof ops];
        size_t len = (op & 0x02) ? 0 : next_rand(s) % 133;
        std::string line(len, ' ');
        for (auto &c : line)
            c = (char)(0x40 + next_rand(s) % 0x80);
        v.push_back(Rec{op, line});
    }
    return v;
}

std::vector<uint16_t> spool_ids(const char *owner, uint8_t type)
{
    std::vector<uint16_t> v(spool_count(owner, type) + 1);
    unsigned n = spool_list(owner, type, v.data(), (unsigned)v.size());
    v.resize(n);
    return v;
}

alignas(8) static unsigned char arena[8 * 1024 * 1024];

void spool_test_storage_init()
{
    freestor_init(arena, sizeof arena);
}

size_t spool_test_storage_in_use()
{
    struct freestor_stats st;
    freestor_stats(&st);
    return st.in_use;
}
