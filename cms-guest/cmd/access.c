/* access.c - ACCESS [cuu [mode]]: make the files of the disk at virtual
 * address cuu available as mode (A-Z); with no operands, 191 as A.  A disk
 * already at that mode is released; the same disk at another mode moves. */
#include "cms-guest/core/cmdtab.h"
#include "cms-guest/core/disks.h"

int cmd_access(struct cms_plist *p)
{
    u16 cuu = 0x191;
    char mode = 'A';
    struct cms_disk *old;
    u16 replaced = 0;
    int acc;

    if (p->optc)
        return cms_bad_option("ACC", p->optv[0]);
    if (p->argc > 3)
        return cms_bad_operand("ACC", p->argv[3]);
    if (p->argc >= 2 && !cms_parse_cuu(p->argv[1], &cuu))
        return cms_bad_operand("ACC", p->argv[1]);
    if (p->argc == 2)
        return cms_missing_operand("ACC", "MODE");
    if (p->argc == 3 && !cms_parse_mode(p->argv[2], &mode)) {
        cms_msg("DMSACC048E", "INVALID MODE '%s'", p->argv[2]);
        return RC_PARM;
    }
    if ((old = cms_disk_by_mode(mode)) != NULL && old->cuu != cuu)
        replaced = old->cuu;
    acc = cms_disk_access(cuu, mode, false);
    if (acc != ACC_OK) {
        cms_access_msg(acc, cuu, mode);
        return cms_access_rc(acc);
    }
    if (replaced)
        cms_msg("DMSACC724I", "%03X REPLACES %c (%03X)", cuu, mode, replaced);
    if (cms_disk_by_mode(mode)->rdonly)
        cms_msg("DMSACC723I", "%c (%03X) R/O", mode, cuu);
    return RC_OK;
}
