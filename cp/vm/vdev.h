/* vdev.h - virtual devices of a virtual machine.
 *
 * Each device a guest can address (its console, unit-record spool
 * devices, minidisks) is a struct vdev on the VM's list.  The S/370 I/O
 * instructions (cp/vm/vio.c) find the device by address and call its ops;
 * the device reports completion by setting an interruption pending with
 * the CSW to present (vdev_post), which reflect.c delivers when the guest
 * is enabled for it. */
#ifndef CP_VM_VDEV_H
#define CP_VM_VDEV_H

#include "arch370/types.h"

struct vm;
struct vdev;

enum vdev_class {
    VDEV_CONSOLE,
    VDEV_READER,
    VDEV_PUNCH,
    VDEV_PRINTER,
    VDEV_DASD,
};

/* How an IPL channel program ended (vdev_ops.ipl). */
struct vdev_ipl {
    u32 ccw;                    /* guest address of the CCW it ended at */
    u8 unit, chan;              /* the ending status when it failed */
    u8 sense0;                  /* the device's sense byte 0 after a unit check */
    bool endless;               /* CP stopped a program that would not end */
};
#define VDEV_IPL_MAX_CCWS   65536       /* CCWs (or pieces) an IPL may run */
#define VDEV_NOT_IPLABLE    (-2)        /* vdev_ops.ipl: not an input device */

struct vdev_ops {
    /* start the channel program at ccw_addr with storage key key (SIO).
     * Returns the SIO condition code: 0 started (the device posts its
     * ending status later, possibly before returning), or 1 with the
     * CSW already stored by the device. */
    int (*start)(struct vm *vm, struct vdev *d, u32 ccw_addr, u8 key);
    /* HIO/HDV: stop what the device is doing; returns true if it was busy */
    bool (*halt)(struct vm *vm, struct vdev *d);
    /* system reset of the VM or DETACH: drop all state */
    void (*reset)(struct vm *vm, struct vdev *d);
    /* DETACH / LOGOFF: free the device's private state */
    void (*destroy)(struct vm *vm, struct vdev *d);
    /* the VM task calls this before running the guest, so work that came
     * from interruption level (a typed line) is done in the VM's task */
    void (*service)(struct vm *vm, struct vdev *d);
    /* IPL from the device: the implied READ of 24 bytes to location 0,
     * command-chained, then the program from location 8, each CCW fetched
     * from guest storage when the channel reaches it.  0 when it ended
     * cleanly, -1 with *r saying how it failed, VDEV_NOT_IPLABLE.  NULL:
     * the device cannot be IPLed (the console). */
    int (*ipl)(struct vm *vm, struct vdev *d, struct vdev_ipl *r);
};

struct vdev {
    u16 addr;                   /* virtual device address */
    u16 type;                   /* 0x3215, 0x2540, 0x3350 ... */
    u8 model;
    enum vdev_class cls;
    const struct vdev_ops *ops;
    void *priv;
    bool busy;                  /* a channel program is in progress */
    bool int_pending;           /* an interruption waits for the guest */
    bool attn_pending;          /* unsolicited attention waits */
    u8 csw[8];                  /* CSW of the pending interruption */
    u8 sense[24];
    u8 nsense;
    struct vdev *next;
};

struct vdev *vdev_find(struct vm *vm, u16 addr);
/* add a device to a VM (kept in address order); NULL if the address is used */
struct vdev *vdev_add(struct vm *vm, u16 addr, u16 type, enum vdev_class cls,
                      const struct vdev_ops *ops, void *priv);
void vdev_remove(struct vm *vm, struct vdev *d);
/* the device ended its channel program: make the interruption pending */
void vdev_post(struct vm *vm, struct vdev *d, u32 ccw_addr, u8 unit, u8 chan, u16 residual);
/* take the CSW the guest is to see for the device's pending interruption
 * (its ending status, else an attention) and clear it: the interruption
 * is presented, or stored by TIO/SIO with CC 1 */
void vdev_take_pending(struct vdev *d, u8 *csw);
/* unsolicited status (attention) */
void vdev_attention(struct vm *vm, struct vdev *d);
const char *vdev_class_name(enum vdev_class c);

#endif
