/* vmdebug.h - what a user asked CP to watch in his virtual machine:
 * ADSTOP (cp/vm/adstop.c) and TRACE (cp/vm/trace.c).
 *
 * The state hangs off struct vm and is made on first use, so a machine
 * nobody debugs carries one NULL pointer and costs one test per hook.
 * Lines for the user go out through a function the commands register
 * (cp/cmd/trace.c), since the terminal and the virtual printer sit in
 * layers above the virtual machine. */
#ifndef CP_VM_VMDEBUG_H
#define CP_VM_VMDEBUG_H

#include "cp/vm/vm.h"

/* TRACE classes (VM/370's) */
#define TRACE_SVC       0x0001
#define TRACE_PROGRAM   0x0002
#define TRACE_EXTERNAL  0x0004
#define TRACE_IO        0x0008          /* I/O interruptions */
#define TRACE_SIO       0x0010          /* I/O instructions */
#define TRACE_CCW       0x0020          /* the channel program of SIO, SIOF */
#define TRACE_PRIV      0x0040          /* other privileged instructions */
#define TRACE_CSW       0x0080          /* every CSW stored */
#define TRACE_BRANCH    0x0100
#define TRACE_INSTRUCT  0x0200
#define TRACE_CLASSES   10              /* bits 0 .. 9 */

/* where lines go */
#define VMDEBUG_TERMINAL    0x01
#define VMDEBUG_PRINTER     0x02

struct vmdebug {
    /* ADSTOP: the halfword at addr holds X'0000' (an operation exception)
     * in place of saved[] until the guest reaches it */
    bool adstop_armed;
    u32 adstop_addr;
    u8 adstop_saved[2];
    /* TRACE */
    u32 trace;                  /* TRACE_* */
    /* per class (by bit number), as each TRACE command set it */
    u8 trace_dest[TRACE_CLASSES];   /* VMDEBUG_TERMINAL | VMDEBUG_PRINTER */
    bool trace_run[TRACE_CLASSES];  /* RUN: go on after a line (NORUN: stop) */
    /* INSTRUCT: the instruction just traced, which the next run must
     * not stop at again (an instruction-fetching event comes before the
     * instruction runs) */
    bool per_skip;
    u32 per_skip_at, per_skip_len;
};

/* the bit number of a TRACE_* class: the index of its settings */
static inline unsigned trace_index(u32 cls)
{
    unsigned i = 0;

    while (i < TRACE_CLASSES - 1 && !(cls & (1u << i)))
        i++;
    return i;
}

/* the debug state of vm, made if needed; NULL if no storage for it */
struct vmdebug *vmdebug_of(struct vm *vm);

typedef void (*vmdebug_out_fn)(struct vm *vm, unsigned dest, const char *line);
void vmdebug_register(vmdebug_out_fn out);
void vmdebug_say(struct vm *vm, unsigned dest, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ADSTOP hexloc: 0, or a program-interruption code (addressing) */
int adstop_set(struct vm *vm, u32 addr);
/* ADSTOP OFF, and every reset: the instruction is put back */
void adstop_clear(struct vm *vm);
/* an operation exception of length ilc: the ADSTOP?  If so the
 * instruction is back, the PSW points at it and the VM is stopped */
bool adstop_hit(struct vm *vm, u8 ilc);
/* where it is set; false if none */
bool adstop_where(struct vm *vm, u32 *addr);
/* storage read for the user (DISPLAY, DUMP, VMDUMP): the instruction's
 * bytes in place of the overlay */
void adstop_unmask(struct vm *vm, u32 addr, u8 *buf, u32 len);
/* the user has stored len bytes at addr (STORE): what went over the
 * overlay is the instruction now, and the overlay goes back */
void adstop_stored(struct vm *vm, u32 addr, u32 len);

#endif
