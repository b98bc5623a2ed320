// test_spool_start.cpp - cold start, warm start, and what warm start does
// with pages that are damaged, torn or contradict each other.
#include "test_spool_fake.h"
extern "C" {
#include "arch370/be.h"
}
#include "fakes.h"
#include <CppUTest/TestHarness.h>
#include <cstring>

TEST_GROUP(SpoolStart)
{
    FakeSpool *fake;
    void setup()
    {
        spool_test_storage_init();
        fake = new FakeSpool(96);
        LONGS_EQUAL(SPOOL_OK, fake->init(true));
    }
    void teardown()
    {
        spool_term();
        delete fake;
    }
    u32 label(u32 off) { return get_be32(fake->pages[0].data() + off); }
    // restart on the same pages, as after a crash or a shutdown
    spool_init_report warm()
    {
        spool_init_report r;
        fake->msgs.clear();
        LONGS_EQUAL(SPOOL_OK, fake->init(false, &r));
        return r;
    }
    // the current copy of directory page d: the valid one with the higher sequence
    u8 *dir_page(u32 d)
    {
        u8 *c0 = fake->pages[1 + 2 * d].data(), *c1 = fake->pages[2 + 2 * d].data();
        return get_be64(c1 + SPD_SEQ) > get_be64(c0 + SPD_SEQ) ? c1 : c0;
    }
    void reseal(u8 *page) { put_be32(page + SPF_CRC, crc(page)); }
    static u32 crc(const u8 *p)
    {
        u32 c = 0xFFFFFFFFu;
        for (int i = 0; i < SPF_CRC; i++) {
            c ^= p[i];
            for (int k = 0; k < 8; k++)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return ~c;
    }
};

TEST(SpoolStart, ColdStartErasesEveryFile)
{
    spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), spool_lines(50));
    spool_init_report r;
    LONGS_EQUAL(SPOOL_OK, fake->init(true, &r));
    LONGS_EQUAL(0, spool_count(NULL, SPOOL_ANY));
    LONGS_EQUAL(0, r.pages_used);
    CHECK(fake->said("CPX401I"));
    warm();
    LONGS_EQUAL(0, spool_count(NULL, SPOOL_ANY));
}

TEST(SpoolStart, EveryPageCarriesTheCrcOfItsContents)
{
    spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), spool_lines(200));
    u32 data0 = label(SPL_DATA0);
    for (u32 p = 0; p < data0 + 3; p++)
        LONGS_EQUAL(crc(fake->pages[p].data()), get_be32(fake->pages[p].data() + SPF_CRC));
}

TEST(SpoolStart, WarmStartRecoversFilesWithAttributesContentsAndOrder)
{
    Recs lines = spool_lines(400), cards = spool_cards(120);
    u16 a = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PRT, 'C'), lines);
    u16 b = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), cards);
    u16 c = (u16)spool_write_file(spool_attrs_for("USER2", SPOOL_RDR), cards);
    u16 first[] = { b };
    spool_order("USER1", SPOOL_PRT, first, 1);
    spool_changes ch;
    memset(&ch, 0, sizeof ch);
    ch.what = SPC_FLAGS | SPC_NAME;
    ch.flags = SPOOL_HOLD;
    strcpy(ch.fname, "NEWNAME");
    strcpy(ch.ftype, "LISTING");
    spool_change(a, &ch);
    spool_attrs before;
    spool_query(a, &before);
    u32 used_before;
    spool_space(NULL, &used_before);

    spool_init_report r = warm();
    LONGS_EQUAL(3, r.recovered);
    LONGS_EQUAL(0, r.open_discarded + r.damaged_discarded);
    LONGS_EQUAL(used_before, r.pages_used);
    CHECK(fake->said("CPX402I"));
    spool_attrs after;
    LONGS_EQUAL(SPOOL_OK, spool_query(a, &after));
    MEMCMP_EQUAL(&before, &after, sizeof before);
    std::vector<uint16_t> want{b, a};
    CHECK(spool_ids("USER1", SPOOL_PRT) == want);
    Recs back;
    spool_read_file(a, back);
    CHECK(back == lines);
    spool_read_file(c, back);
    CHECK(back == cards);
}

TEST(SpoolStart, IdsContinueAfterWarmStart)
{
    spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), spool_lines(5));
    u16 b = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), spool_lines(5));
    spool_purge(b);
    warm();
    // id 2 was purged, but is not handed out again at once
    LONGS_EQUAL(3, spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), spool_lines(5)));
}

TEST(SpoolStart, UnformattedAreaIsRefusedWithAMessage)
{
    FakeSpool blank(64);
    blank.msgs.clear();
    LONGS_EQUAL(SPOOL_ENOTFMT, blank.init(false));
    CHECK(blank.said("CPX406E"));
    LONGS_EQUAL(0, blank.writes);                // nothing was written
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PRT);
    spf *h;
    LONGS_EQUAL(SPOOL_ENOTREADY, spf_open_write(&a, &h));
}

TEST(SpoolStart, AreaOfAnotherSizeIsRefused)
{
    spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), spool_lines(5));
    fake->pages.resize(200, Page(SPF_PAGE_SIZE, 0));
    LONGS_EQUAL(SPOOL_ENOTFMT, fake->init(false));
    CHECK(fake->said("CPX407E"));
}

TEST(SpoolStart, TooSmallAreaOrNoDeviceIsRefused)
{
    FakeSpool tiny(SPOOL_MIN_PAGES - 1);
    LONGS_EQUAL(SPOOL_EINVAL, tiny.init(true));
    LONGS_EQUAL(SPOOL_EINVAL, spool_init(NULL, true, NULL));
}

TEST(SpoolStart, FileOpenWhenTheSystemStoppedIsDiscardedByName)
{
    u16 kept = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(10));
    spool_attrs a = spool_attrs_for("USER2", SPOOL_PRT);
    spf *h;
    spf_open_write(&a, &h);
    u16 open_id = spf_id(h);
    for (const Rec &r : spool_lines(500))
        spf_put(h, r.op, r.data.data(), (u16)r.data.size());
    Image crash = fake->pages;                  // the system stops here
    spf_abort(h);
    spool_term();
    fake->pages = crash;

    spool_init_report r = warm();
    LONGS_EQUAL(1, r.recovered);
    LONGS_EQUAL(1, r.open_discarded);
    CHECK(fake->said("CPX403W Spool file " + std::string(open_id < 10 ? "000" : "00") +
                     std::to_string(open_id) + " (USER2 PRT)"));
    spool_attrs q;
    LONGS_EQUAL(SPOOL_ENOFILE, spool_query(open_id, &q));
    spool_query(kept, &q);
    LONGS_EQUAL(q.pages, r.pages_used);          // its pages are free again
    // a second warm start has nothing more to say about it
    r = warm();
    LONGS_EQUAL(0, r.open_discarded);
    CHECK(!fake->said("CPX403W"));
}

TEST(SpoolStart, DamagedDataPageDiscardsOnlyThatFile)
{
    u16 a = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(100));
    Recs cards = spool_cards(100, 9);
    u16 b = (u16)spool_write_file(spool_attrs_for("USER2", SPOOL_PUN), cards);
    spool_attrs qa, qb;
    spool_query(a, &qa);
    spool_query(b, &qb);
    // the second page of file a, one bit
    u32 data0 = label(SPL_DATA0);
    fake->pages[data0 + 1][SPP_RECORDS + 5] ^= 0x20;

    spool_init_report r = warm();
    LONGS_EQUAL(1, r.recovered);
    LONGS_EQUAL(1, r.damaged_discarded);
    CHECK(fake->said("CPX404W Spool file 0001 (USER1 PUN) is damaged"));
    LONGS_EQUAL(qb.pages, r.pages_used);
    Recs back;
    LONGS_EQUAL(SPOOL_OK, spool_read_file(b, back));
    CHECK(back == cards);
}

TEST(SpoolStart, TornDirectoryWriteFallsBackToThePreviousVersion)
{
    u16 a = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(10));
    spool_changes ch;
    memset(&ch, 0, sizeof ch);
    ch.what = SPC_CLASS;
    ch.cls = 'Q';
    spool_change(a, &ch);
    // tear the newest copy: its second half never reached the disk
    u8 *cur = dir_page(0);
    memset(cur + SPF_PAGE_SIZE / 2, 0, SPF_PAGE_SIZE / 2);
    warm();
    spool_attrs q;
    LONGS_EQUAL(SPOOL_OK, spool_query(a, &q));
    BYTES_EQUAL('A', q.cls);                    // the change was not done
}

TEST(SpoolStart, DirectoryPageWithNoValidCopyLosesOnlyItsFiles)
{
    FakeSpool big(256);                         // several directory pages
    spool_term();
    LONGS_EQUAL(SPOOL_OK, big.init(true));
    std::vector<uint16_t> ids;
    for (int i = 0; i < 40; i++)                // 31 on page 0, 9 on page 1
        ids.push_back((u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(1, i)));
    for (int c = 0; c < 2; c++)
        big.pages[1 + c][100] ^= 0xFF;          // both copies of page 0
    spool_term();
    spool_init_report r;
    LONGS_EQUAL(SPOOL_OK, big.init(false, &r));
    LONGS_EQUAL(1, r.dir_pages_lost);
    LONGS_EQUAL(9, r.recovered);
    CHECK(big.said("CPX405W"));
    LONGS_EQUAL(9, r.pages_used);               // the lost files' pages are free
    Recs back;
    LONGS_EQUAL(SPOOL_OK, spool_read_file(ids[35], back));
    CHECK(back == spool_cards(1, 35));
    // the page is written clean: the next warm start finds it valid
    spool_term();
    big.msgs.clear();
    LONGS_EQUAL(SPOOL_OK, big.init(false, &r));
    LONGS_EQUAL(0, r.dir_pages_lost);
    CHECK(!big.said("CPX405W"));
}

TEST(SpoolStart, TwoFilesClaimingOnePageKeepOnlyTheOwner)
{
    u16 a = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(10));
    u16 b = (u16)spool_write_file(spool_attrs_for("USER2", SPOOL_PUN), spool_cards(10, 4));
    // point b's entry at a's page, with a valid checksum
    u8 *d = dir_page(0);
    u8 *ea = d + SPD_ENTRIES, *eb = d + SPD_ENTRIES + SPD_ENTRY_SIZE;
    LONGS_EQUAL(a, get_be16(ea + SPE_SPID));
    LONGS_EQUAL(b, get_be16(eb + SPE_SPID));
    put_be32(eb + SPE_FIRST, get_be32(ea + SPE_FIRST));
    put_be32(eb + SPE_LAST, get_be32(ea + SPE_LAST));
    reseal(d);
    spool_init_report r = warm();
    LONGS_EQUAL(1, r.recovered);
    CHECK(fake->said("CPX404W Spool file 0002"));
    Recs back;
    LONGS_EQUAL(SPOOL_OK, spool_read_file(a, back));
    CHECK(back == spool_cards(10));
    spool_attrs q;
    spool_query(a, &q);
    LONGS_EQUAL(q.pages, r.pages_used);
}

TEST(SpoolStart, DuplicateSpoolIdKeepsTheFirstFile)
{
    spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(10));
    spool_write_file(spool_attrs_for("USER2", SPOOL_PUN), spool_cards(10));
    u8 *d = dir_page(0);
    put_be16(d + SPD_ENTRIES + SPD_ENTRY_SIZE + SPE_SPID, 1);
    reseal(d);
    spool_init_report r = warm();
    LONGS_EQUAL(1, r.recovered);
    spool_attrs q;
    spool_query(1, &q);
    STRCMP_EQUAL("USER1", q.owner);
    CHECK(fake->said("CPX404W Spool file 0001 (USER2 PUN)"));
}

TEST(SpoolStart, GarbageWithValidChecksumsNeverCrashesWarmStart)
{
    for (int i = 0; i < 12; i++)
        spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), spool_lines(40, i));
    Image good = fake->pages;
    unsigned s = 12345;
    for (int round = 0; round < 300; round++) {
        fake->pages = good;
        // scribble on a few bytes of the directory or a data page, reseal
        s = s * 1103515245u + 12345u;
        u32 p = 1 + (s >> 8) % (fake->pages.size() - 1);
        for (int k = 0; k < 1 + round % 4; k++) {
            s = s * 1103515245u + 12345u;
            fake->pages[p][(s >> 4) % SPF_CRC] = (u8)(s >> 20);
        }
        reseal(fake->pages[p].data());
        spool_init_report r;
        spool_term();
        LONGS_EQUAL(SPOOL_OK, fake->init(false, &r));
        // whatever survived is readable and accounted for
        u32 pages = 0;
        for (u16 id : spool_ids(NULL, SPOOL_ANY)) {
            Recs back;
            LONGS_EQUAL(SPOOL_OK, spool_read_file(id, back));
            spool_attrs q;
            spool_query(id, &q);
            LONGS_EQUAL(q.records, back.size());
            pages += q.pages;
        }
        LONGS_EQUAL(pages, r.pages_used);
    }
}

TEST(SpoolStart, DirectoryWriteErrorLeavesTheQueueAsItWas)
{
    u16 a = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(10));
    fake->fail_write_in = 0;
    LONGS_EQUAL(SPOOL_EIO, spool_purge(a));
    CHECK(fake->said("CPX410E"));
    spool_attrs q;
    LONGS_EQUAL(SPOOL_OK, spool_query(a, &q));
    spool_changes ch;
    memset(&ch, 0, sizeof ch);
    ch.what = SPC_CLASS;
    ch.cls = 'X';
    fake->fail_write_in = 0;
    LONGS_EQUAL(SPOOL_EIO, spool_change(a, &ch));
    spool_query(a, &q);
    BYTES_EQUAL('A', q.cls);
    // its pages are still its own: filling the spool does not touch them
    spool_attrs fill = spool_attrs_for("FILLER", SPOOL_PUN);
    spf *h;
    spf_open_write(&fill, &h);
    while (spf_put(h, 1, "FILLER CARD", 11) == SPOOL_OK)
        ;
    CHECK(spf_close(h) > 0);
    Recs back;
    LONGS_EQUAL(SPOOL_OK, spool_read_file(a, back));
    CHECK(back == spool_cards(10));
}

TEST(SpoolStart, CloseThatCannotBeRecordedLosesOnlyThatFile)
{
    u16 a = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(10));
    spool_attrs at = spool_attrs_for("USER2", SPOOL_PUN);
    spf *h;
    spf_open_write(&at, &h);
    u16 lost = spf_id(h);
    spf_put(h, 1, "CARD", 4);
    fake->fail_write_in = 1;                    // the data page goes, the directory not
    LONGS_EQUAL(SPOOL_EIO, spf_close(h));
    CHECK(fake->said("CPX413E"));
    spool_attrs q;
    LONGS_EQUAL(SPOOL_ENOFILE, spool_query(lost, &q));
    // its id is not reused before the next warm start
    int next = spool_write_file(spool_attrs_for("USER3", SPOOL_PUN), spool_cards(1));
    CHECK(next > 0 && next != lost);
    warm();
    LONGS_EQUAL(SPOOL_OK, spool_query(a, &q));
}
