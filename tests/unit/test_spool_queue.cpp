// test_spool_queue.cpp - spool ids, queue order, CHANGE, TRANSFER, ORDER,
// PURGE, and what happens when the spool area or its directory is full.
#include "test_spool_fake.h"
#include "fakes.h"
#include <CppUTest/TestHarness.h>
#include <cstring>

TEST_GROUP(SpoolQueue)
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
    u16 file(const char *owner, u8 type, unsigned cards = 1, char cls = 'A')
    {
        int id = spool_write_file(spool_attrs_for(owner, type, cls), spool_cards(cards, cls));
        CHECK(id > 0);
        return (u16)id;
    }
};

TEST(SpoolQueue, SpoolIdsAreHandedOutInSequence)
{
    LONGS_EQUAL(1, file("USER1", SPOOL_PRT));
    LONGS_EQUAL(2, file("USER2", SPOOL_PUN));
    LONGS_EQUAL(3, file("USER1", SPOOL_PRT));
}

TEST(SpoolQueue, SpoolIdsWrapAfter9999AndSkipIdsInUse)
{
    u16 kept = file("KEEPER", SPOOL_RDR);      // id 1 stays in use
    u16 id = kept;
    while (id < SPOOL_MAX_ID) {
        id = (u16)spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), Recs());
        LONGS_EQUAL(SPOOL_OK, spool_purge(id));
    }
    LONGS_EQUAL(SPOOL_MAX_ID, id);
    // after 9999 comes 1, which is taken, so 2
    LONGS_EQUAL(2, file("USER1", SPOOL_PRT));
    LONGS_EQUAL(2, spool_count(NULL, SPOOL_ANY));
}

TEST(SpoolQueue, QueueIsInOrderOfArrivalNotOfOpening)
{
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PRT);
    spf *first, *second;
    spf_open_write(&a, &first);
    spf_open_write(&a, &second);
    u16 id2 = (u16)spf_close(second);
    u16 id1 = (u16)spf_close(first);
    u16 id3 = file("USER1", SPOOL_PRT);
    file("USER1", SPOOL_PUN);
    file("USER2", SPOOL_PRT);
    std::vector<uint16_t> want{id2, id1, id3};
    CHECK(spool_ids("USER1", SPOOL_PRT) == want);
}

TEST(SpoolQueue, OrderPutsTheNamedFilesFirstInTheGivenOrder)
{
    u16 a = file("USER1", SPOOL_RDR), b = file("USER1", SPOOL_RDR);
    u16 c = file("USER1", SPOOL_RDR), d = file("USER1", SPOOL_RDR);
    u16 ids[] = { d, b };
    LONGS_EQUAL(SPOOL_OK, spool_order("USER1", SPOOL_RDR, ids, 2));
    std::vector<uint16_t> want{d, b, a, c};
    CHECK(spool_ids("USER1", SPOOL_RDR) == want);
    u16 again[] = { c };
    spool_order("USER1", SPOOL_RDR, again, 1);
    std::vector<uint16_t> want2{c, d, b, a};
    CHECK(spool_ids("USER1", SPOOL_RDR) == want2);
}

TEST(SpoolQueue, OrderOfAFileOutsideTheQueueChangesNothing)
{
    u16 a = file("USER1", SPOOL_RDR), b = file("USER1", SPOOL_RDR);
    u16 other = file("USER2", SPOOL_RDR);
    u16 ids[] = { b, other };
    LONGS_EQUAL(SPOOL_ENOFILE, spool_order("USER1", SPOOL_RDR, ids, 2));
    u16 twice[] = { b, b };
    LONGS_EQUAL(SPOOL_EINVAL, spool_order("USER1", SPOOL_RDR, twice, 2));
    std::vector<uint16_t> want{a, b};
    CHECK(spool_ids("USER1", SPOOL_RDR) == want);
}

TEST(SpoolQueue, ChangeSetsTheNamedAttributesOnly)
{
    u16 id = file("USER1", SPOOL_PRT);
    spool_changes c;
    memset(&c, 0, sizeof c);
    c.what = SPC_CLASS | SPC_COPIES | SPC_FLAGS | SPC_NAME | SPC_DIST | SPC_FORM;
    c.cls = 'Z';
    c.copies = 3;
    c.flags = SPOOL_HOLD;
    strcpy(c.fname, "REPORT");
    strcpy(c.ftype, "LISTING");
    strcpy(c.dist, "BIN7");
    strcpy(c.form, "WIDE");
    LONGS_EQUAL(SPOOL_OK, spool_change(id, &c));
    spool_attrs a;
    spool_query(id, &a);
    BYTES_EQUAL('Z', a.cls);
    LONGS_EQUAL(3, a.copies);
    LONGS_EQUAL(SPOOL_HOLD, a.flags);
    STRCMP_EQUAL("REPORT", a.fname);
    STRCMP_EQUAL("LISTING", a.ftype);
    STRCMP_EQUAL("BIN7", a.dist);
    STRCMP_EQUAL("WIDE", a.form);
    STRCMP_EQUAL("USER1", a.owner);
    c.what = SPC_COPIES;
    c.copies = 5;
    spool_change(id, &c);
    spool_query(id, &a);
    LONGS_EQUAL(5, a.copies);
    BYTES_EQUAL('Z', a.cls);
}

TEST(SpoolQueue, ChangeWithABadValueChangesNothing)
{
    u16 id = file("USER1", SPOOL_PRT);
    spool_changes c;
    memset(&c, 0, sizeof c);
    c.what = SPC_CLASS | SPC_COPIES;
    c.cls = 'B';
    c.copies = 0;
    LONGS_EQUAL(SPOOL_EINVAL, spool_change(id, &c));
    spool_attrs a;
    spool_query(id, &a);
    BYTES_EQUAL('A', a.cls);
    LONGS_EQUAL(1, a.copies);
    c.what = 0;
    LONGS_EQUAL(SPOOL_EINVAL, spool_change(id, &c));
    c.what = SPC_CLASS;
    LONGS_EQUAL(SPOOL_ENOFILE, spool_change(id + 1, &c));
}

TEST(SpoolQueue, TransferMovesTheFileToTheEndOfTheOtherQueue)
{
    u16 theirs = file("USER2", SPOOL_RDR);
    u16 mine = file("USER1", SPOOL_PUN, 30);
    LONGS_EQUAL(SPOOL_OK, spool_transfer(mine, "USER2", SPOOL_RDR));
    std::vector<uint16_t> want{theirs, mine};
    CHECK(spool_ids("USER2", SPOOL_RDR) == want);
    LONGS_EQUAL(0, spool_count("USER1", SPOOL_ANY));
    spool_attrs a;
    spool_query(mine, &a);
    STRCMP_EQUAL("USER1", a.origin);
    LONGS_EQUAL(SPOOL_PUN, a.origin_type);
    Recs back;
    spool_read_file(mine, back);
    CHECK(back == spool_cards(30, 'A'));
    LONGS_EQUAL(SPOOL_EINVAL, spool_transfer(mine, "", SPOOL_RDR));
    LONGS_EQUAL(SPOOL_EINVAL, spool_transfer(mine, "USER3", 9));
    LONGS_EQUAL(SPOOL_ENOFILE, spool_transfer(999, "USER3", SPOOL_RDR));
}

TEST(SpoolQueue, AFileBeingReadCannotBeTransferredOrPurged)
{
    u16 id = file("USER1", SPOOL_RDR);
    spf *h;
    spf_open_read(id, &h);
    LONGS_EQUAL(SPOOL_EBUSY, spool_transfer(id, "USER2", SPOOL_RDR));
    LONGS_EQUAL(SPOOL_EBUSY, spool_purge(id));
    LONGS_EQUAL(0, spool_purge_owner("USER1", SPOOL_ANY));
    spf_close_read(h, SPF_KEEP);
    LONGS_EQUAL(1, spool_purge_owner("USER1", SPOOL_ANY));
}

TEST(SpoolQueue, PurgeByIdByOwnerAndAll)
{
    u16 a = file("USER1", SPOOL_PRT, 60);
    file("USER1", SPOOL_PRT, 60);
    file("USER1", SPOOL_PUN, 60);
    file("USER2", SPOOL_PRT, 60);
    file("USER2", SPOOL_RDR, 60);
    LONGS_EQUAL(SPOOL_OK, spool_purge(a));
    LONGS_EQUAL(SPOOL_ENOFILE, spool_purge(a));
    LONGS_EQUAL(1, spool_purge_owner("USER1", SPOOL_PRT));
    LONGS_EQUAL(1, spool_count("USER1", SPOOL_ANY));
    LONGS_EQUAL(2, spool_count("USER2", SPOOL_ANY));
    LONGS_EQUAL(3, spool_purge_all());
    LONGS_EQUAL(0, spool_count(NULL, SPOOL_ANY));
    u32 used;
    spool_space(NULL, &used);
    LONGS_EQUAL(0, used);
    LONGS_EQUAL(SPOOL_EINVAL, spool_purge_owner("", SPOOL_ANY));
}

TEST(SpoolQueue, NextSkipsHeldFilesOtherClassesAndFilesBeingRead)
{
    u16 held = file("USER1", SPOOL_PRT, 1, 'A');
    u16 classb = file("USER1", SPOOL_PRT, 1, 'B');
    u16 plain = file("USER1", SPOOL_PRT, 1, 'A');
    spool_changes c;
    memset(&c, 0, sizeof c);
    c.what = SPC_FLAGS;
    c.flags = SPOOL_SYSHOLD;
    spool_change(held, &c);
    LONGS_EQUAL(classb, spool_next("USER1", SPOOL_PRT, '*'));
    LONGS_EQUAL(plain, spool_next("USER1", SPOOL_PRT, 'A'));
    spf *h;
    spf_open_read(plain, &h);
    LONGS_EQUAL(0, spool_next("USER1", SPOOL_PRT, 'A'));
    spf_close_read(h, SPF_KEEP);
    LONGS_EQUAL(0, spool_next("USER2", SPOOL_PRT, 0));
}

TEST(SpoolQueue, OperatorViewListsEveryFileInArrivalOrder)
{
    u16 a = file("USER1", SPOOL_PRT), b = file("USER2", SPOOL_PUN), c = file("USER3", SPOOL_RDR);
    std::vector<uint16_t> want{a, b, c};
    CHECK(spool_ids(NULL, SPOOL_ANY) == want);
    u16 two[2];
    LONGS_EQUAL(3, spool_list(NULL, SPOOL_ANY, two, 2));  // a short list: the first ones
    LONGS_EQUAL(a, two[0]);
    LONGS_EQUAL(b, two[1]);
}

TEST(SpoolQueue, FullSpoolFailsThePutAndLeavesOtherFilesIntact)
{
    Recs small = spool_cards(100);
    u16 other = (u16)spool_write_file(spool_attrs_for("USER2", SPOOL_PUN), small);
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PUN);
    spf *h;
    spf_open_write(&a, &h);
    Recs cards = spool_cards(20000, 3);
    int rc = SPOOL_OK;
    unsigned put = 0;
    for (; put < cards.size(); put++)
        if ((rc = spf_put(h, 1, cards[put].data.data(), 80)) != SPOOL_OK)
            break;
    LONGS_EQUAL(SPOOL_EFULL, rc);
    u32 total, used;
    spool_space(&total, &used);
    LONGS_EQUAL(total, used);
    // the file is closed short: every record before the refused one
    u16 id = (u16)spf_close(h);
    Recs back;
    LONGS_EQUAL(SPOOL_OK, spool_read_file(id, back));
    LONGS_EQUAL(put, back.size());
    CHECK(std::equal(back.begin(), back.end(), cards.begin()));
    LONGS_EQUAL(SPOOL_OK, spool_read_file(other, back));
    CHECK(back == small);
    // purging gives the space back
    spool_purge(id);
    spool_space(&total, &used);
    CHECK(used < total);
    CHECK(spool_write_file(spool_attrs_for("USER1", SPOOL_PUN), spool_cards(100)) > 0);
}

TEST(SpoolQueue, FileCutShortByAFullSpoolMayBeAborted)
{
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PUN);
    spf *h;
    spf_open_write(&a, &h);
    Recs cards = spool_cards(20000);
    for (const Rec &r : cards)
        if (spf_put(h, 1, r.data.data(), 80) != SPOOL_OK)
            break;
    LONGS_EQUAL(SPOOL_OK, spf_abort(h));
    u32 used;
    spool_space(NULL, &used);
    LONGS_EQUAL(0, used);
}

TEST(SpoolQueue, FullDirectoryRefusesNewFilesAndKeepsTheOthers)
{
    spool_term();
    delete fake;
    fake = new FakeSpool(16);                  // one directory page: 31 files
    fake->init(true);
    for (int i = 0; i < 31; i++)
        CHECK(spool_write_file(spool_attrs_for("USER1", SPOOL_PRT), Recs()) > 0);
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PRT);
    spf *h;
    LONGS_EQUAL(SPOOL_ENOSLOT, spf_open_write(&a, &h));
    LONGS_EQUAL(31, spool_count(NULL, SPOOL_ANY));
    spool_purge(5);
    LONGS_EQUAL(SPOOL_OK, spf_open_write(&a, &h));
    spf_abort(h);
}

TEST(SpoolQueue, QueueNamesMatchUserIdsInAnyCase)
{
    file("USER1", SPOOL_PRT);
    LONGS_EQUAL(1, spool_count("user1", SPOOL_PRT));
}

// Other tasks run while an update sleeps on its directory write.

TEST(SpoolQueue, FileBeingPurgedIsGoneForOthersWhileTheDirectoryIsWritten)
{
    u16 id = file("USER1", SPOOL_RDR);
    int seen = 0;
    fake->on_write = [&](uint32_t) {
        spf *h;
        seen = spf_open_read(id, &h);
    };
    LONGS_EQUAL(SPOOL_OK, spool_purge(id));
    LONGS_EQUAL(SPOOL_ENOFILE, seen);
}

TEST(SpoolQueue, FileBeingClosedAppearsOnlyWhenItsDirectoryWriteIsDone)
{
    spool_attrs a = spool_attrs_for("USER1", SPOOL_PRT);
    spf *h;
    spf_open_write(&a, &h);
    spf_put(h, 0x09, "LINE", 4);
    unsigned during = 99;
    unsigned writes = 0;
    std::function<void(uint32_t)> count = [&](uint32_t) {
        if (++writes == 2)                      // the data page, then the directory
            during = spool_count("USER1", SPOOL_PRT);
        else
            fake->on_write = count;
    };
    fake->on_write = count;
    CHECK(spf_close(h) > 0);
    LONGS_EQUAL(0, during);
    LONGS_EQUAL(1, spool_count("USER1", SPOOL_PRT));
}

TEST(SpoolQueue, ReaderArrivingDuringAFailedUpdateKeepsTheFile)
{
    u16 id = file("USER1", SPOOL_RDR);
    spf *r = nullptr;
    fake->on_write = [&](uint32_t) { LONGS_EQUAL(SPOOL_OK, spf_open_read(id, &r)); };
    fake->fail_write_in = 0;
    spool_changes c;
    memset(&c, 0, sizeof c);
    c.what = SPC_CLASS;
    c.cls = 'B';
    LONGS_EQUAL(SPOOL_EIO, spool_change(id, &c));
    // the change is undone, the reader is not
    LONGS_EQUAL(SPOOL_EBUSY, spool_purge(id));
    spf_close_read(r, SPF_KEEP);
    LONGS_EQUAL(SPOOL_OK, spool_purge(id));
}

TEST(SpoolQueue, SecondUpdateDuringAWriteWithoutTasksIsAnAbend)
{
    u16 a = file("USER1", SPOOL_RDR), b = file("USER1", SPOOL_RDR);
    fake->on_write = [&](uint32_t) { spool_purge(b); };
    try {
        spool_purge(a);
        FAIL("a second directory update ran inside the first");
    } catch (CpAbend &e) {
        LONGS_EQUAL(7, e.reason);               // ABEND_SPOOL
    }
}

TEST(SpoolQueue, ManyFilesOfManyUsersEachReadBackIntact)
{
    spool_term();
    delete fake;
    fake = new FakeSpool(1024);
    fake->init(true);
    static const char *const users[] = { "USER1", "USER2", "USER3", "MAINT", "OPERATOR" };
    std::vector<uint16_t> ids;
    for (unsigned i = 0; i < 300; i++) {
        const char *u = users[i % 5];
        Recs r = i % 2 ? spool_cards(1 + i % 7, i) : spool_lines(1 + i % 11, i);
        ids.push_back((u16)spool_write_file(spool_attrs_for(u, (u8)(1 + i % 3)), r));
    }
    LONGS_EQUAL(300, spool_count(NULL, SPOOL_ANY));
    LONGS_EQUAL(60, spool_count("MAINT", SPOOL_ANY));
    spool_init_report rep;
    spool_term();
    fake->init(false, &rep);                     // and again after a restart
    LONGS_EQUAL(300, rep.recovered);
    for (unsigned i = 0; i < 300; i++) {
        Recs back;
        LONGS_EQUAL(SPOOL_OK, spool_read_file(ids[i], back));
        CHECK(back == (i % 2 ? spool_cards(1 + i % 7, i) : spool_lines(1 + i % 11, i)));
        spool_attrs a;
        spool_query(ids[i], &a);
        STRCMP_EQUAL(users[i % 5], a.owner);
    }
}
