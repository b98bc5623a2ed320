/* rio.h - real I/O: the real device table and channel-subsystem requests.
 *
 * At IPL CP enumerates every subchannel (STSCH until CC 3), enables it
 * with its rdev index as interruption parameter and senses the device
 * (SENSE ID, cp/io/sense.c).  Drivers queue struct ioreq on a device; one
 * request per device is active at a time, the next starts when it ends.
 * Completion calls the request's done() function from the interruption
 * handler (it must not sleep), or wakes the task waiting in rio_wait().
 * Status that arrives with no request active (attention, a device end
 * when a terminal connects, a unit check when it disconnects) goes to the
 * driver's unsolicited() function. */
#ifndef CP_IO_RIO_H
#define CP_IO_RIO_H

#include "arch370/ccw.h"

enum rdev_class {
    RDEV_UNKNOWN = 0,
    RDEV_CONSOLE,       /* 3215 / 1052 line-mode terminal */
    RDEV_DISPLAY,       /* 3270 */
    RDEV_DASD,          /* CKD */
    RDEV_READER,        /* 3505 / 2540R */
    RDEV_PUNCH,         /* 3525 / 2540P */
    RDEV_PRINTER,       /* 1403 / 3211 */
    RDEV_TAPE,
};

struct rdev;
struct ioreq;

struct rdev_driver {
    const char *name;
    void (*unsolicited)(struct rdev *dev, u8 dstat, u8 cstat);
};

struct rdev {
    u16 devno;
    u32 sid;                    /* subsystem identification for SSCH etc. */
    u16 cu_type, dev_type;
    u8 cu_model, dev_model;
    bool sensed;                /* SENSE ID answered */
    enum rdev_class cls;
    const struct rdev_driver *drv;
    void *priv;                 /* the driver's state */
    struct ioreq *active;
    struct ioreq *qhead, *qtail;
    u8 sense[32];               /* last sense bytes a driver read */
    u32 starts, interrupts, unsolicited_count;
};

struct ioreq {
    struct rdev *dev;
    const struct ccw1 *cp;      /* real format-1 channel program */
    u8 key;
    u32 orb_flags;              /* extra ORB flags (e.g. ORB_SUSPEND) */
    /* results */
    bool done;
    int rc;                     /* 0 ok, RIO_ENODEV, RIO_EBUSY */
    u8 dstat, cstat;            /* accumulated unit / channel status */
    u16 residual;
    u32 ccw_addr;               /* SCSW CCW address (next CCW + 8) */
    /* completion */
    void (*complete)(struct ioreq *req);
    void *arg;
    struct ioreq *next;
};

#define RIO_ENODEV      (-1)    /* device not operational (CC 3) */
#define RIO_EHALT       (-2)    /* halted/cleared by CP */

extern struct rdev *rdevs;
extern unsigned nrdevs;

void rio_init(void);                            /* enumerate subchannels */
struct rdev *rio_find(u16 devno);
u32 rio_opcon_sid(void);                        /* 0009's subchannel, 0 if none */

/* queue a request; it starts as soon as the device is free */
void rio_start(struct ioreq *req);
/* start a request and wait for it (sleeps; at IPL, waits enabled) */
int rio_run(struct ioreq *req);
/* wait for a started request to complete */
void rio_wait(struct ioreq *req);
/* take a request off its device's queue if it has not started yet */
bool rio_dequeue(struct ioreq *req);
/* halt the active request of a device and drop the queued ones */
void rio_cancel(struct rdev *dev);

/* the I/O interruption handler: subsystem id and parameter from low core */
void rio_interrupt(u32 sid, u32 intparm);


const char *rdev_class_name(enum rdev_class c);

#endif
