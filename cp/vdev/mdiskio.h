/* mdiskio.h - real I/O to minidisks: the three paths.
 *
 *   SIO        mdiskio_start: the guest's program translated and started;
 *              its ending status becomes the guest's I/O interruption.
 *   X'18'      mdiskio_run: translated, checked, run while the VM waits.
 *   X'250'     mdiskio_blocks: a list of CMS blocks read or written.
 * A unit check from the real device is followed at once by a SENSE, kept
 * for the guest's own SENSE, since other users' I/O would change it. */
#ifndef CP_VDEV_MDISKIO_H
#define CP_VDEV_MDISKIO_H

#include "cp/vdev/ccwxlat.h"

struct vm;
struct vdev;
struct mdisk;

int mdiskio_start(struct vm *vm, struct vdev *d, struct mdisk *md, u32 ccw_addr, u8 key);
/* stop (or wait out) what the device does; true if it was busy */
bool mdiskio_halt(struct vdev *d, struct mdisk *md);

struct mio_result {
    enum xlat_stop stop;        /* checks that refused the program */
    unsigned rw_ccws;           /* read/write CCWs in it */
    u8 unit, chan;              /* ending status */
    u32 ccw_next;               /* guest CSW CCW address */
    u16 residual;
    bool io_error;
    bool refetch;               /* IPL: ran to a CCW to fetch anew (ccw_next) */
    bool endless;               /* IPL: stopped at a loop without end */
};

/* translate and run synchronously (the calling task sleeps); a program
 * that fails a check is not run at all */
int mdiskio_run(struct vm *vm, struct vdev *d, struct mdisk *md, u32 ccw_addr, u8 key,
                struct mio_result *res);

/* one block of a list: type 1 write, 2 read; status comes back */
struct mio_block {
    u8 type;
    u8 status;                  /* 0 ok, 1 block out of range, 2 read-only, 3 I/O error */
    u32 block;
    u32 buffer;                 /* guest address */
};

/* read/write blocks of md->blk_size bytes; returns how many failed */
unsigned mdiskio_blocks(struct vm *vm, struct mdisk *md, struct mio_block *b, unsigned n, u8 key);

/* IPL from the minidisk: 24 bytes of record 1 of cylinder 0 track 0 to
 * guest 0, then the channel program from location 8, run in pieces so
 * that each CCW is fetched after the reads before it stored
 * (xlat_translate_piece); 0, or -1 with *r saying how it ended */
struct vdev_ipl;
int mdiskio_ipl(struct vm *vm, struct vdev *d, struct mdisk *md, struct vdev_ipl *r);

#endif
