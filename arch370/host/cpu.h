/* cpu.h (host) - stand-ins for the real machine's instructions, so CP
 * code compiles and runs in host unit tests.  The clock is a variable the
 * test sets; the channel subsystem has no subchannels (CC 3). */
#ifndef ARCH370_HOST_CPU_H
#define ARCH370_HOST_CPU_H

#include "arch370/ccw.h"

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

static inline u64 stck(void)        { return host_tod_clock; }
static inline void sckc(u64 t)      { host_clock_comparator = t; }
static inline void spt(s64 t)       { host_cpu_timer = t; }
static inline s64 stpt(void)        { return host_cpu_timer; }

#define lctl(cr, val)   ((void)(cr), (void)(val))
#define stctl(cr)       ((void)(cr), 0u)

static inline u8 iske(u32 addr)     { (void)addr; return 0; }
static inline void sske(u32 addr, u8 key) { (void)addr; (void)key; }
static inline int rrbe(u32 addr)    { (void)addr; return 0; }
static inline void ptlb(void)       { }
static inline u64 stidp(void)       { return 0xFF00000003900000ull; }
static inline u16 stap(void)        { return 0; }

#endif
