/* vconfig.c - the LOGON and LOGOFF hooks of the device subsystems. */
#include "cp/vm/vconfig.h"

#define MAX_HOOKS 8

static vconfig_logon_fn ons[MAX_HOOKS];
static vconfig_logoff_fn offs[MAX_HOOKS];
static unsigned nhooks;

void vconfig_register(vconfig_logon_fn on, vconfig_logoff_fn off)
{
    if (nhooks < MAX_HOOKS) {
        ons[nhooks] = on;
        offs[nhooks] = off;
        nhooks++;
    }
}

void vconfig_logon(struct vm *vm, const struct dir_user *d)
{
    for (unsigned i = 0; i < nhooks; i++)
        if (ons[i])
            ons[i](vm, d);
}

void vconfig_logoff(struct vm *vm)
{
    for (unsigned i = nhooks; i-- > 0; )
        if (offs[i])
            offs[i](vm);
}
