/* priv.h - privileged and I/O instruction simulation.
 *
 * When a guest executes an instruction the real CPU will not let it run
 * (privileged: program interruption 0002; an S/370 I/O instruction the
 * ESA/390 CPU lacks: 0001; a semiprivileged ESA/390 instruction under
 * CP's control registers: 0002 or 0013), CP decodes it (arch370/insn.c)
 * and either simulates it against the virtual machine, or reflects the
 * program interruption a S/370 would give.  One list, priv.def, names
 * every simulated instruction and its handler; priv.c builds its table,
 * keyed by the instruction-table key, from it (and so does the audit in
 * docs/history/sensitivity.md).  One handler per instruction, in files by
 * family:
 *   priv_psw.c    LPSW SSM STNSM STOSM SPKA IPK
 *   priv_key.c    SSK ISK RRB
 *   priv_timer.c  SCK SCKC STCKC SPT STPT
 *   priv_ctl.c    LCTL STCTL PTLB LRA STIDP STIDC SIGP STAP
 *   vio.c         SIO SIOF TIO CLRIO HIO HDV TCH
 *   priv.c        DIAGNOSE, handed to the table diag/ registers
 * Privilege is checked once, in priv_simulate(), except for the S/370
 * semiprivileged instructions (INSN_SEMI370: SPKA, IPK), whose handlers
 * ask the guest's control registers.  A handler returns 0 when done (the
 * PSW already points past the instruction), > 0 a program-interruption
 * code to reflect, < 0 a CP error (the VM is stopped with a message; CP
 * goes on). */
#ifndef CP_VM_PRIV_H
#define CP_VM_PRIV_H

#include "cp/vm/vm.h"
#include "arch370/insn.h"
#include "arch370/psw.h"

typedef int (*priv_fn)(struct vm *vm, const struct insn *in);

/* Simulate the instruction that ended at the guest PSW (ilc bytes before
 * it) after program interruption code pic; reflects what must be
 * reflected.  Returns < 0 if the VM had to be stopped. */
int priv_simulate(struct vm *vm, u16 pic, u8 ilc);

/* helpers shared by the handlers */
u32 priv_ea(struct vm *vm, const struct insn *in, int operand);
/* the condition code in the guest's PSW (DIAGNOSE handlers use it too) */
static inline void priv_set_cc(struct vm *vm, u8 cc)
{
    vm->cpu.psw = psw370_set_cc(vm->cpu.psw, cc);
}

int priv_lpsw(struct vm *vm, const struct insn *in);
int priv_ssm(struct vm *vm, const struct insn *in);
int priv_stnsm(struct vm *vm, const struct insn *in);
int priv_stosm(struct vm *vm, const struct insn *in);
int priv_spka(struct vm *vm, const struct insn *in);
int priv_ipk(struct vm *vm, const struct insn *in);
int priv_ssk(struct vm *vm, const struct insn *in);
int priv_isk(struct vm *vm, const struct insn *in);
int priv_rrb(struct vm *vm, const struct insn *in);
int priv_sck(struct vm *vm, const struct insn *in);
int priv_sckc(struct vm *vm, const struct insn *in);
int priv_stckc(struct vm *vm, const struct insn *in);
int priv_spt(struct vm *vm, const struct insn *in);
int priv_stpt(struct vm *vm, const struct insn *in);
int priv_lctl(struct vm *vm, const struct insn *in);
int priv_stctl(struct vm *vm, const struct insn *in);
int priv_ptlb(struct vm *vm, const struct insn *in);
int priv_lra(struct vm *vm, const struct insn *in);
int priv_stidp(struct vm *vm, const struct insn *in);
int priv_stidc(struct vm *vm, const struct insn *in);
int priv_sigp(struct vm *vm, const struct insn *in);
int priv_stap(struct vm *vm, const struct insn *in);
int vio_sio(struct vm *vm, const struct insn *in);
int vio_tio(struct vm *vm, const struct insn *in);
int vio_hio(struct vm *vm, const struct insn *in);
int vio_tch(struct vm *vm, const struct insn *in);
int priv_diagnose(struct vm *vm, const struct insn *in);
/* DIAGNOSE services live in diag/, above the virtual machines: diag/
 * registers its dispatcher (diag_dispatch) at IPL */
void priv_diag_register(priv_fn dispatch);

/* the guest's CPU timer as it stands now (for STPT, DIAG X'0C') */
s64 vtimer_cpu_timer(struct vm *vm);
/* re-arm CP's timer for the guest's clock comparator */
void vtimer_arm_ckc(struct vm *vm);

#endif
