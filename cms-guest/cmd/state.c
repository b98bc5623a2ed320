/* state.c - STATE fn ft [fm]: return code 0 if the file exists, 28 if
 * not.  fm defaults to *, every accessed disk in search order; fn and ft
 * may be patterns. */
#include "cms-guest/core/cmdtab.h"

int cmd_state(struct cms_plist *p)
{
    struct cms_fid f;
    struct cms_hit hit;
    int rc;

    if (p->optc)
        return cms_bad_option("STT", p->optv[0]);
    if (p->argc > 4)
        return cms_bad_operand("STT", p->argv[4]);
    rc = cms_fid_parse(&f, p->argv + 1, p->argc - 1, "*", FID_PATTERN, "STT");
    if (rc)
        return rc;
    rc = cms_find(&f, &hit);
    if (rc == RC_DISK) {
        cms_msg("DMSSTT069E", "DISK '%c' NOT ACCESSED", f.fm[0]);
        return RC_DISK;
    }
    if (rc == RC_NOTFOUND)
        cms_msg_notfound("DMSSTT002E", "FILE '%s %s %s' NOT FOUND", f.fn, f.ft, f.fm);
    return rc;
}
