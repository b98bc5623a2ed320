/* fileout.c - writing a file record by record from text or bytes.
 * Nothing is on the disk until cms_out_close() commits it, so a command
 * that fails half way leaves the old file (or none) as it was. */
#include "cms-guest/core/cms.h"
#include "arch370/ebcdic.h"

int cms_out_open(struct cms_out *o, struct cms_disk *d, const char *fn, const char *ft,
                 const char *fm, u8 recfm, u32 lrecl, bool append)
{
    struct cms_fileid id;
    int rc = cms_fileid_make(&id, fn, ft, fm);

    cms_memset(o, 0, sizeof *o);
    if (rc)
        return rc;
    if (append && cms_state(d->fs, &id, NULL) == CMS_OK) {
        struct cms_fileinfo info;
        cms_state(d->fs, &id, &info);
        recfm = info.recfm;
        lrecl = info.lrecl;
        rc = cms_open_append(d->fs, &id, &o->w);
    } else {
        rc = cms_open_write(d->fs, &id, recfm, lrecl, &o->w);
    }
    if (rc)
        return rc;
    o->recfm = recfm;
    o->lrecl = recfm == CMS_RECFM_F ? lrecl : 65535;
    o->buf = cms_alloc(recfm == CMS_RECFM_F ? lrecl : CMS_LINE_MAX);
    if (!o->buf) {
        cms_abandon_write(o->w);
        o->w = NULL;
        return CMS_ENOMEM;
    }
    return CMS_OK;
}

/* F: blanks to the record length (text longer is cut: *cut is set) */
int cms_out_text(struct cms_out *o, const char *text, bool *cut)
{
    size_t n = cms_strlen(text), room = o->recfm == CMS_RECFM_F ? o->lrecl : CMS_LINE_MAX;

    if (n > room) {
        n = room;
        if (cut)
            *cut = true;
    }
    ebc_from_ascii(o->buf, text, n);
    if (o->recfm == CMS_RECFM_F) {
        cms_memset(o->buf + n, EBC_BLANK, o->lrecl - n);
        n = o->lrecl;
    } else if (n == 0) {
        o->buf[0] = EBC_BLANK;          /* a CMS record has at least one byte */
        n = 1;
    }
    return cms_write_record(o->w, o->buf, (u32)n);
}

int cms_out_record(struct cms_out *o, const u8 *rec, u32 len)
{
    return cms_write_record(o->w, rec, len);
}

int cms_out_close(struct cms_out *o)
{
    int rc = o->w ? cms_close_write(o->w) : CMS_EINVAL;

    o->w = NULL;
    cms_release(o->buf);
    o->buf = NULL;
    return rc;
}

void cms_out_abandon(struct cms_out *o)
{
    if (o->w)
        cms_abandon_write(o->w);
    o->w = NULL;
    cms_release(o->buf);
    o->buf = NULL;
}
