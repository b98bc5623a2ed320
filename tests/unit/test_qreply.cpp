// test_qreply.cpp - the screen size out of a 3270's answer to Read
// Partition Query (cp/io/qreply.c).
#include <CppUTest/TestHarness.h>
#include <vector>

extern "C" {
#include "cp/io/qreply.h"
}

TEST_GROUP(QueryReply) {};

// Query Reply (Usable Area): length, X'81' X'81', two flag bytes,
// width, height, then units, resolutions, cell size, buffer size
static std::vector<u8> usableArea(unsigned w, unsigned h)
{
    return { 0x00, 0x17, 0x81, 0x81, 0x01, 0x00, (u8)(w >> 8), (u8)w, (u8)(h >> 8), (u8)h,
             0x00, 0x00, 0x0A, 0x02, 0xE5, 0x00, 0x02, 0x00, 0x6F, 0x09, 0x0C, 0x0D, 0x70 };
}

// Query Reply (Implicit Partition): length, X'81' X'A6', reserved, the
// size parameter: X'0B' X'01' flags, default 80 x 24, alternate w x h
static std::vector<u8> implicitPartition(unsigned w, unsigned h)
{
    return { 0x00, 0x11, 0x81, 0xA6, 0x00, 0x00, 0x0B, 0x01, 0x00, 0x00, 0x50, 0x00, 0x18,
             (u8)(w >> 8), (u8)w, (u8)(h >> 8), (u8)h };
}

static std::vector<u8> record(std::initializer_list<std::vector<u8>> fields)
{
    std::vector<u8> r = { Q3270_AID };
    for (auto &f : fields)
        r.insert(r.end(), f.begin(), f.end());
    return r;
}

TEST(QueryReply, TheQueryIsReadPartitionQueryForEveryPartition)
{
    const u8 want[] = { 0x00, 0x05, 0x01, 0xFF, 0x02 };
    MEMCMP_EQUAL(want, q3270_query, sizeof want);
}

TEST(QueryReply, TheImplicitPartitionsAlternateSizeWins)
{
    auto r = record({ usableArea(80, 43), implicitPartition(80, 43) });
    unsigned rows = 0, cols = 0;
    CHECK(q3270_size(r.data(), (unsigned)r.size(), &rows, &cols));
    LONGS_EQUAL(43, rows);
    LONGS_EQUAL(80, cols);
    r = record({ implicitPartition(132, 27), usableArea(160, 62) });
    CHECK(q3270_size(r.data(), (unsigned)r.size(), &rows, &cols));
    LONGS_EQUAL(27, rows);
    LONGS_EQUAL(132, cols);
}

TEST(QueryReply, UsableAreaAloneGivesTheSize)
{
    auto r = record({ usableArea(132, 27) });
    unsigned rows = 0, cols = 0;
    CHECK(q3270_size(r.data(), (unsigned)r.size(), &rows, &cols));
    LONGS_EQUAL(27, rows);
    LONGS_EQUAL(132, cols);
}

TEST(QueryReply, AnythingElseGivesNoSize)
{
    unsigned rows = 7, cols = 7;
    auto enter = std::vector<u8>{ 0x7D, 0x40, 0x40 };
    CHECK_FALSE(q3270_size(enter.data(), (unsigned)enter.size(), &rows, &cols));
    auto r = record({ implicitPartition(80, 43) });
    CHECK_FALSE(q3270_size(r.data(), (unsigned)r.size() - 1, &rows, &cols));   // cut short
    auto zero = std::vector<u8>{ Q3270_AID, 0x00, 0x00, 0x81, 0xA6 };           // length 0
    CHECK_FALSE(q3270_size(zero.data(), (unsigned)zero.size(), &rows, &cols));
    CHECK_FALSE(q3270_size(zero.data(), 0, &rows, &cols));
    LONGS_EQUAL(7, rows);                                                       // untouched
    LONGS_EQUAL(7, cols);
}
