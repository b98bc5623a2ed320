/* vmdebug.c - the debug state of a virtual machine and its output. */
#include "cp/vm/vmdebug.h"
#include "cp/kern/freestor.h"
#include "cp/lib/format.h"
#include <stdarg.h>

static vmdebug_out_fn out_fn;

struct vmdebug *vmdebug_of(struct vm *vm)
{
    if (!vm->debug)
        vm->debug = kzalloc(sizeof *vm->debug, "VMDEBUG");
    return vm->debug;
}

void vmdebug_register(vmdebug_out_fn out)
{
    out_fn = out;
}

void vmdebug_say(struct vm *vm, unsigned dest, const char *fmt, ...)
{
    char line[160];
    va_list ap;

    if (!out_fn)
        return;
    va_start(ap, fmt);
    fmt_vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    out_fn(vm, dest, line);
}
