/* taudit.h - shared by the audit's runner (taudit.c) and the checks of
 * what each instruction that completes must have done (taudit_checks.c). */
#ifndef TAUDIT_H
#define TAUDIT_H

#include "guest.h"

/* pages the program itself does not use (it ends well below X'80000') */
#define PAGE_A      0x80000u    /* R5: the operand page */
#define PAGE_B      0x81000u    /* R4 */
#define PAGE_C      0x82000u    /* R2, where one is needed */
#define PAGE_OUT    0x83000u    /* the registers after the instruction */
#define PAGE_GONE   0x84000u    /* released by DIAGNOSE X'10' */

/* a system-mask bit that is harmless in both PSW formats: channel 1 in
 * BC mode (no device there interrupts), PER in EC mode (CR9 enables no
 * event) */
#define SAFE_MASK   0x40

struct run {
    bool problem;
    u8 sysmask, key;            /* of the PSW the code runs with */
    const u8 *pre, *post;       /* instructions around the one tested */
    unsigned pre_len, post_len;
    u32 in[16];                 /* registers loaded before */
    u32 out[16];                /* stored after, if it completed */
    u32 at_post;                /* address of the bytes after the instruction */
    u32 at_stm;                 /* address of the STORE MULTIPLE */
    /* results */
    int cls;
    u16 code;
    u8 ilc, cc, psw_key, psw_mask;
};

/* what an instruction that completes must have done; one per key */
struct check {
    u16 key;                    /* as in taudit.def */
    void (*prepare)(struct run *r);
    bool (*verify)(const struct run *r, char *why, unsigned size);
    void (*undo)(void);
    const u8 *pre, *post;       /* instructions around it, if any */
    unsigned pre_len, post_len;
};

extern const struct check audit_checks[];
extern const unsigned audit_checks_size;
extern u32 storage_size;        /* by DIAGNOSE X'60', at the start */

/* helpers that run in the test's own supervisor state */
void set_key(u32 page, u32 key);
u32 get_key(u32 page);
void set_cr(int n, u32 v);
u32 get_cr(int n);
u64 with_cc(u64 psw, u8 cc);
static inline u64 *dw(u32 addr) { return (u64 *)(uintptr_t)addr; }
static inline u32 *word(u32 addr) { return (u32 *)(uintptr_t)addr; }

#endif
