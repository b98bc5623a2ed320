/* release.c - RELEASE mode|cuu: the disk is no longer accessed. */
#include "cms-guest/core/cmdtab.h"
#include "cms-guest/core/disks.h"

int cmd_release(struct cms_plist *p)
{
    struct cms_disk *d = NULL;
    char mode;
    u16 cuu;

    if (p->optc)
        return cms_bad_option("ARE", p->optv[0]);
    if (p->argc < 2)
        return cms_missing_operand("ARE", "MODE OR DEVICE ADDRESS");
    if (p->argc > 2)
        return cms_bad_operand("ARE", p->argv[2]);
    if (cms_parse_mode(p->argv[1], &mode))
        d = cms_disk_by_mode(mode);
    else if (cms_parse_cuu(p->argv[1], &cuu))
        d = cms_disk_by_cuu(cuu);
    else
        return cms_bad_operand("ARE", p->argv[1]);
    if (!d) {
        cms_msg("DMSARE069E", "DISK '%s' NOT ACCESSED", p->argv[1]);
        return RC_DISK;
    }
    cms_disk_release(d);
    return RC_OK;
}
