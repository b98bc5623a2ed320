/* listfile.c - LISTFILE [fn [ft [fm]]] [(options]: list the files that
 * match, in search order.  fn and ft default to *, fm to A.
 *
 * Options: HEADER (a title line), FNAME / FTYPE / FMODE (only that part),
 * FORMAT (RECFM, LRECL, records), ALLOC (blocks), DATE (all of them and
 * the date), LABEL (the disk's label), EXEC (write the list as CMS EXEC
 * A1 instead of typing it: "&1 &2 fn ft fm" a line), APPEND (the same,
 * added to CMS EXEC). */
#include "cms-guest/core/cmdtab.h"

#define SHOW_FORMAT     0x01
#define SHOW_ALLOC      0x02
#define SHOW_DATE       0x04
#define SHOW_LABEL      0x08
#define ONLY_FN         0x10
#define ONLY_FT         0x20
#define ONLY_FM         0x40

struct listopts {
    unsigned show;
    bool header, exec, append;
};

static int options(struct cms_plist *p, struct listopts *o)
{
    for (int i = 0; i < p->optc; i++) {
        const char *w = p->optv[i];
        if (cms_opt_is(w, "HEADER", 2))
            o->header = true;
        else if (cms_opt_is(w, "FNAME", 2))
            o->show |= ONLY_FN;
        else if (cms_opt_is(w, "FTYPE", 2))
            o->show |= ONLY_FT;
        else if (cms_opt_is(w, "FMODE", 2))
            o->show |= ONLY_FM;
        else if (cms_opt_is(w, "FORMAT", 3))
            o->show |= SHOW_FORMAT;
        else if (cms_opt_is(w, "ALLOC", 1))
            o->show |= SHOW_ALLOC;
        else if (cms_opt_is(w, "DATE", 1))
            o->show |= SHOW_DATE | SHOW_FORMAT | SHOW_ALLOC;
        else if (cms_opt_is(w, "LABEL", 1))
            o->show |= SHOW_LABEL | SHOW_FORMAT | SHOW_ALLOC;
        else if (cms_opt_is(w, "EXEC", 1))
            o->exec = true;
        else if (cms_opt_is(w, "APPEND", 3))
            o->exec = o->append = true;
        else
            return cms_bad_option("LST", w);
    }
    return RC_OK;
}

static void header(const struct listopts *o)
{
    char line[CMS_LINE_MAX] = "FILENAME FILETYPE FM";

    if (o->show & (SHOW_FORMAT | SHOW_ALLOC))
        cms_strlcat(line, " FORMAT LRECL    RECS", sizeof line);
    if (o->show & SHOW_ALLOC)
        cms_strlcat(line, " BLOCKS", sizeof line);
    if (o->show & SHOW_DATE)
        cms_strlcat(line, " DATE     TIME", sizeof line);
    if (o->show & SHOW_LABEL)
        cms_strlcat(line, " LABEL", sizeof line);
    cms_type(line);
}

static void entry(char *line, size_t size, const struct listopts *o, const struct cms_hit *h)
{
    const struct cms_fileinfo *i = &h->info;
    char fn[9], ft[9], fm[3], label[7];
    size_t n;

    cms_fileid_text(&i->id, fn, ft, fm);
    fm[0] = h->disk->mode;              /* the mode it is accessed as now */
    if (!fm[1])
        fm[1] = '1', fm[2] = 0;
    if (o->show & (ONLY_FN | ONLY_FT | ONLY_FM)) {
        cms_snprintf(line, size, "%s%s%s%s%s", (o->show & ONLY_FN) ? fn : "",
                     (o->show & ONLY_FN) && (o->show & (ONLY_FT | ONLY_FM)) ? " " : "",
                     (o->show & ONLY_FT) ? ft : "",
                     (o->show & ONLY_FT) && (o->show & ONLY_FM) ? " " : "",
                     (o->show & ONLY_FM) ? fm : "");
        return;
    }
    n = (size_t)cms_snprintf(line, size, "%-8s %-8s %s", fn, ft, fm);
    if ((o->show & (SHOW_FORMAT | SHOW_ALLOC)) && n < size)
        n += (size_t)cms_snprintf(line + n, size - n, " %c      %5u %7u",
                                  i->recfm == CMS_RECFM_F ? 'F' : 'V', i->lrecl, i->items);
    if ((o->show & SHOW_ALLOC) && n < size)
        n += (size_t)cms_snprintf(line + n, size - n, " %6u", i->blocks);
    if ((o->show & SHOW_DATE) && n < size)
        n += (size_t)cms_snprintf(line + n, size - n, " %02u/%02u/%02u %02u:%02u",
                                  i->written.month, i->written.day, i->written.year % 100,
                                  i->written.hour, i->written.minute);
    if ((o->show & SHOW_LABEL) && n < size)
        cms_snprintf(line + n, size - n, " %s", cms_disk_label(h->disk, label));
}

static int list_to_exec(const struct cms_fid *f, const struct listopts *o)
{
    struct cms_fid target = { "CMS", "EXEC", "A1" };
    struct cms_disk *d;
    struct cms_out out;
    struct cms_hit hit;
    char line[CMS_LINE_MAX], text[CMS_LINE_MAX];
    int disk = 0, rc, found = 0;
    u32 cursor = 0;

    if ((rc = cms_target_disk(&target, &d, "LST")) != RC_OK)
        return rc;
    rc = cms_out_open(&out, d, "CMS", "EXEC", "A1", CMS_RECFM_F, 80, o->append);
    while (rc == CMS_OK && cms_find_next(f, &disk, &cursor, &hit) == CMS_OK) {
        struct listopts plain = { 0 };
        entry(text, sizeof text, &plain, &hit);
        cms_snprintf(line, sizeof line, "&1 &2 %s", text);
        rc = cms_out_text(&out, line, NULL);
        found++;
    }
    if (rc == CMS_OK && !found) {
        cms_out_abandon(&out);
        cms_msg_notfound("DMSLST002E", "FILE NOT FOUND");
        return RC_NOTFOUND;
    }
    if (rc == CMS_OK)
        return (rc = cms_out_close(&out)) == CMS_OK ? RC_OK : cms_fs_error("LST", rc, "CMS EXEC A1");
    cms_out_abandon(&out);
    return cms_fs_error("LST", rc, "CMS EXEC A1");
}

int cmd_listfile(struct cms_plist *p)
{
    static char *const all[] = { "*", "*" };
    struct listopts o = { 0 };
    struct cms_fid f;
    struct cms_hit hit;
    char line[CMS_LINE_MAX];
    int disk = 0, rc, found = 0;
    u32 cursor = 0;

    if ((rc = options(p, &o)) != RC_OK)
        return rc;
    if (p->argc > 4)
        return cms_bad_operand("LST", p->argv[4]);
    if (p->argc == 2) {
        char *w[2] = { p->argv[1], "*" };
        rc = cms_fid_parse(&f, w, 2, "A", FID_PATTERN, "LST");
    } else {
        rc = cms_fid_parse(&f, p->argc > 1 ? p->argv + 1 : all, p->argc > 1 ? p->argc - 1 : 2,
                           "A", FID_PATTERN, "LST");
    }
    if (rc)
        return rc;
    if (f.fm[0] != '*' && !cms_disk_by_mode(f.fm[0])) {
        cms_msg("DMSLST069E", "DISK '%c' NOT ACCESSED", f.fm[0]);
        return RC_DISK;
    }
    if (o.exec)
        return list_to_exec(&f, &o);
    while (cms_find_next(&f, &disk, &cursor, &hit) == CMS_OK) {
        if (!found++ && o.header)
            header(&o);
        entry(line, sizeof line, &o, &hit);
        cms_type(line);
    }
    if (!found) {
        cms_msg_notfound("DMSLST002E", "FILE NOT FOUND");
        return RC_NOTFOUND;
    }
    return RC_OK;
}
