/* nss.h - named saved systems and saved segments (filled in below). */
#ifndef CP_MM_NSS_H
#define CP_MM_NSS_H

#include "arch370/types.h"

/* an address space stopped mapping a shared frame: the last one to do so
 * frees it */
void nss_frame_unmapped(u32 frame);

#endif
