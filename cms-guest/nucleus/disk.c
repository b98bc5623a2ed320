/* disk.c - minidisks as numbered 800-byte blocks, through DIAGNOSE X'250'
 * (docs/diagnose.md): INIT when CMS accesses a disk, one I/O entry per
 * block read or written, REMOVE when it releases the disk. */
#include "cms-guest/core/sys.h"
#include "cms-guest/lib/cmslib.h"
#include "arch370/be.h"
#include "cp370diag.h"

#define BIO_INIT        0
#define BIO_IO          1
#define BIO_REMOVE      2
#define BIO_WRITE       1
#define BIO_READ        2
#define BIO_RC_RDONLY   4       /* INIT: ready, read-only */
#define BIO_RC_NODEV    8       /* INIT: no such minidisk */
#define BIO_RC_BLKSIZE  12      /* INIT: not 800-byte blocks */
#define ST_RANGE        1
#define ST_RDONLY       2

static u8 biopl[64] __attribute__((aligned(8)));
static u8 entry[16] __attribute__((aligned(8)));

static int x250(u16 cuu, u32 fn, u32 *rc)
{
    struct cp370_diag_regs r = { .rx = (u32)(uintptr_t)biopl, .ry = fn };
    int cc;

    put_be16(biopl, cuu);
    cc = cp370_diag_250_block_io(&r);
    *rc = r.rx1;
    return cc;
}

int sys_disk_open(u16 cuu, struct sys_disk_info *info)
{
    u32 rc;

    cms_memset(biopl, 0, sizeof biopl);
    put_be32(biopl + 24, 800);
    if (x250(cuu, BIO_INIT, &rc) != 0)
        return rc == BIO_RC_NODEV ? SYS_ENODEV : rc == BIO_RC_BLKSIZE ? SYS_EFORMAT : SYS_EIO;
    info->blocks = get_be32(biopl + 36);
    info->rdonly = rc == BIO_RC_RDONLY;
    return 0;
}

static int block_io(u16 cuu, u8 type, u32 block, const u8 *buf)
{
    u32 rc;
    int cc;

    cms_memset(biopl, 0, sizeof biopl);
    cms_memset(entry, 0, sizeof entry);
    put_be32(biopl + 28, 1);
    put_be32(biopl + 36, (u32)(uintptr_t)entry);
    entry[0] = type;
    put_be32(entry + 4, block);
    put_be32(entry + 12, (u32)(uintptr_t)buf);
    cc = x250(cuu, BIO_IO, &rc);
    if (cc == 0)
        return 0;
    if (cc == 2)
        return SYS_ENODEV;
    return entry[1] == ST_RANGE ? SYS_ERANGE : entry[1] == ST_RDONLY ? SYS_ERDONLY : SYS_EIO;
}

int sys_disk_read(u16 cuu, u32 block, u8 *buf)
{
    return block_io(cuu, BIO_READ, block, buf);
}

int sys_disk_write(u16 cuu, u32 block, const u8 *buf)
{
    return block_io(cuu, BIO_WRITE, block, buf);
}

void sys_disk_close(u16 cuu)
{
    u32 rc;

    cms_memset(biopl, 0, sizeof biopl);
    x250(cuu, BIO_REMOVE, &rc);
}
