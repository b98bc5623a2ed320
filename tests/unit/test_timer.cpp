// test_timer.cpp - CP timers and TOD clock conversions.
extern "C" {
#include "cp/kern/timer.h"
#include "cpu.h"
}
#include <CppUTest/TestHarness.h>

static int fired[4];
static void fire(void *arg) { fired[(intptr_t)arg]++; }

TEST_GROUP(Timers) { void setup() { memset(fired, 0, sizeof fired); } };

TEST(Timers, ExpireInDeadlineOrderAndOnlyWhenDue)
{
    struct timer a = {}, b = {}, c = {};
    u64 now = host_tod_clock;
    timer_add(&a, now + 3 * TOD_SEC, fire, (void *)1);
    timer_add(&b, now + 1 * TOD_SEC, fire, (void *)2);
    timer_add(&c, now + 2 * TOD_SEC, fire, (void *)3);
    CHECK(timer_next() == now + TOD_SEC);
    host_tod_clock = now + 2 * TOD_SEC;
    timer_run_expired();
    LONGS_EQUAL(0, fired[1]);
    LONGS_EQUAL(1, fired[2]);
    LONGS_EQUAL(1, fired[3]);
    CHECK(timer_next() == now + 3 * TOD_SEC);
    timer_cancel(&a);
    CHECK(timer_next() == ~0ull);
    host_tod_clock = now;
}

TEST(Timers, ReaddingATimerMovesIt)
{
    struct timer a = {};
    u64 now = host_tod_clock;
    timer_add(&a, now + 5 * TOD_SEC, fire, (void *)1);
    timer_add(&a, now + 1 * TOD_SEC, fire, (void *)1);
    CHECK(timer_next() == now + TOD_SEC);
    timer_cancel(&a);
    CHECK_FALSE(a.armed);
}

TEST(Timers, TodToCivilTime)
{
    struct civil c;
    tod_to_civil(0, &c);                               // the TOD epoch
    LONGS_EQUAL(1900, c.year);
    LONGS_EQUAL(1, c.month);
    LONGS_EQUAL(1, c.day);
    LONGS_EQUAL(1, c.wday);                            // a Monday
    // 2000-02-29 12:34:56: 36524 days + 59 days after 1900-01-01
    u64 secs = (u64)(36524 + 59) * 86400 + 12 * 3600 + 34 * 60 + 56;
    tod_to_civil(secs * TOD_SEC, &c);
    LONGS_EQUAL(2000, c.year);
    LONGS_EQUAL(2, c.month);
    LONGS_EQUAL(29, c.day);
    LONGS_EQUAL(12, c.hour);
    LONGS_EQUAL(34, c.min);
    LONGS_EQUAL(56, c.sec);
    LONGS_EQUAL(2, c.wday);                            // a Tuesday
}

TEST(Timers, TodToCivilTimeAtTheEndsOfYearsAndOfTheClock)
{
    struct civil c;
    tod_to_civil((u64)364 * 86400 * TOD_SEC, &c);       // 1900-12-31: 1900 not leap
    LONGS_EQUAL(1900, c.year);
    LONGS_EQUAL(12, c.month);
    LONGS_EQUAL(31, c.day);
    tod_to_civil((u64)365 * 86400 * TOD_SEC, &c);
    LONGS_EQUAL(1901, c.year);
    LONGS_EQUAL(1, c.month);
    LONGS_EQUAL(1, c.day);
    // 2026-12-31: 46385 days after 1900-01-01 (126 years, 31 of them leap)
    tod_to_civil((u64)(126 * 365 + 31 + 364) * 86400 * TOD_SEC, &c);
    LONGS_EQUAL(2026, c.year);
    LONGS_EQUAL(12, c.month);
    LONGS_EQUAL(31, c.day);
    tod_to_civil(~0ull, &c);                            // the last TOD value
    LONGS_EQUAL(2042, c.year);
    LONGS_EQUAL(9, c.month);
    LONGS_EQUAL(17, c.day);
}
