/* init.c - start the subsystems that need devices and sessions. */
#include "cp/boot/init.h"
#include "cp/io/mdisk.h"

void cp_subsystems_init(void)
{
    mdisk_init();
}
