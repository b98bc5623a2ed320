/* fullscreen.h - DIAGNOSE X'58' on a 3270: the display CCW's control
 * byte and the full-screen CCWs X'29' (write) and X'2A' (read), as VM/SP
 * offered them; diag/console.c dispatches to them (docs/diagnose.md). */
#ifndef DIAG_FULLSCREEN_H
#define DIAG_FULLSCREEN_H

#include "diag/diag.h"
#include "arch370/ccw.h"

#define D58_FSWRITE     0x29
#define D58_FSREAD      0x2A

/* the control byte: byte 5 of the CCW, which a channel does not use */
static inline u8 d58_control(const struct ccw0 *c)
{
    return c->b[5];
}

/* X'19': the control byte's order for the output area, before the lines;
 * true if the byte says to write nothing (X'FF', X'FE') */
bool d58_display_control(struct diag_args *a, u8 ctl);
/* X'29' and X'2A' */
int d58_fullscreen(struct diag_args *a, const struct ccw0 *ccw);

#endif
