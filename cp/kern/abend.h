/* abend.h - how CP stops when it cannot go on.
 *
 * Every CP fault ends the same way: an abend message on the operator
 * console (what happened, the PSW, the registers) written by polled I/O
 * that depends on nothing else in CP, then a disabled wait whose address
 * field is the wait-state code.  The codes are documented in
 * docs/operator.md:
 *
 *   00000006  normal end after SHUTDOWN
 *   0001cccc  program check in CP, cccc = program-interruption code
 *   00020000  machine check
 *   00030000  SVC executed by CP
 *   00040000  restart key pressed (operator-requested stop)
 *   0005rrrr  CP detected an impossible state, rrrr = reason below */
#ifndef CP_KERN_ABEND_H
#define CP_KERN_ABEND_H

#include "arch370/types.h"

#define WAIT_SHUTDOWN           0x00000006u
#define WAIT_PGM                0x00010000u
#define WAIT_MCK                0x00020000u
#define WAIT_SVC                0x00030000u
#define WAIT_RESTART            0x00040000u
#define WAIT_SOFT               0x00050000u

/* reasons for a soft abend (WAIT_SOFT | reason) */
enum abend_reason {
    ABEND_FREESTOR = 1,         /* free storage chain damaged */
    ABEND_FRAME = 2,            /* frame table inconsistent */
    ABEND_TASK = 3,             /* task switching misuse */
    ABEND_IO = 4,               /* real I/O state impossible */
    ABEND_STORAGE = 5,          /* not enough real storage to run */
    ABEND_NOSYSRES = 6,         /* no usable system residence volume */
    ABEND_SPOOL = 7,            /* spool structures inconsistent */
    ABEND_PAGING = 8,           /* paging structures inconsistent */
    ABEND_OPERATOR = 0x99,      /* deliberate abend for testing */
};

void cp_abend(enum abend_reason reason, const char *why) __attribute__((noreturn));

/* called from entry.S on a program check, machine check, SVC or restart */
void cp_fault(int fault_class) __attribute__((noreturn));

/* write one line on the operator console by polled I/O (abend, shutdown) */
void polled_opcon_write(const char *line);
/* the subchannel of the operator console, which the channel-subsystem
 * driver finds at IPL (0: none, abend messages are not written) */
void abend_set_console(u32 sid);

#endif
