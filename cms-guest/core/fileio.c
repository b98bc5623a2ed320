/* fileio.c - whole files as lines of text, and what the user is told
 * when the file system says no. */
#include "cms-guest/core/cms.h"
#include "arch370/ebcdic.h"

const char *cms_fs_text(int fsrc)
{
    switch (fsrc) {
    case CMS_EIO:       return "I/O ERROR";
    case CMS_ENOTCMS:   return "THE DISK IS NOT IN CMS FORMAT";
    case CMS_ECORRUPT:  return "THE DISK DIRECTORY IS DAMAGED";
    case CMS_ENOTFOUND: return "FILE NOT FOUND";
    case CMS_EBADID:    return "INVALID FILEID";
    case CMS_EEXIST:    return "FILE ALREADY EXISTS";
    case CMS_ERDONLY:   return "DISK IS READ/ONLY";
    case CMS_EFULL:     return "DISK IS FULL";
    case CMS_EDIRFULL:  return "DISK DIRECTORY IS FULL";
    case CMS_ETOOBIG:   return "FILE TOO LARGE";
    case CMS_EBADREC:   return "RECORD LENGTH NOT VALID FOR THE FILE";
    case CMS_ENOMEM:    return "VIRTUAL STORAGE CAPACITY EXCEEDED";
    case CMS_EEMPTY:    return "NO RECORDS";
    default:            return "FILE SYSTEM ERROR";
    }
}

int cms_fs_error(const char *mod, int fsrc, const char *what)
{
    char id[12];

    switch (fsrc) {
    case CMS_ENOTFOUND:
        cms_msg_notfound(cms_msgid(id, mod, "002E"), "FILE '%s' NOT FOUND", what);
        return RC_NOTFOUND;
    case CMS_EEXIST:
        cms_msg(cms_msgid(id, mod, "024E"), "FILE '%s' ALREADY EXISTS", what);
        return RC_EXISTS;
    case CMS_ERDONLY:
        cms_msg(cms_msgid(id, mod, "037E"), "DISK OF '%s' IS READ/ONLY", what);
        return RC_RDONLY;
    case CMS_EFULL:
    case CMS_EDIRFULL:
    case CMS_ETOOBIG:
        cms_msg(cms_msgid(id, mod, "105S"), "ERROR WRITING FILE '%s': %s", what,
                cms_fs_text(fsrc));
        return RC_DISKFULL;
    case CMS_ENOMEM:
        cms_msg(cms_msgid(id, mod, "109S"), "VIRTUAL STORAGE CAPACITY EXCEEDED");
        return RC_NOMEM;
    default:
        cms_msg(cms_msgid(id, mod, "104S"), "ERROR ON FILE '%s': %s", what, cms_fs_text(fsrc));
        return RC_IO;
    }
}

/* a record as text: EBCDIC to ASCII, trailing blanks dropped */
size_t cms_record_text(char *dst, const u8 *rec, size_t len)
{
    ebc_to_ascii_buf(dst, rec, len);
    while (len > 0 && (dst[len - 1] == ' ' || dst[len - 1] == 0))
        len--;
    dst[len] = 0;
    return len;
}

int cms_read_lines(const struct cms_hit *h, char ***out, u32 *count, u32 maxlen)
{
    struct cms_file *f = NULL;
    u32 n = 0, len, items = h->info.items;
    u8 *rec = cms_alloc(maxlen + 1);
    char **lines = cms_alloc((items + 1) * sizeof *lines);
    int rc = CMS_ENOMEM;

    if (rec && lines && (rc = cms_open_read(h->disk->fs, &h->info.id, &f)) != CMS_OK)
        f = NULL;
    while (rc == CMS_OK && n < items) {
        rc = cms_read_record(f, rec, maxlen, &len);
        if (rc == CMS_ETRUNC)
            rc = CMS_OK, len = maxlen;  /* the caller sees the first maxlen bytes */
        if (rc != CMS_OK)
            break;
        lines[n] = cms_alloc(len + 1);
        if (!lines[n]) {
            rc = CMS_ENOMEM;
            break;
        }
        cms_record_text(lines[n++], rec, len);
    }
    if (rc == CMS_EOF)
        rc = CMS_OK;
    if (f)
        cms_close_read(f);
    cms_release(rec);
    if (rc != CMS_OK) {
        cms_free_lines(lines, n);
        return rc;
    }
    *out = lines;
    *count = n;
    return CMS_OK;
}

void cms_free_lines(char **lines, u32 count)
{
    if (!lines)
        return;
    for (u32 i = 0; i < count; i++)
        cms_release(lines[i]);
    cms_release(lines);
}
