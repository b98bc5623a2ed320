/* taudit.c - the sensitivity audit from inside a virtual machine.
 *
 * Every case of taudit.def is run in the virtual supervisor state and in
 * the virtual problem state, first as it is and then as the target of an
 * EXECUTE: the instruction (or the EXECUTE) is placed between a LOAD
 * MULTIPLE that sets all registers and a STORE MULTIPLE and SVC 0 that
 * bring the result back, then run from a PSW of the chosen state.
 * An instruction that should complete has its result checked by the
 * functions of its key in taudit_checks.c; one that should be refused must
 * end in exactly the program interruption taudit.def names, with its own
 * length (or the EXECUTE's, 4) as ILC.  A few more cases at the end check what the table rows
 * cannot say alone: the semiprivileged instructions with authority, an
 * enabled MONITOR CALL, and what becomes of 31-bit mode set natively. */
#include "taudit.h"
#include "arch370/insn.h"
#include "arch370/pgm.h"

enum expect { DONE = 0, OPERATION = PGM_OPERATION, PRIVILEGED = PGM_PRIVILEGED };

struct audit_case {
    u16 key;
    const char *mnemonic;
    u8 expect[2];               /* [0] supervisor state, [1] problem state */
    u8 bytes[6];
};

static const struct audit_case cases[] = {
#define AUDIT(key, mnemonic, sup, prob, ...) { 0x##key, #mnemonic, { sup, prob }, { __VA_ARGS__ } },
#include "taudit.def"
#undef AUDIT
};

/* ---- the runner ------------------------------------------------------ */

static u8 code[64] __attribute__((aligned(8)));
static u32 run_psw[2] __attribute__((aligned(8)));
static struct trap t;

static void put(unsigned *at, const u8 *b, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        code[(*at)++] = b[i];
}

/* LM 0,15,0(1); pre; the instruction; post; STM 0,15,0(1); SVC 0 */
static void lay_out(struct run *r, const u8 *insn)
{
    static const u8 lm[] = { 0x98, 0x0F, 0x10, 0x00 };
    static const u8 stm_svc[] = { 0x90, 0x0F, 0x10, 0x00, 0x0A, 0x00 };
    unsigned at = 0;

    put(&at, lm, sizeof lm);
    put(&at, r->pre, r->pre_len);
    put(&at, insn, insn_length(insn[0]));
    r->at_post = (u32)(uintptr_t)&code[at];
    put(&at, r->post, r->post_len);
    r->at_stm = (u32)(uintptr_t)&code[at];
    put(&at, stm_svc, sizeof stm_svc);
}

static void enter(void *arg)
{
    register u32 r1 asm("1") = (u32)(uintptr_t)arg;

    asm volatile("lpsw %1" : : "d"(r1), "Q"(run_psw[0]) : "memory");
}

static void finish(struct run *r)
{
    volatile u32 *out = (volatile u32 *)(uintptr_t)PAGE_OUT;

    r->code = t.code;
    r->ilc = t.ilc;
    r->psw_mask = (u8)(t.oldpsw[0] >> 24);
    r->psw_key = (u8)(t.oldpsw[0] >> 20) & 0xF;
    r->cc = GUEST_EC ? (u8)(t.oldpsw[0] >> 12) & 3 : (u8)(t.oldpsw[1] >> 28) & 3;
    if (r->cls == TRAP_SVC && r->code == 0)
        for (int i = 0; i < 16; i++)
            r->out[i] = out[i];
}

static void execute(struct run *r)
{
    u64 p = psw_make(r->sysmask, r->key, r->problem, false, (u32)(uintptr_t)code);

    r->in[1] = PAGE_OUT;
    run_psw[0] = (u32)(p >> 32);
    run_psw[1] = (u32)p;
    r->cls = trap_call(enter, r->in, &t);
    finish(r);
}

static void run_defaults(struct run *r, bool problem)
{
    memset(r, 0, sizeof *r);
    r->problem = problem;
    r->in[2] = PAGE_C;
    r->in[4] = PAGE_B;
    r->in[5] = PAGE_A;
}

static bool completed(const struct run *r)
{
    return r->cls == TRAP_SVC && r->code == 0;
}

/* ---- small helpers that run in the test's own supervisor state -------- */

void set_key(u32 page, u32 key)
{
    asm volatile(".insn rr,0x0800,%0,%1" : : "d"(key), "d"(page) : "memory");
}

u32 get_key(u32 page)
{
    u32 key = 0;
    asm volatile(".insn rr,0x0900,%0,%1" : "+d"(key) : "d"(page));
    return key;
}

void set_cr(int n, u32 v)
{
    static u32 w;
    w = v;
    switch (n) {
    case 0:  asm volatile("lctl 0,0,%0" : : "Q"(w)); break;
    case 1:  asm volatile("lctl 1,1,%0" : : "Q"(w)); break;
    case 3:  asm volatile("lctl 3,3,%0" : : "Q"(w)); break;
    case 8:  asm volatile("lctl 8,8,%0" : : "Q"(w)); break;
    default: asm volatile("lctl 10,10,%0" : : "Q"(w)); break;
    }
}

u32 get_cr(int n)
{
    static u32 w;
    switch (n) {
    case 0:  asm volatile("stctl 0,0,%0" : "=Q"(w)); break;
    case 1:  asm volatile("stctl 1,1,%0" : "=Q"(w)); break;
    default: asm volatile("stctl 10,10,%0" : "=Q"(w)); break;
    }
    return w;
}


u64 with_cc(u64 psw, u8 cc)
{
    return GUEST_EC ? psw | (u64)cc << 44 : psw | (u64)cc << 28;
}

/* ---- the table-driven cases ------------------------------------------- */

static const struct check *check_of(u16 key)
{
    for (unsigned i = 0; i < audit_checks_size; i++)
        if (audit_checks[i].key == key)
            return &audit_checks[i];
    return NULL;
}

/* The instruction as the target of EXECUTE: EX 0,0(0,6) with R6 at a copy
 * of it.  A trap then names the EXECUTE (its ILC is 4), and CP must find
 * the target itself (execute_target in cp/vm/priv.c).  The bytes that
 * follow it in line follow the copy too: RESUME PROGRAM's offsets are
 * after the instruction executed, wherever that is. */
static u8 ex_target[16] __attribute__((aligned(8)));

static void copy_target(const u8 *insn, const struct check *k)
{
    unsigned n = insn_length(insn[0]);

    memset(ex_target, 0, sizeof ex_target);
    memcpy(ex_target, insn, n);
    if (k && k->post && k->post_len <= sizeof ex_target - n)
        memcpy(ex_target + n, k->post, k->post_len);
}

static void run_case(const struct audit_case *c, bool problem, bool via_ex)
{
    static const u8 ex[] = { 0x44, 0x00, 0x60, 0x00 };
    const struct check *k = check_of(c->key);
    u8 want = c->expect[problem];
    unsigned len = via_ex ? sizeof ex : insn_length(c->bytes[0]);
    char name[64], why[96];
    struct run r;
    bool ok;

    fmt_snprintf(name, sizeof name, "%s%s in the %s state", c->mnemonic,
                 via_ex ? " as the target of EXECUTE" : "", problem ? "problem" : "supervisor");
    run_defaults(&r, problem);
    copy_target(c->bytes, k);
    r.in[6] = (u32)(uintptr_t)ex_target;
    if (k) {
        r.pre = k->pre;
        r.pre_len = k->pre_len;
        r.post = k->post;
        r.post_len = k->post_len;
    }
    lay_out(&r, via_ex ? ex : c->bytes);
    if (k && k->prepare)
        k->prepare(&r);
    execute(&r);
    if (want != DONE) {
        report(name, r.cls == TRAP_PGM && r.code == want && r.ilc == len,
               "want program interruption %04X ILC %u, got class %d code %04X ILC %u",
               want, len, r.cls, r.code, r.ilc);
    } else if (!completed(&r)) {
        report(name, false, "did not complete: class %d code %04X ILC %u", r.cls, r.code, r.ilc);
    } else if (!k || !k->verify) {
        report(name, false, "completed, but taudit.c has no check for its result");
    } else {
        why[0] = 0;
        ok = k->verify(&r, why, sizeof why);
        report(name, ok, "%s", why);
    }
    if (k && k->undo)
        k->undo();
}

/* ---- cases beyond the table ------------------------------------------- */

static void semiprivileged_with_authority(void)
{
    static const u8 spka9[] = { 0xB2, 0x0A, 0x00, 0x90 };
    static const u8 ipk[] = { 0xB2, 0x0B, 0x00, 0x00 };
    struct run r;

    set_key(PAGE_OUT, 0x90);
    set_cr(3, 0x00400000u);                     /* PSW-key mask: key 9 only */
    run_defaults(&r, true);
    lay_out(&r, spka9);
    execute(&r);
    report("SPKA in the problem state sets a key the guest's CR3 allows",
           completed(&r) && r.psw_key == 9, "class %d code %04X key %u", r.cls, r.code, r.psw_key);
    set_cr(3, 0x80000000u);                     /* key 0 only */
    run_defaults(&r, true);
    lay_out(&r, spka9);
    execute(&r);
    report("SPKA in the problem state of a key CR3 does not allow is privileged",
           r.cls == TRAP_PGM && r.code == PGM_PRIVILEGED, "class %d code %04X", r.cls, r.code);
    set_cr(3, 0);

    set_cr(0, get_cr(0) | 0x08000000u);         /* extraction authority */
    run_defaults(&r, true);
    r.key = 9;
    r.in[2] = 0xFFFFFFFFu;
    lay_out(&r, ipk);
    execute(&r);
    report("IPK in the problem state with CR0 bit 4 on inserts the key",
           completed(&r) && r.out[2] == 0xFFFFFF90u, "class %d code %04X R2 %08X",
           r.cls, r.code, r.out[2]);
    set_cr(0, get_cr(0) & ~0x08000000u);
    set_key(PAGE_OUT, 0);
}

static void monitor_call_enabled(bool problem)
{
    static const u8 mc[] = { 0xAF, 0x03, 0x01, 0x23 };
    struct run r;

    set_cr(8, 0x00001000u);                     /* class 3 */
    run_defaults(&r, problem);
    lay_out(&r, mc);
    execute(&r);
    set_cr(8, 0);
    report(problem ? "MC of an enabled class in the problem state is a monitor event"
                   : "MC of an enabled class in the supervisor state is a monitor event",
           r.cls == TRAP_PGM && r.code == PGM_MONITOR && lc_read16(0x94) == 3 &&
           lc_read32(0x9C) == 0x123, "class %d code %04X class %04X code %08X",
           r.cls, r.code, lc_read16(0x94), lc_read32(0x9C));
}

static void release_page(u32 page)
{
    register u32 rx asm("2") = page;
    register u32 ry asm("4") = page;

    *word(page) = 1;
    asm volatile("diag %0,%1,0x010" : : "d"(rx), "d"(ry) : "memory");
}

/* SAM31, then an exit the guest does not see, then TEST ADDRESSING MODE */
static void amode_survives_exits(bool problem)
{
    static const u8 sam31[] = { 0x01, 0x0D };
    static const u8 ptlb_tam[] = { 0xB2, 0x0D, 0x00, 0x00, 0x01, 0x0B };
    static const u8 load_tam[] = { 0x58, 0x00, 0x50, 0x00, 0x01, 0x0B };
    struct run r;

    run_defaults(&r, problem);
    r.post = problem ? load_tam : ptlb_tam;
    r.post_len = 6;
    r.in[5] = PAGE_GONE;
    release_page(PAGE_GONE);
    lay_out(&r, sam31);
    execute(&r);
    report(problem ? "31-bit mode set by SAM31 survives a page fault CP handles"
                   : "31-bit mode set by SAM31 survives an instruction CP simulates",
           completed(&r) && r.cc == 1, "class %d code %04X TAM CC %u", r.cls, r.code, r.cc);
}

static void lpsw_ends_amode(void)
{
    static const u8 sam31[] = { 0x01, 0x0D };
    static const u8 lpsw[] = { 0x82, 0x00, 0x50, 0x00 };
    static const u8 tam[] = { 0x01, 0x0B };
    struct run r;
    u64 p;

    run_defaults(&r, false);
    r.pre = sam31;
    r.pre_len = 2;
    r.post = tam;
    r.post_len = 2;
    lay_out(&r, lpsw);
    p = psw_make(0, 0, false, false, r.at_post);
    *dw(PAGE_A) = p;
    execute(&r);
    report("LPSW loads a S/370 PSW: 24-bit mode again",
           completed(&r) && r.cc == 0, "class %d code %04X TAM CC %u", r.cls, r.code, r.cc);
}

/* MOVE PAGE with the condition-code option on a page CP took back: the
 * guest learns which of its pages have real frames (sensitivity.md,
 * section 5) */
static void move_page_sees_residency(void)
{
    static const u8 mvpg[] = { 0xB2, 0x54, 0x00, 0x24 };
    struct run r;

    run_defaults(&r, false);
    r.in[0] = 0x100;                            /* condition-code option */
    r.in[4] = PAGE_GONE;
    release_page(PAGE_GONE);
    lay_out(&r, mvpg);
    execute(&r);
    report("MVPG with the CC option tells a page CP released: CC 2",
           completed(&r) && r.cc == 2, "class %d code %04X CC %u", r.cls, r.code, r.cc);
}

/* SAM31, then a branch to 16 MB: no S/370 PSW can hold that address, and
 * it is beyond the guest's storage, so CP presents an addressing exception
 * for the instruction fetch (ILC 0) with the low 24 bits of the address */
static void branch_beyond_16mb(bool problem)
{
    static const u8 sam31[] = { 0x01, 0x0D };
    static const u8 br3[] = { 0x07, 0xF3 };
    struct run r;
    u32 ia;

    run_defaults(&r, problem);
    r.pre = sam31;
    r.pre_len = 2;
    r.in[3] = 0x01000010u;
    lay_out(&r, br3);
    execute(&r);
    ia = t.oldpsw[1] & 0x00FFFFFFu;
    report(problem ? "A branch beyond 16 MB in 31-bit mode in the problem state is an "
                     "addressing exception"
                   : "A branch beyond 16 MB in 31-bit mode in the supervisor state is an "
                     "addressing exception",
           r.cls == TRAP_PGM && r.code == PGM_ADDRESSING && r.ilc == 0 && ia == 0x000010u,
           "class %d code %04X ILC %u old PSW address %06X", r.cls, r.code, r.ilc, ia);
}

int main(void)
{
    register u32 size asm("2") = 0;

    asm volatile("diag %0,0,0x60" : "+d"(size));
    storage_size = size;
    con_printf("TAUDIT start (%s mode), %u cases", GUEST_EC ? "EC" : "BC",
               (unsigned)ARRAY_SIZE(cases));
    for (unsigned i = 0; i < ARRAY_SIZE(cases); i++) {
        run_case(&cases[i], false, false);
        run_case(&cases[i], true, false);
    }
    for (unsigned i = 0; i < ARRAY_SIZE(cases); i++) {
        run_case(&cases[i], false, true);
        run_case(&cases[i], true, true);
    }
    semiprivileged_with_authority();
    monitor_call_enabled(false);
    monitor_call_enabled(true);
    amode_survives_exits(false);
    amode_survives_exits(true);
    lpsw_ends_amode();
    branch_beyond_16mb(false);
    branch_beyond_16mb(true);
    move_page_sees_residency();
    return 0;
}
