/* init.c - start the subsystems that need devices and sessions. */
#include "cp/boot/init.h"

void cp_subsystems_init(void)
{
}
