// test_spool_rw.cpp - writing and reading spool files: records come back
// exactly, with their CCW command codes, however many pages they take.
#include "test_spool_fake.h"
extern "C" {
#include "cp/kern/freestor.h"
#include "arch370/be.h"
}
#include "fakes.h"
#include <CppUTest/TestHarness.h>
#include <cstring>

TEST_GROUP(SpoolWriteRead)
{
    FakeSpool *fake;
    void setup()
    {
        spool_test_storage_init();
        fake = new FakeSpool(128);
        LONGS_EQUAL(SPOOL_OK, fake->init(true));
    }
    void teardown()
    {
        spool_term();
        delete fake;
    }
};

TEST(SpoolWriteRead, FiveHundredCardsComeBackByteExact)
{
    Recs cards = spool_cards(500);
    int id = spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), cards);
    CHECK(id > 0);
    Recs back;
    LONGS_EQUAL(SPOOL_OK, spool_read_file((u16)id, back));
    LONGS_EQUAL(500, back.size());
    CHECK(back == cards);
    spool_attrs a;
    LONGS_EQUAL(SPOOL_OK, spool_query((u16)id, &a));
    LONGS_EQUAL(500, a.records);
    LONGS_EQUAL(500 * 80, a.bytes);
}

TEST(SpoolWriteRead, PrintLinesKeepTheirCarriageControl)
{
    Recs lines = spool_lines(300);
    int id = spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), lines);
    CHECK(id > 0);
    Recs back;
    LONGS_EQUAL(SPOOL_OK, spool_read_file((u16)id, back));
    LONGS_EQUAL(lines.size(), back.size());
    for (size_t i = 0; i < lines.size(); i++) {
        BYTES_EQUAL(lines[i].op, back[i].op);
        CHECK(lines[i].data == back[i].data);
    }
}

TEST(SpoolWriteRead, BigFileSpansManyPagesAndReadsBack)
{
    Recs recs;
    for (unsigned i = 0; i < 400; i++)
        recs.push_back(Rec{(u8)i, std::string(i * 37 % (SPOOL_MAX_RECORD + 1), (char)i)});
    int id = spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), recs);
    CHECK(id > 0);
    spool_attrs a;
    spool_query((u16)id, &a);
    CHECK(a.pages > 50);
    u32 total, used;
    spool_space(&total, &used);
    LONGS_EQUAL(a.pages, used);
    Recs back;
    LONGS_EQUAL(SPOOL_OK, spool_read_file((u16)id, back));
    CHECK(back == recs);
}

TEST(SpoolWriteRead, FileIsInvisibleUntilClosed)
{
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PRT);
    spf *h;
    LONGS_EQUAL(SPOOL_OK, spf_open_write(&a, &h));
    u16 id = spf_id(h);
    CHECK(id > 0);
    LONGS_EQUAL(SPOOL_OK, spf_put(h, 0x09, "HELLO", 5));
    LONGS_EQUAL(0, spool_count(NULL, SPOOL_ANY));
    spool_attrs q;
    LONGS_EQUAL(SPOOL_ENOFILE, spool_query(id, &q));
    spf *r;
    LONGS_EQUAL(SPOOL_ENOFILE, spf_open_read(id, &r));
    LONGS_EQUAL(id, spf_close(h));
    LONGS_EQUAL(1, spool_count("USER1", SPOOL_PRT));
    LONGS_EQUAL(SPOOL_OK, spool_query(id, &q));
    STRCMP_EQUAL("USER1", q.owner);
    CHECK(q.created != 0);
}

TEST(SpoolWriteRead, AbortedFileLeavesNoFileAndNoPages)
{
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PUN);
    spf *h;
    LONGS_EQUAL(SPOOL_OK, spf_open_write(&a, &h));
    u16 id = spf_id(h);
    for (const Rec &r : spool_cards(200))
        spf_put(h, r.op, r.data.data(), (u16)r.data.size());
    u32 used;
    spool_space(NULL, &used);
    CHECK(used > 0);
    LONGS_EQUAL(SPOOL_OK, spf_abort(h));
    spool_space(NULL, &used);
    LONGS_EQUAL(0, used);
    spool_attrs q;
    LONGS_EQUAL(SPOOL_ENOFILE, spool_query(id, &q));
    LONGS_EQUAL(0, spool_count(NULL, SPOOL_ANY));
}

TEST(SpoolWriteRead, EmptyFileHasNoRecordsAndNoPages)
{
    int id = spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), Recs());
    CHECK(id > 0);
    spool_attrs q;
    spool_query((u16)id, &q);
    LONGS_EQUAL(0, q.records);
    LONGS_EQUAL(0, q.pages);
    spf *h;
    LONGS_EQUAL(SPOOL_OK, spf_open_read((u16)id, &h));
    u8 op;
    u16 len;
    LONGS_EQUAL(SPOOL_EOF, spf_get(h, &op, NULL, 0, &len));
    spf_close_read(h, SPF_KEEP);
}

TEST(SpoolWriteRead, RestartBackspaceAndSeekWorkAcrossPages)
{
    Recs cards = spool_cards(300);
    u16 id = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), cards);
    spf *h;
    LONGS_EQUAL(SPOOL_OK, spf_open_read(id, &h));
    char buf[80];
    u8 op;
    u16 len;
    for (int i = 0; i < 250; i++)
        LONGS_EQUAL(SPOOL_OK, spf_get(h, &op, buf, sizeof buf, &len));
    LONGS_EQUAL(250, spf_tell(h));
    // backspace repeats the record just read
    LONGS_EQUAL(SPOOL_OK, spf_backspace(h));
    spf_get(h, &op, buf, sizeof buf, &len);
    CHECK(std::string(buf, len) == cards[249].data);
    // seek to a record on an earlier page, then read on across pages
    LONGS_EQUAL(SPOOL_OK, spf_seek(h, 10));
    for (int i = 10; i < 120; i++) {
        LONGS_EQUAL(SPOOL_OK, spf_get(h, &op, buf, sizeof buf, &len));
        CHECK(std::string(buf, len) == cards[i].data);
    }
    LONGS_EQUAL(SPOOL_OK, spf_restart(h));
    spf_get(h, &op, buf, sizeof buf, &len);
    CHECK(std::string(buf, len) == cards[0].data);
    LONGS_EQUAL(SPOOL_OK, spf_seek(h, 300));
    LONGS_EQUAL(SPOOL_EOF, spf_get(h, &op, buf, sizeof buf, &len));
    LONGS_EQUAL(SPOOL_EINVAL, spf_seek(h, 301));
    spf_close_read(h, SPF_KEEP);
}

TEST(SpoolWriteRead, BackspaceAtTheFirstRecordIsRefused)
{
    u16 id = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(3));
    spf *h;
    spf_open_read(id, &h);
    LONGS_EQUAL(SPOOL_EINVAL, spf_backspace(h));
    LONGS_EQUAL(0, spf_tell(h));
    spf_close_read(h, SPF_KEEP);
}

TEST(SpoolWriteRead, ShortBufferGetsTheStartAndTheFullLength)
{
    Recs one{Rec{0x09, std::string(120, 'X') + "END"}};
    u16 id = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), one);
    spf *h;
    spf_open_read(id, &h);
    char buf[10];
    u8 op;
    u16 len;
    LONGS_EQUAL(SPOOL_OK, spf_get(h, &op, buf, sizeof buf, &len));
    LONGS_EQUAL(123, len);
    MEMCMP_EQUAL("XXXXXXXXXX", buf, 10);
    spf_close_read(h, SPF_KEEP);
}

TEST(SpoolWriteRead, OverlongRecordIsRefusedAndTheFileKeepsTheRest)
{
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PRT);
    spf *h;
    spf_open_write(&a, &h);
    std::string big(SPOOL_MAX_RECORD + 1, 'B');
    spf_put(h, 0x09, "ONE", 3);
    LONGS_EQUAL(SPOOL_EINVAL, spf_put(h, 0x09, big.data(), (u16)big.size()));
    spf_put(h, 0x09, "TWO", 3);
    u16 id = (u16)spf_close(h);
    Recs back;
    spool_read_file(id, back);
    LONGS_EQUAL(2, back.size());
    CHECK(back[1].data == "TWO");
}

TEST(SpoolWriteRead, BadAttributesCreateNothing)
{
    spool_attrs good = spool_attrs_for("USER1", SPOOL_PRT);
    spool_attrs bad[8];
    for (auto &b : bad)
        b = good;
    bad[0].cls = '?';
    bad[1].copies = 0;
    bad[2].copies = 100;
    bad[3].owner[0] = 0;
    strcpy(bad[4].fname, "A NAME");
    bad[5].type = 7;
    bad[6].flags = 0x01;
    strcpy(bad[7].origin, "TOOLONGID");
    spf *h = NULL;
    for (auto &b : bad)
        LONGS_EQUAL(SPOOL_EINVAL, spf_open_write(&b, &h));
    CHECK(h == NULL);
    LONGS_EQUAL(SPOOL_EINVAL, spf_open_write(NULL, &h));
    spf_open_write(&good, &h);
    LONGS_EQUAL(1, spf_id(h));      // no id was used by the refused opens
    spf_abort(h);
}

TEST(SpoolWriteRead, HandlesOfTheWrongKindAreRefused)
{
    u16 id = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(2));
    spf *r;
    spf_open_read(id, &r);
    LONGS_EQUAL(SPOOL_EINVAL, spf_put(r, 1, "X", 1));
    LONGS_EQUAL(SPOOL_EINVAL, spf_close(r));
    LONGS_EQUAL(SPOOL_EINVAL, spf_abort(r));
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PUN);
    spf *w;
    spf_open_write(&a, &w);
    u8 op;
    u16 len;
    LONGS_EQUAL(SPOOL_EINVAL, spf_get(w, &op, NULL, 0, &len));
    LONGS_EQUAL(SPOOL_EINVAL, spf_close_read(w, SPF_KEEP));
    LONGS_EQUAL(SPOOL_EINVAL, spf_put(NULL, 1, "X", 1));
    spf_abort(w);
    spf_close_read(r, SPF_KEEP);
}

TEST(SpoolWriteRead, OneReaderAtATime)
{
    u16 id = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_RDR), spool_cards(2));
    spf *a, *b;
    LONGS_EQUAL(SPOOL_OK, spf_open_read(id, &a));
    LONGS_EQUAL(SPOOL_EBUSY, spf_open_read(id, &b));
    spf_close_read(a, SPF_KEEP);
    LONGS_EQUAL(SPOOL_OK, spf_open_read(id, &b));
    spf_close_read(b, SPF_KEEP);
}

TEST(SpoolWriteRead, CloseWithPurgeRemovesTheFileAndFreesItsPages)
{
    u16 id = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_RDR), spool_cards(100));
    spf *h;
    spf_open_read(id, &h);
    LONGS_EQUAL(SPOOL_OK, spf_close_read(h, SPF_PURGE));
    spool_attrs q;
    LONGS_EQUAL(SPOOL_ENOFILE, spool_query(id, &q));
    u32 used;
    spool_space(NULL, &used);
    LONGS_EQUAL(0, used);
}

TEST(SpoolWriteRead, DamagedPageIsReportedNotBelieved)
{
    u16 id = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(100));
    // damage every data page (they follow the label and the directory)
    u32 data0 = get_be32(fake->pages[0].data() + SPL_DATA0);
    for (size_t p = data0; p < fake->pages.size(); p++)
        fake->pages[p][SPP_RECORDS + 10] ^= 0x01;
    Recs back;
    LONGS_EQUAL(SPOOL_EDAMAGED, spool_read_file(id, back));
    CHECK(fake->said("CPX414E"));
}

TEST(SpoolWriteRead, ReadErrorIsReported)
{
    u16 id = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(100));
    for (u32 p = 0; p < fake->pages.size(); p++)
        fake->bad_reads.insert(p);
    Recs back;
    LONGS_EQUAL(SPOOL_EIO, spool_read_file(id, back));
}

TEST(SpoolWriteRead, WriteErrorOnADataPageMeansTheFileIsDropped)
{
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PUN);
    spf *h;
    spf_open_write(&a, &h);
    fake->fail_write_in = 0;
    int rc = SPOOL_OK;
    Recs cards = spool_cards(100);
    for (size_t i = 0; i < cards.size() && rc == SPOOL_OK; i++)
        rc = spf_put(h, 1, cards[i].data.data(), 80);
    LONGS_EQUAL(SPOOL_EIO, rc);
    LONGS_EQUAL(SPOOL_EIO, spf_put(h, 1, "X", 1));
    LONGS_EQUAL(SPOOL_EIO, spf_close(h));       // and the handle is gone
    LONGS_EQUAL(0, spool_count(NULL, SPOOL_ANY));
    u32 used;
    spool_space(NULL, &used);
    LONGS_EQUAL(0, used);
}

TEST(SpoolWriteRead, NothingWorksBeforeInit)
{
    spool_term();
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PUN);
    spf *h;
    LONGS_EQUAL(SPOOL_ENOTREADY, spf_open_write(&a, &h));
    LONGS_EQUAL(SPOOL_ENOTREADY, spf_open_read(1, &h));
    LONGS_EQUAL(SPOOL_ENOTREADY, spool_purge_all());
    LONGS_EQUAL(0, spool_count(NULL, SPOOL_ANY));
}

TEST(SpoolWriteRead, StoreGivesBackAllItsStorage)
{
    spool_term();
    size_t before = spool_test_storage_in_use();
    LONGS_EQUAL(SPOOL_OK, fake->init(false));
    u16 id = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(100));
    Recs back;
    spool_read_file(id, back);
    spool_term();
    LONGS_EQUAL(before, spool_test_storage_in_use());
}
