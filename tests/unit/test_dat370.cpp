// test_dat370.cpp - S/370 dynamic address translation (arch370/dat370.c):
// one rule of GA22-7000, "Dynamic Address Translation", per test.
extern "C" {
#include "arch370/dat370.h"
#include "arch370/pgm.h"
}
#include <CppUTest/TestHarness.h>
#include <cstring>

// a small real storage holding the guest's tables, big-endian
static unsigned char mem[64 * 1024];

static bool fetch(void *, u32 addr, unsigned len, u32 *out)
{
    if (addr + len > sizeof mem)
        return false;
    *out = 0;
    for (unsigned i = 0; i < len; i++)
        *out = *out << 8 | mem[addr + i];
    return true;
}

static void put32(u32 a, u32 v)
{
    for (int i = 0; i < 4; i++)
        mem[a + i] = (unsigned char)(v >> (24 - 8 * i));
}

static void put16(u32 a, u16 v)
{
    mem[a] = (unsigned char)(v >> 8);
    mem[a + 1] = (unsigned char)v;
}

static const u32 CR0_4K_1M = 0x12u << 19, CR0_4K_64K = 0x10u << 19;
static const u32 CR0_2K_1M = 0x0Au << 19, CR0_2K_64K = 0x08u << 19;
static const u32 STO = 0x1000, PTO = 0x2000;

TEST_GROUP(Dat370)
{
    struct dat370_walk w;
    void setup() override
    {
        memset(mem, 0, sizeof mem);
        memset(&w, 0, sizeof w);
    }
    enum dat370_rc xlate(u32 cr0, u32 cr1, u32 va)
    {
        return dat370_translate(cr0, cr1, va, fetch, nullptr, &w);
    }
};

TEST(Dat370, OnlyFourCodesInControlRegister0Bits8To12AreValid)
{
    struct dat370_fmt f;
    CHECK(dat370_format(CR0_4K_1M, &f));
    LONGS_EQUAL(12, f.page_bits);
    LONGS_EQUAL(20, f.seg_bits);
    CHECK(dat370_format(CR0_2K_64K, &f));
    LONGS_EQUAL(11, f.page_bits);
    LONGS_EQUAL(16, f.seg_bits);
    CHECK_FALSE(dat370_format(0, &f));
    CHECK_FALSE(dat370_format(0x18u << 19, &f));        // 4K pages, segment code 11
    LONGS_EQUAL(DAT370_SPEC, xlate(0x04u << 19, STO, 0));
}

TEST(Dat370, FourKPagesOneMegSegmentsTranslate)
{
    put32(STO + 4 * 2, 0xF0000000u | PTO);              // segment 2
    put16(PTO + 2 * 0x34, 0x0560);                      // page X'34' -> frame X'056000'
    LONGS_EQUAL(DAT370_OK, xlate(CR0_4K_1M, STO, 0x234ABC));
    LONGS_EQUAL(0x056ABC, w.real);
}

TEST(Dat370, TwoKPagesSixtyFourKSegmentsTranslate)
{
    put32(STO + 4 * 0x23, 0xF0000000u | PTO);           // segment X'23'
    put16(PTO + 2 * 9, 0x0568);                         // page 9 -> frame X'056800'
    LONGS_EQUAL(DAT370_OK, xlate(CR0_2K_64K, 0x0F000000u | STO, 0x234ABC));
    LONGS_EQUAL(0x056ABC, w.real);
}

TEST(Dat370, InvalidSegmentIsASegmentTranslationException)
{
    put32(STO + 4, STE370_INVALID);
    LONGS_EQUAL(DAT370_SEG_INVALID, xlate(CR0_4K_1M, STO, 0x100000));
    LONGS_EQUAL(STO + 4, w.entry);
    LONGS_EQUAL(PGM_SEGMENT_TRANS, dat370_pgm(DAT370_SEG_INVALID));
}

TEST(Dat370, SegmentIndexBeyondTheTableLengthIsASegmentTranslationException)
{
    // length 0: 16 entries, 1M of 64K segments
    LONGS_EQUAL(DAT370_SEG_LENGTH, xlate(CR0_4K_64K, STO, 0x100000));
    LONGS_EQUAL(PGM_SEGMENT_TRANS, dat370_pgm(DAT370_SEG_LENGTH));
}

TEST(Dat370, InvalidPageIsAPageTranslationException)
{
    put32(STO, 0xF0000000u | PTO);
    put16(PTO + 2 * 3, 0x0008);
    LONGS_EQUAL(DAT370_PAGE_INVALID, xlate(CR0_4K_1M, STO, 0x3000));
    LONGS_EQUAL(PTO + 6, w.entry);
    put16(PTO + 2 * 3, 0x0004);                         // 2K: bit 13
    LONGS_EQUAL(DAT370_PAGE_INVALID, xlate(CR0_2K_1M, STO, 0x1800));
}

TEST(Dat370, PageIndexBeyondThePageTableLengthIsAPageTranslationException)
{
    // PTL 0: the first sixteenth of 256 pages, 16 pages of 4K
    put32(STO, PTO);
    LONGS_EQUAL(DAT370_OK, xlate(CR0_4K_1M, STO, 0x0F000));
    LONGS_EQUAL(DAT370_PAGE_LENGTH, xlate(CR0_4K_1M, STO, 0x10000));
    LONGS_EQUAL(PGM_PAGE_TRANS, dat370_pgm(DAT370_PAGE_LENGTH));
}

TEST(Dat370, NonzeroSegmentEntryBits4To7AreATranslationSpecification)
{
    put32(STO, 0xF1000000u | PTO);
    LONGS_EQUAL(DAT370_SPEC, xlate(CR0_4K_1M, STO, 0));
    LONGS_EQUAL(PGM_TRANS_SPEC, dat370_pgm(DAT370_SPEC));
}

TEST(Dat370, NonzeroPageEntryBit14Or13To14AreATranslationSpecification)
{
    put32(STO, 0xF0000000u | PTO);
    put16(PTO, 0x0002);
    LONGS_EQUAL(DAT370_SPEC, xlate(CR0_2K_1M, STO, 0));
    LONGS_EQUAL(DAT370_SPEC, xlate(CR0_4K_1M, STO, 0));
    put16(PTO, 0x0004);                                 // bit 13: only 4K checks it
    LONGS_EQUAL(DAT370_SPEC, xlate(CR0_4K_1M, STO, 0));
}

TEST(Dat370, SegmentProtectionAndCommonBitsAreReported)
{
    put32(STO, 0xF0000000u | PTO | STE370_PROTECT | STE370_COMMON);
    LONGS_EQUAL(DAT370_OK, xlate(CR0_4K_1M, STO, 0));
    CHECK(w.protect);
    CHECK(w.common);
}

TEST(Dat370, ATableEntryBeyondStorageIsAnAddressingException)
{
    LONGS_EQUAL(DAT370_ADDRESSING, xlate(CR0_4K_1M, 0x00FF0000u, 0));
    LONGS_EQUAL(PGM_ADDRESSING, dat370_pgm(DAT370_ADDRESSING));
}
