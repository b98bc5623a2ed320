/* editchg.c - EDIT's LOCATE and CHANGE (strings between delimiters) and
 * the writing of the file by FILE and SAVE. */
#include "cms-guest/cmd/edit.h"

/* Cut "/a/b/ rest": the delimiter is the first character; parts[i] gets
 * the strings between delimiters (at most nparts), *rest what follows. */
static int split(const char *ops, char parts[][CMS_LINE_MAX], int nparts, const char **rest)
{
    char delim = *ops;
    const char *s = ops + 1;
    int got = 0;

    if (!delim)
        return 0;
    while (got < nparts) {
        size_t n = 0;
        while (*s && *s != delim && n + 1 < CMS_LINE_MAX)
            parts[got][n++] = *s++;
        parts[got++][n] = 0;
        if (*s != delim)
            break;
        s++;
    }
    while (*s == ' ')
        s++;
    *rest = s;
    return got;
}

static void upcase(const struct edit *e, char *s)
{
    if (e->upper)
        for (; *s; s++)
            *s = (char)cms_toupper((unsigned char)*s);
}

void edit_locate(struct edit *e, const char *ops)
{
    char target[1][CMS_LINE_MAX];
    const char *rest;

    if (split(ops, target, 1, &rest) < 1 || !target[0][0]) {
        cms_msg("DMSEDI545E", "MISSING STRING: LOCATE /STRING/");
        return;
    }
    upcase(e, target[0]);
    for (u32 i = e->cur + 1; i <= e->n; i++)
        if (cms_strstr(e->line[i - 1], target[0])) {
            e->cur = i;
            if (e->verify)
                edit_show(e);
            return;
        }
    e->cur = e->n + 1;
    cms_msg("DMSEDI546E", "NOT FOUND");
    edit_show(e);
}

/* one line with old replaced by new (every time if all); false if unchanged */
static bool change_line(struct edit *e, u32 at, const char *old, const char *new, bool all)
{
    char out[CMS_LINE_MAX], text[CMS_LINE_MAX];
    const char *s = e->line[at - 1], *hit;
    size_t n = 0, lo = cms_strlen(old), ln = cms_strlen(new);
    bool changed = false;

    while ((hit = lo ? cms_strstr(s, old) : (changed ? NULL : s)) != NULL) {
        size_t before = (size_t)(hit - s);
        if (n + before + ln + 1 >= sizeof out)
            break;
        cms_memcpy(out + n, s, before);
        cms_memcpy(out + n + before, new, ln);
        n += before + ln;
        s = hit + lo;
        changed = true;
        if (!all)
            break;
    }
    if (!changed)
        return false;
    cms_strlcpy(out + n, s, sizeof out - n);
    edit_prepare(e, out, text, sizeof text);
    return edit_replace(e, at, text);
}

void edit_change(struct edit *e, const char *ops)
{
    char parts[2][CMS_LINE_MAX], word[CMS_LINE_MAX];
    const char *rest;
    u32 count = 1, done = 0;
    bool all = false;

    if (split(ops, parts, 2, &rest) < 2) {
        cms_msg("DMSEDI545E", "MISSING STRING: CHANGE /OLD/NEW/ [N OR *] [G]");
        return;
    }
    upcase(e, parts[0]);
    upcase(e, parts[1]);
    while (*rest) {
        size_t n = 0;
        while (*rest && *rest != ' ' && n + 1 < sizeof word)
            word[n++] = (char)cms_toupper((unsigned char)*rest++);
        word[n] = 0;
        while (*rest == ' ')
            rest++;
        if (!cms_strcmp(word, "*"))
            count = 0xFFFFFFFFu;
        else if (!cms_strcmp(word, "G"))
            all = true;
        else if (!cms_isdigit((unsigned char)word[0]) ||
                 (count = (u32)cms_strtoul(word, NULL, 10)) == 0) {
            cms_msg("DMSEDI545E", "INVALID OPERAND '%s'", word);
            return;
        }
    }
    if (e->cur == 0)
        e->cur = 1;
    for (u32 i = 0; i < count && e->cur <= e->n; i++) {
        if (change_line(e, e->cur, parts[0], parts[1], all)) {
            done++;
            if (e->verify)
                edit_show(e);
        }
        if (i + 1 < count && e->cur < e->n)
            e->cur++;
        else
            break;
    }
    if (!done)
        cms_msg("DMSEDI546E", "NOT FOUND");
}

/* FILE [fn [ft [fm]]] and SAVE: write every line, replacing the file */
int edit_write(struct edit *e, const char *ops)
{
    struct cms_plist p;
    struct cms_fid f;
    struct cms_disk *d;
    struct cms_out o;
    char line[CMS_LINE_MAX], *w[3], fm[3], what[32];
    int rc;

    cms_snprintf(line, sizeof line, "FILE %s", ops);
    cms_plist_make(&p, line);
    w[0] = p.argc > 1 ? p.argv[1] : e->fn;
    w[1] = p.argc > 2 ? p.argv[2] : e->ft;
    w[2] = p.argc > 3 ? p.argv[3] : e->fm;
    if (p.argc > 4 || p.optc) {
        cms_msg("DMSEDI545E", "INVALID OPERAND '%s'", ops);
        return RC_PARM;
    }
    if ((rc = cms_fid_parse(&f, w, 3, "A", 0, "EDI")) != RC_OK ||
        (rc = cms_target_disk(&f, &d, "EDI")) != RC_OK)
        return rc;
    if (e->n == 0) {
        cms_msg("DMSEDI555E", "NO LINES IN THE FILE; NOTHING WRITTEN");
        return RC_NOFILES;
    }
    cms_fid_mode(&f, d->mode, fm);
    cms_snprintf(what, sizeof what, "%s %s %s", f.fn, f.ft, fm);
    rc = cms_out_open(&o, d, f.fn, f.ft, fm, e->recfm, e->recfm == CMS_RECFM_F ? e->lrecl : 0,
                      false);
    for (u32 i = 0; rc == CMS_OK && i < e->n; i++)
        rc = cms_out_text(&o, e->line[i], NULL);
    if (rc == CMS_OK)
        rc = cms_out_close(&o);
    else
        cms_out_abandon(&o);
    if (rc != CMS_OK)
        return cms_fs_error("EDI", rc, what);
    cms_strlcpy(e->fn, f.fn, sizeof e->fn);
    cms_strlcpy(e->ft, f.ft, sizeof e->ft);
    cms_strlcpy(e->fm, fm, sizeof e->fm);
    e->changed = false;
    return RC_OK;
}
