/* init.c - start the subsystems that need devices and sessions. */
#include "cp/boot/init.h"
#include "cp/mm/pager.h"

void cp_subsystems_init(void)
{
    pager_init();
}
