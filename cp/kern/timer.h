/* timer.h - TOD clock, CP timers on the clock comparator, CPU timer.
 *
 * The TOD clock counts 2**-12 microseconds in bit 63 (bit 51 is one
 * microsecond) from 1900-01-01 00:00 UTC.  CP multiplexes the single
 * clock comparator among its timers (terminal delays, guest clock
 * comparators, SLEEP ...): the earliest deadline is loaded before every
 * enabled point, and an expired timer's function runs from the
 * external-interruption handler, so it must not sleep. */
#ifndef CP_KERN_TIMER_H
#define CP_KERN_TIMER_H

#include "arch370/types.h"

#define TOD_USEC        4096ull                 /* TOD units per microsecond */
#define TOD_MSEC        (1000 * TOD_USEC)
#define TOD_SEC         (1000000 * TOD_USEC)

struct timer {
    u64 when;                   /* TOD value of expiry */
    void (*fn)(void *arg);
    void *arg;
    struct timer *next;
    bool armed;
};

u64 tod_now(void);

void timer_add(struct timer *t, u64 when, void (*fn)(void *), void *arg);
void timer_cancel(struct timer *t);
/* earliest armed deadline, or ~0 */
u64 timer_next(void);
/* run all expired timers */
void timer_run_expired(void);

/* civil time of a TOD value (UTC) */
struct civil {
    int year, month, day, hour, min, sec, wday;
};
void tod_to_civil(u64 tod, struct civil *c);

#endif
