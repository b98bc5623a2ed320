// test_resphist.cpp - the response-time histogram (cp/lib/resphist.c)
// behind INDICATE RESPONSE: percentiles by nearest rank, exact to the
// millisecond below 200 ms, never above the longest time seen.
#include <CppUTest/TestHarness.h>

extern "C" {
#include "cp/lib/resphist.h"
}

TEST_GROUP(RespHist) {
    struct resphist h;
    void setup() override { rh_clear(&h); }
};

TEST(RespHist, AnEmptyHistogramHasNoPercentileAndNoMean)
{
    UNSIGNED_LONGS_EQUAL(0, rh_percentile(&h, 50));
    UNSIGNED_LONGS_EQUAL(0, rh_mean(&h));
}

TEST(RespHist, PercentilesAreTheNearestRankToTheMillisecond)
{
    for (unsigned ms = 1; ms <= 100; ms++)
        rh_add(&h, ms * 1000 - 500);        // 0.5, 1.5 ... 99.5 ms
    UNSIGNED_LONGS_EQUAL(100, h.count);
    // the 50th time is 49.5 ms, in the bucket 49-50 ms: its upper edge
    UNSIGNED_LONGS_EQUAL(50000, rh_percentile(&h, 50));
    UNSIGNED_LONGS_EQUAL(95000, rh_percentile(&h, 95));
    // the 100th is the longest time itself, not its bucket's edge
    UNSIGNED_LONGS_EQUAL(99500, rh_percentile(&h, 100));
    UNSIGNED_LONGS_EQUAL(50000, rh_mean(&h));
}

TEST(RespHist, APercentileIsNeverAboveTheLongestTime)
{
    rh_add(&h, 12345);
    UNSIGNED_LONGS_EQUAL(12345, rh_percentile(&h, 50));
    UNSIGNED_LONGS_EQUAL(12345, rh_percentile(&h, 95));
    UNSIGNED_LONGS_EQUAL(12345, h.max_us);
}

TEST(RespHist, LongTimesFallIntoCoarserBuckets)
{
    rh_add(&h, 1000);
    rh_add(&h, 254000);         // 250-260 ms
    rh_add(&h, 3456000);        // 3.4-3.5 s
    rh_add(&h, 60000000);       // a minute: beyond the last edge
    UNSIGNED_LONGS_EQUAL(260000, rh_percentile(&h, 50));
    UNSIGNED_LONGS_EQUAL(3500000, rh_percentile(&h, 75));
    UNSIGNED_LONGS_EQUAL(60000000, rh_percentile(&h, 95));
}

TEST(RespHist, MergedHistogramsGiveTheFiguresOfAllTheirTimes)
{
    struct resphist a, b;
    rh_clear(&a);
    rh_clear(&b);
    for (int i = 0; i < 90; i++)
        rh_add(&a, 10000);      // 10 ms
    for (int i = 0; i < 10; i++)
        rh_add(&b, 150000);     // 150 ms
    rh_merge(&h, &a);
    rh_merge(&h, &b);
    UNSIGNED_LONGS_EQUAL(100, h.count);
    UNSIGNED_LONGS_EQUAL(11000, rh_percentile(&h, 90));
    UNSIGNED_LONGS_EQUAL(150000, rh_percentile(&h, 95));
    UNSIGNED_LONGS_EQUAL(150000, h.max_us);
    UNSIGNED_LONGS_EQUAL(24000, rh_mean(&h));
}
