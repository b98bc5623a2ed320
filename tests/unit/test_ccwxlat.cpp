// test_ccwxlat.cpp - CCW translation for minidisks: relocation, extent
// and protection checks, page splitting, TIC, status mapping.
extern "C" {
#include "cp/vdev/ccwxlat.h"
#include "cp/mm/gmem.h"
#include "cp/mm/frame.h"
#include "cp/kern/freestor.h"
}
#include "fakes.h"
#include "realmem.h"
#include <CppUTest/TestHarness.h>
#include <cstring>

static struct gspace gs;
static struct xlat *x;

static void put_ccw(u32 at, u8 cmd, u32 addr, u8 flags, u16 count)
{
    struct ccw0 c;
    ccw0_make(&c, cmd, addr, flags, count);
    gmem_write(&gs, at, c.b, 8);
}

static void put_bytes(u32 at, const u8 *b, u32 n)
{
    gmem_write(&gs, at, b, n);
}

static const struct ccw1 *real(unsigned i)
{
    return &x->real[i];
}

// As CP does: every translation is finished (its pages unpinned) before
// the next one starts.
static unsigned translate(u32 ccw_addr)
{
    xlat_finish(x);
    return xlat_translate(x, ccw_addr);
}

TEST_GROUP(CcwTranslation)
{
    void setup()
    {
        realmem_init(8);
        gspace_create(&gs, 1 << 20, 1);
        x = (struct xlat *)kzalloc(sizeof *x, "XLAT");
        x->real = (struct ccw1 *)kzalloc(XLAT_MAX_REAL * 8, "REAL");
        x->gs = &gs;
        x->start_cyl = 100;
        x->cyls = 4;
        x->heads = 30;
        x->write_ok = true;
    }
    void teardown()
    {
        xlat_finish(x);
        gspace_destroy(&gs);
    }
};

TEST(CcwTranslation, EveryProgramStartsWhereTheGuestsArmWas)
{
    x->seek_cyl = 2;
    x->seek_head = 7;
    put_ccw(0x1000, 0x03, 0, 0, 1);                 // NOP
    translate(0x1000);
    BYTES_EQUAL(0x07, ccw1_cmd(real(0)));
    const u8 *arg = (const u8 *)(uintptr_t)ccw1_addr(real(0));
    LONGS_EQUAL(102, get_be16(arg + 2));
    LONGS_EQUAL(7, get_be16(arg + 4));
    CHECK(ccw1_flags(real(0)) & CCW_CC);
}

// at 0x1000: SEEK, SEARCH ID EQ, TIC back to it, READ DATA 800 to 0x3000
static void put_read_chain(const u8 seek[6], const u8 id[5])
{
    put_bytes(0x2000, seek, 6);
    put_bytes(0x2010, id, 5);
    put_ccw(0x1000, 0x07, 0x2000, CCW_CC, 6);
    put_ccw(0x1008, 0x31, 0x2010, CCW_CC, 5);
    put_ccw(0x1010, 0x08, 0x1008, 0, 0);
    put_ccw(0x1018, 0x06, 0x3000, 0, 800);
}

TEST(CcwTranslation, SeekAndSearchArgumentsAreRelocated)
{
    const u8 seek[6] = {0, 0, 0, 3, 0, 5}, id[5] = {0, 3, 0, 5, 9};
    put_read_chain(seek, id);
    translate(0x1000);
    LONGS_EQUAL(XLAT_COMPLETE, x->stop);
    const u8 *s = (const u8 *)(uintptr_t)ccw1_addr(real(1));
    LONGS_EQUAL(103, get_be16(s + 2));
    const u8 *i = (const u8 *)(uintptr_t)ccw1_addr(real(2));
    LONGS_EQUAL(103, get_be16(i));
    LONGS_EQUAL(9, i[4]);
    // the guest's own storage is not changed
    u8 g[6];
    gmem_read(&gs, 0x2000, g, 6);
    LONGS_EQUAL(3, get_be16(g + 2));
}

TEST(CcwTranslation, SearchLoopTicGoesBackAndTheMatchSkipsIt)
{
    const u8 seek[6] = {0}, id[5] = {0, 0, 0, 0, 1};
    put_read_chain(seek, id);
    translate(0x1000);
    // SEEK(prefix) SEEK SEARCH TIC READ
    LONGS_EQUAL(5, x->nreal);
    BYTES_EQUAL(0x08, ccw1_cmd(real(3)));
    LONGS_EQUAL((u32)(uintptr_t)real(2), ccw1_addr(real(3)));
    BYTES_EQUAL(0x06, ccw1_cmd(real(4)));
}

TEST(CcwTranslation, ASeekOutsideTheMinidiskStopsThere)
{
    const u8 ok[6] = {0, 0, 0, 1, 0, 0}, bad[6] = {0, 0, 0, 4, 0, 0};
    put_bytes(0x2000, ok, 6);
    put_bytes(0x2008, bad, 6);
    put_ccw(0x1000, 0x07, 0x2000, CCW_CC, 6);
    put_ccw(0x1008, 0x07, 0x2008, CCW_CC, 6);
    put_ccw(0x1010, 0x06, 0x3000, 0, 800);
    translate(0x1000);
    LONGS_EQUAL(XLAT_OUT_OF_EXTENT, x->stop);
    LONGS_EQUAL(0x1008, x->stop_ccw);
    // the real program ends at a NOP that stands for the refused CCW
    BYTES_EQUAL(0x03, ccw1_cmd(real(x->stop_index)));
    CHECK_FALSE(ccw1_flags(real(x->stop_index)) & (CCW_CC | CCW_CD));
    for (unsigned i = 0; i < x->nreal; i++) {
        if (ccw1_cmd(real(i)) == 0x07) {
            const u8 *a = (const u8 *)(uintptr_t)ccw1_addr(real(i));
            CHECK(get_be16(a + 2) >= 100 && get_be16(a + 2) < 104);
        }
    }
}

TEST(CcwTranslation, AHeadBeyondTheCylinderIsOutsideToo)
{
    const u8 bad[6] = {0, 0, 0, 0, 0, 30};
    put_bytes(0x2000, bad, 6);
    put_ccw(0x1000, 0x07, 0x2000, 0, 6);
    translate(0x1000);
    LONGS_EQUAL(XLAT_OUT_OF_EXTENT, x->stop);
}

TEST(CcwTranslation, WritesOnAReadOnlyLinkStop)
{
    x->write_ok = false;
    put_ccw(0x1000, 0x06, 0x3000, CCW_CC, 800);     // a read is fine
    put_ccw(0x1008, 0x05, 0x3000, 0, 800);          // a write is not
    translate(0x1000);
    LONGS_EQUAL(XLAT_FILE_PROTECT, x->stop);
    LONGS_EQUAL(0x1008, x->stop_ccw);
    x->write_ok = false;
    put_ccw(0x1000, 0x1D, 0x3000, 0, 808);          // WRITE CKD: also
    translate(0x1000);
    LONGS_EQUAL(XLAT_FILE_PROTECT, x->stop);
}

TEST(CcwTranslation, DataCrossingAPageIsSplitAndDataChained)
{
    put_ccw(0x1000, 0x06, 0x5F00, CCW_SLI, 800);    // 256 bytes in one page, 544 in the next
    translate(0x1000);
    LONGS_EQUAL(3, x->nreal);
    LONGS_EQUAL(256, ccw1_count(real(1)));
    LONGS_EQUAL(544, ccw1_count(real(2)));
    CHECK(ccw1_flags(real(1)) & CCW_CD);
    CHECK_FALSE(ccw1_flags(real(2)) & CCW_CD);
    CHECK(ccw1_flags(real(2)) & CCW_SLI);
    // the pieces point at the frames of the two pages, which are pinned
    LONGS_EQUAL(gspace_frame(&gs, 0x5000, false) + 0xF00, ccw1_addr(real(1)));
    LONGS_EQUAL(gspace_frame(&gs, 0x6000, false), ccw1_addr(real(2)));
    CHECK(frame_of(gspace_frame(&gs, 0x5000, false))->pins > 0);
    xlat_finish(x);
    LONGS_EQUAL(0, frame_of(gspace_frame(&gs, 0x5000, false))->pins);
}

TEST(CcwTranslation, ResidualOfASplitCcwCountsTheUntouchedPieces)
{
    put_ccw(0x1000, 0x06, 0x5F00, CCW_SLI, 800);
    translate(0x1000);
    u32 next;
    u16 residual;
    // the channel stopped in the first piece with 56 bytes left
    xlat_guest_status(x, (u32)(uintptr_t)real(2), 56, &next, &residual);
    LONGS_EQUAL(0x1008, next);
    LONGS_EQUAL(56 + 544, residual);
    // and after the whole CCW
    xlat_guest_status(x, (u32)(uintptr_t)real(3), 0, &next, &residual);
    LONGS_EQUAL(0, residual);
}

TEST(CcwTranslation, MalformedProgramsAreChannelProgramChecks)
{
    put_ccw(0x1000, 0x08, 0x1008, 0, 0);            // TIC first
    translate(0x1000);
    LONGS_EQUAL(XLAT_PROGRAM_CHECK, x->stop);
    put_ccw(0x1000, 0x06, 0x3000, 0, 0);            // zero count
    translate(0x1000);
    LONGS_EQUAL(XLAT_PROGRAM_CHECK, x->stop);
    put_ccw(0x1000, 0x06, 0x3000, CCW_IDA, 8);      // IDA
    translate(0x1000);
    LONGS_EQUAL(XLAT_PROGRAM_CHECK, x->stop);
    put_ccw(0x1000, 0x06, 0x3000, CCW_CC, 8);       // TIC to TIC
    put_ccw(0x1008, 0x08, 0x1010, 0, 0);
    put_ccw(0x1010, 0x08, 0x1000, 0, 0);
    translate(0x1000);
    LONGS_EQUAL(XLAT_PROGRAM_CHECK, x->stop);
    translate(0x1004);                      // not on a doubleword
    LONGS_EQUAL(XLAT_PROGRAM_CHECK, x->stop);
    put_ccw(0x1000, 0x06, 0x00FFFF00, 0, 800);      // data beyond storage
    translate(0x1000);
    LONGS_EQUAL(XLAT_PROGRAM_CHECK, x->stop);
    put_ccw(0x1000, 0x10, 0x3000, 0, 8);            // command code with low bits 0
    translate(0x1000);
    LONGS_EQUAL(XLAT_PROGRAM_CHECK, x->stop);
}

TEST(CcwTranslation, DataChainingKeepsTheCommand)
{
    put_ccw(0x1000, 0x06, 0x3000, CCW_CD, 400);
    put_ccw(0x1008, 0x00, 0x4000, 0, 400);          // command ignored when data chained
    translate(0x1000);
    LONGS_EQUAL(XLAT_COMPLETE, x->stop);
    BYTES_EQUAL(0x06, ccw1_cmd(real(2)));
    CHECK(ccw1_flags(real(1)) & CCW_CD);
}

TEST(CcwTranslation, WriteCkdCountFieldIsRelocatedInACopy)
{
    const u8 count[8] = {0, 2, 0, 4, 7, 0, 3, 0x20};
    put_bytes(0x3000, count, 8);
    put_ccw(0x1000, 0x1D, 0x3000, 0, 808);
    translate(0x1000);
    const u8 *c = (const u8 *)(uintptr_t)ccw1_addr(real(1));
    LONGS_EQUAL(102, get_be16(c));
    LONGS_EQUAL(8, ccw1_count(real(1)));
    CHECK(ccw1_flags(real(1)) & CCW_CD);
    LONGS_EQUAL(800, ccw1_count(real(2)));
    LONGS_EQUAL(gspace_frame(&gs, 0x3000, false) + 8, ccw1_addr(real(2)));
}

TEST(CcwTranslation, CountsReadBackGetTheMinidisksCylinder)
{
    put_ccw(0x1000, 0x12, 0x3000, 0, 8);
    translate(0x1000);
    // pretend the device wrote a count with real cylinder 103
    u8 *f = (u8 *)(uintptr_t)gspace_frame(&gs, 0x3000, false);
    f[0] = 0;
    f[1] = 103;
    xlat_finish(x);
    u8 g[2];
    gmem_read(&gs, 0x3000, g, 2);
    LONGS_EQUAL(3, get_be16(g));
}

TEST(CcwTranslation, StorageKeyMismatchIsAProtectionCheck)
{
    gspace_frame(&gs, 0x3000, true);
    gspace_set_key(&gs, 0x3000, 0x50);
    x->key = 6;
    put_ccw(0x1000, 0x06, 0x3000, 0, 800);          // a read stores into key-5 storage
    translate(0x1000);
    LONGS_EQUAL(XLAT_PROTECTION, x->stop);
    x->key = 5;
    translate(0x1000);
    LONGS_EQUAL(XLAT_COMPLETE, x->stop);
}

// S/370 keys 2K blocks: a transfer that crosses from one block into the
// next needs the key of both
TEST(CcwTranslation, StorageKeyIsCheckedForEach2KBlockTheDataTouches)
{
    gspace_frame(&gs, 0x3000, true);
    gspace_set_key(&gs, 0x3000, 0x50);
    gspace_set_key(&gs, 0x3800, 0x60);
    x->key = 5;
    put_ccw(0x1000, 0x06, 0x3000, 0, 800);          // inside the first half
    translate(0x1000);
    LONGS_EQUAL(XLAT_COMPLETE, x->stop);
    put_ccw(0x1000, 0x06, 0x3700, 0, 800);          // into the key-6 half too
    translate(0x1000);
    LONGS_EQUAL(XLAT_PROTECTION, x->stop);
    x->key = 6;
    put_ccw(0x1000, 0x06, 0x3900, 0, 800);
    translate(0x1000);
    LONGS_EQUAL(XLAT_COMPLETE, x->stop);
}

// IPL: a program that reads its own next CCWs is run in pieces; the piece
// stops before the first CCW a read in it may have changed
TEST(CcwTranslation, AnIplPieceStopsBeforeACcwAReadInItStoresInto)
{
    xlat_finish(x);
    x->refetch = true;
    put_ccw(0x1000, 0x06, 0x1400, CCW_CC | CCW_SLI, 80);    // READ DATA to X'1400'
    put_ccw(0x1008, 0x03, 0, CCW_CC, 1);                     // NOP: not in the area
    put_ccw(0x1010, 0x08, 0x1400, 0, 0);                     // TIC into what was read
    put_ccw(0x1400, 0x03, 0, 0, 1);                          // the old CCW there
    xlat_translate_piece(x, 0x1000);
    LONGS_EQUAL(XLAT_REFETCH, x->stop);
    LONGS_EQUAL(0x1400, x->stop_ccw);
    CHECK(x->stop_after_tic);
    LONGS_EQUAL(2, x->nguest);                               // READ and NOP only
    // the program ends at a NOP standing for the stop, without chaining
    BYTES_EQUAL(0x03, ccw1_cmd(real(x->stop_index)));
    BYTES_EQUAL(0, ccw1_flags(real(x->stop_index)) & (CCW_CC | CCW_CD));
    // the next piece starts there, past the record the read left, with
    // a TIC no longer its first CCW
    xlat_finish(x);
    x->orient = true;
    x->orient_id[4] = 2;
    xlat_translate_piece(x, 0x1400);
    LONGS_EQUAL(XLAT_COMPLETE, x->stop);
    BYTES_EQUAL(0x31, ccw1_cmd(real(1)));                    // SEARCH ID EQ the record
    BYTES_EQUAL(0x08, ccw1_cmd(real(2)));
    BYTES_EQUAL(0x06, ccw1_cmd(real(3)));                    // its data skipped
    CHECK(ccw1_flags(real(3)) & CCW_SKIP);
    BYTES_EQUAL(0x03, ccw1_cmd(real(4)));
}

TEST(CcwTranslation, WithoutRefetchAProgramIsTranslatedWhole)
{
    put_ccw(0x1000, 0x06, 0x1400, CCW_CC | CCW_SLI, 80);
    put_ccw(0x1008, 0x08, 0x1400, 0, 0);
    put_ccw(0x1400, 0x03, 0, 0, 1);
    translate(0x1000);
    LONGS_EQUAL(XLAT_COMPLETE, x->stop);
    LONGS_EQUAL(2, x->nguest);
}
