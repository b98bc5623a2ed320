/* fileid.c - file identifiers and volume labels: EBCDIC on disk, ASCII
 * words from callers. */
#include "cms-guest/fs/fsint.h"
#include "arch370/ebcdic.h"

static bool blank_or_null(u8 c)
{
    return c == EBC_BLANK || c == 0;
}

/* A name to look up: fn and ft not empty. */
int fileid_check_lookup(const struct cms_fileid *id)
{
    if (!id || blank_or_null(id->fn[0]) || blank_or_null(id->ft[0]))
        return CMS_EBADID;
    return CMS_OK;
}

/* the characters CMS allows in a file name or type, in EBCDIC */
static bool name_char(u8 c)
{
    return (c >= 0xC1 && c <= 0xC9) || (c >= 0xD1 && c <= 0xD9) ||
           (c >= 0xE2 && c <= 0xE9) || (c >= 0xF0 && c <= 0xF9) ||
           c == 0x5B || c == 0x7B || c == 0x7C ||       /* $ # @ */
           c == 0x4E || c == 0x60 || c == 0x7A || c == 0x6D;   /* + - : _ */
}

static bool name_valid(const u8 *n)
{
    unsigned i = 0;

    while (i < 8 && name_char(n[i]))
        i++;
    if (i == 0)
        return false;
    while (i < 8 && n[i] == EBC_BLANK)
        i++;
    return i == 8;
}

/* A name to give a file: the CMS character set, blank padded. */
int fileid_check_names(const struct cms_fileid *id)
{
    return id && name_valid(id->fn) && name_valid(id->ft) ? CMS_OK : CMS_EBADID;
}

/* ... and, for a new file, a mode letter and a digit 0-6. */
int fileid_check_new(const struct cms_fileid *id)
{
    if (fileid_check_names(id))
        return CMS_EBADID;
    if (!((id->fm[0] >= 0xC1 && id->fm[0] <= 0xC9) || (id->fm[0] >= 0xD1 && id->fm[0] <= 0xD9) ||
          (id->fm[0] >= 0xE2 && id->fm[0] <= 0xE9)))
        return CMS_EBADID;
    if (id->fm[1] < 0xF0 || id->fm[1] > 0xF6)
        return CMS_EBADID;
    return CMS_OK;
}

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* An ASCII word into an n-byte EBCDIC field, upper-cased, blank padded. */
static int field(u8 *dst, unsigned n, const char *src)
{
    unsigned i = 0;

    if (!src)
        return CMS_EBADID;
    for (; src[i]; i++) {
        if (i == n)
            return CMS_EBADID;
        dst[i] = ascii_to_ebc[(u8)upper(src[i])];
        if (!name_char(dst[i]))
            return CMS_EBADID;
    }
    if (i == 0)
        return CMS_EBADID;
    for (; i < n; i++)
        dst[i] = EBC_BLANK;
    return CMS_OK;
}

int cms_fileid_make(struct cms_fileid *id, const char *fn, const char *ft, const char *fm)
{
    char mode[2] = { 'A', '1' };

    memset(id, 0, sizeof *id);
    if (fm && fm[0]) {
        if (fm[1] && fm[2])
            return CMS_EBADID;
        mode[0] = upper(fm[0]);
        if (fm[1])
            mode[1] = fm[1];
    }
    if (field(id->fn, 8, fn) || field(id->ft, 8, ft))
        return CMS_EBADID;
    id->fm[0] = ascii_to_ebc[(u8)mode[0]];
    id->fm[1] = ascii_to_ebc[(u8)mode[1]];
    return fileid_check_new(id);
}

/* Up to n EBCDIC bytes before the first blank, as an ASCII string. */
static void text(char *dst, const u8 *src, unsigned n)
{
    unsigned i = 0;

    for (; i < n && src[i] != EBC_BLANK && src[i] != 0; i++)
        dst[i] = (char)ebc_to_ascii[src[i]];
    dst[i] = 0;
}

void cms_fileid_text(const struct cms_fileid *id, char *fn, char *ft, char *fm)
{
    text(fn, id->fn, 8);
    text(ft, id->ft, 8);
    text(fm, id->fm, 2);
}

int cms_label_make(u8 label[6], const char *s)
{
    return field(label, LBL_VOLID_LEN, s);
}
