/* resphist.h - a histogram of response times, for percentiles.
 *
 * Times are kept in microseconds and counted into buckets: 1 ms wide up
 * to 200 ms, 10 ms wide up to 2 s, 100 ms wide up to 20 s, and one for
 * everything longer.  A percentile is the upper edge of the bucket that
 * holds it (never more than the longest time seen), so below 200 ms it
 * is exact to the millisecond.  Count, sum and the longest time are kept
 * exactly.  Histograms add up, so a system-wide figure is the sum of the
 * terminals' ones. */
#ifndef CP_LIB_RESPHIST_H
#define CP_LIB_RESPHIST_H

#include "arch370/types.h"

#define RH_FINE         200     /* 1 ms buckets: 0-199 ms */
#define RH_MEDIUM       180     /* 10 ms buckets: 200 ms - 2 s */
#define RH_COARSE       180     /* 100 ms buckets: 2 s - 20 s */
#define RH_BUCKETS      (RH_FINE + RH_MEDIUM + RH_COARSE + 1)

struct resphist {
    u32 count;
    u64 sum_us;
    u32 max_us;
    u32 bucket[RH_BUCKETS];
};

void rh_clear(struct resphist *h);
void rh_add(struct resphist *h, u32 us);
/* add every time of src into dst */
void rh_merge(struct resphist *dst, const struct resphist *src);
/* the pct-th percentile (1-100, nearest rank) in microseconds; 0 if empty */
u32 rh_percentile(const struct resphist *h, unsigned pct);
/* the mean in microseconds; 0 if empty */
u32 rh_mean(const struct resphist *h);

#endif
