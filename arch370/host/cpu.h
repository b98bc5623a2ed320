/* cpu.h (host) - stand-ins for the real machine's instructions, so CP
 * code compiles and runs in host unit tests.  The clock is a variable the
 * test sets; the channel subsystem has no subchannels (CC 3). */
#ifndef ARCH370_HOST_CPU_H
#define ARCH370_HOST_CPU_H

#include "arch370/ccw.h"
#include "arch370/be.h"

#define CPU_REAL 0

extern u64 host_tod_clock;      /* what stck() returns; tests advance it */
extern u64 host_clock_comparator;
extern s64 host_cpu_timer;

static inline int stsch(u32 sid, struct schib *s) { (void)sid; (void)s; return 3; }
static inline int msch(u32 sid, const struct schib *s) { (void)sid; (void)s; return 3; }
static inline int ssch(u32 sid, const struct orb *o) { (void)sid; (void)o; return 3; }
static inline int tsch(u32 sid, struct irb *i) { (void)sid; (void)i; return 3; }
static inline int hsch(u32 sid) { (void)sid; return 3; }
static inline int csch(u32 sid) { (void)sid; return 3; }

/* the prefix page: a big-endian page a test fills as the machine would */
extern u8 host_lowcore[4096];
extern int host_wait_exit;      /* what cpu_wait() returns (arch370/interrupt.h) */
static inline u8 lc_get8(u32 off)   { return host_lowcore[off & 0xFFF]; }
static inline u16 lc_get16(u32 off) { return get_be16(&host_lowcore[off & 0xFFE]); }
static inline u32 lc_get32(u32 off) { return get_be32(&host_lowcore[off & 0xFFC]); }
static inline u64 lc_get64(u32 off) { return get_be64(&host_lowcore[off & 0xFF8]); }
static inline void lc_put32(u32 off, u32 v) { put_be32(&host_lowcore[off & 0xFFC], v); }
static inline void lc_put64(u32 off, u64 v) { put_be64(&host_lowcore[off & 0xFF8], v); }

static inline u64 stck(void)        { return host_tod_clock; }
static inline void sckc(u64 t)      { host_clock_comparator = t; }
static inline void spt(s64 t)       { host_cpu_timer = t; }
static inline s64 stpt(void)        { return host_cpu_timer; }

#define lctl(cr, val)   ((void)(cr), (void)(val))
#define stctl(cr)       ((void)(cr), 0u)

/* storage keys of the frames a test uses: one byte per 4K page of the
 * first 256 MB, so the pager's policy can be tested with reference bits */
#define HOST_KEY_PAGES  65536u
extern u8 host_storage_keys[HOST_KEY_PAGES];
extern u32 host_icount;         /* what icount() returns */

static inline u8 *host_key(u32 addr) { return &host_storage_keys[(addr >> 12) % HOST_KEY_PAGES]; }
static inline u8 iske(u32 addr)     { return *host_key(addr); }
static inline void sske(u32 addr, u8 key) { *host_key(addr) = key & 0xFE; }
static inline int rrbe(u32 addr)
{
    u8 k = *host_key(addr);
    *host_key(addr) = k & ~0x04;
    return (k >> 1) & 3;
}
static inline void ptlb(void)       { }
static inline u32 icount(void)      { return host_icount; }
static inline u64 stidp(void)       { return 0xFF00000003900000ull; }
static inline u16 stap(void)        { return 0; }

static inline const u8 *cpu_find_byte(const u8 *p, u32 n, u8 c)
{
    for (u32 i = 0; i < n; i++)
        if (p[i] == c)
            return p + i;
    return NULL;
}

static inline void cpu_move(void *dst, const void *src, u32 n)
{
    for (u32 i = 0; i < n; i++)
        ((u8 *)dst)[i] = ((const u8 *)src)[i];
}

static inline void cpu_translate(u8 *p, u32 n, const u8 *table)
{
    for (u32 i = 0; i < n; i++)
        p[i] = table[p[i]];
}

#endif
