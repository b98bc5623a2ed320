/* exec.c - EXEC fn [args]: run fn EXEC, found in search order, with the
 * rest of the line as its arguments. */
#include "cms-guest/core/cmdtab.h"

int cmd_exec(struct cms_plist *p)
{
    const char *args = p->rest;

    if (p->argc < 2)
        return cms_missing_operand("EXC", "EXEC NAME");
    /* the arguments start after the name, as typed */
    while (*args && *args != ' ' && *args != '(')
        args++;
    while (*args == ' ')
        args++;
    return cms_exec(p->argv[1], args);
}
