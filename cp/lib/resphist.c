/* resphist.c - a histogram of response times (see resphist.h). */
#include "cp/lib/resphist.h"
#include "cp/lib/string.h"

#define MS      1000u

static unsigned bucket_of(u32 us)
{
    u32 ms = us / MS;

    if (ms < RH_FINE)
        return ms;
    if (ms < 2000)
        return RH_FINE + (ms - RH_FINE) / 10;
    if (ms < 20000)
        return RH_FINE + RH_MEDIUM + (ms - 2000) / 100;
    return RH_BUCKETS - 1;
}

/* the first microsecond above bucket b (the last: no edge, 0) */
static u32 upper_edge(unsigned b)
{
    if (b < RH_FINE)
        return (b + 1) * MS;
    if (b < RH_FINE + RH_MEDIUM)
        return (RH_FINE + (b - RH_FINE + 1) * 10) * MS;
    if (b < RH_BUCKETS - 1)
        return (2000 + (b - RH_FINE - RH_MEDIUM + 1) * 100) * MS;
    return 0;
}

void rh_clear(struct resphist *h)
{
    memset(h, 0, sizeof *h);
}

void rh_add(struct resphist *h, u32 us)
{
    h->count++;
    h->sum_us += us;
    if (us > h->max_us)
        h->max_us = us;
    h->bucket[bucket_of(us)]++;
}

void rh_merge(struct resphist *dst, const struct resphist *src)
{
    dst->count += src->count;
    dst->sum_us += src->sum_us;
    if (src->max_us > dst->max_us)
        dst->max_us = src->max_us;
    for (unsigned b = 0; b < RH_BUCKETS; b++)
        dst->bucket[b] += src->bucket[b];
}

u32 rh_percentile(const struct resphist *h, unsigned pct)
{
    u32 rank, seen = 0;

    if (!h->count)
        return 0;
    if (pct > 100)
        pct = 100;
    /* nearest rank: the smallest time that at least pct % of all are at or below */
    rank = (u32)(((u64)h->count * pct + 99) / 100);
    if (rank == 0)
        rank = 1;
    for (unsigned b = 0; b < RH_BUCKETS; b++) {
        seen += h->bucket[b];
        if (seen >= rank) {
            u32 edge = upper_edge(b);
            return edge && edge < h->max_us ? edge : h->max_us;
        }
    }
    return h->max_us;
}

u32 rh_mean(const struct resphist *h)
{
    return h->count ? (u32)(h->sum_us / h->count) : 0;
}
