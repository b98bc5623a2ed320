/* console.c - console DIAGNOSE codes: X'08' CP command, X'58' console
 * write and read, X'5C' error-message editing. */
#include "diag/diag.h"
#include "diag/fullscreen.h"
#include "cp/cmd/cmd.h"
#include "cp/vm/user.h"
#include "cp/vdev/vcons.h"
#include "cp/vm/vdev.h"
#include "cp/io/term.h"
#include "cp/kern/task.h"
#include "cp/kern/timer.h"
#include "cp/term/usermsg.h"
#include "cp/mm/gmem.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"
#include "arch370/ccw.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"
#include "cpu.h"

/* ---- X'08' CP COMMAND -------------------------------------------------------
 * Rx: address of the command text (EBCDIC; several commands may be
 * separated by X'15').  Ry: flags in bits 0-7, length in bits 8-31 (at
 * most 132).  Flag X'40': the response goes to a buffer at R(x+1) of
 * length R(y+1) (at most 8192) instead of the terminal; Rx and Ry must then
 * be even.  On return Ry holds the CP return code of the (last) command,
 * R(y+1) the response length, CC 1 if it did not all fit (R(y+1) then
 * holds the number of bytes that did not).  A length of 0 puts the
 * virtual machine in CP READ.
 * Flag X'80' (VM/370 Release 6 System Programmer's Guide): "reject a
 * password typed on the same line as LINK", which VM/370 honoured only
 * when the installation generated password suppression.  cp370 has no
 * such generation option, so, as on such a VM/370, the flag changes
 * nothing; R6 CMS sets it on every command it passes to CP. */
#define D08_NOPASSWORD  0x80
#define D08_RESPONSE    0x40
#define D08_MAXCMD      132
#define D08_MAXRESP     8192

struct response {
    u8 *buf;
    u32 size, used, lost;
};

static void collect(struct cmdctx *ctx, const char *line)
{
    struct response *r = ctx->out_arg;
    u32 n = (u32)strlen(line);

    for (u32 i = 0; i <= n; i++) {
        u8 b = i < n ? ascii_to_ebc[(u8)line[i]] : 0x15;     /* X'15' ends a line */
        if (r->used < r->size)
            r->buf[r->used++] = b;
        else
            r->lost++;
    }
}

/* A command's output to the terminal goes at the terminal's pace: the
 * virtual machine waits while its terminal has a queue's worth of lines
 * still to show (as for its own console writes), so a long display keeps
 * no more than that in CP's free storage.  A machine being logged off
 * shows the rest of nothing. */
static void to_terminal(struct cmdctx *ctx, const char *line)
{
    struct vm *vm = ctx->out_arg;

    while (!vm->kill_request && !vcons_output_room(vm, 1))
        task_sleep(vm);
    if (!vm->kill_request)
        user_msg(ctx->user, "%s", line);
}

int diag_008_cp_command(struct diag_args *a)
{
    struct vm *vm = a->vm;
    u32 ry = a->gpr[a->ry], len = ry & 0x00FFFFFF, resets = vm->resets;
    u8 flags = (u8)(ry >> 24), text[D08_MAXCMD];
    char line[D08_MAXCMD + 1];
    struct response resp = { 0 };
    struct cmdctx ctx = { 0 };
    int rc = RC_OK, prc;

    if ((flags & ~(D08_RESPONSE | D08_NOPASSWORD)) || a->rx == a->ry || len > D08_MAXCMD)
        return PGM_SPECIFICATION;
    if ((flags & D08_RESPONSE) && ((a->rx | a->ry) & 1))
        return PGM_SPECIFICATION;
    if (len == 0) {
        vm_stop(vm);
        user_msg(vm->user, "CP READ");
        priv_set_cc(a->vm, 0);
        return 0;
    }
    prc = gmem_read(&vm->mem, a->gpr[a->rx], text, len);
    if (prc)
        return prc;
    ctx.user = vm->user;
    ctx.out = to_terminal;
    ctx.out_arg = vm;
    if (flags & D08_RESPONSE) {
        resp.size = a->gpr[a->ry + 1];
        if (resp.size > D08_MAXRESP)
            return PGM_SPECIFICATION;
        prc = gmem_check(&vm->mem, a->gpr[a->rx + 1], resp.size);
        if (prc)
            return prc;
        resp.buf = kmalloc(resp.size ? resp.size : 1, "DIAG08");
        if (!resp.buf)
            return -1;
        ctx.out = collect;
        ctx.out_arg = &resp;
    }
    /* each X'15'-separated command in turn */
    for (u32 start = 0; start <= len; ) {
        u32 end = start;
        while (end < len && text[end] != 0x15)
            end++;
        ebc_to_ascii_buf(line, text + start, end - start);
        line[end - start] = 0;
        for (u32 i = 0; line[i]; i++)
            if ((u8)line[i] < 0x20 || (u8)line[i] >= 0x7F)
                line[i] = ' ';
        rc = cmd_execute(&ctx, line);
        start = end + 1;
    }
    if (vm->resets != resets) {                 /* the command IPLed or reset */
        kfree(resp.buf);
        return 0;
    }
    if (flags & D08_RESPONSE) {
        /* checked before, but a command may have changed the storage */
        prc = gmem_write(&vm->mem, a->gpr[a->rx + 1], resp.buf, resp.used);
        if (prc) {
            kfree(resp.buf);
            return prc;
        }
        a->gpr[a->ry + 1] = resp.lost ? resp.lost : resp.used;
        priv_set_cc(a->vm, resp.lost ? 1 : 0);
        kfree(resp.buf);
    } else {
        priv_set_cc(a->vm, 0);
    }
    a->gpr[a->ry] = (u32)rc;
    return 0;
}

/* ---- X'58' CONSOLE ---------------------------------------------------------
 * Rx: address of a doubleword-aligned format-0 CCW; Ry: the console's
 * address, or -1.  CCW command X'19': write the data (at most 1760 bytes
 * of EBCDIC; X'15' starts a new line) on the user's terminal.  CCW command
 * X'0A': read a line into the data area, waiting for the user (VM READ);
 * R15 = bytes stored, CC 1 if the line was longer than the area.
 * CC 3: Ry is not the console; CC 2 with R15 = 1: a command other than
 * X'19', X'0A', X'29' or X'2A', R15 = 2: a zero or too large count.
 * X'19''s control byte and the full-screen CCWs X'29' and X'2A' are in
 * diag/fullscreen.c. */
#define D58_WRITE       0x19
#define D58_READ        0x0A
#define D58_MAXWRITE    1760

/* The data where it lies in guest storage, when it is all in one resident
 * page (the usual line), or else copied into buf: NULL and *rc set if it
 * is not addressable. */
static const u8 *write_data(struct vm *vm, u32 data, u16 count, u8 *buf, int *rc)
{
    const u8 *p = gmem_fast(&vm->mem, data, count, false);

    if (p)
        return p;
    *rc = gmem_read(&vm->mem, data, buf, count);
    return *rc ? NULL : buf;
}

static int console_write(struct diag_args *a, u32 data, u16 count, u8 ctl)
{
    struct vm *vm = a->vm;
    u8 buf[D58_MAXWRITE];
    u32 start = 0, newlines = 0, lines;
    int rc = 0;
    const u8 *p = write_data(vm, data, count, buf, &rc);

    if (!p)
        return rc;
    for (const u8 *nl = p; (nl = cpu_find_byte(nl, count - (u32)(nl - p), 0x15)) != NULL; nl++)
        newlines++;
    lines = newlines + 1;
    /* a terminal slower than the guest holds the guest back (a burst
     * longer than half the queue waits only for half) */
    lines += count / TERM_LINE;
    if (lines > TERM_QLEN / 2)
        lines = TERM_QLEN / 2;
    if (!vcons_output_room(vm, lines)) {
        while (!vcons_output_room(vm, lines)) {
            if (vm->state == VM_STOPPED || vm->kill_request) {
                vm->cpu.psw = psw370_set_ia(vm->cpu.psw, psw370_ia(vm->cpu.psw) - 4);
                return 0;
            }
            task_sleep(vm);
        }
        /* while it slept its page may have gone: where is the data now? */
        p = write_data(vm, data, count, buf, &rc);
        if (!p)
            return rc;
    }
    if (d58_display_control(a, ctl)) {
        priv_set_cc(vm, 0);
        return 0;
    }
    if (newlines == 0) {                        /* the usual case: one line */
        vcons_write_line(vm, p, count);
        priv_set_cc(vm, 0);
        return 0;
    }
    for (;;) {                                  /* X'15' ends each line */
        const u8 *nl = cpu_find_byte(p + start, count - start, 0x15);
        u32 end = nl ? (u32)(nl - p) : count;
        vcons_write_line(vm, p + start, end - start);
        if (!nl)
            break;
        start = end + 1;
    }
    priv_set_cc(vm, 0);
    return 0;
}

static int console_read(struct diag_args *a, u32 data, u16 count)
{
    struct vm *vm = a->vm;
    char line[TERM_INMAX + 1];
    u8 buf[TERM_INMAX];
    u32 n;
    u32 resets = vm->resets;
    u64 waited;
    int rc = gmem_check(&vm->mem, data, count);

    if (rc)
        return rc;
    /* wait in VM READ; if the user stops the VM (attention, LOGOFF) the
     * DIAGNOSE is backed out and runs again when the VM resumes; if he
     * IPLs it (#CP IPL), the program that asked is gone: nothing is stored */
    while (!vcons_take_line(vm, line, sizeof line)) {
        if (vm->resets != resets) {
            vcons_set_diag_read(vm, false);
            return 0;
        }
        if (vm->state == VM_STOPPED || vm->kill_request) {
            vm->cpu.psw = psw370_set_ia(vm->cpu.psw, psw370_ia(vm->cpu.psw) - 4);
            vcons_set_diag_read(vm, false);
            return 0;
        }
        vcons_set_diag_read(vm, true);
        waited = tod_now();
        task_sleep(vm);
        /* waiting for the user is not CP time (the dispatcher leaves it
         * out of the total CPU time) */
        vm->idle_tod += tod_now() - waited;
    }
    vcons_set_diag_read(vm, false);
    n = (u32)strlen(line);
    ebc_from_ascii(buf, line, n);
    rc = gmem_write(&vm->mem, data, buf, n < count ? n : count);
    if (rc)
        return rc;
    a->gpr[15] = n < count ? n : count;
    priv_set_cc(a->vm, n > count ? 1 : 0);
    return 0;
}

int diag_058_console(struct diag_args *a)
{
    u32 ccw_addr = a->gpr[a->rx], dev = a->gpr[a->ry];
    struct vdev *cons = vcons_dev(a->vm);
    struct ccw0 ccw;
    int rc;

    if (ccw_addr & 7)
        return PGM_SPECIFICATION;
    if (!cons || (dev != 0xFFFFFFFFu && dev != cons->addr)) {
        priv_set_cc(a->vm, 3);
        return 0;
    }
    rc = diag_read(a->vm, ccw_addr, ccw.b, sizeof ccw.b);
    if (rc)
        return rc;
    if (ccw0_cmd(&ccw) == D58_FSWRITE || ccw0_cmd(&ccw) == D58_FSREAD)
        return d58_fullscreen(a, &ccw);
    if (ccw0_cmd(&ccw) != D58_WRITE && ccw0_cmd(&ccw) != D58_READ) {
        a->gpr[15] = 1;
        priv_set_cc(a->vm, 2);
        return 0;
    }
    if (ccw0_count(&ccw) == 0 ||
        (ccw0_cmd(&ccw) == D58_WRITE && ccw0_count(&ccw) > D58_MAXWRITE) ||
        (ccw0_cmd(&ccw) == D58_READ && ccw0_count(&ccw) > TERM_INMAX)) {
        a->gpr[15] = 2;
        priv_set_cc(a->vm, 2);
        return 0;
    }
    if (ccw0_cmd(&ccw) == D58_WRITE)
        return console_write(a, ccw0_addr(&ccw), ccw0_count(&ccw), d58_control(&ccw));
    return console_read(a, ccw0_addr(&ccw), ccw0_count(&ccw));
}

/* ---- X'5C' ERROR MESSAGE EDITING ----------------------------------------------
 * Rx: address of a message "xxxxxxnnns text" (a 10-character code, a
 * blank, the text); Ry: its length.  Per the user's SET EMSG, Rx and Ry
 * come back describing what to show: ON the whole message, TEXT the text
 * only, CODE the code only, OFF nothing (Ry = 0). */
#define EMSG_CODE_LEN   10

int diag_05C_emsg(struct diag_args *a)
{
    u32 addr = a->gpr[a->rx], len = a->gpr[a->ry];
    u8 blank;
    bool has_code;
    int rc;

    if (len > 0xFFFF)
        return PGM_SPECIFICATION;
    rc = gmem_check(&a->vm->mem, addr, len);
    if (rc)
        return rc;
    has_code = len > EMSG_CODE_LEN && gmem_fetch8(&a->vm->mem, addr + EMSG_CODE_LEN, &blank) == 0 &&
               blank == EBC_BLANK;
    switch (a->vm->user->emsg) {
    case 'F':
        a->gpr[a->ry] = 0;
        break;
    case 'C':
        if (has_code)
            a->gpr[a->ry] = EMSG_CODE_LEN;
        break;
    case 'T':
        if (has_code) {
            a->gpr[a->rx] = addr + EMSG_CODE_LEN + 1;
            a->gpr[a->ry] = len - EMSG_CODE_LEN - 1;
        }
        break;
    default:                                    /* ON: the whole message */
        break;
    }
    return 0;
}
