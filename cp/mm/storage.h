/* storage.h - real storage: its size and how CP divides it.
 *
 *   0 - 4K          prefix page (low core)
 *   4K - 64K        IPL channel program at IPL, then CP's abend stack
 *   64K - end of nucleus   CP text, data, bss
 *   next            CP free storage (1/8 of storage, 1M to 16M)
 *   the rest        frames for virtual machines */
#ifndef CP_MM_STORAGE_H
#define CP_MM_STORAGE_H

#include "arch370/types.h"

#define NUCLEUS_ORIGIN  0x10000u

void storage_init(void);
u32 real_storage_size(void);

#endif
