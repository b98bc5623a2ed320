/* fullscreen.c - DIAGNOSE X'58' on a 3270 (see fullscreen.h).
 *
 * VM/SP System Programmer's Guide, "DIAGNOSE Code X'58'": the display
 * CCW X'19' carries a control byte (start line, erase first, X'FF'
 * clear); the full-screen CCWs X'29' and X'2A' let the guest write its
 * own 3270 data stream and read the keys the user pressed on it.  VM/SP
 * ran them as I/O with interruptions (an attention for each key, unit
 * status X'8E' when CP had taken the screen); cp370 runs them at once,
 * as its line read: the read waits for the key, and a screen CP took
 * back is a return code that tells the guest to draw its screen again. */
#include "diag/fullscreen.h"
#include "cp/term/session.h"
#include "cp/vm/user.h"
#include "cp/io/term.h"
#include "cp/vdev/vcons.h"
#include "cp/kern/task.h"
#include "cp/kern/timer.h"
#include "cp/kern/freestor.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
#include "arch370/pgm.h"

/* X'19' control byte */
#define CTL_ERASE       0x80    /* clear the output area first */
#define CTL_LINE        0x3F    /* the line to start at */
#define CTL_CLEAR       0xFF    /* clear the output area, write nothing */
#define CTL_CLEAR_ALL   0xFE    /* VM/SP: erase and redraw CP's screen */

/* X'29' / X'2A' control byte */
#define FS_ERASE        0x80    /* X'29': erase/write; X'2A': read modified */
#define FS_ALTERNATE    0x40    /* X'29': erase/write alternate (not offered) */
#define FS_WSF          0x20    /* X'29': write structured field (not offered) */
#define FS_PA1          0x10    /* X'29' with X'80': PA1 goes to the guest */

/* R15 with CC 2 (1 and 2 are diag/console.c's) */
#define R15_NOT3270     3       /* the user's terminal is not a 3270 */
#define R15_REDRAW      4       /* the screen is CP's: erase/write first */
#define R15_CONTROL     5       /* control bits cp370 does not offer */

static struct session *user_session(struct vm *vm)
{
    return vm->user ? vm->user->sess : NULL;
}

bool d58_display_control(struct diag_args *a, u8 ctl)
{
    struct session *s = user_session(a->vm);

    if (ctl == CTL_CLEAR || ctl == CTL_CLEAR_ALL) {
        session_write_control(s, TL_CLEAR, 0);
        return true;
    }
    if (ctl & (CTL_ERASE | CTL_LINE))
        session_write_control(s, (u8)(((ctl & CTL_ERASE) ? TL_CLEAR : 0) | ((ctl & CTL_LINE) ? TL_ROW : 0)),
                              ctl & CTL_LINE);
    return false;
}

static int end(struct diag_args *a, int cc, u32 r15)
{
    if (cc)
        a->gpr[15] = r15;
    priv_set_cc(a->vm, cc);
    return 0;
}

/* the DIAGNOSE runs again when the virtual machine resumes */
static int back_out(struct vm *vm)
{
    vm->cpu.psw = psw370_set_ia(vm->cpu.psw, psw370_ia(vm->cpu.psw) - 4);
    return 0;
}

static int fs_write(struct diag_args *a, u32 data, u16 count, u8 ctl)
{
    struct vm *vm = a->vm;
    u8 *buf;
    int rc;

    if (ctl & ~(FS_ERASE | FS_PA1))
        return end(a, 2, R15_CONTROL);
    buf = kmalloc(count, "FSWRITE");
    if (!buf)
        return -1;
    rc = gmem_read(&vm->mem, data, buf, count);
    if (rc) {
        kfree(buf);
        return rc;
    }
    /* CP's own lines go out first; while the user is disconnected the
     * write is dropped (the next read tells the guest to redraw) */
    for (;;) {
        struct term *t = session_term(user_session(vm));
        if (!t) {
            rc = TFS_OK;
            break;
        }
        rc = term_fs_write(t, ctl & FS_ERASE, (ctl & FS_PA1) && (ctl & FS_ERASE), buf, count);
        if (rc != TFS_BUSY)
            break;
        if (vm->state == VM_STOPPED || vm->kill_request) {
            kfree(buf);
            return back_out(vm);
        }
        vcons_await_room(vm);           /* woken when the terminal is done */
        task_sleep(vm);
    }
    kfree(buf);
    if (rc == TFS_NOTDISPLAY)
        return end(a, 2, R15_NOT3270);
    if (rc == TFS_REDRAW)
        return end(a, 2, R15_REDRAW);
    return end(a, 0, 0);
}

static int fs_read(struct diag_args *a, u32 data, u16 count, u8 ctl)
{
    struct vm *vm = a->vm;
    u32 resets = vm->resets;
    int rc;

    if (ctl != FS_ERASE)                /* read buffer is not offered */
        return end(a, 2, R15_CONTROL);
    rc = gmem_check(&vm->mem, data, count);
    if (rc)
        return rc;
    for (;;) {
        struct session *s = user_session(vm);
        struct term *t = session_term(s);
        const u8 *rec;
        unsigned n;
        u64 waited;

        if (t) {
            if (!term_is_display(t))
                return end(a, 2, R15_NOT3270);
            rec = session_fs_take(s, &n);
            if (rec) {
                rc = gmem_write(&vm->mem, data, rec, n < count ? n : count);
                if (rc)
                    return rc;
                a->gpr[15] = n < count ? n : count;
                priv_set_cc(vm, n > count ? 1 : 0);
                return 0;
            }
            if (!term_fs_owned(t))
                return end(a, 2, R15_REDRAW);
        }
        /* no key yet, or no terminal (disconnected: reconnecting wakes us) */
        if (vm->resets != resets)
            return 0;                   /* IPLed meanwhile: nobody asked any more */
        if (vm->state == VM_STOPPED || vm->kill_request)
            return back_out(vm);
        waited = tod_now();
        task_sleep(vm);
        vm->idle_tod += tod_now() - waited;
    }
}

int d58_fullscreen(struct diag_args *a, const struct ccw0 *ccw)
{
    u16 count = ccw0_count(ccw);

    if (count == 0 || count > TFS_MAX)
        return end(a, 2, 2);
    if (ccw0_cmd(ccw) == D58_FSWRITE)
        return fs_write(a, ccw0_addr(ccw), count, d58_control(ccw));
    return fs_read(a, ccw0_addr(ccw), count, d58_control(ccw));
}
