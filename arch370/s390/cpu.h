/* cpu.h - the real machine's instructions CP needs, as one-line inlines.
 *
 * Bare-metal only (ESA/390, 31-bit).  arch370/host/cpu.h provides the
 * same functions for host unit tests; a file includes "cpu.h" and the
 * build chooses which one by the include path. */
#ifndef ARCH370_S390_CPU_H
#define ARCH370_S390_CPU_H

#include "arch370/ccw.h"

#define CPU_REAL 1

/* ---- channel subsystem (condition code returned) --------------------- */
static inline int stsch(u32 sid, struct schib *s)
{
    register u32 r1 asm("1") = sid;
    int cc;
    asm volatile("stsch 0(%2)\n\tipm %0\n\tsrl %0,28"
                 : "=d"(cc) : "d"(r1), "a"(s) : "cc", "memory");
    return cc;
}

static inline int msch(u32 sid, const struct schib *s)
{
    register u32 r1 asm("1") = sid;
    int cc;
    asm volatile("msch 0(%2)\n\tipm %0\n\tsrl %0,28"
                 : "=d"(cc) : "d"(r1), "a"(s) : "cc", "memory");
    return cc;
}

static inline int ssch(u32 sid, const struct orb *o)
{
    register u32 r1 asm("1") = sid;
    int cc;
    asm volatile("ssch 0(%2)\n\tipm %0\n\tsrl %0,28"
                 : "=d"(cc) : "d"(r1), "a"(o) : "cc", "memory");
    return cc;
}

static inline int tsch(u32 sid, struct irb *i)
{
    register u32 r1 asm("1") = sid;
    int cc;
    asm volatile("tsch 0(%2)\n\tipm %0\n\tsrl %0,28"
                 : "=d"(cc) : "d"(r1), "a"(i) : "cc", "memory");
    return cc;
}

static inline int hsch(u32 sid)
{
    register u32 r1 asm("1") = sid;
    int cc;
    asm volatile("hsch\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "d"(r1) : "cc", "memory");
    return cc;
}

static inline int csch(u32 sid)
{
    register u32 r1 asm("1") = sid;
    int cc;
    asm volatile("csch\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "d"(r1) : "cc", "memory");
    return cc;
}

/* ---- the prefix page (real address 0) --------------------------------
 * Raw reads and writes of low core; arch370/prefix.h names the fields CP
 * reads through them, so no C file touches an absolute address. */
static inline u8 lc_get8(u32 off)   { return *(volatile u8 *)(uintptr_t)off; }
static inline u16 lc_get16(u32 off) { return *(volatile u16 *)(uintptr_t)off; }
static inline u32 lc_get32(u32 off) { return *(volatile u32 *)(uintptr_t)off; }
static inline u64 lc_get64(u32 off) { return *(volatile u64 *)(uintptr_t)off; }
static inline void lc_put32(u32 off, u32 v) { *(volatile u32 *)(uintptr_t)off = v; }
static inline void lc_put64(u32 off, u64 v) { *(volatile u64 *)(uintptr_t)off = v; }

/* ---- clocks and timers ------------------------------------------------ */
static inline u64 stck(void)
{
    u64 t;
    asm volatile("stck %0" : "=Q"(t) : : "cc");
    return t;
}

static inline void sckc(u64 t)   { asm volatile("sckc %0" : : "Q"(t)); }
static inline void spt(s64 t)    { asm volatile("spt %0" : : "Q"(t)); }

static inline s64 stpt(void)
{
    s64 t;
    asm volatile("stpt %0" : "=Q"(t));
    return t;
}

/* ---- control registers ----------------------------------------------- */
#define lctl(cr, val) do { u32 v_ = (val); \
        asm volatile("lctl %c1,%c1,%0" : : "Q"(v_), "i"(cr) : "memory"); } while (0)
#define stctl(cr) ({ u32 v_; \
        asm volatile("stctl %c1,%c1,%0" : "=Q"(v_) : "i"(cr)); v_; })

/* ---- storage keys (4K frames) ---------------------------------------- */
static inline u8 iske(u32 addr)
{
    u32 key = 0;
    asm volatile("iske %0,%1" : "+d"(key) : "a"(addr));
    return (u8)key;
}

static inline void sske(u32 addr, u8 key)
{
    asm volatile("sske %0,%1" : : "d"((u32)key), "a"(addr) : "memory");
}

/* reset reference bit; returns the old reference and change bits as CC */
static inline int rrbe(u32 addr)
{
    int cc;
    asm volatile("rrbe 0,%1\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "a"(addr) : "cc");
    return cc;
}

static inline void ptlb(void)    { asm volatile("ptlb" : : : "memory"); }

/* Hercules' count of instructions executed (DIAGNOSE X'F08' in supervisor
 * state, the one code CP may issue: it only reads a counter); used to
 * measure what CP spends per page fault */
static inline u32 icount(void)
{
    u32 n = 0;
    asm volatile("diag %0,0,0xf08" : "+d"(n) : : "cc", "memory");
    return n;
}

static inline u64 stidp(void)
{
    u64 id;
    asm volatile("stidp %0" : "=Q"(id));
    return id;
}

static inline u16 stap(void)
{
    u16 a;
    asm volatile("stap %0" : "=Q"(a));
    return a;
}

/* ---- strings: one instruction where C needs a loop -------------------- */
/* SEARCH STRING: the first byte c in [p, p + n), or NULL.  CC 3 means
 * the machine stopped early (a CPU-determined amount): go on. */
static inline const u8 *cpu_find_byte(const u8 *p, u32 n, u8 c)
{
    register u32 r0 asm("0") = c;
    u32 end = (u32)(uintptr_t)p + n, at = (u32)(uintptr_t)p;
    int cc;

    if (!n)
        return NULL;
    asm volatile("0:\tsrst\t%0,%1\n\tjo\t0b\n\tipm\t%2\n\tsrl\t%2,28"
                 : "+d"(end), "+d"(at), "=d"(cc) : "d"(r0) : "cc", "memory");
    return cc == 1 ? (const u8 *)(uintptr_t)end : NULL;
}

/* MOVE (MVC, EX for the rest): n bytes, for the short copies of hot
 * paths (a console line), where memcpy's call costs more than the copy;
 * the areas must not overlap */
static inline void cpu_move(void *dst, const void *src, u32 n)
{
    u8 *d = dst;
    const u8 *s = src;

    for (; n >= 256; d += 256, s += 256, n -= 256)
        asm volatile("mvc\t0(256,%0),0(%1)" : : "a"(d), "a"(s) : "memory");
    if (n)
        asm volatile("larl\t1,0f\n\tex\t%2,0(1)\n\tj\t1f\n0:\tmvc\t0(1,%0),0(%1)\n1:"
                     : : "a"(d), "a"(s), "a"(n - 1) : "1", "memory");
}

/* TRANSLATE: each of the n bytes at p replaced by its entry in the
 * 256-byte table (256 bytes an instruction; the rest by EXECUTE) */
static inline void cpu_translate(u8 *p, u32 n, const u8 *table)
{
    for (; n >= 256; p += 256, n -= 256)
        asm volatile("tr\t0(256,%0),0(%1)" : : "a"(p), "a"(table) : "memory");
    if (n)
        asm volatile("larl\t1,0f\n\tex\t%2,0(1)\n\tj\t1f\n0:\ttr\t0(1,%0),0(%1)\n1:"
                     : : "a"(p), "a"(table), "a"(n - 1) : "1", "memory");
}

#endif
