// test_spool_crash.cpp - a crash at any moment loses nothing that was
// closed and allocates nothing twice.
//
// A workload of opens, puts, closes, aborts, changes, transfers, orders
// and purges runs once on a fake area that logs every page write.  Then,
// for every write n, the area is rebuilt as it was just before write n,
// and again with write n torn in half, and warm-started.  What must come
// back is what the API had reported done before that write: every file
// closed and not purged, byte-exact with all its attributes; files open
// at that moment are discarded with a message.  Finally the recovered
// area is filled up with a new file, and every recovered file must still
// read back intact, which it cannot if any page were in use twice.
#include "test_spool_fake.h"
#include "fakes.h"
#include <CppUTest/TestHarness.h>
#include <cstring>
#include <map>
#include <cstdio>

namespace {

struct FileView {
    spool_attrs a;
    Recs recs;
    bool operator==(const FileView &o) const
    {
        return memcmp(&a, &o.a, sizeof a) == 0 && recs == o.recs;
    }
};

struct View {
    std::map<uint16_t, FileView> files;
    std::vector<uint16_t> order;        // the operator's view, in queue order
    std::set<uint16_t> open;            // files being written
};

// one step of the workload and the writes it made: [w0, w1); the views
// before and after it are indices into Workload::views
struct Step {
    size_t w0, w1;
    bool several_pages;                 // may update more than one directory page
    size_t before, after;
};

View capture(const std::set<uint16_t> &open)
{
    View v;
    v.order = spool_ids(NULL, SPOOL_ANY);
    for (uint16_t id : v.order) {
        FileView f;
        spool_query(id, &f.a);
        spool_read_file(id, f.recs);
        v.files[id] = f;
    }
    v.open = open;
    return v;
}

// Steps are the calls that change what a warm start must show: opens,
// closes, aborts and queue changes.  Puts only write data pages of open
// files, which a warm start discards, so they are not steps.
struct Workload {
    FakeSpool &fake;
    std::vector<Step> steps;
    std::vector<View> views{View()};
    std::set<uint16_t> open;

    explicit Workload(FakeSpool &f) : fake(f) {}
    const View &now() const { return views.back(); }

    template <typename Fn> void step(bool several, Fn fn)
    {
        Step s;
        s.w0 = fake.log.size();
        s.several_pages = several;
        s.before = views.size() - 1;
        fn();
        s.w1 = fake.log.size();
        views.push_back(capture(open));
        s.after = views.size() - 1;
        steps.push_back(s);
    }

    spf *open_file(const char *owner, uint8_t type, char cls = 'A')
    {
        spf *h = nullptr;
        step(false, [&] {
            spool_attrs a = spool_attrs_for(owner, type, cls);
            LONGS_EQUAL(SPOOL_OK, spf_open_write(&a, &h));
            open.insert(spf_id(h));
        });
        return h;
    }
    void put(spf *h, const Recs &recs)
    {
        for (const Rec &r : recs)
            LONGS_EQUAL(SPOOL_OK, spf_put(h, r.op, r.data.data(), (u16)r.data.size()));
    }
    uint16_t close(spf *h)
    {
        int id = 0;
        step(false, [&] {
            open.erase(spf_id(h));
            id = spf_close(h);
            CHECK(id > 0);
        });
        return (uint16_t)id;
    }
    void abort(spf *h)
    {
        step(false, [&] {
            open.erase(spf_id(h));
            spf_abort(h);
        });
    }
    uint16_t file(const char *owner, uint8_t type, const Recs &recs)
    {
        spf *h = open_file(owner, type);
        put(h, recs);
        return close(h);
    }
};

void run_workload(Workload &w)
{
    spf *a = w.open_file("USER1", SPOOL_PRT);
    spf *b = w.open_file("USER1", SPOOL_PUN);
    Recs lines = spool_lines(150, 1), cards = spool_cards(120, 2);
    for (size_t i = 0; i < 150; i++) {
        w.put(a, Recs{lines[i]});
        if (i < cards.size())
            w.put(b, Recs{cards[i]});
    }
    uint16_t idb = w.close(b);
    uint16_t ida = w.close(a);
    spf *c = w.open_file("USER2", SPOOL_PRT);
    w.put(c, spool_lines(60, 3));
    w.abort(c);
    w.step(false, [&] {
        spool_changes ch;
        memset(&ch, 0, sizeof ch);
        ch.what = SPC_CLASS | SPC_FLAGS | SPC_NAME;
        ch.cls = 'K';
        ch.flags = SPOOL_HOLD;
        strcpy(ch.fname, "CHANGED");
        strcpy(ch.ftype, "LISTING");
        LONGS_EQUAL(SPOOL_OK, spool_change(ida, &ch));
    });
    w.step(false, [&] { LONGS_EQUAL(SPOOL_OK, spool_transfer(idb, "USER2", SPOOL_RDR)); });
    // enough small files to spread over two directory pages
    std::vector<uint16_t> small;
    for (unsigned i = 0; i < 34; i++)
        small.push_back(w.file("USER3", SPOOL_PRT, spool_cards(1 + i % 3, 10 + i)));
    w.step(true, [&] {
        uint16_t ids[] = { small[33], small[0], small[20] };
        LONGS_EQUAL(SPOOL_OK, spool_order("USER3", SPOOL_PRT, ids, 3));
    });
    w.step(false, [&] { LONGS_EQUAL(SPOOL_OK, spool_purge(idb)); });
    spf *f = w.open_file("USER4", SPOOL_PUN);
    w.put(f, spool_cards(100, 5));
    w.step(true, [&] { CHECK(spool_purge_owner("USER3", SPOOL_PRT) == 34); });
    // a file that runs the spool full and is closed short
    spf *g = w.open_file("USER5", SPOOL_PRT);
    Recs big = spool_lines(6000, 6);
    int rc = SPOOL_OK;
    for (size_t i = 0; i < big.size() && rc == SPOOL_OK; i++)
        rc = spf_put(g, big[i].op, big[i].data.data(), (u16)big[i].data.size());
    LONGS_EQUAL(SPOOL_EFULL, rc);
    uint16_t idg = w.close(g);
    w.close(f);
    w.step(false, [&] { LONGS_EQUAL(SPOOL_OK, spool_purge(idg)); });
    w.file("USER1", SPOOL_PUN, spool_cards(3, 7));
}

// what a warm start of the area after `writes` complete writes must show
const Step *step_at(const std::vector<Step> &steps, size_t writes, bool &inside)
{
    const Step *last = nullptr;
    inside = false;
    for (const Step &s : steps) {
        if (s.w0 < writes && writes < s.w1) {
            inside = true;
            return &s;
        }
        if (s.w1 <= writes)
            last = &s;
    }
    return last;
}

void check_exact(const View &want)
{
    std::vector<uint16_t> got = spool_ids(NULL, SPOOL_ANY);
    CHECK(got == want.order);
    for (uint16_t id : got) {
        FileView f;
        LONGS_EQUAL(SPOOL_OK, spool_query(id, &f.a));
        LONGS_EQUAL(SPOOL_OK, spool_read_file(id, f.recs));
        CHECK(f == want.files.at(id));
    }
}

// in the middle of a step that updates several directory pages, each file
// is as it was before the step or as it is after it
void check_either(const View &before, const View &after)
{
    std::set<uint16_t> got;
    for (uint16_t id : spool_ids(NULL, SPOOL_ANY)) {
        FileView f;
        spool_query(id, &f.a);
        spool_read_file(id, f.recs);
        bool was = before.files.count(id) && before.files.at(id) == f;
        bool will = after.files.count(id) && after.files.at(id) == f;
        CHECK(was || will);
        got.insert(id);
    }
    for (auto &kv : before.files)
        if (after.files.count(kv.first))
            CHECK(got.count(kv.first));     // in both views: never lost
}

// fill the rest of the area, then every recovered file must be intact
void check_no_page_twice(const View &recovered)
{
    spool_attrs a = spool_attrs_for("FILLER", SPOOL_PUN);
    spf *h;
    LONGS_EQUAL(SPOOL_OK, spf_open_write(&a, &h));
    std::string card(80, '\xFF');
    while (spf_put(h, 0x01, card.data(), 80) == SPOOL_OK)
        ;
    CHECK(spf_close(h) > 0);
    u32 total, used;
    spool_space(&total, &used);
    LONGS_EQUAL(total, used);
    for (auto &kv : recovered.files) {
        Recs back;
        LONGS_EQUAL(SPOOL_OK, spool_read_file(kv.first, back));
        CHECK(back == kv.second.recs);
    }
}

void check_open_reported(const FakeSpool &fake, const std::set<uint16_t> &open,
                         const spool_init_report &r)
{
    LONGS_EQUAL(open.size(), r.open_discarded);
    LONGS_EQUAL(0, r.damaged_discarded);
    for (uint16_t id : open) {
        char want[32];
        snprintf(want, sizeof want, "CPX403W Spool file %04u ", id);
        CHECK(fake.said(want));
    }
}

} // namespace

TEST_GROUP(SpoolCrash)
{
    void setup() { spool_test_storage_init(); }
    void teardown() { spool_term(); }
};

TEST(SpoolCrash, EveryClosedFileSurvivesACrashAtEveryWrite)
{
    FakeSpool fake(64);
    LONGS_EQUAL(SPOOL_OK, fake.init(true));
    Image base = fake.pages;
    fake.logging = true;
    Workload w(fake);
    run_workload(w);
    fake.logging = false;
    std::vector<FakeWrite> log = fake.log;
    // the crash points cover both copies of both directory pages
    std::set<uint32_t> written;
    for (const FakeWrite &fw : log)
        written.insert(fw.page);
    for (uint32_t p = 1; p <= 4; p++)
        CHECK(written.count(p));
    spool_term();

    for (size_t n = 0; n <= log.size(); n++) {
        for (int torn = 0; torn < 2; torn++) {
            if (torn && n == log.size())
                continue;
            FakeSpool crash(64);
            crash.pages = FakeSpool::replay(base, log, n, torn);
            // a torn write that changed only the first half is a whole write
            size_t done = n;
            if (torn && crash.pages[log[n].page] == log[n].data)
                done = n + 1;
            bool inside;
            const Step *s = step_at(w.steps, done, inside);
            spool_init_report r;
            LONGS_EQUAL(SPOOL_OK, crash.init(false, &r));
            const View &want = w.views[!s ? 0 : inside ? s->before : s->after];
            if (inside && s->several_pages) {
                check_either(w.views[s->before], w.views[s->after]);
            } else {
                check_exact(want);
                check_open_reported(crash, want.open, r);
            }
            View recovered = capture(std::set<uint16_t>());
            u32 pages = 0;
            for (auto &kv : recovered.files)
                pages += kv.second.a.pages;
            LONGS_EQUAL(pages, r.pages_used);
            check_no_page_twice(recovered);
            spool_term();
        }
    }
}

TEST(SpoolCrash, WarmStartAfterACleanRunChangesNothing)
{
    FakeSpool fake(64);
    LONGS_EQUAL(SPOOL_OK, fake.init(true));
    Workload w(fake);
    run_workload(w);
    View end = w.now();
    spool_init_report r;
    LONGS_EQUAL(SPOOL_OK, fake.init(false, &r));
    check_exact(end);
    LONGS_EQUAL(end.files.size(), r.recovered);
}
