// test_mm.cpp - CP free storage and the frame table.
extern "C" {
#include "cp/kern/freestor.h"
#include "cp/mm/frame.h"
}
#include "fakes.h"
#include <CppUTest/TestHarness.h>
#include <cstring>

alignas(8) static unsigned char arena[64 * 1024];

TEST_GROUP(FreeStorage)
{
    void setup() { memset(arena, 0, sizeof arena); freestor_init(arena, sizeof arena); }
};

TEST(FreeStorage, AllocationsAreDistinctAlignedAndAccounted)
{
    void *a = kmalloc(10, "TESTA");
    void *b = kmalloc(100, "TESTB");
    CHECK(a && b && a != b);
    LONGS_EQUAL(0, (uintptr_t)a % 8);
    struct freestor_stats st;
    freestor_stats(&st);
    LONGS_EQUAL(2, st.blocks);
    CHECK(st.in_use >= 110);
    kfree(a);
    kfree(b);
    freestor_stats(&st);
    LONGS_EQUAL(0, st.blocks);
    LONGS_EQUAL(0, st.in_use);
}

TEST(FreeStorage, FreedNeighboursCoalesceSoABigBlockFitsAgain)
{
    void *v[60];
    for (int i = 0; i < 60; i++)
        v[i] = kmalloc(1000, "PIECE");
    for (int i = 0; i < 60; i += 2)
        kfree(v[i]);                                // every other one: holes
    CHECK(kmalloc(40 * 1024, "BIG") == NULL);      // fragmented: no room
    for (int i = 1; i < 60; i += 2)
        kfree(v[i]);
    void *big = kmalloc(60 * 1024, "BIG");
    CHECK(big != NULL);
}

TEST(FreeStorage, ExhaustionReturnsNullAndCountsFailures)
{
    CHECK(kmalloc(1024 * 1024, "HUGE") == NULL);
    CHECK(kmalloc(0, "ZERO") == NULL);
    struct freestor_stats st;
    freestor_stats(&st);
    LONGS_EQUAL(1, st.failures);
}

TEST(FreeStorage, DoubleFreeIsAnAbendNotACorruption)
{
    void *a = kmalloc(32, "ONCE");
    kfree(a);
    try {
        kfree(a);
        FAIL("second kfree was accepted");
    } catch (CpAbend &e) {
        LONGS_EQUAL(1, e.reason);
    }
}

static void count_tag(const char *tag, u32 blocks, size_t bytes, void *arg)
{
    if (!strcmp(tag, "VMBLK"))
        *(u32 *)arg = blocks;
    (void)bytes;
}

TEST(FreeStorage, UsageIsReportedPerTag)
{
    kmalloc(64, "VMBLK");
    kmalloc(64, "VMBLK");
    kmalloc(64, "OTHER");
    u32 n = 0;
    freestor_by_tag(count_tag, &n);
    LONGS_EQUAL(2, n);
}

// A tag is its name, wherever the name lies: the same name from another
// address is the same tag, and a buffer that held one name and now holds
// another names the other tag.
TEST(FreeStorage, ATagIsItsNameNotWhereTheNameIs)
{
    char buf[9];
    u32 n = 0;

    strcpy(buf, "VMBLK");
    kmalloc(64, "VMBLK");
    kmalloc(64, buf);
    strcpy(buf, "OTHER");
    kmalloc(64, buf);
    kmalloc(64, buf);
    freestor_by_tag(count_tag, &n);
    LONGS_EQUAL(2, n);
}

TEST(FreeStorage, ZeroedAllocation)
{
    unsigned char *p = (unsigned char *)kmalloc(64, "DIRTY");
    memset(p, 0xAA, 64);
    kfree(p);
    p = (unsigned char *)kzalloc(64, "CLEAN");
    for (int i = 0; i < 64; i++)
        BYTES_EQUAL(0, p[i]);
}

TEST_GROUP(Frames)
{
    void setup()
    {
        memset(arena, 0, sizeof arena);
        freestor_init(arena, sizeof arena);
        frame_init(0x100000, 0x100000 + 16 * PAGE_SIZE);
    }
};

TEST(Frames, EveryFrameIsHandedOutOnceUntilFreed)
{
    u32 got[32];
    size_t n = 0;
    u32 f;
    while ((f = frame_alloc(1, 0)) != 0 && n < 32)
        got[n++] = f;
    LONGS_EQUAL(16, n);
    LONGS_EQUAL(0, frame_count_free());
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            CHECK(got[i] != got[j]);
    frame_free(got[3]);
    LONGS_EQUAL(got[3], frame_alloc(2, 7));
    LONGS_EQUAL(2, frame_of(got[3])->owner);
    LONGS_EQUAL(7, frame_of(got[3])->gpage);
}

TEST(Frames, FreeingAFreeFrameIsAnAbend)
{
    u32 f = frame_alloc(1, 0);
    frame_free(f);
    try {
        frame_free(f);
        FAIL("double frame_free accepted");
    } catch (CpAbend &e) {
        LONGS_EQUAL(2, e.reason);
    }
}
