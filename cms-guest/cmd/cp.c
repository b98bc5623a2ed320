/* cp.c - CP [command]: pass the rest of the line to CP, as typed.  CP
 * alone stops the virtual machine in CP READ until BEGIN. */
#include "cms-guest/core/cmdtab.h"

int cmd_cp(struct cms_plist *p)
{
    return cms_cp(p->rest);
}
