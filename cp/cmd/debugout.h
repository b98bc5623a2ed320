/* debugout.h - where ADSTOP and TRACE lines go: the user's terminal and
 * the virtual printer, which the virtual-machine layer cannot reach
 * itself (cp/vm/vmdebug.h). */
#ifndef CP_CMD_DEBUGOUT_H
#define CP_CMD_DEBUGOUT_H

/* give cp/vm/vmdebug.c the output function (idempotent) */
void debugout_register(void);

#endif
