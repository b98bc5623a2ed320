// test_paging.cpp - the page-slot allocator and the frame replacement
// policy (cp/mm/pageslot.c, cp/mm/clock.c), on the host.
#include <cstdlib>
#include <cstring>
#include <set>
#include <vector>
extern "C" {
#include "cp/kern/freestor.h"
#include "cp/mm/frame.h"
#include "cp/mm/pageslot.h"
#include "cp/mm/clock.h"
#include "cpu.h"
}
#include "fakes.h"
#include <CppUTest/TestHarness.h>

alignas(8) static unsigned char arena[128 * 1024];
static int area_a, area_b;      // stand-ins for two paging areas

TEST_GROUP(PageSlots)
{
    void setup()
    {
        freestor_init(arena, sizeof arena);
        slots_reset();
        slots_add(&area_a, 10);
        slots_add(&area_b, 6);
    }
    void teardown() { slots_reset(); }        // while its free storage is valid
};

TEST(PageSlots, EverySlotIsHandedOutOnceUntilItIsFreed)
{
    std::set<u32> got;
    u32 s;
    while ((s = slot_alloc()) != 0)
        CHECK_TEXT(got.insert(s).second, "a slot was handed out twice");
    LONGS_EQUAL(16, got.size());
    LONGS_EQUAL(1, *got.begin());
    LONGS_EQUAL(16, *got.rbegin());
    LONGS_EQUAL(16, slots_used());
    slot_free(7);
    LONGS_EQUAL(7, slot_alloc());
    LONGS_EQUAL(0, slot_alloc());
}

TEST(PageSlots, FullSpaceGivesNoSlotAndChangesNothing)
{
    while (slot_alloc() != 0)
        ;
    LONGS_EQUAL(0, slot_alloc());
    LONGS_EQUAL(slots_total(), slots_used());
    slot_free(3);
    LONGS_EQUAL(3, slot_alloc());
}

TEST(PageSlots, SlotNumbersNameOnePageOfOneArea)
{
    const void *area;
    u32 page;
    CHECK(slot_locate(1, &area, &page));
    POINTERS_EQUAL(&area_a, area);
    LONGS_EQUAL(0, page);
    CHECK(slot_locate(10, &area, &page));
    POINTERS_EQUAL(&area_a, area);
    LONGS_EQUAL(9, page);
    CHECK(slot_locate(11, &area, &page));
    POINTERS_EQUAL(&area_b, area);
    LONGS_EQUAL(0, page);
    CHECK(slot_locate(16, &area, &page));
    LONGS_EQUAL(5, page);
    CHECK_FALSE(slot_locate(0, &area, &page));
    CHECK_FALSE(slot_locate(17, &area, &page));
}

TEST(PageSlots, FreeingASlotThatIsNotInUseIsAnAbend)
{
    u32 s = slot_alloc();
    slot_free(s);
    try {
        slot_free(s);
        FAIL("a free slot was freed again");
    } catch (CpAbend &e) {
        LONGS_EQUAL(8, e.reason);
    }
    try {
        slot_free(99);
        FAIL("a slot number beyond the areas was accepted");
    } catch (CpAbend &e) {
        LONGS_EQUAL(8, e.reason);
    }
}

TEST(PageSlots, ABadSlotIsNeverHandedOutAgain)
{
    u32 s = slot_alloc();
    slot_mark_bad(s);
    slot_free(s);                               // its page moves elsewhere
    LONGS_EQUAL(1, slots_bad());
    u32 t;
    while ((t = slot_alloc()) != 0)
        CHECK(t != s);
    LONGS_EQUAL(slots_total(), slots_used());
}

TEST(PageSlots, AnotherAreaKeepsTheSlotsInUse)
{
    u32 a = slot_alloc(), b = slot_alloc();
    static int area_c;
    CHECK(slots_add(&area_c, 100) == 0);
    LONGS_EQUAL(116, slots_total());
    LONGS_EQUAL(2, slots_used());
    slot_free(a);
    slot_free(b);
    LONGS_EQUAL(0, slots_used());
}

TEST(PageSlots, RandomAllocationsAndFreesAgreeWithAModel)
{
    std::set<u32> held;
    srand(7);
    for (int i = 0; i < 5000; i++) {
        if (rand() % 3 && held.size() < 16) {
            u32 s = slot_alloc();
            CHECK(s != 0);
            CHECK_TEXT(held.insert(s).second, "slot given while in use");
        } else if (!held.empty()) {
            auto it = held.begin();
            std::advance(it, rand() % held.size());
            slot_free(*it);
            held.erase(it);
        }
        LONGS_EQUAL(held.size(), slots_used());
    }
}

// ---- the clock --------------------------------------------------------

#define NFRAMES 8
#define FIRST   0x200000u

static int space;               // stands for a guest address space

static u32 frame_at(int i) { return FIRST + (u32)i * PAGE_SIZE; }

TEST_GROUP(Clock)
{
    void setup()
    {
        freestor_init(arena, sizeof arena);
        frame_init(FIRST, FIRST + NFRAMES * PAGE_SIZE);
        clock_reset();
        memset(host_storage_keys, 0, sizeof host_storage_keys);
        for (int i = 0; i < NFRAMES; i++) {
            u32 f = frame_alloc(1, (u32)i);
            frame_of(f)->space = &space;
        }
    }
    void referenced(int i) { sske(frame_at(i), 0x04); }
};

TEST(Clock, AFrameNobodyReferencedIsTakenFirst)
{
    for (int i = 0; i < NFRAMES; i++)
        if (i != 5)
            referenced(i);
    LONGS_EQUAL(frame_at(5), clock_pick());
}

TEST(Clock, ReferencedFramesGetASecondChance)
{
    for (int i = 0; i < NFRAMES; i++)
        referenced(i);
    // first turn resets every bit, the second takes the first frame
    LONGS_EQUAL(frame_at(0), clock_pick());
    for (int i = 0; i < NFRAMES; i++) {
        LONGS_EQUAL(0, iske(frame_at(i)) & 0x04);
        CHECK_TEXT(frame_of(frame_at(i))->flags & FRAME_VREF, "reference lost for the guest");
    }
}

TEST(Clock, TheHandMovesOnSoPagesAreTakenInTurn)
{
    std::vector<u32> order;
    for (int i = 0; i < NFRAMES; i++)
        order.push_back(clock_pick());
    for (int i = 0; i < NFRAMES; i++)
        LONGS_EQUAL(frame_at(i), order[i]);
    LONGS_EQUAL(frame_at(0), clock_pick());
}

TEST(Clock, AFrameReferencedAgainBeforeTheHandComesBackStays)
{
    LONGS_EQUAL(frame_at(0), clock_pick());
    referenced(1);
    LONGS_EQUAL(frame_at(2), clock_pick());
}

TEST(Clock, FramesWithIoCpTablesSharedPagesAndFreeFramesAreNeverTaken)
{
    frame_of(frame_at(0))->pins = 1;
    frame_of(frame_at(1))->flags |= FRAME_LOCKED;
    frame_of(frame_at(2))->flags |= FRAME_SHARED;
    frame_of(frame_at(3))->flags |= FRAME_BUSY;
    frame_free(frame_at(4));
    frame_of(frame_at(5))->space = NULL;        // CP's, no address space
    frame_of(frame_at(6))->pins = 2;
    LONGS_EQUAL(frame_at(7), clock_pick());
    LONGS_EQUAL(frame_at(7), clock_pick());     // still the only one
}

TEST(Clock, NothingToTakeGivesZero)
{
    for (int i = 0; i < NFRAMES; i++)
        frame_of(frame_at(i))->pins = 1;
    LONGS_EQUAL(0, clock_pick());
}

TEST(Clock, ASparedFrameIsPassedOverOnce)
{
    clock_spare(frame_at(0));
    LONGS_EQUAL(frame_at(1), clock_pick());
    CHECK(iske(frame_at(0)) == 0);              // its bit was used up
}
