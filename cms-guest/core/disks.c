/* disks.c - the disks CMS has accessed, one per mode letter A-Z.
 *
 * A disk is a minidisk CP gives the virtual machine; CMS reads and writes
 * its 800-byte blocks by number (sys_disk_*, DIAGNOSE X'250') and keeps
 * the file directory in storage (cms-guest/fs).  The search order for
 * files is the order of the mode letters. */
#include "cms-guest/core/cms.h"
#include "cms-guest/core/disks.h"

struct cms_disk cms_disks[26];

static int blk_read(void *ctx, u32 block, u8 *buf)
{
    return sys_disk_read((u16)(uintptr_t)ctx, block, buf) == 0 ? 0 : -1;
}

static int blk_write(void *ctx, u32 block, const u8 *buf)
{
    return sys_disk_write((u16)(uintptr_t)ctx, block, buf) == 0 ? 0 : -1;
}

struct cms_disk *cms_disk_by_mode(char mode)
{
    mode = (char)cms_toupper((unsigned char)mode);
    if (mode < 'A' || mode > 'Z' || !cms_disks[mode - 'A'].mode)
        return NULL;
    return &cms_disks[mode - 'A'];
}

struct cms_disk *cms_disk_by_cuu(u16 cuu)
{
    for (int i = 0; i < 26; i++)
        if (cms_disks[i].mode && cms_disks[i].cuu == cuu)
            return &cms_disks[i];
    return NULL;
}

int cms_disk_open(u16 cuu, struct cms_blkdev *dev, bool *rdonly)
{
    struct sys_disk_info info;
    u32 cyls;
    int rc = sys_disk_open(cuu, &info);

    if (rc == SYS_ENODEV)
        return ACC_NODEV;
    if (rc == SYS_ENOTSUP)
        return ACC_NOTSUP;
    if (rc == SYS_EFORMAT)
        return ACC_BLKSIZE;
    if (rc != 0 || info.blocks < 5)
        return ACC_IO;
    /* 570 blocks a cylinder: the 3350 layout of X'250' and of the format */
    cyls = info.blocks / 570 ? info.blocks / 570 : 1;
    dev->ctx = (void *)(uintptr_t)cuu;
    dev->read = blk_read;
    dev->write = blk_write;
    dev->cyls = (u16)cyls;
    dev->blocks = info.blocks > 65531 ? 65531 : info.blocks;
    *rdonly = info.rdonly;
    return ACC_OK;
}

static int mount(struct cms_disk *d)
{
    int rc = cms_mount(&d->fs, &d->dev, &cms_fsenv, d->rdonly ? CMS_MOUNT_RDONLY : 0);

    if (rc == CMS_OK)
        return ACC_OK;
    d->fs = NULL;
    return rc == CMS_ENOTCMS ? ACC_NOTCMS : rc == CMS_ENOMEM ? ACC_NOMEM : ACC_IO;
}

/* The file system keeps a pointer to the disk's block device, so a disk
 * is mounted where it lives (in cms_disks); a trial mount first makes
 * sure a failed ACCESS leaves the disks as they were. */
int cms_disk_access(u16 cuu, char mode, bool force_rdonly)
{
    struct cms_disk d = { 0 }, *old, *slot = &cms_disks[mode - 'A'];
    int rc;

    rc = cms_disk_open(cuu, &d.dev, &d.rdonly);
    if (rc != ACC_OK)
        return rc;
    d.mode = mode;
    d.cuu = cuu;
    d.rdonly = d.rdonly || force_rdonly;
    rc = mount(&d);
    if (rc != ACC_OK) {
        if (!cms_disk_by_cuu(cuu))
            sys_disk_close(cuu);
        return rc;
    }
    cms_unmount(d.fs);
    d.fs = NULL;
    /* one mode per disk and one disk per mode: the new access wins */
    if ((old = cms_disk_by_cuu(cuu)) != NULL)
        cms_disk_drop(old, false);
    if ((old = cms_disk_by_mode(mode)) != NULL)
        cms_disk_release(old);
    *slot = d;
    rc = mount(slot);
    if (rc != ACC_OK) {
        cms_disk_release(slot);
        return rc;
    }
    return ACC_OK;
}

void cms_disk_drop(struct cms_disk *d, bool close_device)
{
    if (d->fs)
        cms_unmount(d->fs);
    if (close_device)
        sys_disk_close(d->cuu);
    cms_memset(d, 0, sizeof *d);
}

void cms_disk_release(struct cms_disk *d)
{
    cms_disk_drop(d, true);
}

void cms_disk_remount_all(void)
{
    for (int i = 0; i < 26; i++) {
        struct cms_disk *d = &cms_disks[i];
        if (!d->mode)
            continue;
        d->fs = NULL;                   /* its storage went with the old heap */
        if (mount(d) != ACC_OK) {
            cms_msg("DMSABN155W", "DISK %c (%03X) COULD NOT BE ACCESSED AGAIN; IT IS RELEASED",
                    d->mode, d->cuu);
            cms_disk_release(d);
        }
    }
}

const char *cms_disk_label(const struct cms_disk *d, char out[7])
{
    struct cms_stats st;

    cms_query_disk(d->fs, &st);
    cms_ebc_unfield(out, 7, st.label, 6);
    return out;
}

void cms_access_msg(int acc, u16 cuu, char mode)
{
    switch (acc) {
    case ACC_NODEV:
        cms_msg("DMSACC113S", "%c(%03X) NOT ATTACHED", mode, cuu);
        break;
    case ACC_NOTSUP:
        cms_msg("DMSACC112S", "%c(%03X) DEVICE ERROR: CP OFFERS NO BLOCK I/O (DIAGNOSE X'250')",
                mode, cuu);
        break;
    case ACC_BLKSIZE:
        cms_msg("DMSACC112S", "%c(%03X) DEVICE ERROR: THE DISK HAS NO 800-BYTE BLOCKS", mode, cuu);
        break;
    case ACC_NOTCMS:
        cms_msg("DMSACC060E", "%c(%03X) IS NOT A CMS DISK; FORMAT IT WITH: FORMAT %03X %c",
                mode, cuu, cuu, mode);
        break;
    case ACC_NOMEM:
        cms_msg("DMSACC109S", "VIRTUAL STORAGE CAPACITY EXCEEDED");
        break;
    default:
        cms_msg("DMSACC112S", "%c(%03X) DEVICE ERROR", mode, cuu);
        break;
    }
}

int cms_access_rc(int acc)
{
    return acc == ACC_OK ? RC_OK : acc == ACC_NOMEM ? RC_NOMEM : RC_IO;
}
