/* files.c - file ids as users type them, and finding files on the
 * accessed disks in search order (A first, Z last). */
#include "cms-guest/core/cms.h"

static bool name_char(char c)
{
    return cms_isupper((unsigned char)c) || cms_isdigit((unsigned char)c) || c == '$' ||
           c == '#' || c == '@' || c == '+' || c == '-' || c == ':' || c == '_';
}

/* one name: 1-8 characters; * and % only in patterns, = only where allowed */
static int name_check(const char *w, unsigned flags)
{
    size_t n = cms_strlen(w);

    if (n == 0 || n > 8)
        return -1;
    if (n == 1 && w[0] == '=' && (flags & FID_EQUAL))
        return 0;
    for (size_t i = 0; i < n; i++) {
        bool wild = w[i] == '*' || w[i] == '%';
        if (!name_char(w[i]) && !(wild && (flags & FID_PATTERN)))
            return (int)i + 1;
    }
    return 0;
}

static bool mode_valid(const char *m, unsigned flags)
{
    if ((m[0] == '*' && (flags & FID_PATTERN)) || (m[0] == '=' && (flags & FID_EQUAL)))
        return m[1] == 0;
    if (m[0] < 'A' || m[0] > 'Z')
        return false;
    return m[1] == 0 || (m[1] >= '0' && m[1] <= '6' && m[2] == 0);
}

int cms_fid_parse(struct cms_fid *f, char *const *w, int n, const char *dflt, unsigned flags,
                  const char *mod)
{
    char id[12];
    const char *fm = n >= 3 ? w[2] : dflt;

    if (n < 2) {
        cms_msg(cms_msgid(id, mod, "054E"), "INCOMPLETE FILEID SPECIFIED");
        return RC_PARM;
    }
    for (int i = 0; i < 2; i++) {
        int bad = name_check(w[i], flags);
        if (bad < 0) {
            cms_msg(cms_msgid(id, mod, "062E"), "INVALID FILEID '%s %s': A NAME IS 1 TO 8 CHARACTERS",
                    w[0], w[1]);
            return RC_BADCHAR;
        }
        if (bad > 0) {
            cms_msg(cms_msgid(id, mod, "062E"), "INVALID CHARACTER '%c' IN FILEID '%s %s'",
                    w[i][bad - 1], w[0], w[1]);
            return RC_BADCHAR;
        }
    }
    if (n >= 3 && !mode_valid(fm, flags)) {    /* a command's default is always valid */
        cms_msg(cms_msgid(id, mod, "048E"), "INVALID MODE '%s'", fm);
        return RC_PARM;
    }
    cms_strlcpy(f->fn, w[0], sizeof f->fn);
    cms_strlcpy(f->ft, w[1], sizeof f->ft);
    cms_strlcpy(f->fm, fm, sizeof f->fm);
    return RC_OK;
}

char *cms_msgid(char id[12], const char *mod, const char *tail)
{
    cms_snprintf(id, 12, "DMS%.3s%.4s", mod, tail);
    return id;
}

bool cms_fid_has_pattern(const struct cms_fid *f)
{
    return cms_strchr(f->fn, '*') || cms_strchr(f->fn, '%') || cms_strchr(f->ft, '*') ||
           cms_strchr(f->ft, '%') || f->fm[0] == '*';
}

bool cms_name_match(const char *p, const char *s)
{
    for (; *p; p++, s++) {
        if (*p == '*') {
            for (;; s++) {
                if (cms_name_match(p + 1, s))
                    return true;
                if (!*s)
                    return false;
            }
        }
        if (!*s || (*p != '%' && *p != *s))
            return false;
    }
    return *s == 0;
}

static bool disk_selected(const struct cms_fid *f, int i)
{
    return cms_disks[i].mode && cms_disks[i].fs && (f->fm[0] == '*' || f->fm[0] == 'A' + i);
}

static bool info_matches(const struct cms_fid *f, const struct cms_fileinfo *info)
{
    char fn[9], ft[9], fm[3];

    cms_fileid_text(&info->id, fn, ft, fm);
    if (f->fm[1] && fm[1] != f->fm[1])
        return false;
    return cms_name_match(f->fn, fn) && cms_name_match(f->ft, ft);
}

int cms_find_next(const struct cms_fid *f, int *disk, u32 *cursor, struct cms_hit *hit)
{
    for (; *disk < 26; (*disk)++, *cursor = 0) {
        if (!disk_selected(f, *disk))
            continue;
        while (cms_list(cms_disks[*disk].fs, cursor, &hit->info) == CMS_OK) {
            if (info_matches(f, &hit->info)) {
                hit->disk = &cms_disks[*disk];
                return CMS_OK;
            }
        }
    }
    return CMS_EOF;
}

int cms_find(const struct cms_fid *f, struct cms_hit *hit)
{
    int disk = 0;
    u32 cursor = 0;

    if (f->fm[0] != '*' && !cms_disk_by_mode(f->fm[0]))
        return RC_DISK;
    return cms_find_next(f, &disk, &cursor, hit) == CMS_OK ? RC_OK : RC_NOTFOUND;
}

void cms_hit_text(const struct cms_hit *h, char *buf, size_t size)
{
    char fn[9], ft[9], fm[3];

    cms_fileid_text(&h->info.id, fn, ft, fm);
    cms_snprintf(buf, size, "%s %s %c%c", fn, ft, h->disk->mode, fm[1] ? fm[1] : '1');
}

int cms_target_disk(const struct cms_fid *f, struct cms_disk **out, const char *mod)
{
    char id[12];
    struct cms_disk *d = cms_disk_by_mode(f->fm[0]);

    if (!d) {
        cms_msg(cms_msgid(id, mod, "069E"), "DISK '%c' NOT ACCESSED", f->fm[0]);
        return RC_DISK;
    }
    if (d->rdonly) {
        cms_msg(cms_msgid(id, mod, "037E"), "DISK '%c' IS READ/ONLY", d->mode);
        return RC_RDONLY;
    }
    *out = d;
    return RC_OK;
}

/* the mode a new file gets: the disk's letter and the digit typed, else 1 */
void cms_fid_mode(const struct cms_fid *f, char mode, char out[3])
{
    out[0] = mode;
    out[1] = f->fm[1] >= '0' && f->fm[1] <= '6' ? f->fm[1] : '1';
    out[2] = 0;
}

int cms_collect(const struct cms_fid *f, struct cms_hit **out, u32 *count)
{
    struct cms_hit hit, *hits;
    int disk = 0;
    u32 cursor = 0, n = 0, max = 0;

    while (cms_find_next(f, &disk, &cursor, &hit) == CMS_OK)
        max++;
    *out = NULL;
    *count = 0;
    if (max == 0)
        return CMS_OK;
    if (!(hits = cms_alloc(max * sizeof *hits)))
        return CMS_ENOMEM;
    disk = 0;
    cursor = 0;
    while (n < max && cms_find_next(f, &disk, &cursor, &hits[n]) == CMS_OK)
        n++;
    *out = hits;
    *count = n;
    return CMS_OK;
}
