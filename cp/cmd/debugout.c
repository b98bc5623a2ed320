/* debugout.c - ADSTOP and TRACE lines to the terminal and the printer.
 *
 * A printer line goes into the virtual printer's own spool file, between
 * the lines the guest prints, as on VM/370; the VM's task writes it, the
 * same task that runs the guest's channel programs for that printer. */
#include "cp/cmd/debugout.h"
#include "cp/vm/vmdebug.h"
#include "cp/vm/vdev.h"
#include "cp/spool/vur.h"
#include "cp/term/usermsg.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"

#define CCW_WRITE_SP1   0x09

static void out(struct vm *vm, unsigned dest, const char *line)
{
    if (dest & VMDEBUG_TERMINAL)
        user_msg(vm->user, "%s", line);
    if (dest & VMDEBUG_PRINTER) {
        struct vdev *d = vur_find_kind(vm, SPOOL_PRT);
        u8 rec[VUR_PRINT_MAX];
        size_t n = strlen(line);
        bool mine;
        if (!d)
            return;
        if (n > sizeof rec)
            n = sizeof rec;
        ebc_from_ascii(rec, line, n);
        /* a CLOSE from the terminal waits while the spool has this file */
        mine = !vur_of(d)->inio;
        if (mine)
            vur_io_begin(d);
        vur_put(vm, d, CCW_WRITE_SP1, rec, (u16)n);
        if (mine)
            vur_io_end(d);
    }
}

void debugout_register(void)
{
    vmdebug_register(out);
}
