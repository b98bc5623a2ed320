/* timer.c - CP timers multiplexed on the clock comparator. */
#include "cp/kern/timer.h"
#include "cpu.h"

static struct timer *timers;    /* sorted by expiry */

u64 tod_now(void)
{
    return stck();
}

void timer_cancel(struct timer *t)
{
    struct timer **pp;

    if (!t->armed)
        return;
    for (pp = &timers; *pp; pp = &(*pp)->next) {
        if (*pp == t) {
            *pp = t->next;
            break;
        }
    }
    t->armed = false;
}

void timer_add(struct timer *t, u64 when, void (*fn)(void *), void *arg)
{
    struct timer **pp;

    timer_cancel(t);
    t->when = when;
    t->fn = fn;
    t->arg = arg;
    for (pp = &timers; *pp && (*pp)->when <= when; pp = &(*pp)->next)
        ;
    t->next = *pp;
    *pp = t;
    t->armed = true;
}

u64 timer_next(void)
{
    return timers ? timers->when : ~0ull;
}

void timer_run_expired(void)
{
    u64 now = tod_now();

    while (timers && timers->when <= now) {
        struct timer *t = timers;
        timers = t->next;
        t->armed = false;
        t->fn(t->arg);
    }
}

/* Days from 1900-01-01 to a civil date, and back (proleptic Gregorian). */
static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

void tod_to_civil(u64 tod, struct civil *c)
{
    u64 secs = tod / TOD_SEC;
    u32 days = (u32)(secs / 86400);
    u32 rem = (u32)(secs % 86400);
    int y = 1900;

    c->hour = (int)(rem / 3600);
    c->min = (int)(rem / 60 % 60);
    c->sec = (int)(rem % 60);
    c->wday = (int)((days + 1) % 7);            /* 1900-01-01 was a Monday */
    /* The TOD clock ends in 2042: of its centuries only 1900 is not a
     * leap year, so after 1900 every four years are 1,461 days (a year
     * at a time from 1900 took a few thousand instructions by 2026). */
    if (days >= 365) {
        u32 blocks;
        days -= 365;
        y = 1901;
        blocks = days / 1461;
        days -= blocks * 1461;
        y += 4 * (int)blocks;
    }
    for (;;) {
        u32 n = leap(y) ? 366 : 365;
        if (days < n)
            break;
        days -= n;
        y++;
    }
    c->year = y;
    for (c->month = 0; c->month < 12; c->month++) {
        u32 n = (u32)mdays[c->month] + (c->month == 1 && leap(y));
        if (days < n)
            break;
        days -= n;
    }
    c->month++;
    c->day = (int)days + 1;
}
