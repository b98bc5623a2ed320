/* vur.c - the channel programs of the virtual reader, punch and printer
 * (see vur.h).  One CCW at a time, through cp/vdev/chanprog.c; the files
 * behind the devices are in vurfile.c.
 *
 * Command codes by their low bits, as the 2540, 3505, 3525 and 1403 take
 * them: ..01 write (punch a card, print a line: the whole code is kept
 * with the record, so spacing and skipping come back exactly), ..10 read
 * a card, ..11 control (for the printer: space or skip at once, kept as a
 * record without data; X'03' is a no-operation everywhere), X'04' sense.
 * Anything else is rejected with unit check, sense command reject. */
#include "cp/spool/vur.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/mm/gmem.h"
#include "cp/kern/freestor.h"
#include "cp/term/usermsg.h"
#include "cp/kern/task.h"
#include "arch370/ccw.h"

#define SENSE_CMD_REJ   0x80
#define SENSE_INTREQ    0x40    /* intervention required: empty reader, no spool */
#define SENSE_EQUIPCHK  0x10    /* equipment check: the spool file cannot be read */

static bool is_write(u8 cmd) { return (cmd & 3) == 1; }
static bool is_read(u8 cmd) { return (cmd & 3) == 2; }
static bool is_control(u8 cmd) { return (cmd & 3) == 3; }

static int reject(struct vur *v, u16 count, u16 *residual)
{
    v->sense = SENSE_CMD_REJ;
    *residual = count;
    return UNIT_UC;
}

static int sense(struct vm *vm, struct vur *v, struct chanprog *cp, u32 data, u16 count,
                 u16 *residual)
{
    if (!(cp->flags & CCW_SKIP))
        gmem_write(&vm->mem, data, &v->sense, 1);
    v->sense = 0;
    *residual = (u16)(count - 1);
    return 0;
}

/* A piece of a write: gather it; the last piece makes the record. */
static int write_piece(struct vm *vm, struct vdev *d, struct vur *v, struct chanprog *cp,
                       u32 data, u16 count, bool more, u16 *residual)
{
    u16 max = v->kind == SPOOL_PUN ? VUR_PUNCH_MAX : VUR_PRINT_MAX;
    u16 room = (u16)(max - v->reclen), n = count < room ? count : room;

    if (n && !(cp->flags & CCW_SKIP))
        gmem_read(&vm->mem, data, v->rec + v->reclen, n);
    v->reclen = (u16)(v->reclen + n);
    *residual = (u16)(count - n);
    if (more)
        return 0;
    n = v->reclen;
    v->reclen = 0;
    if (vur_put(vm, d, cp->cmd, v->rec, n) != SPOOL_OK) {
        v->sense = SENSE_INTREQ;
        return UNIT_UC;
    }
    return 0;
}

/* Load the next card of the reader; UX at the end of the deck, UC when
 * there is nothing to read. */
static int load_card(struct vdev *d, struct vur *v)
{
    for (;;) {
        u8 op;
        int rc;

        if (!v->in && vur_open_input(d, 0) != SPOOL_OK) {
            v->sense = SENSE_INTREQ;
            return UNIT_UC;
        }
        rc = spf_get(v->in, &op, v->card, sizeof v->card, &v->card_len);
        if (rc == SPOOL_OK) {
            if (v->card_len > sizeof v->card)
                v->card_len = sizeof v->card;
            v->card_pos = 0;
            v->card_loaded = true;
            return 0;
        }
        if (rc != SPOOL_EOF) {
            /* a DASD error or a damaged page: the file stays for later */
            user_msg(v->owner, "CPX424E RDR %03X: file %04u cannot be read: %s; it stays "
                     "in your reader", d->addr, v->in_spid, spool_strerror(rc));
            vur_close_input(d, false);
            v->sense = SENSE_EQUIPCHK;
            return UNIT_UC;
        }
        vur_close_input(d, true);           /* read to its end */
        if (!v->cont || vur_open_input(d, 0) != SPOOL_OK)
            return UNIT_UX;
    }
}

static int read_piece(struct vm *vm, struct vdev *d, struct vur *v, struct chanprog *cp,
                      u32 data, u16 count, bool more, u16 *residual)
{
    u16 n;

    if (!v->card_loaded) {
        int st = load_card(d, v);
        if (st) {
            *residual = count;
            return st;
        }
    }
    n = (u16)(v->card_len - v->card_pos);
    if (n > count)
        n = count;
    if (n && !(cp->flags & CCW_SKIP))
        gmem_write(&vm->mem, data, v->card + v->card_pos, n);
    v->card_pos = (u16)(v->card_pos + n);
    *residual = (u16)(count - n);
    if (!more)
        v->card_loaded = false;     /* the rest of the card is not read */
    return 0;
}

static int ur_ccw(struct vm *vm, struct vdev *d, struct chanprog *cp,
                  u8 cmd, u32 data, u16 count, bool more, u16 *residual)
{
    struct vur *v = vur_of(d);

    if (cmd == CCW_CMD_SENSE)
        return sense(vm, v, cp, data, count, residual);
    if (cmd == CCW_CMD_NOP) {
        *residual = 0;
        return 0;
    }
    if (v->kind == SPOOL_RDR) {
        if (is_read(cmd))
            return read_piece(vm, d, v, cp, data, count, more, residual);
        if (is_control(cmd)) {          /* feed, select stacker */
            *residual = 0;
            return 0;
        }
        return reject(v, count, residual);
    }
    if (is_write(cmd))
        return write_piece(vm, d, v, cp, data, count, more, residual);
    if (is_control(cmd)) {
        *residual = 0;
        if (v->kind == SPOOL_PRT && vur_put(vm, d, cmd, NULL, 0) != SPOOL_OK) {
            v->sense = SENSE_INTREQ;
            return UNIT_UC;
        }
        return 0;                       /* the punch's stacker selects */
    }
    return reject(v, count, residual);
}

static int ur_start(struct vm *vm, struct vdev *d, u32 ccw_addr, u8 key)
{
    struct vur *v = vur_of(d);

    v->reclen = 0;
    vur_io_begin(d);
    chanprog_start(vm, d, &v->cp, ccw_addr, key, ur_ccw);
    vur_io_end(d);
    return 0;
}

void vur_io_begin(struct vdev *d)
{
    vur_of(d)->inio = true;
}

void vur_io_end(struct vdev *d)
{
    vur_of(d)->inio = false;
    task_wakeup(vur_of(d));
}

void vur_wait_idle(struct vdev *d)
{
    while (vur_of(d) && vur_of(d)->inio)
        task_sleep(vur_of(d));
}

/* every channel program ends before SIO returns: nothing to halt */
static bool ur_halt(struct vm *vm, struct vdev *d)
{
    (void)vm;
    (void)d;
    return false;
}

static void ur_reset(struct vm *vm, struct vdev *d)
{
    struct vur *v = vur_of(d);
    (void)vm;
    v->reclen = 0;
    v->sense = 0;
    v->card_loaded = false;
}

static void ur_destroy(struct vm *vm, struct vdev *d)
{
    (void)vm;
    vur_wait_idle(d);
    vur_close_output(d, false);
    if (vur_of(d)->in)
        vur_close_input(d, false);
    kfree(d->priv);
    d->priv = NULL;
}

/* IPL from the reader: the implied READ of the first card's 24 bytes,
 * then the deck's own CCWs */
static int ur_ipl(struct vm *vm, struct vdev *d, struct vdev_ipl *r)
{
    struct vur *v = vur_of(d);
    u8 csw[8];
    bool ended;

    if (v->kind != SPOOL_RDR)
        return VDEV_NOT_IPLABLE;
    /* IPL starts at the first card of a file: one the guest was reading
     * counts as read (purged, or kept held with SPOOL RDR HOLD) */
    if (v->in)
        vur_close_input(d, true);
    v->reclen = 0;
    vur_io_begin(d);
    ended = chanprog_ipl(vm, d, &v->cp, 0x02, ur_ccw);
    vur_io_end(d);
    if (!ended)
        return -1;
    vdev_take_pending(d, csw);              /* the IPL is not an interruption */
    d->busy = false;
    r->ccw = (get_be24(csw + 1) - 8) & GADDR_MASK;
    r->unit = csw[4];
    r->chan = csw[5];
    r->sense0 = v->sense;
    r->endless = v->cp.endless;
    return (r->unit & (UNIT_UC | UNIT_UX)) || r->chan ? -1 : 0;
}

static const struct vdev_ops vur_ops = {
    .start = ur_start,
    .halt = ur_halt,
    .reset = ur_reset,
    .destroy = ur_destroy,
    .ipl = ur_ipl,
};

struct vur *vur_of(struct vdev *d)
{
    return d && d->ops == &vur_ops ? d->priv : NULL;
}

static enum vdev_class class_of(u8 kind)
{
    return kind == SPOOL_RDR ? VDEV_READER : kind == SPOOL_PUN ? VDEV_PUNCH : VDEV_PRINTER;
}

struct vdev *vur_attach(struct vm *vm, u16 addr, u16 type, u8 kind, char cls)
{
    struct vur *v = kzalloc(sizeof *v, "VUR");
    struct vdev *d;

    if (!v)
        return NULL;
    v->kind = kind;
    v->owner = vm->user;
    if (kind != SPOOL_RDR && (cls == '*' || !cls))
        cls = 'A';
    v->cls = cls ? cls : '*';
    v->copies = 1;
    d = vdev_add(vm, addr, type, class_of(kind), &vur_ops, v);
    if (!d)
        kfree(v);
    return d;
}
