/* vur.h - virtual unit-record devices: reader, punch and printer.
 *
 * Each SPOOL statement of the directory gives the virtual machine one of
 * them at LOGON.  A guest drives them with SIO (the channel logic of
 * cp/vdev/chanprog.h) or with DIAGNOSE X'14'/X'20' (diag/spool.c); CP turns
 * what it punches or prints into spool files (cp/spool/spool.h) and feeds
 * the reader from the files in the user's reader queue.
 *
 * Output: the first record opens a file with the device's spooling
 * options (SPOOL command: TO user, CLASS, COPY, HOLD, CONT); CLOSE (or
 * LOGOFF, DETACH) closes it and puts it in its queue: the owner's printer
 * or punch queue, or with TO the other user's reader, who is told.
 *
 * Input: a read takes the first file of the reader queue that is not held
 * and of the device's class; after its last card the next read ends with
 * unit exception and the file is purged (kept, held, with SPOOL RDR
 * HOLD).  With CONT the files are read one after another as one deck.  An
 * empty reader gives unit check, intervention required. */
#ifndef CP_SPOOL_VUR_H
#define CP_SPOOL_VUR_H

#include "cp/spool/spool.h"
#include "cp/vdev/chanprog.h"

struct vm;
struct vdev;
struct user;

#define VUR_PUNCH_MAX   80      /* a card */
#define VUR_PRINT_MAX   132     /* a 1403 line */

struct vur {
    struct chanprog cp;
    u8 kind;                    /* SPOOL_RDR, SPOOL_PRT, SPOOL_PUN */
    /* spooling options (SPOOL command) */
    char to[9];                 /* output goes to this user's reader; "" = own queue */
    char cls;                   /* output class; for a reader the class it reads, '*' any */
    u8 copies;
    bool hold, cont;
    char form[9], dist[9];      /* SPOOL ... FORM/DIST: for the next file closed; "" none */
    /* output: the open file and the record being built by data chaining */
    struct spf *out;
    u8 rec[SPOOL_MAX_RECORD];
    u16 reclen;
    /* input: the file being read and the card being given out */
    struct spf *in;
    u16 in_spid;
    u32 in_mark;                /* DIAG X'14' repeat: position of the last buffer */
    u8 card[SPOOL_MAX_RECORD];
    u16 card_len, card_pos;
    bool card_loaded;
    u8 sense;
    bool inio;                  /* the VM's task is in the store for this device */
    struct user *owner;         /* the user whose machine has the device */
};

/* at IPL: warm start the spool and register the LOGON hook */
void vur_init(void);

/* give vm a spool device of a kind (SPOOL_RDR ...) at addr; cls is the
 * directory's class ('*' any, for a reader; 0: the default) */
struct vdev *vur_attach(struct vm *vm, u16 addr, u16 type, u8 kind, char cls);
/* the struct vur of a spool device, NULL for any other device */
struct vur *vur_of(struct vdev *d);
/* the first spool device of a kind in vm (for "SPOOL PUNCH", DIAG X'14') */
struct vdev *vur_find_kind(struct vm *vm, u8 kind);

/* The VM's task runs the device's channel programs and DIAGNOSEs, and
 * sleeps in the store while pages move; a command from the user's
 * terminal (CLOSE, SPOOL ... CLOSE, DETACH) waits for that to end before
 * it touches the device's files. */
void vur_io_begin(struct vdev *d);
void vur_io_end(struct vdev *d);
void vur_wait_idle(struct vdev *d);

/* Close the open output file: puts it in its queue and sends the
 * messages; purge drops it instead.  Returns the spool id, 0 when no file
 * was open, or a SPOOL_E... code. */
int vur_close_output(struct vdev *d, bool purge);
/* close the reader's file: purged (purge) or kept in the queue */
void vur_close_input(struct vdev *d, bool purge);

/* input for DIAGNOSE X'14': open the next file (spid 0) or that file;
 * SPOOL_ENOFILE when there is none */
int vur_open_input(struct vdev *d, u16 spid);

/* one record for the printer or punch, as the guest's CCW wrote it;
 * SPOOL_OK or a SPOOL_E... code (the user has been told) */
int vur_put(struct vm *vm, struct vdev *d, u8 ccw_op, const u8 *data, u16 len);

/* spool files open for writing or reading on any device (COLD start
 * refuses while there are any, and while conspool_open_files()) */
unsigned vur_open_files(void);

/* the spool's state for the operator: is the store started? */
bool vur_spool_ready(void);
void vur_set_ready(bool ready);

/* the queue letters "RDR" "PRT" "PUN" of a device kind */
const char *vur_kind_name(u8 kind);

#endif
