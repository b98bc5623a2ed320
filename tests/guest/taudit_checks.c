/* taudit_checks.c - what each instruction of taudit.def that completes
 * must have done, by key: the registers and storage it is given
 * (prepare), its architected result (verify), and the state to put back
 * for the cases after it (undo).  Results are S/370 results, except for
 * the ESA/390 instructions that run natively, whose results show what
 * docs/history/sensitivity.md says a guest sees. */
#include "taudit.h"

static bool want(char *why, unsigned size, const char *what, u32 expected, u32 got)
{
    if (expected == got)
        return true;
    fmt_snprintf(why, size, "%s: want %X, got %X", what, expected, got);
    return false;
}

#define CC_IS(n) \
    static bool cc_is_##n(const struct run *r, char *why, unsigned size) \
    { return want(why, size, "condition code", n, r->cc); }
CC_IS(0)
CC_IS(1)
CC_IS(3)

static void key_undo(void)
{
    set_key(PAGE_B, 0);
    set_key(PAGE_OUT, 0);
}

/* SSK 2,4 / ISK 2,4 */
static void ssk_prepare(struct run *r) { r->in[2] = 0x30; }
static bool ssk_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "key of the page", 0x30, get_key(PAGE_B) & 0xF8);
}
static void isk_prepare(struct run *r)
{
    set_key(PAGE_B, 0x60);
    r->in[2] = 0xFFFFFF00u;
}
static bool isk_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "R2 (bits 29-31 aside)", 0xFFFFFF60u, r->out[2] & ~7u);
}

/* SSM 0(5), STNSM 0(5),X'00', STOSM 0(5),X'40' */
static void ssm_prepare(struct run *r) { (void)r; *(u8 *)(uintptr_t)PAGE_A = SAFE_MASK; }
static bool ssm_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "system mask", SAFE_MASK, r->psw_mask);
}
static void stnsm_prepare(struct run *r)
{
    r->sysmask = SAFE_MASK;
    *(u8 *)(uintptr_t)PAGE_A = 0xEE;
}
static bool stnsm_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "stored mask", SAFE_MASK, *(u8 *)(uintptr_t)PAGE_A) &&
           want(why, size, "system mask after", 0, r->psw_mask);
}
static void stosm_prepare(struct run *r) { (void)r; *(u8 *)(uintptr_t)PAGE_A = 0xEE; }
static bool stosm_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "stored mask", 0, *(u8 *)(uintptr_t)PAGE_A) &&
           want(why, size, "system mask after", SAFE_MASK, r->psw_mask);
}

/* LPSW 0(5): a PSW with CC 2 that goes on at the STORE MULTIPLE */
static void lpsw_prepare(struct run *r)
{
    *dw(PAGE_A) = with_cc(psw_make(0, 0, false, false, r->at_stm), 2);
}
static bool lpsw_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "condition code of the loaded PSW", 2, r->cc);
}

/* DIAG 2,0,X'60': the storage size */
u32 storage_size;
static bool diag_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "R2 (storage size)", storage_size, r->out[2]);
}

/* SIGP 2,4,1: SENSE of CPU 0, itself */
static void sigp_prepare(struct run *r) { r->in[4] = 0; }

/* MC X'03',0: class 3 not enabled in the guest's CR8 */
static bool mc_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "condition code (unchanged)", 0, r->cc);
}

/* LRA 2,X'123'(5) through a one-page table that maps PAGE_A to PAGE_C */
static u32 segtab[16] __attribute__((aligned(64)));
static u16 pagetab[256] __attribute__((aligned(8)));
static u32 saved_cr0, saved_cr1;
static void lra_prepare(struct run *r)
{
    (void)r;
    for (int i = 0; i < 16; i++)
        segtab[i] = 1;                          /* invalid */
    for (int i = 0; i < 256; i++)
        pagetab[i] = 0x0008;                    /* invalid */
    pagetab[(PAGE_A >> 12) & 0xFF] = (u16)((PAGE_C >> 8) & 0xFFF0);
    segtab[PAGE_A >> 20] = 0xF0000000u | (u32)(uintptr_t)pagetab;
    saved_cr0 = get_cr(0);
    saved_cr1 = get_cr(1);
    set_cr(0, (saved_cr0 & ~0x00F80000u) | 0x00900000u);   /* 4K pages, 1M segments: 10010 */
    set_cr(1, (u32)(uintptr_t)segtab);
}
static bool lra_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "condition code", 0, r->cc) &&
           want(why, size, "R2 (real address)", PAGE_C + 0x123, r->out[2]);
}
static void lra_undo(void)
{
    if (saved_cr0 || saved_cr1) {
        set_cr(0, saved_cr0);
        set_cr(1, saved_cr1);
    }
    saved_cr0 = saved_cr1 = 0;
}

/* STIDP 0(5), STIDC 0, STAP 0(5) */
static void stidp_prepare(struct run *r) { (void)r; *dw(PAGE_A) = 0; }
static bool stidp_verify(const struct run *r, char *why, unsigned size)
{
    (void)r;
    return want(why, size, "version code", 0xFF, (u32)(*dw(PAGE_A) >> 56));
}
static void stidc_prepare(struct run *r) { (void)r; lc_write32(0xA8, 0); }
static bool stidc_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "condition code", 0, r->cc) &&
           want(why, size, "channel ID at X'A8'", 0x10000000u, lc_read32(0xA8));
}
static void stap_prepare(struct run *r) { (void)r; *(u16 *)(uintptr_t)PAGE_A = 0xFFFF; }
static bool stap_verify(const struct run *r, char *why, unsigned size)
{
    (void)r;
    return want(why, size, "CPU address", 0, *(u16 *)(uintptr_t)PAGE_A);
}

/* SCK, SCKC, STCKC, SPT, STPT 0(5) */
#define CKC_VALUE   0xF23456789ABCDE00ull
#define CPU_TIMER   0x0000100000000000ull       /* 2**44 units: about 71 minutes */
static void sck_prepare(struct run *r) { (void)r; *dw(PAGE_A) = get_tod(); }
static void sckc_prepare(struct run *r) { (void)r; *dw(PAGE_A) = CKC_VALUE; }
static bool sckc_verify(const struct run *r, char *why, unsigned size)
{
    static u64 v;
    (void)r;
    asm volatile("stckc %0" : "=Q"(v));
    return want(why, size, "comparator (high word)", (u32)(CKC_VALUE >> 32), (u32)(v >> 32)) &&
           want(why, size, "comparator (low word)", (u32)CKC_VALUE, (u32)v);
}
static void stckc_prepare(struct run *r)
{
    static u64 v = CKC_VALUE;
    (void)r;
    asm volatile("sckc %0" : : "Q"(v));
    *dw(PAGE_A) = 0;
}
static bool stckc_verify(const struct run *r, char *why, unsigned size)
{
    (void)r;
    return want(why, size, "stored comparator (high word)", (u32)(CKC_VALUE >> 32),
                (u32)(*dw(PAGE_A) >> 32));
}
static void ckc_undo(void)
{
    static u64 never = ~0ull;
    asm volatile("sckc %0" : : "Q"(never));
}
static bool timer_near(u64 got, char *why, unsigned size)
{
    /* it only runs down, and by far less than 2**40 units (about 4.5 minutes of
     * virtual CPU time) between the instruction and this check */
    if ((s64)got <= (s64)CPU_TIMER && (s64)got > (s64)(CPU_TIMER - 0x0000010000000000ull))
        return true;
    fmt_snprintf(why, size, "CPU timer %08X%08X, set to %08X%08X", (u32)(got >> 32), (u32)got,
                 (u32)(CPU_TIMER >> 32), (u32)CPU_TIMER);
    return false;
}
static void spt_prepare(struct run *r) { (void)r; *dw(PAGE_A) = CPU_TIMER; }
static bool spt_verify(const struct run *r, char *why, unsigned size)
{
    static u64 v;
    (void)r;
    asm volatile("stpt %0" : "=Q"(v));
    return timer_near(v, why, size);
}
static void stpt_prepare(struct run *r)
{
    static u64 v = CPU_TIMER;
    (void)r;
    asm volatile("spt %0" : : "Q"(v));
    *dw(PAGE_A) = 0;
}
static bool stpt_verify(const struct run *r, char *why, unsigned size)
{
    (void)r;
    return timer_near(*dw(PAGE_A), why, size);
}

/* SPKA X'90' and IPK: key 9, with the result page in key 9 too */
static void spka_prepare(struct run *r) { (void)r; set_key(PAGE_OUT, 0x90); }
static bool spka_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "PSW key", 9, r->psw_key);
}
static void ipk_prepare(struct run *r)
{
    set_key(PAGE_OUT, 0x90);
    r->key = 9;
    r->in[2] = 0xFFFFFFFFu;
}
static bool ipk_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "R2", 0xFFFFFF90u, r->out[2]);
}

/* PTLB: nothing to see but that it completes */
static bool done_verify(const struct run *r, char *why, unsigned size)
{
    (void)r; (void)why; (void)size;
    return true;
}

/* RRB 0(5) of a page just stored into: referenced and changed */
static void rrb_prepare(struct run *r) { (void)r; *word(PAGE_A) = 1; }

/* STCTL 10,10,0(5) and LCTL 10,10,0(5) */
static void stctl_prepare(struct run *r)
{
    (void)r;
    set_cr(10, 0x13572468u);
    *word(PAGE_A) = 0;
}
static bool stctl_verify(const struct run *r, char *why, unsigned size)
{
    (void)r;
    return want(why, size, "stored CR10", 0x13572468u, *word(PAGE_A));
}
static void lctl_prepare(struct run *r) { (void)r; *word(PAGE_A) = 0x2468ACE0u; }
static bool lctl_verify(const struct run *r, char *why, unsigned size)
{
    (void)r;
    return want(why, size, "CR10", 0x2468ACE0u, get_cr(10));
}
static void cr10_undo(void) { set_cr(10, 0); }

/* ESA/390 instructions that run natively (sensitivity.md, section 5) */
static const u8 tam[] = { 0x01, 0x0B };
static const u8 sam31[] = { 0x01, 0x0D };
static void bsm_prepare(struct run *r) { r->in[2] = 0xFFFFFFFFu; }
static bool bsm_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "R2 (bit 0: 24-bit mode)", 0x7FFFFFFFu, r->out[2]);
}
static void bassm_prepare(struct run *r) { r->in[2] = 0xFFFFFFFFu; }
static bool bassm_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "R2 (link address, 24-bit mode)", r->at_post, r->out[2]);
}
static void mvpg_prepare(struct run *r)
{
    r->in[0] = 0;
    for (u32 i = 0; i < 1024; i++) {
        word(PAGE_B)[i] = 0xC0DE0000u | i;
        word(PAGE_C)[i] = 0;
    }
}
static bool mvpg_verify(const struct run *r, char *why, unsigned size)
{
    for (u32 i = 0; i < 1024; i++)
        if (word(PAGE_C)[i] != (0xC0DE0000u | i))
            return want(why, size, "copied word", 0xC0DE0000u | i, word(PAGE_C)[i]);
    return want(why, size, "condition code", 0, r->cc);
}
/* RP 0(5): the parameter list follows the instruction; the PSW at 0(5)
 * has CC 3 and goes on at the STORE MULTIPLE, R5 becomes X'ABCDE0' */
static const u8 rp_parms[] = { 0, 0, 0, 0, 0, 8, 0, 12 };
static void rp_prepare(struct run *r)
{
    word(PAGE_A)[0] = 0x00003000u;
    word(PAGE_A)[1] = r->at_stm;
    word(PAGE_A)[2] = 0;
    word(PAGE_A)[3] = 0x00ABCDE0u;
}
static bool rp_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "condition code", 3, r->cc) &&
           want(why, size, "R5", 0x00ABCDE0u, r->out[5]);
}
/* EPSW 2,4 shows the real PSW: problem state and DAT on, whatever the
 * virtual PSW says - the leak sensitivity.md documents */
static bool epsw_verify(const struct run *r, char *why, unsigned size)
{
    return want(why, size, "problem-state and DAT bits of R2", 0x04010000u,
                r->out[2] & 0x04010000u);
}

const struct check audit_checks[] = {
    { 0x010B, NULL,          cc_is_0,      NULL,      NULL, NULL, 0, 0 },
    { 0x010C, NULL,          cc_is_0,      NULL,      sam31, tam, 2, 2 },
    { 0x010D, NULL,          cc_is_1,      NULL,      NULL, tam, 0, 2 },
    { 0x0800, ssk_prepare,   ssk_verify,   key_undo,  NULL, NULL, 0, 0 },
    { 0x0900, isk_prepare,   isk_verify,   key_undo,  NULL, NULL, 0, 0 },
    { 0x0B00, bsm_prepare,   bsm_verify,   NULL,      NULL, NULL, 0, 0 },
    { 0x0C00, bassm_prepare, bassm_verify, NULL,      NULL, NULL, 0, 0 },
    { 0x8000, ssm_prepare,   ssm_verify,   NULL,      NULL, NULL, 0, 0 },
    { 0x8200, lpsw_prepare,  lpsw_verify,  NULL,      NULL, NULL, 0, 0 },
    { 0x8300, NULL,          diag_verify,  NULL,      NULL, NULL, 0, 0 },
    { 0x9C00, NULL,          cc_is_3,      NULL,      NULL, NULL, 0, 0 },
    { 0x9C01, NULL,          cc_is_3,      NULL,      NULL, NULL, 0, 0 },
    { 0x9C02, NULL,          cc_is_3,      NULL,      NULL, NULL, 0, 0 },
    { 0x9D00, NULL,          cc_is_0,      NULL,      NULL, NULL, 0, 0 },
    { 0x9D01, NULL,          cc_is_0,      NULL,      NULL, NULL, 0, 0 },
    { 0x9E00, NULL,          cc_is_0,      NULL,      NULL, NULL, 0, 0 },
    { 0x9E01, NULL,          cc_is_0,      NULL,      NULL, NULL, 0, 0 },
    { 0x9F00, NULL,          cc_is_0,      NULL,      NULL, NULL, 0, 0 },
    { 0x9F01, NULL,          cc_is_0,      NULL,      NULL, NULL, 0, 0 },
    { 0xAC00, stnsm_prepare, stnsm_verify, NULL,      NULL, NULL, 0, 0 },
    { 0xAD00, stosm_prepare, stosm_verify, NULL,      NULL, NULL, 0, 0 },
    { 0xAE00, sigp_prepare,  cc_is_0,      NULL,      NULL, NULL, 0, 0 },
    { 0xAF00, NULL,          mc_verify,    NULL,      NULL, NULL, 0, 0 },
    { 0xB100, lra_prepare,   lra_verify,   lra_undo,  NULL, NULL, 0, 0 },
    { 0xB202, stidp_prepare, stidp_verify, NULL,      NULL, NULL, 0, 0 },
    { 0xB203, stidc_prepare, stidc_verify, NULL,      NULL, NULL, 0, 0 },
    { 0xB204, sck_prepare,   cc_is_1,      NULL,      NULL, NULL, 0, 0 },
    { 0xB206, sckc_prepare,  sckc_verify,  ckc_undo,  NULL, NULL, 0, 0 },
    { 0xB207, stckc_prepare, stckc_verify, ckc_undo,  NULL, NULL, 0, 0 },
    { 0xB208, spt_prepare,   spt_verify,   NULL,      NULL, NULL, 0, 0 },
    { 0xB209, stpt_prepare,  stpt_verify,  NULL,      NULL, NULL, 0, 0 },
    { 0xB20A, spka_prepare,  spka_verify,  key_undo,  NULL, NULL, 0, 0 },
    { 0xB20B, ipk_prepare,   ipk_verify,   key_undo,  NULL, NULL, 0, 0 },
    { 0xB20D, NULL,          done_verify,  NULL,      NULL, NULL, 0, 0 },
    { 0xB212, stap_prepare,  stap_verify,  NULL,      NULL, NULL, 0, 0 },
    { 0xB213, rrb_prepare,   cc_is_3,      NULL,      NULL, NULL, 0, 0 },
    { 0xB254, mvpg_prepare,  mvpg_verify,  NULL,      NULL, NULL, 0, 0 },
    { 0xB277, rp_prepare,    rp_verify,    NULL,      NULL, rp_parms, 0, sizeof rp_parms },
    { 0xB600, stctl_prepare, stctl_verify, cr10_undo, NULL, NULL, 0, 0 },
    { 0xB700, lctl_prepare,  lctl_verify,  cr10_undo, NULL, NULL, 0, 0 },
    { 0xB98D, NULL,          epsw_verify,  NULL,      NULL, NULL, 0, 0 },
};

const unsigned audit_checks_size = ARRAY_SIZE(audit_checks);
