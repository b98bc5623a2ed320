/* init.c - start the subsystems that need devices and sessions. */
#include "cp/boot/init.h"
#include "cp/vdev/mdisk.h"
#include "cp/mm/pager.h"
#include "cp/vm/nss.h"
#include "cp/spool/vur.h"

void cp_subsystems_init(void)
{
    mdisk_init();
    pager_init();
    nss_init();
    vur_init();
}
