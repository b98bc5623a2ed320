/* erase.c - ERASE fn ft [fm] [(TYPE]: erase the files that match.  fm
 * defaults to A; fn, ft and fm may be patterns (* erases on every
 * read/write disk).  TYPE names each file erased. */
#include "cms-guest/core/cmdtab.h"

int cmd_erase(struct cms_plist *p)
{
    struct cms_fid f;
    struct cms_hit *hits;
    bool type = false;
    u32 n, erased = 0;
    int rc;

    for (int i = 0; i < p->optc; i++) {
        if (cms_opt_is(p->optv[i], "TYPE", 1))
            type = true;
        else if (cms_opt_is(p->optv[i], "NOTYPE", 3))
            type = false;
        else
            return cms_bad_option("ERS", p->optv[i]);
    }
    if (p->argc > 4)
        return cms_bad_operand("ERS", p->argv[4]);
    if ((rc = cms_fid_parse(&f, p->argv + 1, p->argc - 1, "A", FID_PATTERN, "ERS")) != RC_OK)
        return rc;
    if (f.fm[0] != '*') {
        struct cms_disk *d;
        if ((rc = cms_target_disk(&f, &d, "ERS")) != RC_OK)
            return rc;
    }
    if ((rc = cms_collect(&f, &hits, &n)) != CMS_OK)
        return cms_fs_error("ERS", rc, "");
    for (u32 i = 0; i < n; i++) {
        char what[32];
        if (hits[i].disk->rdonly)
            continue;                   /* only with fm *: read-only disks are passed over */
        cms_hit_text(&hits[i], what, sizeof what);
        rc = cms_erase(hits[i].disk->fs, &hits[i].info.id);
        if (rc != CMS_OK) {
            cms_release(hits);
            return cms_fs_error("ERS", rc, what);
        }
        if (type)
            cms_type(what);
        erased++;
    }
    cms_release(hits);
    if (!erased) {
        cms_msg_notfound("DMSERS002E", "FILE '%s %s %s' NOT FOUND", f.fn, f.ft, f.fm);
        return RC_NOTFOUND;
    }
    return RC_OK;
}
