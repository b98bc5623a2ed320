// test_pvmmu.cpp - DIAGNOSE X'1E0', paravirtual page tables (cp/vm/pvmmu.c,
// diag/mmu.c): the list's format, every return code, and the rule that a
// bad list changes nothing -- the guest's tables, CR1 and the shadows stay
// as they were.  Lists a hostile guest would try (wild addresses, tables
// outside its storage, entries pointing outside, too long) are here too.
#include "fakevm.h"

extern "C" {
#include "diag/diag.h"
#include "cp/vm/pvmmu.h"
#include "cp/mm/gmem.h"
#include "arch370/dat370.h"
#include "arch370/be.h"

int diag_1E0_mmu_update(struct diag_args *a);
}
#include <CppUTest/TestHarness.h>
#include <vector>

static FakeVm *f;

static const u32 CR0_4K_1M = 0x12u << 19, CR0_4K_64K = 0x10u << 19, CR0_2K_64K = 0x08u << 19;
static const u32 STO = 0x10000, PTO = 0x11000, PTO2 = 0x12000, LIST = 0x20000;
static const u32 SPACE = STO;           // CR1: length 0 (16 entries), origin STO

struct Entry {
    u8 op;
    u32 space, va, value;
    u8 reserved = 0;
};

static void put16(u32 a, u16 v)
{
    u8 b[2];
    put_be16(b, v);
    f->put(a, b, 2);
}

static u16 get16(u32 a)
{
    u16 v = 0;
    gmem_fetch16(&f->vm.mem, a, &v);
    return v;
}

static void putList(u32 at, const std::vector<Entry> &es)
{
    for (size_t i = 0; i < es.size(); i++) {
        u8 b[16] = { es[i].op, es[i].reserved, 0, 0 };
        put_be32(b + 4, es[i].space);
        put_be32(b + 8, es[i].va);
        put_be32(b + 12, es[i].value);
        f->put(at + (u32)i * 16, b, 16);
    }
}

// issue it as "DIAG 2,4,X'1E0'" would: list in R2, count in R4
static int diag(u32 list, u32 n)
{
    u32 *g = f->vm.cpu.ctx.gpr;
    g[2] = list;
    g[4] = n;
    g[5] = 0xEEEEEEEE;
    struct diag_args a = { &f->vm, 0x1E0, 2, 4, g };
    return diag_1E0_mmu_update(&a);
}

static u32 rc() { return f->vm.cpu.ctx.gpr[4]; }
static u32 entryNo() { return f->vm.cpu.ctx.gpr[5]; }

TEST_GROUP(PvMmu)
{
    void setup()
    {
        f = new FakeVm(1 << 20);
        f->vm.cpu.cr[0] = CR0_4K_1M;
        f->vm.cpu.cr[1] = SPACE;
        put_be32_guest(STO, 0xF0000000u | PTO);         // segment 0: a full page table
        for (u32 s = 1; s < 16; s++)
            put_be32_guest(STO + 4 * s, STE370_INVALID);
        for (u32 p = 0; p < 256; p++)
            put16(PTO + 2 * p, 0x0008);                 // every page invalid
    }
    void teardown()
    {
        delete f;
    }
    void put_be32_guest(u32 a, u32 v)
    {
        u8 b[4];
        put_be32(b, v);
        f->put(a, b, 4);
    }
    // a bad list: CC 1, the code, the entry, and nothing changed
    void refused(u32 code, u32 entry, u32 list, u32 n)
    {
        u32 cr1 = f->vm.cpu.cr[1];
        LONGS_EQUAL(0, diag(list, n));
        LONGS_EQUAL(1, f->cc());
        LONGS_EQUAL(code, rc());
        LONGS_EQUAL(entry, entryNo());
        LONGS_EQUAL(cr1, f->vm.cpu.cr[1]);
        LONGS_EQUAL(0x0008, get16(PTO + 2 * 5));
        LONGS_EQUAL(STE370_INVALID, f->get32(STO + 4));
        CHECK(fake.shadowCalls.empty());
    }
};

TEST(PvMmu, APageTableEntryIsStoredWhereTheSpacesTablesKeepItAndTheShadowsAreTold)
{
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x5ABC, 0x0060 } });
    LONGS_EQUAL(0, diag(LIST, 1));
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(0, rc());
    LONGS_EQUAL(1, entryNo());
    LONGS_EQUAL(0x0060, get16(PTO + 2 * 5));
    LONGS_EQUAL(2, fake.shadowCalls.size());
    STRCMP_EQUAL("P 005ABC 01100A", fake.shadowCalls[0].c_str());
    STRCMP_EQUAL("E", fake.shadowCalls[1].c_str());
}

TEST(PvMmu, ASegmentTableEntryIsStoredAndCr1IsLoadedInTheOrderOfTheList)
{
    putList(LIST, { { PVMMU_SET_STE, SPACE, 0x100000, 0xF0000000u | PTO2 },
                    { PVMMU_LOAD_CR1, 0x01030040, 0, 0 } });
    LONGS_EQUAL(0, diag(LIST, 2));
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(0xF0000000u | PTO2, f->get32(STO + 4));
    LONGS_EQUAL(0x01030040, f->vm.cpu.cr[1]);
    STRCMP_EQUAL("S 100000 010004", fake.shadowCalls[0].c_str());
}

TEST(PvMmu, AnEntryMayUseASegmentAnEarlierEntryOfTheSameListMade)
{
    putList(LIST, { { PVMMU_SET_STE, SPACE, 0x100000, 0xF0000000u | PTO2 },
                    { PVMMU_SET_PTE, SPACE, 0x103000, 0x0070 } });
    LONGS_EQUAL(0, diag(LIST, 2));
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(0x0070, get16(PTO2 + 2 * 3));
}

TEST(PvMmu, TwoKPagesAndSixtyFourKSegmentsFindTheirOwnEntry)
{
    f->vm.cpu.cr[0] = CR0_2K_64K;
    // 64K segments of 32 2K pages: segment 1 starts at X'10000'
    put_be32_guest(STO + 4, 0xF0000000u | PTO2);
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x10800, 0x0068 } });
    LONGS_EQUAL(0, diag(LIST, 1));
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(0x0068, get16(PTO2 + 2));
    // bit 14 must be zero in a 2K entry; bit 13 is its invalid bit
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x10800, 0x0002 } });
    LONGS_EQUAL(0, diag(LIST, 1));
    LONGS_EQUAL(PVMMU_VALUE, rc());
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x10800, 0x0004 } });
    LONGS_EQUAL(0, diag(LIST, 1));
    LONGS_EQUAL(0, rc());
}

// ---- the list as a whole ------------------------------------------------------

TEST(PvMmu, AnEmptyListOrOneOverAHundredTwentyEightEntriesIsRefused)
{
    refused(PVMMU_COUNT, 0, LIST, 0);
    refused(PVMMU_COUNT, 0, LIST, PVMMU_MAX + 1);
    refused(PVMMU_COUNT, 0, LIST, 0xFFFFFFFF);
}

TEST(PvMmu, AListOffADoublewordIsRefused)
{
    putList(LIST + 4, { { PVMMU_SET_PTE, SPACE, 0x5000, 0x0060 } });
    refused(PVMMU_ALIGN, 0, LIST + 4, 1);
}

TEST(PvMmu, AListOutsideTheGuestsStorageIsRefused)
{
    refused(PVMMU_LIST, 0, 0x100000, 1);                // just past 1M
    refused(PVMMU_LIST, 0, 0xFFFF0, 2);                 // runs past it
    refused(PVMMU_LIST, 0, 0xFFFFFFF8, 1);              // wild: wraps a 32-bit sum
    refused(PVMMU_LIST, 0, 0x7FFFF000, 128);
}

// ---- one bad entry, and the good ones before it are not done either -----------

TEST(PvMmu, AnUnknownOperationOrReservedBitsAreABadFormat)
{
    Entry good = { PVMMU_SET_PTE, SPACE, 0x5000, 0x0060 };
    Entry e = good;
    e.op = 4;
    putList(LIST, { good, e });
    refused(PVMMU_FORMAT, 1, LIST, 2);
    e = good;
    e.reserved = 1;
    putList(LIST, { good, e });
    refused(PVMMU_FORMAT, 1, LIST, 2);
    putList(LIST, { good, { PVMMU_SET_PTE, SPACE, 0x5000, 0x10060 } });   // bytes 12-13
    refused(PVMMU_FORMAT, 1, LIST, 2);
    putList(LIST, { good, { PVMMU_LOAD_CR1, SPACE, 4, 0 } });
    refused(PVMMU_FORMAT, 1, LIST, 2);
    putList(LIST, { good, { 0, 0, 0, 0 } });
    refused(PVMMU_FORMAT, 1, LIST, 2);
}

TEST(PvMmu, AVirtualAddressBeyondSixteenMegIsRefused)
{
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x01005000, 0x0060 } });
    refused(PVMMU_ADDRESS, 0, LIST, 1);
}

TEST(PvMmu, AnInvalidTranslationFormatInCr0IsRefused)
{
    f->vm.cpu.cr[0] = 0x18u << 19;
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x5000, 0x0060 } });
    refused(PVMMU_XLATE, 0, LIST, 1);
    f->vm.cpu.cr[0] = CR0_4K_1M;
    put_be32_guest(STO + 8, 0x0F000000u | PTO2);        // bits 4-7 of an STE on the way
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x200000, 0x0060 } });
    refused(PVMMU_XLATE, 0, LIST, 1);
}

TEST(PvMmu, ASegmentBeyondTheSegmentTableLengthIsRefused)
{
    f->vm.cpu.cr[0] = CR0_4K_64K;                       // 16 entries cover 1M
    putList(LIST, { { PVMMU_SET_STE, SPACE, 0x100000, 0xF0000000u | PTO2 } });
    refused(PVMMU_SEG_LENGTH, 0, LIST, 1);
}

TEST(PvMmu, APageInAnInvalidSegmentHasNoEntryToStore)
{
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x105000, 0x0060 } });
    refused(PVMMU_SEG_INVALID, 0, LIST, 1);
}

TEST(PvMmu, APageBeyondThePageTableLengthIsRefused)
{
    put_be32_guest(STO, 0x00000000u | PTO);             // length 0: pages 0-X'F'
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x10000, 0x0060 } });
    u32 cr1 = f->vm.cpu.cr[1];
    LONGS_EQUAL(0, diag(LIST, 1));
    LONGS_EQUAL(PVMMU_PAGE_LENGTH, rc());
    LONGS_EQUAL(cr1, f->vm.cpu.cr[1]);
    LONGS_EQUAL(0x0008, get16(PTO + 2 * 0x10));
}

TEST(PvMmu, TablesOutsideTheGuestsStorageAreNeverStoredInto)
{
    // a segment table beyond the 1M machine, and a wild designation
    putList(LIST, { { PVMMU_SET_STE, 0x00F00000, 0x000000, 0xF0000000u | PTO2 } });
    refused(PVMMU_TABLE, 0, LIST, 1);
    putList(LIST, { { PVMMU_SET_PTE, 0xFFFFFFC0, 0xFFF000, 0x0060 } });
    refused(PVMMU_TABLE, 0, LIST, 1);
    // a segment whose page table lies beyond the storage
    put_be32_guest(STO + 8, 0xF0000000u | 0x300000);
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x200000, 0x0060 } });
    refused(PVMMU_TABLE, 0, LIST, 1);
}

TEST(PvMmu, EntriesThatWouldTranslateOutsideTheGuestsStorageAreRefused)
{
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x5000, 0x2000 } });             // frame 2M
    refused(PVMMU_VALUE, 0, LIST, 1);
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x5000, 0x0064 } });             // bit 13
    refused(PVMMU_VALUE, 0, LIST, 1);
    putList(LIST, { { PVMMU_SET_STE, SPACE, 0x100000, 0x0F000000u | PTO2 } });
    refused(PVMMU_VALUE, 0, LIST, 1);
    // a page table whose length runs past the end of storage
    putList(LIST, { { PVMMU_SET_STE, SPACE, 0x100000, 0xF0000000u | 0xFFF00 } });
    refused(PVMMU_VALUE, 0, LIST, 1);
    // an invalid one may hold anything in its origin
    putList(LIST, { { PVMMU_SET_PTE, SPACE, 0x5000, 0xFFF8 } });
    LONGS_EQUAL(0, diag(LIST, 1));
    LONGS_EQUAL(0, rc());
}

TEST(PvMmu, TheBadEntryIsNamedEvenAtTheEndOfAFullList)
{
    std::vector<Entry> es(PVMMU_MAX, Entry{ PVMMU_SET_PTE, SPACE, 0x5000, 0x0060 });
    es.back().va = 0x105000;                            // an invalid segment
    putList(LIST, es);
    refused(PVMMU_SEG_INVALID, PVMMU_MAX - 1, LIST, PVMMU_MAX);
    es.back().va = 0x6000;
    putList(LIST, es);
    LONGS_EQUAL(0, diag(LIST, PVMMU_MAX));
    LONGS_EQUAL(PVMMU_MAX, entryNo());
    LONGS_EQUAL(PVMMU_MAX + 1, fake.shadowCalls.size());
}
