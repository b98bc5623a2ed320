/* records.c - what PUNCH, PRINT and DISK DUMP share: every record of a
 * file handed to a function, and the unit-record devices of a CMS
 * virtual machine with CP's CLOSE that sends their files on. */
#include "cms-guest/core/cms.h"

int cms_each_record(const struct cms_hit *h, int (*fn)(void *ctx, const u8 *rec, u32 len),
                    void *ctx)
{
    u32 size = h->info.lrecl ? h->info.lrecl : 1, len;
    u8 *rec = cms_alloc(size);
    struct cms_file *f = NULL;
    int rc = rec ? cms_open_read(h->disk->fs, &h->info.id, &f) : CMS_ENOMEM;

    while (rc == CMS_OK) {
        rc = cms_read_record(f, rec, size, &len);
        if (rc == CMS_ETRUNC)
            rc = CMS_OK, len = size;
        if (rc == CMS_OK)
            rc = fn(ctx, rec, len);
    }
    if (f)
        cms_close_read(f);
    cms_release(rec);
    return rc == CMS_EOF ? CMS_OK : rc;
}

/* CLOSE the punch or printer: CP sends the file on and says where */
void cms_ur_close(u16 cuu)
{
    char cmd[16];

    cms_snprintf(cmd, sizeof cmd, "CLOSE %03X", cuu);
    cms_cp(cmd);
}

int cms_ur_error(const char *mod, int sysrc, u16 cuu)
{
    char id[12];

    if (sysrc == SYS_ENODEV) {
        cms_msg(cms_msgid(id, mod, "113S"), "DEVICE %03X NOT ATTACHED", cuu);
        return RC_IO;
    }
    cms_msg(cms_msgid(id, mod, "105S"), "ERROR ON DEVICE %03X (%s)", cuu,
            sysrc == SYS_ENOTSUP ? "CP OFFERS NO SPOOL I/O" : "I/O ERROR OR SPOOL FULL");
    return RC_IO;
}
