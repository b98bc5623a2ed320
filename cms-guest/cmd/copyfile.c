/* copyfile.c - COPYFILE fn1 ft1 fm1 [fn2 [ft2 [fm2]]] [(options]: copy
 * files.  The source may be a pattern; = in the target (the default for
 * each part left out) keeps that part of the source's id.
 *
 * Options: REPLACE (the target may exist), APPEND (add to the target),
 * NEWFILE (the target must not exist, the default), TYPE (name each file
 * written), RECFM F|V and LRECL n (the target's format; F records are
 * padded with blanks or cut, V records lose their trailing blanks),
 * UPCASE / LOWCASE (translate the text). */
#include "cms-guest/core/cmdtab.h"
#include "arch370/ebcdic.h"

struct copyopts {
    bool replace, append, type, upcase, lowcase;
    u8 recfm;                   /* 0: as the source */
    u32 lrecl;                  /* 0: as the source */
};

static int options(struct cms_plist *p, struct copyopts *o)
{
    for (int i = 0; i < p->optc; i++) {
        const char *w = p->optv[i];
        if (cms_opt_is(w, "REPLACE", 3))
            o->replace = true;
        else if (cms_opt_is(w, "APPEND", 3))
            o->append = true;
        else if (cms_opt_is(w, "NEWFILE", 4))
            o->replace = o->append = false;
        else if (cms_opt_is(w, "TYPE", 2))
            o->type = true;
        else if (cms_opt_is(w, "NOTYPE", 3))
            o->type = false;
        else if (cms_opt_is(w, "UPCASE", 3))
            o->upcase = true;
        else if (cms_opt_is(w, "LOWCASE", 4))
            o->lowcase = true;
        else if (cms_opt_is(w, "RECFM", 3) && i + 1 < p->optc) {
            const char *v = p->optv[++i];
            if ((v[0] != 'F' && v[0] != 'V') || v[1])
                return cms_bad_operand("CPY", v);
            o->recfm = v[0] == 'F' ? CMS_RECFM_F : CMS_RECFM_V;
        } else if (cms_opt_is(w, "LRECL", 3) && i + 1 < p->optc) {
            if (!cms_parse_u32(p->optv[++i], &o->lrecl) || o->lrecl < 1 || o->lrecl > 65535)
                return cms_bad_operand("CPY", p->optv[i]);
        } else {
            return cms_bad_option("CPY", w);
        }
    }
    return RC_OK;
}

static const char *pick(const char *target, const char *old)
{
    return target[0] == '=' && !target[1] ? old : target;
}

/* one record into the target's format; from F to V trailing blanks go */
static u32 convert(u8 *rec, u32 len, const struct copyopts *o, const struct cms_out *out,
                   u8 src_recfm)
{
    for (u32 i = 0; i < len; i++) {
        u8 c = rec[i];
        if (o->upcase && ebc_to_ascii[c] >= 'a' && ebc_to_ascii[c] <= 'z')
            rec[i] = ascii_to_ebc[ebc_to_ascii[c] - 'a' + 'A'];
        else if (o->lowcase && ebc_to_ascii[c] >= 'A' && ebc_to_ascii[c] <= 'Z')
            rec[i] = ascii_to_ebc[ebc_to_ascii[c] - 'A' + 'a'];
    }
    if (out->recfm == CMS_RECFM_F) {
        if (len < out->lrecl)
            cms_memset(rec + len, EBC_BLANK, out->lrecl - len);
        return out->lrecl;
    }
    while (src_recfm == CMS_RECFM_F && len > 1 && rec[len - 1] == EBC_BLANK)
        len--;
    return len;
}

static int copy_records(const struct cms_hit *src, struct cms_out *out, const struct copyopts *o)
{
    struct cms_file *f;
    u8 *rec = cms_alloc(65536);
    u32 len;
    int rc = rec ? cms_open_read(src->disk->fs, &src->info.id, &f) : CMS_ENOMEM;

    if (rc != CMS_OK) {
        cms_release(rec);
        return rc;
    }
    while ((rc = cms_read_record(f, rec, 65535, &len)) == CMS_OK)
        if ((rc = cms_out_record(out, rec, convert(rec, len, o, out, src->info.recfm))) != CMS_OK)
            break;
    cms_close_read(f);
    cms_release(rec);
    return rc == CMS_EOF ? CMS_OK : rc;
}

static int copy_one(const struct cms_hit *src, const struct cms_fid *to, const struct copyopts *o)
{
    struct cms_fid target;
    struct cms_disk *d;
    struct cms_out out;
    char fn[9], ft[9], fm[3], what[32];
    bool exists;
    int rc;

    cms_fileid_text(&src->info.id, fn, ft, fm);
    cms_strlcpy(target.fn, pick(to->fn, fn), sizeof target.fn);
    cms_strlcpy(target.ft, pick(to->ft, ft), sizeof target.ft);
    target.fm[0] = to->fm[0] == '=' ? src->disk->mode : to->fm[0];
    target.fm[1] = to->fm[0] != '=' && to->fm[1] ? to->fm[1] : fm[1] ? fm[1] : '1';
    target.fm[2] = 0;
    if ((rc = cms_target_disk(&target, &d, "CPY")) != RC_OK)
        return rc;
    cms_snprintf(what, sizeof what, "%s %s %s", target.fn, target.ft, target.fm);
    {
        struct cms_fileid id;
        exists = cms_fileid_make(&id, target.fn, target.ft, target.fm) == CMS_OK &&
                 cms_state(d->fs, &id, NULL) == CMS_OK;
    }
    if (exists && !o->replace && !o->append) {
        cms_msg("DMSCPY024E", "FILE '%s' ALREADY EXISTS; SPECIFY REPLACE OR APPEND", what);
        return RC_EXISTS;
    }
    rc = cms_out_open(&out, d, target.fn, target.ft, target.fm,
                      o->recfm ? o->recfm : src->info.recfm, o->lrecl ? o->lrecl : src->info.lrecl,
                      o->append);
    if (rc == CMS_OK)
        rc = copy_records(src, &out, o);
    if (rc == CMS_OK)
        rc = cms_out_close(&out);
    else
        cms_out_abandon(&out);
    if (rc != CMS_OK)
        return cms_fs_error("CPY", rc, what);
    if (o->type)
        cms_type(what);
    return RC_OK;
}

static bool has_wild(const char *name)
{
    return cms_strchr(name, '*') || cms_strchr(name, '%');
}

int cmd_copyfile(struct cms_plist *p)
{
    struct copyopts o = { 0 };
    struct cms_fid from, to = { "=", "=", "=" };
    struct cms_hit *hits;
    u32 n;
    int rc;

    if ((rc = options(p, &o)) != RC_OK)
        return rc;
    if (p->argc < 5)
        return cms_missing_operand("CPY", "FILEID");
    if (p->argc > 7)
        return cms_bad_operand("CPY", p->argv[7]);
    if ((rc = cms_fid_parse(&from, p->argv + 1, 3, "A", FID_PATTERN, "CPY")))
        return rc;
    {
        char *w[3] = { p->argv[4], p->argc > 5 ? p->argv[5] : "=", p->argc > 6 ? p->argv[6] : "=" };
        if ((rc = cms_fid_parse(&to, w, 3, "=", FID_EQUAL, "CPY")))
            return rc;
    }
    if (!o.append && ((has_wild(from.fn) && to.fn[0] != '=') ||
                      (has_wild(from.ft) && to.ft[0] != '='))) {
        cms_msg("DMSCPY065E", "A PATTERN IN THE SOURCE NEEDS = IN THE TARGET, OR APPEND");
        return RC_PARM;
    }
    if ((rc = cms_collect(&from, &hits, &n)) != CMS_OK)
        return cms_fs_error("CPY", rc, "");
    if (n == 0) {
        cms_msg_notfound("DMSCPY002E", "FILE '%s %s %s' NOT FOUND", from.fn, from.ft, from.fm);
        return RC_NOTFOUND;
    }
    for (u32 i = 0; i < n && rc == RC_OK; i++)
        rc = copy_one(&hits[i], &to, &o);
    cms_release(hits);
    return rc;
}
