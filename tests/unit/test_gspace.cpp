// test_gspace.cpp - a guest address space: storage keys per 2K block,
// and saved segments above the defined storage.
extern "C" {
#include "cp/mm/gspace.h"
#include "cp/mm/gmem.h"
#include "cp/kern/freestor.h"
#include "arch370/pgm.h"
#include "cpu.h"
}
#include "fakes.h"
#include "realmem.h"
#include <CppUTest/TestHarness.h>

static struct gspace gs;

TEST_GROUP(GuestSpace)
{
    void setup()
    {
        realmem_init(8);
        gspace_create(&gs, 1 << 20, 1);
    }
    void teardown() { gspace_destroy(&gs); }
};

TEST(GuestSpace, EachHalfOfAPageKeepsItsOwnKey)
{
    gspace_set_key(&gs, 0x3000, 0xF0);
    gspace_set_key(&gs, 0x3800, 0xE0);
    LONGS_EQUAL(0xF0, gspace_get_key(&gs, 0x3000) & 0xF8);
    LONGS_EQUAL(0xE0, gspace_get_key(&gs, 0x3800) & 0xF8);
    LONGS_EQUAL(0xE0, gspace_get_key(&gs, 0x3FFF) & 0xF8);
    LONGS_EQUAL(0, gspace_get_key(&gs, 0x4800) & 0xF8);    // the next page: untouched
}

// the real 4K frame carries the key SSK set last, in either half
TEST(GuestSpace, TheRealFrameCarriesTheKeySetLast)
{
    u32 f = gspace_frame(&gs, 0x3000, true);
    gspace_set_key(&gs, 0x3000, 0xF0);
    gspace_set_key(&gs, 0x3800, 0xE0);
    LONGS_EQUAL(0xE0, iske(f) & 0xF8);
    gspace_set_key(&gs, 0x3000, 0x30);
    LONGS_EQUAL(0x30, iske(f) & 0xF8);
    LONGS_EQUAL(0xE0, gspace_get_key(&gs, 0x3800) & 0xF8);
}

TEST(GuestSpace, ReleaseKeepsBothKeys)
{
    gspace_frame(&gs, 0x5000, true);
    gspace_set_key(&gs, 0x5000, 0x90);
    gspace_set_key(&gs, 0x5800, 0xA0);
    gspace_release(&gs, 5, 5);
    LONGS_EQUAL(0x90, gspace_get_key(&gs, 0x5000) & 0xF8);
    LONGS_EQUAL(0xA0, gspace_get_key(&gs, 0x5800) & 0xF8);
}

TEST(GuestSpace, PagesAboveTheStorageAreAddressableOnlyWhileExtended)
{
    u8 b = 0x5A, r = 0;
    CHECK_FALSE(gspace_addressable(&gs, 0xF00000));
    LONGS_EQUAL(PGM_ADDRESSING, gmem_write(&gs, 0xF00000, &b, 1));
    LONGS_EQUAL(0, gspace_extend(&gs, 0xF00, 16));
    CHECK(gspace_addressable(&gs, 0xF0FFFF));
    CHECK_FALSE(gspace_addressable(&gs, 0xF10000));
    CHECK_FALSE(gspace_addressable(&gs, 0x100000));          // between: still a hole
    LONGS_EQUAL(1u << 20, gs.size);                         // X'60' reports this
    LONGS_EQUAL(0, gmem_write(&gs, 0xF00010, &b, 1));
    LONGS_EQUAL(0, gmem_read(&gs, 0xF00010, &r, 1));
    LONGS_EQUAL(0x5A, r);
    gspace_release(&gs, 0xF00, 0xF0F);
    CHECK(gspace_addressable(&gs, 0xF00000));               // released, still there
    gspace_retract(&gs, 0xF00, 16);
    CHECK_FALSE(gspace_addressable(&gs, 0xF00000));
}

TEST(GuestSpace, AClearForgetsSegmentsAboveTheStorage)
{
    LONGS_EQUAL(0, gspace_extend(&gs, 0x800, 2));
    gspace_frame(&gs, 0x800000, true);
    gspace_clear(&gs);
    CHECK_FALSE(gspace_addressable(&gs, 0x800000));
    LONGS_EQUAL(0, gs.resident);
}

TEST(GuestSpace, AnExtentBeyond16MIsRefused)
{
    LONGS_EQUAL(-1, gspace_extend(&gs, 0xFF0, 32));
    LONGS_EQUAL(-1, gspace_extend(&gs, 0x10, 0));
}
