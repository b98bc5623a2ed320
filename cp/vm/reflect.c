/* reflect.c - store old PSW, load new PSW: interruptions into the guest. */
#include "cp/vm/reflect.h"
#include "cp/vm/vmcf.h"
#include "cp/vm/vdev.h"
#include "cp/vm/trace.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
#include "arch370/lowcore.h"
#include "arch370/pgm.h"
#include "arch370/ccw.h"

/* S/370 control register 0 external subclass masks */
#define CR0_CLOCK_COMP  0x00000800u     /* bit 20 */
#define CR0_CPU_TIMER   0x00000400u     /* bit 21 */
#define CR0_SERVICE     0x00000200u     /* bit 22 */
#define CR0_INTERVAL    0x00000080u     /* bit 24 */
#define CR0_INT_KEY     0x00000040u     /* bit 25 */

static int swap(struct vm *vm, u32 old_loc, u32 new_loc, u16 code, u8 ilc)
{
    struct gspace *gs = &vm->mem;
    u64 old = vm->cpu.psw, new_psw;
    int rc;

    if (!psw370_is_ec(old))
        old = psw370_bc_set_intcode(old, code, ilc);
    rc = gmem_store64(gs, old_loc, old);
    if (!rc)
        rc = gmem_fetch64(gs, new_loc, &new_psw);
    if (rc)
        return rc;
    vm->cpu.psw = new_psw;
    vm->cpu.esa_mode = 0;               /* the old PSW had no room for it */
    trace_interruption(vm, old_loc, code, ilc, old);
    return 0;
}

int reflect_program(struct vm *vm, u16 code, u8 ilc)
{
    struct gspace *gs = &vm->mem;

    int rc;

    vm->pgm_reflected++;
    if (psw370_is_ec(vm->cpu.psw)) {
        gmem_store8(gs, LC370_PGM_ILC, (u8)((ilc >> 1) << 1));
        gmem_store16(gs, LC370_PGM_CODE, code);
    }
    rc = swap(vm, LC370_PGM_OLD, LC370_PGM_NEW, code, ilc);
    vm->pgm_new_ia = psw370_ia(vm->cpu.psw);
    return rc;
}

int reflect_svc(struct vm *vm, u16 code, u8 ilc)
{
    struct gspace *gs = &vm->mem;

    if (psw370_is_ec(vm->cpu.psw)) {
        gmem_store8(gs, LC370_SVC_ILC, (u8)((ilc >> 1) << 1));
        gmem_store16(gs, LC370_SVC_CODE, code);
    }
    return swap(vm, LC370_SVC_OLD, LC370_SVC_NEW, code, ilc);
}

int reflect_restart(struct vm *vm)
{
    return swap(vm, LC370_RESTART_OLD, LC370_RESTART_NEW, 0, 0);
}

/* The CPU-address field at X'84' carries the subcode of a service
 * signal (in BC mode too, where S/370 leaves it unused); for the other
 * external interruptions it is zero in EC mode (one CPU). */
static int reflect_external(struct vm *vm, u16 code, u16 subcode)
{
    if (psw370_is_ec(vm->cpu.psw))
        gmem_store16(&vm->mem, LC370_EXT_CODE, code);
    if (psw370_is_ec(vm->cpu.psw) || subcode)
        gmem_store16(&vm->mem, LC370_CPU_ADDR, subcode);
    return swap(vm, LC370_EXT_OLD, LC370_EXT_NEW, code, 0);
}

static int reflect_io(struct vm *vm, struct vdev *d, const u8 *csw)
{
    int rc = gmem_write(&vm->mem, LC370_CSW, csw, CSW_SIZE);

    if (rc)
        return rc;
    if (psw370_is_ec(vm->cpu.psw))
        gmem_store16(&vm->mem, LC370_IO_ADDR, d->addr);
    return swap(vm, LC370_IO_OLD, LC370_IO_NEW, d->addr, 0);
}

/* Which pending external condition is enabled, by S/370 priority;
 * returns its code, or 0. */
bool reflect_post_service(struct vm *vm, u16 code, u16 subcode, u32 parm)
{
    struct vcpu *c = &vm->cpu;

    if (c->nsvc == VSVC_MAX)
        return false;
    c->svc[c->nsvc++] = (struct vsvc){ code, subcode, parm };
    c->ext_pending |= VEXT_SERVICE;
    vm->posted++;
    return true;
}

/* the oldest queued service signal: its parameter goes to X'80' */
static u16 take_service(struct vm *vm, u16 *subcode)
{
    struct vcpu *c = &vm->cpu;
    struct vsvc s = c->svc[0];

    for (unsigned i = 1; i < c->nsvc; i++)
        c->svc[i - 1] = c->svc[i];
    if (--c->nsvc == 0)
        c->ext_pending &= ~VEXT_SERVICE;
    gmem_store32(&vm->mem, 0x80, s.parm);       /* external parameter */
    *subcode = s.subcode;
    return s.code;
}

static u16 enabled_external(struct vm *vm, bool consume, u16 *subcode)
{
    struct vcpu *c = &vm->cpu;
    u32 cr0 = c->cr[0];

    if (!psw_ext_enabled(c->psw))
        return 0;
    if ((cr0 & CR0_CLOCK_COMP) && tod_now() >= c->clock_comparator)
        return EXT_CLOCK_COMP;         /* stays pending while TOD >= CKC */
    if ((cr0 & CR0_CPU_TIMER) && c->cpu_timer < 0)
        return EXT_CPU_TIMER;          /* stays pending while negative */
    if ((cr0 & CR0_INTERVAL) && (c->ext_pending & VEXT_INTERVAL)) {
        if (consume)
            c->ext_pending &= ~VEXT_INTERVAL;
        return EXT_INTERVAL_TIMER;
    }
    if ((cr0 & CR0_INT_KEY) && (c->ext_pending & VEXT_KEY)) {
        if (consume)
            c->ext_pending &= ~VEXT_KEY;
        return EXT_INTERRUPT_KEY;
    }
    if ((cr0 & CR0_SERVICE) && (c->ext_pending & VEXT_SERVICE) && c->nsvc)
        return consume ? take_service(vm, subcode) : c->svc[0].code;
    /* VMCF: masked by the PSW alone; the header goes into the guest's
     * buffer as the interruption is taken */
    if (vmcf_pending(vm)) {
        if (consume)
            vmcf_present(vm);
        return EXT_VMCF;
    }
    return 0;
}

static struct vdev *enabled_io(struct vm *vm)
{
    for (struct vdev *d = vm->devs; d; d = d->next)
        if ((d->int_pending || d->attn_pending) &&
            psw370_io_enabled(vm->cpu.psw, vm->cpu.cr[2], d->addr >> 8))
            return d;
    return NULL;
}

/* Could an interruption become deliverable only because the PSW enables
 * more, before CP next looks?  Not when nothing is queued and neither
 * timer can fall due meanwhile: a clock comparator not yet reached makes
 * a real interruption when it is (its CP timer is armed whatever the
 * guest enables), and a CPU timer of at least `run` cannot run out
 * before the run itself ends. */
bool reflect_quiet(struct vm *vm, s64 run)
{
    struct vcpu *c = &vm->cpu;

    if (c->ext_pending || vmcf_pending(vm))
        return false;
    if ((c->cr[0] & CR0_CLOCK_COMP) && tod_now() >= c->clock_comparator)
        return false;
    if ((c->cr[0] & CR0_CPU_TIMER) && c->cpu_timer < run)
        return false;
    for (struct vdev *d = vm->devs; d; d = d->next)
        if (d->int_pending || d->attn_pending)
            return false;
    return true;
}

bool reflect_enabled_pending(struct vm *vm)
{
    u16 sub;

    return enabled_external(vm, false, &sub) != 0 || enabled_io(vm) != NULL;
}

bool reflect_pending(struct vm *vm)
{
    u16 sub = 0;
    u16 ext = enabled_external(vm, true, &sub);
    struct vdev *d;

    if (ext) {
        reflect_external(vm, ext, sub);
        return true;
    }
    d = enabled_io(vm);
    if (d) {
        u8 csw[CSW_SIZE];
        vdev_take_pending(d, csw);
        reflect_io(vm, d, csw);
        return true;
    }
    return false;
}
