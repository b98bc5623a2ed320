/* init.h - starting CP's subsystems after devices and sessions exist. */
#ifndef CP_BOOT_INIT_H
#define CP_BOOT_INIT_H

void cp_subsystems_init(void);

#endif
