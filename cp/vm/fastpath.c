/* fastpath.c - the exit path for the common traps (see fastpath.h).
 *
 * Each case below is the success case of a handler in priv_psw.c,
 * priv_key.c, priv_timer.c or reflect.c, done on the exit's saved state:
 * the general handler stays the one definition of the instruction, and
 * anything but its plain success (an exception of any kind, a page not in
 * storage, a shared page) is found here before anything changes and left
 * to it.  Guest storage is reached with gmem_fast(), which finds a
 * resident page through CP's own page table of the guest: no copy of a
 * frame address is kept here, so nothing needs invalidating when CP pages
 * (a page CP took is simply not resident, and the exit goes the general
 * way, which brings it in). */
#include "cp/vm/fastpath.h"
#include "cp/vm/priv.h"
#include "cp/vm/vmdebug.h"
#include "cp/kern/intr.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"
#include "arch370/prefix.h"
#include "arch370/lowcore.h"
#include "arch370/be.h"

#define CR0_SSM_SUPPRESS    0x40000000u     /* bit 1 */
#define CR0_CLOCK_COMP      0x00000800u     /* bit 20 */
#define EC_SYSMASK_MBZ      0xB8            /* bits 0, 2-4 of an EC system mask */
#define FAST_MIN_RUN        ((s64)TOD_USEC) /* as assist.c: a slice that short is over */

/* the exit being handled: the guest's PSW after the run (CC, program
 * mask and instruction address folded in from the real PSW), and what a
 * case changes, stored into the VM only when the case is done */
struct fast {
    struct vm *vm;
    const u8 *b;        /* the instruction's bytes, in guest storage */
    u64 psw;
    u64 esa_mode;       /* PSW_ESA_MODE bits the guest keeps */
    bool rearm;         /* CP's clock comparator must be set again */
    u32 pgm_loop;       /* vm->pgm_loop after this exit */
    bool check;         /* the PSW or CPU timer changed: assist_go_on() */
};

bool fast_allowed(struct vm *vm, bool per)
{
    return vm->user->assist_on && !per &&
           !(vm->debug && (vm->debug->trace || vm->debug->adstop_armed)) &&
           !psw370_dat(vm->cpu.psw);
}

/* ---- operands ----------------------------------------------------------
 * With the guest's DAT off an operand address is a guest real address;
 * bits 0-7 are dropped as priv_ea() does.  The base register is in the
 * high nibble of byte 2 (S and SI format), the displacement in the rest. */
static u32 ea_s(struct vm *vm, const u8 *b)
{
    u8 base = b[2] >> 4;
    u32 d = (u32)(b[2] & 0x0F) << 8 | b[3];

    return ((base ? vm->cpu.ctx.gpr[base] : 0) + d) & GADDR_MASK;
}

/* the operand in place, when inside one resident page; NULL otherwise */
static u8 *operand(struct vm *vm, u32 ea, u32 len, bool store)
{
    return gmem_fast(&vm->mem, ea, len, store);
}

/* ---- the PSW instructions (priv_psw.c) ----------------------------------- */

/* the new system mask, unless an EC PSW would get bits that must be zero
 * (a specification exception: the general path) */
static bool mask_ok(const struct fast *f, u8 mask)
{
    return !(psw370_is_ec(f->psw) && (mask & EC_SYSMASK_MBZ));
}

static void set_mask(struct fast *f, u8 mask)
{
    if (mask == (u8)(f->psw >> 56))
        return;                         /* the same: nothing to look at */
    f->psw = (f->psw & ~((u64)0xFF << 56)) | (u64)mask << 56;
    f->check = true;
}

static int fast_ssm(struct fast *f)
{
    const u8 *p;

    if (f->vm->cpu.cr[0] & CR0_SSM_SUPPRESS)
        return FAST_NOT_MINE;
    p = operand(f->vm, ea_s(f->vm, f->b), 1, false);
    if (!p || !mask_ok(f, *p))
        return FAST_NOT_MINE;
    set_mask(f, *p);
    return FAST_RESUME;
}

/* STNSM (or_op false), STOSM: the old mask to the first operand */
static int fast_stxsm(struct fast *f, bool or_op)
{
    u8 old = (u8)(f->psw >> 56), i2 = f->b[1];
    u8 mask = or_op ? (u8)(old | i2) : (u8)(old & i2);
    u8 *p = operand(f->vm, ea_s(f->vm, f->b), 1, true);

    if (!p || !mask_ok(f, mask))
        return FAST_NOT_MINE;
    *p = old;
    set_mask(f, mask);
    return FAST_RESUME;
}

static int fast_lpsw(struct fast *f)
{
    u32 ea = ea_s(f->vm, f->b);
    const u8 *p = (ea & 7) ? NULL : operand(f->vm, ea, 8, false);

    if (!p)
        return FAST_NOT_MINE;
    f->psw = get_be64(p);
    f->esa_mode = 0;
    f->check = true;
    return FAST_RESUME;
}

/* SPKA and IPK are semiprivileged: in the problem state their authority
 * comes from the guest's control registers (the general path asks) */
static int fast_spka(struct fast *f)
{
    u8 key = (u8)((ea_s(f->vm, f->b) >> 4) & 0xF);

    f->psw = (f->psw & ~PSW_KEY_MASK) | (u64)key << PSW_KEY_SHIFT;
    return FAST_RESUME;
}

static int fast_ipk(struct fast *f)
{
    u32 *r2 = &f->vm->cpu.ctx.gpr[2];

    *r2 = (*r2 & 0xFFFFFF00u) | (u32)psw_key(f->psw) << 4;
    return FAST_RESUME;
}

/* ---- storage keys (priv_key.c) ---------------------------------------------
 * The 2K block in R2 bits 8-20, inside the guest's storage (a saved
 * segment's pages beyond it, and bits 28-31 set, go the general way). */
static bool key_block(struct vm *vm, const u32 *gpr, u8 regs, u32 *addr)
{
    u32 v = gpr[regs & 0x0F];

    *addr = v & 0x00FFF800u;
    return !(v & 0x0F) && *addr < vm->mem.size;
}

/* on the guest's registers gpr (the saved context, or the interruption
 * stub's save area); regs is the instruction's R1/R2 byte */
static int key_isk(struct vm *vm, u32 *gpr, u8 regs, u64 psw)
{
    u32 addr, *r1 = &gpr[regs >> 4];
    u8 key;

    if (!key_block(vm, gpr, regs, &addr))
        return FAST_NOT_MINE;
    key = gspace_get_key(&vm->mem, addr) & 0xFE;
    if (!psw370_is_ec(psw))
        key &= 0xF8;
    *r1 = (*r1 & 0xFFFFFF00u) | key;
    return FAST_RESUME;
}

/* a shared page may need a private copy (which may sleep): general path */
static int key_ssk(struct vm *vm, const u32 *gpr, u8 regs)
{
    struct gspace *gs = &vm->mem;
    u32 addr;

    if (!key_block(vm, gpr, regs, &addr) || (gs->pages[addr / PAGE_SIZE].flags & GP_SHARED))
        return FAST_NOT_MINE;
    gspace_set_key(gs, addr, (u8)(gpr[regs >> 4] & 0xFE));
    return FAST_RESUME;
}

static int fast_isk(struct fast *f)
{
    return key_isk(f->vm, f->vm->cpu.ctx.gpr, f->b[1], f->psw);
}

static int fast_ssk(struct fast *f)
{
    return key_ssk(f->vm, f->vm->cpu.ctx.gpr, f->b[1]);
}

/* ---- timers (priv_timer.c) ------------------------------------------------ */

/* the doubleword operand in place, or NULL (not aligned: specification) */
static u8 *dword(struct fast *f, bool store)
{
    u32 ea = ea_s(f->vm, f->b);

    return (ea & 7) ? NULL : operand(f->vm, ea, 8, store);
}

static int fast_spt(struct fast *f)
{
    const u8 *p = dword(f, false);

    if (!p)
        return FAST_NOT_MINE;
    f->vm->cpu.cpu_timer = (s64)get_be64(p);
    f->check = true;
    return FAST_RESUME;
}

static int fast_stpt(struct fast *f)
{
    u8 *p = dword(f, true);

    if (!p)
        return FAST_NOT_MINE;
    put_be64(p, (u64)f->vm->cpu.cpu_timer);
    return FAST_RESUME;
}

/* A comparator already passed makes a clock-comparator interruption
 * pending at once: when the guest is enabled for it, the round takes it
 * before the next instruction. */
static int fast_sckc(struct fast *f)
{
    struct vcpu *c = &f->vm->cpu;
    const u8 *p = dword(f, false);

    if (!p)
        return FAST_NOT_MINE;
    c->clock_comparator = get_be64(p);
    vtimer_arm_ckc(f->vm);
    f->rearm = true;
    if ((c->cr[0] & CR0_CLOCK_COMP) && psw_ext_enabled(f->psw) && tod_now() >= c->clock_comparator)
        return FAST_ROUND;
    return FAST_RESUME;
}

static int fast_stckc(struct fast *f)
{
    u8 *p = dword(f, true);

    if (!p)
        return FAST_NOT_MINE;
    put_be64(p, f->vm->cpu.clock_comparator);
    return FAST_RESUME;
}

/* ---- DIAGNOSE X'60' -----------------------------------------------------------
 * Answered by the same DIAGNOSE table as always (diag/), which never
 * sleeps for this code; any other code goes the general way. */
#define DIAG_STORAGE_SIZE   0x60

static int fast_diag(struct fast *f)
{
    struct vm *vm = f->vm;
    struct insn in = {
        .r1 = f->b[1] >> 4, .r3 = f->b[1] & 0x0F,
        .b2 = f->b[2] >> 4, .d2 = (u16)((f->b[2] & 0x0F) << 8 | f->b[3]),
    };
    u16 code = (u16)((in.b2 ? vm->cpu.ctx.gpr[in.b2] : 0) + in.d2);
    u64 psw = vm->cpu.psw;
    int rc;

    if (code != DIAG_STORAGE_SIZE)
        return FAST_NOT_MINE;
    vm->cpu.psw = f->psw;               /* a handler may set the CC in it */
    rc = priv_diagnose(vm, &in);
    f->psw = vm->cpu.psw;
    vm->cpu.psw = psw;
    return rc ? FAST_NOT_MINE : FAST_RESUME;
}

/* ---- privileged operation ------------------------------------------------------ */

/* The program-check loop count (dispatch.c's program_loop): an exception
 * at the first instruction of the guest's program-check handler, again
 * and again, stops the VM; the general path does that. */
static bool loop_check(struct fast *f, u32 at)
{
    struct vm *vm = f->vm;

    f->pgm_loop = 0;
    if (at == vm->pgm_new_ia && vm->pgm_reflected)
        f->pgm_loop = vm->pgm_loop + 1;
    return f->pgm_loop < PGM_LOOP_LIMIT;
}

static int fast_privileged(struct fast *f, u8 ilc)
{
    struct vm *vm = f->vm;
    u32 at = (psw370_ia(f->psw) - ilc) & GADDR_MASK;

    /* the instruction, in a resident page */
    f->b = ilc ? operand(vm, at, ilc, false) : NULL;
    if (!f->b || !loop_check(f, at) || psw_problem(f->psw))
        return FAST_NOT_MINE;
    switch (f->b[0]) {
    case 0x80: return fast_ssm(f);
    case 0x82: return fast_lpsw(f);
    case 0x83: return fast_diag(f);
    case 0xAC: return fast_stxsm(f, false);
    case 0xAD: return fast_stxsm(f, true);
    case 0x08: return fast_ssk(f);
    case 0x09: return fast_isk(f);
    case 0xB2:
        switch (f->b[1]) {
        case 0x06: return fast_sckc(f);
        case 0x07: return fast_stckc(f);
        case 0x08: return fast_spt(f);
        case 0x09: return fast_stpt(f);
        case 0x0A: return fast_spka(f);
        case 0x0B: return fast_ipk(f);
        }
    }
    return FAST_NOT_MINE;
}

/* ---- reflection (reflect.c) -------------------------------------------------
 * The old PSW into the guest's page 0, the new one out of it, when page 0
 * is resident and its own (a shared page 0 would need a copy). */
static int reflect(struct fast *f, u32 old_loc, u32 ilc_loc, u16 code, u8 ilc)
{
    u8 *p0 = operand(f->vm, 0, LC370_TEA, true);
    u64 old = f->psw;

    if (!p0)
        return FAST_NOT_MINE;
    if (psw370_is_ec(old)) {
        p0[ilc_loc] = ilc;
        put_be16(p0 + ilc_loc + 1, code);
    } else {
        old = psw370_bc_set_intcode(old, code, ilc);
    }
    put_be64(p0 + old_loc, old);
    f->psw = get_be64(p0 + old_loc + (LC370_SVC_NEW - LC370_SVC_OLD));
    f->esa_mode = 0;
    f->check = true;
    return FAST_RESUME;
}

/* The program exceptions the general path only reflects (dispatch.c's
 * default): not the page faults, the simulated instructions, PER,
 * MONITOR CALL, the data exception or a translation specification. */
static bool plain_reflect(u16 code)
{
    return code == PGM_EXECUTE || code == PGM_ADDRESSING || code == PGM_SPECIFICATION ||
           (code >= 0x08 && code <= 0x0F);
}

static int fast_program(struct fast *f, u16 code, u8 ilc)
{
    struct vm *vm = f->vm;
    u32 at = (psw370_ia(f->psw) - ilc) & GADDR_MASK;
    int r;

    /* the three a simulated instruction gives: privileged (SSM ...), the
     * S/370 ones ESA/390 lacks (ISK, SSK: operation), the semiprivileged
     * ones CP's control registers withhold (special operation) */
    if (code == PGM_PRIVILEGED || code == PGM_SPECIAL_OPERATION)
        return fast_privileged(f, ilc);
    /* of the operation exceptions only ISK and SSK (RR, two bytes) are
     * this path's: the S/370 I/O instructions (four) are left at once,
     * without fetching them */
    if (code == PGM_OPERATION)
        return ilc == 2 ? fast_privileged(f, ilc) : FAST_NOT_MINE;
    if (!plain_reflect(code) || !loop_check(f, at))
        return FAST_NOT_MINE;
    r = reflect(f, LC370_PGM_OLD, LC370_PGM_ILC, code, ilc);
    if (r != FAST_NOT_MINE) {
        vm->pgm_reflected++;
        vm->pgm_new_ia = psw370_ia(f->psw);
    }
    return r;
}

/* ---- called by the interruption stub -------------------------------------------
 * The stub (arch370/s390/assist.S) does most traps itself; the ones whose
 * state lives in CP's own structures (the storage keys, with the frame
 * table's reference bits) it hands here, on CP's stack, with the
 * instruction's R1/R2 byte and the guest's GPRs in the stub's save area.
 * 0: not done, nothing changed; 1: done, the guest goes on. */
int fast_stub_isk(struct vm *vm, u32 regs, u32 *gpr, u32 psw_hi)
{
    return key_isk(vm, gpr, (u8)regs, (u64)psw_hi << 32) != FAST_NOT_MINE;
}

int fast_stub_ssk(struct vm *vm, u32 regs, u32 *gpr)
{
    return key_ssk(vm, gpr, (u8)regs) != FAST_NOT_MINE;
}

/* The exit's details are copied into vm->exit first, as capture_exit()
 * does, and read from there (the rule for every exit path; here nothing
 * sleeps before they are used, but the copy also leaves vm->exit right
 * for whoever looks at the last exit). */
enum fast_result fast_exit(struct vm *vm, int code, s64 left, struct assist_mark *m)
{
    struct vcpu *c = &vm->cpu;
    struct vexit *x = &vm->exit;
    struct fast f = { .vm = vm };
    int r;

    if (code == EXIT_PGM) {
        x->psw = lc_pgm_old_psw();
        x->pgm_code = lc_pgm_code();
        x->ilc = lc_pgm_ilc();
    } else if (code == EXIT_SVC) {
        x->psw = lc_svc_old_psw();
        x->svc_code = lc_svc_code();
        x->ilc = lc_svc_ilc();
    } else {
        return FAST_NOT_MINE;
    }
    if (!psw390_ia_fits(x->psw))
        return FAST_NOT_MINE;
    f.psw = psw370_after_run(c->psw, x->psw);
    f.esa_mode = x->psw & PSW_ESA_MODE;
    if (code == EXIT_PGM)
        r = fast_program(&f, x->pgm_code, x->ilc);
    else
        r = reflect(&f, LC370_SVC_OLD, LC370_SVC_ILC, x->svc_code, x->ilc);
    if (r == FAST_NOT_MINE)
        return FAST_NOT_MINE;
    /* done: the exit's effects become the VM's */
    vm->exits++;
    vm->pgm_loop = f.pgm_loop;
    if (f.b)
        vm->priv_ops++;
    c->psw = f.psw;
    c->esa_mode = f.esa_mode;
    if (f.rearm)
        intr_arm_clock();
    /* Nothing can have been posted since the round looked (assist_begin):
     * this path never sleeps or takes an interruption, and every exit the
     * general path handled since went back through the round if anything
     * was (assist_resume); vm->posted is compared all the same, since it
     * costs little.  So unless the PSW or the CPU timer changed, only the
     * slice is left to look at. */
    if (r == FAST_ROUND)
        return FAST_ROUND;
    if (f.check ? !assist_go_on(vm, m, left) : left < FAST_MIN_RUN || vm->posted != m->posted)
        return FAST_ROUND;
    if (!f.check)
        vm->assisted++;
    c->ctx.psw = psw390_for_guest(c->psw) | c->esa_mode;
    vm->fast++;
    return FAST_RESUME;
}
