/* vcons.c - the virtual 3215 console (see vcons.h). */
#include "cp/vdev/vcons.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/vdev/chanprog.h"
#include "cp/vm/user.h"
#include "cp/io/term.h"
#include "cp/mm/gmem.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "cpu.h"
#include "arch370/ccw.h"
#include "arch370/ebcdic.h"

#define INQ         8
#define LINEMAX     1024        /* longest line one write CCW chain makes */

#define CMD_WRITE       0x01
#define CMD_WRITE_CR    0x09
#define CMD_READ        0x0A
#define CMD_NOP         0x03
#define CMD_ALARM       0x0B
#define SENSE_CMD_REJ   0x80

struct vcons {
    struct chanprog cp;
    bool reading;               /* a read CCW is suspended */
    bool diag_reading;          /* a DIAGNOSE X'58' read waits */
    bool write_waiting;         /* a write waits for the terminal to catch up */
    u32 read_done;              /* bytes of the line already given */
    char inq[INQ][TERM_INMAX + 1];
    unsigned inhead, incount;
    u8 out[LINEMAX];
    u32 outlen;
    u8 sense;
};

static void (*user_write)(struct user *u, const char *line, u32 len);
static bool (*user_room)(struct user *u, u32 lines);
static void (*user_reading)(struct user *u);

void vcons_register_reading(void (*reading)(struct user *u))
{
    user_reading = reading;
}

static void reading_begins(struct vm *vm)
{
    if (vm->user && user_reading)
        user_reading(vm->user);
}

void vcons_register_terminal(void (*write)(struct user *u, const char *line, u32 len),
                             bool (*room)(struct user *u, u32 lines))
{
    user_write = write;
    user_room = room;
}

static struct vcons *vc_of(struct vdev *d)
{
    return d->priv;
}

/* what the user is shown for each EBCDIC byte: its ASCII character if
 * printable, else a blank (made at the first line; a line is translated
 * by one TRANSLATE instruction) */
static u8 shown[256];
static bool shown_ready;

void vcons_write_line(struct vm *vm, const u8 *ebcdic, u32 len)
{
    char line[TERM_LINE + 1];

    if (!shown_ready) {
        for (unsigned e = 0; e < 256; e++) {
            u8 c = ebc_to_ascii[e];
            shown[e] = (c < 0x20 || c >= 0x7F) ? ' ' : c;
        }
        shown_ready = true;
    }
    do {
        u32 n = len > TERM_LINE ? TERM_LINE : len;
        cpu_move(line, ebcdic, n);
        cpu_translate((u8 *)line, n, shown);
        line[n] = 0;
        if (vm->user && user_write)
            user_write(vm->user, line, n);
        ebcdic += n;
        len -= n;
    } while (len);
}

bool vcons_output_room(struct vm *vm, u32 lines)
{
    if (!vm->user || !user_room || user_room(vm->user, lines))
        return true;
    vcons_await_room(vm);               /* whoever asked waits for the room */
    return false;
}

void vcons_await_room(struct vm *vm)
{
    vm->room_awaited = true;
}

bool vcons_room_awaited(struct vm *vm)
{
    bool was = vm->room_awaited;

    vm->room_awaited = false;
    return was;
}

/* Give the queued line (or its rest) to a read CCW piece. */
static u16 give_input(struct vm *vm, struct vcons *vc, u32 data, u16 count, bool skip)
{
    const char *line = vc->inq[vc->inhead];
    u32 len = strlen(line);
    u32 n = len > vc->read_done ? len - vc->read_done : 0;
    u8 buf[TERM_INMAX];

    if (n > count)
        n = count;
    ebc_from_ascii(buf, line + vc->read_done, n);
    if (!skip && n)
        gmem_write(&vm->mem, data, buf, n);
    vc->read_done += n;
    return (u16)(count - n);
}

static void line_consumed(struct vcons *vc)
{
    vc->inhead = (vc->inhead + 1) % INQ;
    vc->incount--;
    vc->read_done = 0;
}

static int console_ccw(struct vm *vm, struct vdev *d, struct chanprog *cp,
                       u8 cmd, u32 data, u16 count, bool more, u16 *residual)
{
    struct vcons *vc = vc_of(d);

    switch (cmd) {
    case CMD_WRITE:
    case CMD_WRITE_CR: {
        u32 n = count;
        if (!more && !vcons_output_room(vm, (vc->outlen + n) / TERM_LINE + 1 > TERM_QLEN / 2 ?
                                        TERM_QLEN / 2 : (vc->outlen + n) / TERM_LINE + 1)) {
            vc->write_waiting = true;       /* like a 3215 still typing */
            return CP_SUSPEND;
        }
        if (vc->outlen + n > LINEMAX)
            n = LINEMAX - vc->outlen;
        if (!(cp->flags & CCW_SKIP))
            gmem_read(&vm->mem, data, vc->out + vc->outlen, n);
        vc->outlen += n;
        if (!more) {
            vcons_write_line(vm, vc->out, vc->outlen);
            vc->outlen = 0;
        }
        *residual = 0;
        return 0;
    }
    case CMD_READ:
        if (vc->incount == 0) {
            vc->reading = true;             /* VM READ until the user types */
            reading_begins(vm);
            return CP_SUSPEND;
        }
        *residual = give_input(vm, vc, data, count, cp->flags & CCW_SKIP);
        if (!more)
            line_consumed(vc);
        return 0;
    case CMD_NOP:
    case CMD_ALARM:
        *residual = 0;
        return 0;
    case CCW_CMD_SENSE: {
        u8 s = vc->sense;
        if (!(cp->flags & CCW_SKIP))
            gmem_write(&vm->mem, data, &s, 1);
        vc->sense = 0;
        *residual = (u16)(count - 1);
        return 0;
    }
    case CCW_CMD_SENSEID: {
        static const u8 id[7] = { 0xFF, 0x32, 0x15, 0x00, 0x32, 0x15, 0x00 };
        u16 n = count < sizeof id ? count : sizeof id;
        if (!(cp->flags & CCW_SKIP))
            gmem_write(&vm->mem, data, id, n);
        *residual = (u16)(count - n);
        return 0;
    }
    default:
        vc->sense = SENSE_CMD_REJ;
        *residual = count;
        return UNIT_UC;
    }
}

static int console_start(struct vm *vm, struct vdev *d, u32 ccw_addr, u8 key)
{
    struct vcons *vc = vc_of(d);

    vc->outlen = 0;
    chanprog_start(vm, d, &vc->cp, ccw_addr, key, console_ccw);
    return 0;
}

/* In the VM's task: finish a write that waited for the terminal, or a
 * read that input arrived for. */
static void console_service(struct vm *vm, struct vdev *d)
{
    struct vcons *vc = vc_of(d);

    if (vc->write_waiting) {
        struct chanprog *cp = &vc->cp;
        u16 residual = 0;
        int st;
        if (!vcons_output_room(vm, TERM_QLEN / 2 < (vc->outlen + cp->count) / TERM_LINE + 1 ?
                               TERM_QLEN / 2 : (vc->outlen + cp->count) / TERM_LINE + 1))
            return;
        vc->write_waiting = false;
        st = console_ccw(vm, d, cp, cp->cmd, cp->data, cp->count, false, &residual);
        if (st == CP_SUSPEND)
            return;
        chanprog_resume(vm, d, cp, st, residual);
    }

    while (vc->reading && vc->incount) {
        struct chanprog *cp = &vc->cp;
        bool more = (cp->flags & CCW_CD) != 0;
        u16 residual = give_input(vm, vc, cp->data, cp->count, cp->flags & CCW_SKIP);
        if (!more)
            line_consumed(vc);
        vc->reading = false;
        if (!chanprog_resume(vm, d, cp, 0, residual) && vc->incount == 0)
            break;
    }
}

static bool console_halt(struct vm *vm, struct vdev *d)
{
    struct vcons *vc = vc_of(d);

    if (!d->busy)
        return false;
    vc->reading = false;
    vc->write_waiting = false;
    vdev_post(vm, d, (vc->cp.ccw_addr + 8) & GADDR_MASK, UNIT_CE | UNIT_DE, 0, vc->cp.count);
    return true;
}

static void console_reset(struct vm *vm, struct vdev *d)
{
    struct vcons *vc = vc_of(d);
    (void)vm;
    vc->reading = false;
    vc->write_waiting = false;
    vc->outlen = 0;
    vc->sense = 0;
}

static void console_destroy(struct vm *vm, struct vdev *d)
{
    (void)vm;
    kfree(d->priv);
    d->priv = NULL;
}

static const struct vdev_ops console_ops = {
    .start = console_start,
    .halt = console_halt,
    .reset = console_reset,
    .destroy = console_destroy,
    .service = console_service,
};

struct vdev *vcons_attach(struct vm *vm, u16 addr)
{
    struct vcons *vc = kzalloc(sizeof *vc, "VCONS");
    struct vdev *d;

    if (!vc)
        return NULL;
    d = vdev_add(vm, addr, 0x3215, VDEV_CONSOLE, &console_ops, vc);
    if (!d)
        kfree(vc);
    return d;
}

struct vdev *vcons_dev(struct vm *vm)
{
    for (struct vdev *d = vm->devs; d; d = d->next)
        if (d->cls == VDEV_CONSOLE)
            return d;
    return NULL;
}

bool vcons_reading(struct vm *vm)
{
    struct vdev *d = vcons_dev(vm);
    return d && (vc_of(d)->reading || vc_of(d)->diag_reading);
}

bool vcons_take_line(struct vm *vm, char *line, size_t size)
{
    struct vdev *d = vcons_dev(vm);
    struct vcons *vc;

    if (!d || !(vc = vc_of(d))->incount || vc->reading)
        return false;
    strlcpy(line, vc->inq[vc->inhead] + vc->read_done, size);
    line_consumed(vc);
    d->attn_pending = false;            /* the attention was for this line */
    return true;
}

bool vcons_waiting(struct vm *vm)
{
    struct vdev *d = vcons_dev(vm);
    return d && (vc_of(d)->reading || vc_of(d)->diag_reading) && !vc_of(d)->incount;
}

void vcons_set_diag_read(struct vm *vm, bool waiting)
{
    struct vdev *d = vcons_dev(vm);
    bool was;

    if (!d)
        return;
    was = vc_of(d)->diag_reading;
    vc_of(d)->diag_reading = waiting;
    if (waiting && !was)
        reading_begins(vm);
}

bool vcons_input(struct vm *vm, const char *line)
{
    struct vdev *d = vcons_dev(vm);
    struct vcons *vc;

    if (!d)
        return false;
    vc = vc_of(d);
    if (vc->incount == INQ)
        return false;
    strlcpy(vc->inq[(vc->inhead + vc->incount) % INQ], line, TERM_INMAX + 1);
    vc->incount++;
    if (!vc->reading && !vc->diag_reading)
        vdev_attention(vm, d);      /* tell the guest a line is there */
    vm_kick(vm);
    return true;
}
