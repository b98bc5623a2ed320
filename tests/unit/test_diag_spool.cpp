// test_diag_spool.cpp - DIAGNOSE X'14' and X'20' on the host: a fake VM
// with a virtual reader and punch over the real spool store on an
// in-memory area (docs/diagnose.md).
#include "fakevm.h"
#include "test_spool_fake.h"

extern "C" {
#include "diag/diag.h"
#include "cp/spool/vur.h"
#include "cp/mm/gmem.h"
#include "arch370/be.h"
#include "arch370/ccw.h"
#include "arch370/pgm.h"

int diag_014_spool_input(struct diag_args *a);
int diag_020_general_io(struct diag_args *a);
}
#include <CppUTest/TestHarness.h>
#include <cstring>

static FakeVm *f;
static FakeSpool *area;
static u32 *gpr;
static struct vdev *rdr, *pun;

#define BUF     0x10000
#define DESC    0x12000
#define PROG    0x13000
#define DATA    0x14000

static int d14(u32 rx, u32 rx1, u32 dev, u32 sub)
{
    struct diag_args a = { &f->vm, 0x14, 2, 4, f->vm.cpu.ctx.gpr };
    gpr[2] = rx;
    gpr[3] = rx1;
    gpr[4] = dev;
    gpr[5] = sub;
    int rc = diag_014_spool_input(&a);
    return rc ? -rc : f->cc();
}

static int d20(u32 dev)
{
    struct diag_args a = { &f->vm, 0x20, 2, 4, f->vm.cpu.ctx.gpr };
    gpr[2] = dev;
    gpr[4] = PROG;
    gpr[15] = 0xDEAD;
    int rc = diag_020_general_io(&a);
    return rc ? -rc : f->cc();
}

TEST_GROUP(DiagSpool)
{
    void setup()
    {
        f = new FakeVm(1 << 20);
        gpr = f->vm.cpu.ctx.gpr;
        area = new FakeSpool(200);
        CHECK_EQUAL(SPOOL_OK, area->init(true));
        rdr = vur_attach(&f->vm, 0x00C, 0x2540, SPOOL_RDR, '*');
        pun = vur_attach(&f->vm, 0x00D, 0x2540, SPOOL_PUN, 'A');
    }
    void teardown()
    {
        vur_close_input(rdr, false);
        vur_close_output(pun, true);
        spool_term();
        delete area;
        delete f;
    }
};

TEST(DiagSpool, ReadNextBufferGivesWholeRecordsThenEndOfFile)
{
    Recs cards = spool_cards(100, 3);
    int spid = spool_write_file(spool_attrs_for("TESTER", SPOOL_RDR), cards);
    CHECK(spid > 0);
    unsigned got = 0, buffers = 0;
    int cc;
    while ((cc = d14(BUF, 0, 0x00C, 0)) == 0) {
        u8 hdr[8];
        gmem_read(&f->vm.mem, BUF, hdr, 8);
        u32 n = get_be32(hdr), used = get_be32(hdr + 4), off = 8;
        CHECK(used <= 4096);
        for (u32 i = 0; i < n; i++, got++) {
            u8 r[4 + 80];
            gmem_read(&f->vm.mem, BUF + off, r, sizeof r);
            CHECK_EQUAL(cards[got].op, r[0]);
            CHECK_EQUAL(80, get_be16(r + 2));
            CHECK(!memcmp(cards[got].data.data(), r + 4, 80));
            off += 84;
        }
        CHECK_EQUAL(used, off);
        buffers++;
    }
    CHECK_EQUAL(1, cc);
    CHECK_EQUAL(100u, got);
    CHECK_EQUAL(3u, buffers);                   // 48 cards of 84 bytes to a buffer
    // restart and backspace move within the open file
    CHECK_EQUAL(0, d14(0, 0, 0x00C, 0x14));
    CHECK_EQUAL(1, d14(0, 0, 0x00C, 0x18));     // at the first record
    CHECK_EQUAL(0, d14(BUF, 0, 0x00C, 0));
    CHECK_EQUAL(0, d14(0, 0, 0x00C, 0x18));
    CHECK_EQUAL(0, d14(BUF, 0, 0x00C, 0));
    u8 hdr[4];
    gmem_read(&f->vm.mem, BUF, hdr, 4);
    CHECK_EQUAL(48u, get_be32(hdr));            // from card 47: 48 more fit
}

TEST(DiagSpool, DescriptorsAndSelect)
{
    int a = spool_write_file(spool_attrs_for("TESTER", SPOOL_RDR, 'B'), spool_cards(5));
    int b = spool_write_file(spool_attrs_for("TESTER", SPOOL_RDR), spool_cards(7));
    CHECK_EQUAL(0, d14(DESC, 0, 0x00C, 0xFFF));
    CHECK_EQUAL((u32)a, gpr[3]);
    u8 d[64];
    gmem_read(&f->vm.mem, DESC, d, 64);
    CHECK_EQUAL(a, get_be16(d));
    CHECK_EQUAL(0xC2, d[4]);                    // class B in EBCDIC
    CHECK_EQUAL(5u, get_be32(d + 8));
    CHECK_EQUAL(0, d14(DESC, a, 0x00C, 0xFFF));
    CHECK_EQUAL((u32)b, gpr[3]);
    CHECK_EQUAL(2, d14(DESC, b, 0x00C, 0xFFF));
    // select the second: its 7 cards come first
    CHECK_EQUAL(0, d14(b, 0, 0x00C, 0x0C));
    CHECK_EQUAL(0, d14(BUF, 0, 0x00C, 0));
    u8 hdr[4];
    gmem_read(&f->vm.mem, BUF, hdr, 4);
    CHECK_EQUAL(7u, get_be32(hdr));
    CHECK_EQUAL(2, d14(9999, 0, 0x00C, 0x0C));
}

TEST(DiagSpool, BadParametersAreRefusedAndChangeNothing)
{
    int spid = spool_write_file(spool_attrs_for("TESTER", SPOOL_RDR), spool_cards(10));
    CHECK_EQUAL(-PGM_SPECIFICATION, d14(BUF + 4, 0, 0x00C, 0));
    CHECK_EQUAL(-PGM_ADDRESSING, d14(0xFFF000, 0, 0x00C, 0));
    CHECK_EQUAL(3, d14(BUF, 0, 0x00D, 0));
    CHECK_EQUAL(1u, gpr[5]);
    CHECK_EQUAL(3, d14(BUF, 0, 0x00C, 0x1C));
    CHECK_EQUAL(3u, gpr[5]);
    CHECK_EQUAL(2, d14(0, 0, 0x00C, 0x10));     // repeat: no file open
    CHECK_EQUAL(2, d14(0, 0, 0x00C, 0x0C));     // select spool id 0
    spool_attrs at;
    CHECK_EQUAL(SPOOL_OK, spool_query(spid, &at));
    CHECK_EQUAL(10u, at.records);
    Recs back;
    CHECK_EQUAL(SPOOL_OK, spool_read_file(spid, back));
    CHECK_EQUAL(10u, back.size());
}

TEST(DiagSpool, GeneralIoPunchesACardAndRefusesOtherDevices)
{
    u8 prog[8], card[80];
    memset(card, 0xF1, sizeof card);
    ccw0_make((struct ccw0 *)prog, 0x01, DATA, 0, 80);
    f->put(PROG, prog, 8);
    f->put(DATA, card, 80);
    CHECK_EQUAL(0, d20(0x00D));
    CHECK_EQUAL(0u, gpr[15]);
    CHECK_FALSE(pun->int_pending);              // no interruption follows
    int spid = vur_close_output(pun, false);
    CHECK(spid > 0);
    Recs back;
    CHECK_EQUAL(SPOOL_OK, spool_read_file((u16)spid, back));
    CHECK_EQUAL(1u, back.size());
    CHECK_EQUAL(0x01, back[0].op);
    CHECK(back[0].data == std::string(80, '\xF1'));
    CHECK_EQUAL(1, d20(0x555));
    CHECK_EQUAL(1u, gpr[15]);
    CHECK_EQUAL(1, d20(0x009));
    CHECK_EQUAL(5u, gpr[15]);
    // the reader is empty: unit check, intervention required
    ccw0_make((struct ccw0 *)prog, 0x02, DATA, 0, 80);
    f->put(PROG, prog, 8);
    CHECK_EQUAL(3, d20(0x00C));
    CHECK_EQUAL(13u, gpr[15]);
    CHECK_EQUAL(0x40000000u, gpr[4]);
}

TEST(DiagSpool, ADamagedFileIsAnErrorAndStaysInTheQueue)
{
    int spid = spool_write_file(spool_attrs_for("TESTER", SPOOL_RDR), spool_cards(100));
    CHECK(spid > 0);
    CHECK_EQUAL(0, d14(BUF, 0, 0x00C, 0));          // the first buffer reads
    for (uint32_t p = 0; p < 200; p++)
        area->bad_reads.insert(p);                  // then the DASD fails
    CHECK_EQUAL(3, d14(BUF, 0, 0x00C, 0));
    CHECK_EQUAL(2u, gpr[5]);
    area->bad_reads.clear();
    spool_attrs at;
    CHECK_EQUAL(SPOOL_OK, spool_query((u16)spid, &at));
    CHECK_EQUAL(2, d14(0, 0, 0x00C, 0x14));         // closed: nothing to restart
}

TEST(DiagSpool, ADamagedFileGivesTheReaderAnEquipmentCheck)
{
    int spid = spool_write_file(spool_attrs_for("TESTER", SPOOL_RDR), spool_cards(100));
    u8 prog[8];
    ccw0_make((struct ccw0 *)prog, 0x02, DATA, 0, 80);
    f->put(PROG, prog, 8);
    CHECK_EQUAL(0, d20(0x00C));
    for (uint32_t p = 0; p < 200; p++)
        area->bad_reads.insert(p);
    int cc = 0;
    for (int i = 0; i < 60 && (cc = d20(0x00C)) == 0; i++)
        ;
    CHECK_EQUAL(3, cc);
    CHECK_EQUAL(0x10000000u, gpr[4]);               // equipment check
    CHECK(!fake.messages.empty() && fake.messages.back().find("CPX424E") == 0);
    area->bad_reads.clear();
    spool_attrs at;
    CHECK_EQUAL(SPOOL_OK, spool_query((u16)spid, &at));
}
