/* vm.h - a virtual S/370 machine.
 *
 * The virtual CPU state is what a S/370 CPU has: PSW (kept in the BC or EC
 * format the guest loaded), 16 general and 4 floating-point registers
 * (in the guest context enter_guest loads), 16 control registers, clock
 * comparator, CPU timer, and the interval timer at X'50' of page 0.  The
 * machine has storage (a gspace), virtual devices, and interruptions that
 * are pending until the guest is enabled for them. */
#ifndef CP_VM_VM_H
#define CP_VM_VM_H

#include "arch370/interrupt.h"
#include "cp/mm/gspace.h"
#include "cp/vm/nss.h"
#include "cp/kern/timer.h"

struct user;
struct vdev;
struct task;
struct pf_req;
struct nss;
struct vmdebug;
struct shadow;

enum vm_state {
    VM_STOPPED,         /* not running: CP READ, or after a stop */
    VM_RUNNING,         /* the dispatcher runs it */
    VM_WAITING,         /* enabled wait: idle until an interruption */
};

/* pending external interruption conditions (bit per source) */
#define VEXT_CLOCK_COMP     0x01
#define VEXT_CPU_TIMER      0x02
#define VEXT_INTERVAL       0x04
#define VEXT_KEY            0x08        /* EXTERNAL command / interrupt key */
#define VEXT_SERVICE        0x10        /* cp370 service signal (DIAG X'258') */

/* a service-signal external interruption waiting for the guest:
 * interruption code, subcode (stored at X'84'), parameter (at X'80') */
struct vsvc {
    u16 code, subcode;
    u32 parm;
};
#define VSVC_MAX            8

struct vcpu {
    struct guest_ctx ctx;       /* GPRs, FPRs; ctx.psw built per run */
    u64 psw;                    /* the S/370 PSW (BC or EC) */
    u64 esa_mode;               /* PSW_ESA_MODE bits the guest set natively
                                   (31-bit addressing, secondary space);
                                   they end when the PSW is replaced */
    u32 cr[16];
    u64 clock_comparator;
    s64 cpu_timer;              /* TOD units; decremented by virtual CPU time */
    u32 ext_pending;            /* VEXT_* */
    u8 nsvc;                    /* VEXT_SERVICE: queued, oldest first */
    struct vsvc svc[VSVC_MAX];
};

/* What the real machine stored in its low core when the guest last left
 * it, copied right at the exit (dispatch.c): the handlers of the exit may
 * sleep (a page brought in, a line written), and meanwhile other tasks'
 * guests and CP's own interruptions store over the real low core. */
struct vexit {
    u64 psw;                    /* the real old PSW of the exit */
    u16 pgm_code;               /* program: interruption code, with PER bit */
    u8 ilc;                     /* program or SVC: instruction length */
    u8 dxc;                     /* data exception: its code */
    u32 tea;                    /* translation/protection: the address */
    u8 per_code;                /* PER event (TRACE BRANCH/INSTRUCT) */
    u32 per_addr;
    u8 mon_class;               /* MONITOR CALL */
    u32 mon_code;
    u16 svc_code;
};

struct vm {
    struct user *user;
    struct vcpu cpu;
    struct gspace mem;
    enum vm_state state;
    struct vdev *devs;          /* virtual devices, by address */
    struct task *task;
    struct timer ckc_timer;     /* guest clock comparator */
    struct timer ptimer;        /* CPU timer / interval timer */
    bool realtimer;             /* OPTION REALTIMER: interval timer runs in wait too */
    bool stop_request;          /* the user asked for CP (attention) */
    bool kill_request;          /* LOGOFF: the task should end */
    bool logoff_pending;        /* LOGOFF from inside the VM (DIAG X'08') */
    bool room_awaited;          /* a console write found the terminal's queue
                                   full and waits (cp/vdev/vcons.c) */
    u32 resets;                 /* counts resets: a DIAG X'08' IPL shows */
    u32 pgm_loop;               /* program checks at the handler's first instruction */
    struct vexit exit;          /* the last exit, as the real low core had it */
    u32 itimer_due;             /* interval-timer units not yet taken off X'50'
                                   (page 0 was not in storage; dispatch.c) */
    u64 idle_tod;               /* time a simulation spent waiting for the user (VM READ);
                                 * CP time is the task's own CPU time (dispatch.c), so
                                 * waits are never charged and this is not needed */
    u64 acct_mark;              /* the VM task's CPU time last charged to the user */
    u64 insn_mark;              /* ... and its instruction count */
    u32 posted;                 /* counts vm_kick and every condition posted for the
                                 * VM: the short path resumes the guest only if
                                 * nothing was posted since the dispatcher looked */
    u32 assisted;               /* exits resumed by the short path (statistics) */
    u32 fast;                   /* ... of them, done by the fast exit path */
    u32 pgm_new_ia;             /* where the last reflected one went */
    u64 itimer_rem;             /* run time less than one interval-timer unit,
                                   in thirds of a TOD unit (dispatch.c) */
    u64 run_start;              /* TOD when this run started */
    u64 slice_end;              /* TOD when the current time slice ends (the
                                   short path after a handler that slept) */
    /* pseudo page faults (DIAGNOSE X'258', cp/vm/pfault.c) */
    bool pf_on;
    u32 pf_token_addr;
    u64 pf_select, pf_compare;
    u32 pf_inflight;            /* page reads started for it, not done */
    u32 pf_count;               /* pseudo page faults given */
    struct pf_req *pf_reqs;
    struct nss *nss[NSS_PER_VM];    /* saved systems loaded in its storage */
    struct vmdebug *debug;      /* ADSTOP, TRACE (cp/vm/vmdebug.h); NULL until used */
    struct vmcf_vm *vmcf;       /* VMCF (cp/vm/vmcf.c); NULL: not authorized */
    struct shadow *shadow;      /* shadow tables for guest DAT (cp/vm/shadow.h);
                                   NULL until the guest turns DAT on */
    /* statistics */
    u32 exits, priv_ops, diags, sios, pgm_reflected;
    u64 tod_in_cp;
};

/* Create the virtual machine of a user with size bytes of storage, in
 * the stopped state; NULL if no storage. */
struct vm *vm_create(struct user *u, u32 size);
void vm_destroy(struct vm *vm);
/* SYSTEM RESET / CLEAR: CPU reset (and storage cleared for CLEAR) */
void vm_reset(struct vm *vm, bool clear);
/* run the VM from its PSW (BEGIN, after IPL) */
void vm_start(struct vm *vm);
/* stop it (attention, CP READ); it stops at its next exit */
void vm_stop(struct vm *vm);
/* SYSTEM RESTART: a restart interruption */
void vm_restart(struct vm *vm);
/* something the VM may wait for happened: wake its task */
void vm_kick(struct vm *vm);

#endif
