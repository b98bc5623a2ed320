/* chanprog.h - running a guest's S/370 channel program on a simulated device.
 *
 * Devices CP simulates entirely (the virtual console, the spooled reader,
 * punch and printer) do not need a real channel program: the channel
 * logic here walks the guest's format-0 CCWs (fetched from the CAW
 * address), checks them as a S/370 channel would, follows TIC, command and
 * data chaining, and calls the device for each CCW.  A device may suspend
 * the program (the console waiting for the user to type) and resume it
 * later.  At the end the device's interruption is posted with the CSW a
 * real channel would store.
 *
 * Channel program check (CHAN_PGM in the CSW) is given for: a CCW address
 * that is not doubleword aligned or outside storage; a command code with
 * low four bits zero; a zero count (other than TIC); flag bits 38-39 or the
 * IDA flag set; TIC to TIC or TIC as the first CCW; a data address outside
 * storage. */
#ifndef CP_VDEV_CHANPROG_H
#define CP_VDEV_CHANPROG_H

#include "arch370/types.h"

struct vm;
struct vdev;
struct chanprog;

/* What a device does with one CCW (or one data-chained piece of it).
 * data/count describe the piece; more = another data-chained piece of the
 * same command follows.  Returns unit status to end the CCW with (0 for
 * "done, keep chaining"; UNIT_UC/UX end the program), or CP_SUSPEND to
 * stop here until chanprog_resume(). *residual gets the bytes not
 * transferred. */
#define CP_SUSPEND      0x100
typedef int (*ccw_fn)(struct vm *vm, struct vdev *d, struct chanprog *cp,
                      u8 cmd, u32 data, u16 count, bool more, u16 *residual);

struct chanprog {
    u32 ccw_addr;               /* address of the current CCW */
    u8 key;
    u8 cmd;                     /* command of the current CCW chain element */
    u8 flags;
    u32 data;
    u16 count;
    bool started;
    bool prev_tic;
    u8 chan_extra;              /* PCI seen: reported with the ending status */
    ccw_fn fn;
    u32 budget;                 /* IPL: CCWs it may still run (0: no limit) */
    bool endless;               /* IPL: the budget ran out */
};

/* start at ccw_addr (from the CAW); runs until the end or a suspension.
 * Returns true if the program ended (interruption posted). */
bool chanprog_start(struct vm *vm, struct vdev *d, struct chanprog *cp,
                    u32 ccw_addr, u8 key, ccw_fn fn);
/* IPL: the implied CCW (cmd, 24 bytes to location 0, command chained,
 * SLI), then the program from location 8, CCWs fetched as reached; ends
 * with a channel program check (endless set) after VDEV_IPL_MAX_CCWS.
 * Returns true if the program ended (its status posted as for SIO). */
bool chanprog_ipl(struct vm *vm, struct vdev *d, struct chanprog *cp, u8 cmd, ccw_fn fn);
/* continue after the device ended the suspended CCW with unit status and
 * residual; returns true if the program ended */
bool chanprog_resume(struct vm *vm, struct vdev *d, struct chanprog *cp,
                     int unit, u16 residual);

#endif
