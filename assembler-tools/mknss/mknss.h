/* mknss.h - the parts of mknss, the host tool that makes a saved system
 * or saved segment from a segment file (docs/storage.md). */
#ifndef MKNSS_H
#define MKNSS_H

#include "assembler-tools/ckdimg.h"
#include "cp/io/sysres.h"
#include "cp/lib/string.h"
#include "arch370/be.h"

/* volume.c: the CP volume image the store is on */
int volume_open(const char *path);
void volume_close(void);
const char *volume_volser(void);

/* segfile.c: a segment file (header with PSW, registers, control
 * registers and one storage key per 2K block, then the pages) */
#define SEGF_PSW        0       /* 8 */
#define SEGF_GPRS       8       /* 16 x 4 */
#define SEGF_FPRS       72      /* 4 x 8 (not kept: a saved system has none) */
#define SEGF_CRS        104     /* 16 x 4 */
#define SEGF_KEYS       168     /* one byte per 2K block of the pages */
#define SEGF_HEADER     4096

struct segfile {
    u8 header[SEGF_HEADER];
    u8 *pages;                  /* 4096 bytes each */
    u32 npages;
};

int segfile_read(const char *path, struct segfile *sf);
/* the storage key (key and fetch bit) of 2K block b */
u8 segfile_key(const struct segfile *sf, u32 block);

#endif
