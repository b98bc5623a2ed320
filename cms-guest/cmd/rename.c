/* rename.c - RENAME fn1 ft1 fm1 fn2 ft2 fm2 [(TYPE]: give files new names
 * on the same disk.  The source may be a pattern; = in the target keeps
 * that part of each source name. */
#include "cms-guest/core/cmdtab.h"

/* the new name: = keeps the old one */
static const char *pick(const char *target, const char *old)
{
    return target[0] == '=' && !target[1] ? old : target;
}

static int rename_one(const struct cms_hit *h, const struct cms_fid *to, bool type)
{
    char fn[9], ft[9], fm[3], what[32], newname[32];
    struct cms_fileid newid;
    int rc;

    cms_fileid_text(&h->info.id, fn, ft, fm);
    cms_hit_text(h, what, sizeof what);
    rc = cms_fileid_make(&newid, pick(to->fn, fn), pick(to->ft, ft), NULL);
    cms_snprintf(newname, sizeof newname, "%s %s %c", pick(to->fn, fn), pick(to->ft, ft),
                 h->disk->mode);
    if (rc == CMS_OK)
        rc = cms_rename(h->disk->fs, &h->info.id, &newid);
    if (rc != CMS_OK)
        return cms_fs_error("RNM", rc, rc == CMS_EEXIST ? newname : what);
    if (type)
        cms_type(newname);
    return RC_OK;
}

int cmd_rename(struct cms_plist *p)
{
    struct cms_fid from, to;
    struct cms_hit *hits;
    struct cms_disk *d;
    bool type = false;
    u32 n;
    int rc;

    for (int i = 0; i < p->optc; i++) {
        if (!cms_opt_is(p->optv[i], "TYPE", 1) && !cms_opt_is(p->optv[i], "NOTYPE", 3))
            return cms_bad_option("RNM", p->optv[i]);
        type = p->optv[i][0] == 'T';
    }
    if (p->argc < 7)
        return cms_missing_operand("RNM", "FILEID");
    if (p->argc > 7)
        return cms_bad_operand("RNM", p->argv[7]);
    if ((rc = cms_fid_parse(&from, p->argv + 1, 3, "A", FID_PATTERN, "RNM")) ||
        (rc = cms_fid_parse(&to, p->argv + 4, 3, "=", FID_EQUAL, "RNM")))
        return rc;
    if (from.fm[0] == '*') {
        cms_msg("DMSRNM048E", "INVALID MODE '*': NAME THE DISK OF THE FILE");
        return RC_PARM;
    }
    if (to.fm[0] != '=' && to.fm[0] != from.fm[0]) {
        cms_msg("DMSRNM048E", "INVALID MODE '%s': A FILE IS RENAMED ON ITS OWN DISK", to.fm);
        return RC_PARM;
    }
    if ((rc = cms_target_disk(&from, &d, "RNM")) != RC_OK)
        return rc;
    if ((rc = cms_collect(&from, &hits, &n)) != CMS_OK)
        return cms_fs_error("RNM", rc, "");
    if (n == 0) {
        cms_msg_notfound("DMSRNM002E", "FILE '%s %s %s' NOT FOUND", from.fn, from.ft, from.fm);
        return RC_NOTFOUND;
    }
    for (u32 i = 0; i < n && rc == RC_OK; i++)
        rc = rename_one(&hits[i], &to, type);
    cms_release(hits);
    return rc;
}
