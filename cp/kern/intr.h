/* intr.h - handling the real machine's I/O and external interruptions.
 *
 * Called after enter_guest or cpu_wait returned EXIT_IO or EXIT_EXT, in
 * whichever task was running: the handlers only record completions,
 * run expired timers and wake tasks; they never sleep. */
#ifndef CP_KERN_INTR_H
#define CP_KERN_INTR_H

#include "arch370/types.h"

void intr_init(void);
/* handle the interruption described in low core after an EXIT_IO/EXT */
void intr_dispatch(int exit_code);
/* the channel-subsystem driver (cp/io/rio.c) registers the function that
 * takes each I/O interruption: subsystem id and interruption parameter */
void intr_io_register(void (*handler)(u32 sid, u32 intparm));
/* load the clock comparator with the next timer deadline */
void intr_arm_clock(void);
/* wait for one interruption and handle it (IPL time and idle loop) */
void cp_wait_and_dispatch(void);
/* number of external interruptions by code, for QUERY */
extern u32 intr_ext_count, intr_io_count;
/* set when the operator pressed the Hercules interrupt key (EXT) */
extern bool intr_key_pressed;

#endif
