/* guest.h - the run-time of the guest test programs.
 *
 * A guest test program is a small S/370 program CP IPLs by name.  Each
 * program checks architectural rules, one per case, and reports
 *     PASS <case>   or   FAIL <case>: <why>
 * on its console, then "SUMMARY <n> cases, <f> failed" and stops in a
 * disabled wait whose address is the number of failures.  Programs are
 * built twice: for BC mode (GUEST_EC 0) and EC mode (GUEST_EC 1), and
 * every interruption the run-time installs uses that PSW format. */
#ifndef GUEST_H
#define GUEST_H

#include "arch370/types.h"

#ifndef GUEST_EC
#define GUEST_EC 1
#endif

/* ---- console (the virtual 3215 at 009, by SIO) ------------------------ */
void con_write(const char *s);
void con_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int con_read(char *buf, int max);               /* waits for a line */

/* ---- the IPL PARM text (registers 0-15 at entry), as ASCII -------------- */
const char *guest_parm(void);
/* the next decimal number in PARM text after blanks, *p moved past it;
 * dflt if there is none */
u32 parm_number(const char **p, u32 dflt);

/* ---- CP commands by DIAGNOSE X'08' with a response buffer ---------------- */
int cp_command(const char *cmd, char *resp, unsigned size, int *rc);

/* ---- reporting -------------------------------------------------------- */
void report(const char *name, bool ok, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#define CHECK(name, cond) report(name, (cond), "%s", #cond)
#define CHECK_EQ(name, want, got) do { \
        unsigned long w_ = (unsigned long)(want), g_ = (unsigned long)(got); \
        report(name, w_ == g_, "want %lX, got %lX", w_, g_); } while (0)
int summary(void) __attribute__((noreturn));    /* report and stop */
void guest_stop(u32 code) __attribute__((noreturn));

/* ---- catching interruptions ------------------------------------------- */
enum trap_class { TRAP_NONE = 0, TRAP_PGM, TRAP_SVC, TRAP_EXT, TRAP_IO, TRAP_RESTART };

struct trap {
    u32 regs[10];               /* r6-r15 of trap_call */
    u32 cls;                    /* enum trap_class that ended the call */
    u32 oldpsw[2];
    u16 code;                   /* interruption code (pgm, svc, ext, io address) */
    u8 ilc;
    u8 pad;
    u32 csw[2];                 /* for I/O */
};

/* Call fn(arg) with the program, SVC, external and I/O new PSWs pointing
 * at a catcher; returns TRAP_NONE if fn returned, else the class of the
 * interruption that ended it (details in *t).  The catcher returns in
 * supervisor state, disabled. */
int trap_call(void (*fn)(void *), void *arg, struct trap *t);

/* ---- PSW and machine helpers ------------------------------------------ */
u64 psw_make(u8 sysmask, u8 key, bool problem, bool wait, u32 ia);
void set_new_psw(u32 loc, u64 psw);
u8 get_sysmask(void);                           /* by STNSM 0xFF */
void enabled_wait(u8 sysmask);                  /* until a trap catches */
static inline u64 get_tod(void)
{
    u64 t;
    asm volatile("stck %0" : "=Q"(t) : : "cc");
    return t;
}
static inline u32 lc_read32(u32 a) { return *(volatile u32 *)(uintptr_t)a; }
static inline u16 lc_read16(u32 a) { return *(volatile u16 *)(uintptr_t)a; }
static inline u8 lc_read8(u32 a) { return *(volatile u8 *)(uintptr_t)a; }
static inline void lc_write32(u32 a, u32 v) { *(volatile u32 *)(uintptr_t)a = v; }

/* S/370 I/O instructions: condition code returned */
int sio(u16 dev);
int tio(u16 dev);
int hio(u16 dev);
int tch(u16 dev);

/* a small formatter and memory functions (shared with CP's library) */
#include "cp/lib/format.h"
#include "cp/lib/string.h"

#endif
