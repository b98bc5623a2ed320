/* priv_timer.c - TOD clock, clock comparator, CPU timer: SCK, SCKC,
 * STCKC, SPT, STPT (GA22-7000, "Timing").
 *
 * STCK is not privileged and reads the real TOD clock directly, so a
 * guest cannot be given a clock of its own: SCK answers CC 1, "clock in
 * the secure state", which a S/370 does when the TOD-clock switch is not
 * in the enable-set position. */
#include "cp/vm/priv.h"
#include "cp/vm/vmem.h"
#include "cp/vm/vm.h"
#include "cp/mm/gmem.h"
#include "arch370/pgm.h"

static int doubleword_operand(struct vm *vm, const struct insn *in, u32 *ea)
{
    *ea = priv_ea(vm, in, 2);
    return (*ea & 7) ? PGM_SPECIFICATION : 0;
}

/* the doubleword the instruction's operand names, or its exception */
static int fetch_operand(struct vm *vm, const struct insn *in, u64 *v)
{
    u32 ea;
    int rc = doubleword_operand(vm, in, &ea);

    return rc ? rc : vmem_fetch64(vm, ea, v);
}

int priv_sck(struct vm *vm, const struct insn *in)
{
    u64 v;
    int rc = fetch_operand(vm, in, &v);

    if (rc)
        return rc;
    priv_set_cc(vm, 1);
    return 0;
}

static void ckc_fired(void *arg)
{
    vm_kick(arg);
}

void vtimer_arm_ckc(struct vm *vm)
{
    if (vm->cpu.clock_comparator == ~0ull)
        timer_cancel(&vm->ckc_timer);
    else
        timer_add(&vm->ckc_timer, vm->cpu.clock_comparator, ckc_fired, vm);
}

int priv_sckc(struct vm *vm, const struct insn *in)
{
    u64 v;
    int rc = fetch_operand(vm, in, &v);

    if (rc)
        return rc;
    vm->cpu.clock_comparator = v;
    vtimer_arm_ckc(vm);
    return 0;
}

int priv_stckc(struct vm *vm, const struct insn *in)
{
    u32 ea;
    int rc = doubleword_operand(vm, in, &ea);

    return rc ? rc : vmem_store64(vm, ea, vm->cpu.clock_comparator);
}

s64 vtimer_cpu_timer(struct vm *vm)
{
    return vm->cpu.cpu_timer;
}

int priv_spt(struct vm *vm, const struct insn *in)
{
    u64 v;
    int rc = fetch_operand(vm, in, &v);

    if (rc)
        return rc;
    vm->cpu.cpu_timer = (s64)v;
    return 0;
}

int priv_stpt(struct vm *vm, const struct insn *in)
{
    u32 ea;
    int rc = doubleword_operand(vm, in, &ea);

    return rc ? rc : vmem_store64(vm, ea, (u64)vtimer_cpu_timer(vm));
}
