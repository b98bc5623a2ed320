/* readcard.c - READCARD fn ft [fm] | READCARD *: the next file of the
 * virtual reader onto a disk, a card a record (F 80).  A card ":READ fn
 * ft fm" (PUNCH puts one first) starts a file of that name; the names on
 * the command are used for the first file, * takes the header's.  The
 * reader file is purged when it has been read. */
#include "cms-guest/core/cmdtab.h"
#include "arch370/ebcdic.h"

#define CARD            80

struct intake {
    struct cms_disk *disk;
    struct cms_out out;
    bool open;
    char fn[9], ft[9], fm[3];
    u32 records, files;
};

static int finish(struct intake *in)
{
    char what[32];
    int rc;

    if (!in->open)
        return RC_OK;
    in->open = false;
    cms_snprintf(what, sizeof what, "%s %s %s", in->fn, in->ft, in->fm);
    rc = cms_out_close(&in->out);
    if (rc != CMS_OK)
        return cms_fs_error("RDC", rc, what);
    cms_msg("DMSRDC738I", "FILE '%s' READ: %u RECORDS", what, in->records);
    in->files++;
    return RC_OK;
}

static int start(struct intake *in, const char *fn, const char *ft, char digit)
{
    int rc;

    cms_strlcpy(in->fn, fn, sizeof in->fn);
    cms_strlcpy(in->ft, ft, sizeof in->ft);
    in->fm[0] = in->disk->mode;
    in->fm[1] = digit >= '0' && digit <= '6' ? digit : '1';
    in->fm[2] = 0;
    in->records = 0;
    rc = cms_out_open(&in->out, in->disk, in->fn, in->ft, in->fm, CMS_RECFM_F, CARD, false);
    if (rc != CMS_OK)
        return cms_fs_error("RDC", rc, in->fn);
    in->open = true;
    return RC_OK;
}

/* ":READ  fn ft fm": the id on a header card, validated; false if none */
static bool header(const u8 *card, u16 len, char *w[3], char text[CARD + 1])
{
    struct cms_plist p;
    struct cms_fileid id;

    ebc_to_ascii_buf(text, card, len);
    text[len] = 0;
    if (cms_strncmp(text, ":READ ", 6))
        return false;
    cms_plist_make(&p, text);
    if (p.argc < 3 || p.argc > 4 || p.optc)
        return false;
    for (int i = 0; i < 3; i++)
        w[i] = i + 1 < p.argc ? p.argv[i + 1] : (char *)"A1";
    /* a card that only looks like a header is data: no message */
    return cms_fileid_make(&id, w[0], w[1], w[2]) == CMS_OK;
}

static int intake_card(struct intake *in, const u8 *card, u16 len, const char *fn,
                       const char *ft, char digit)
{
    char *w[3], text[CARD + 1];
    u8 rec[CARD];
    int rc;

    if (header(card, len, w, text)) {
        if ((rc = finish(in)) != RC_OK)
            return rc;
        if (in->files == 0 && fn[0] != '*')
            return start(in, fn, ft, digit);
        return start(in, w[0], w[1], w[2][1]);
    }
    if (!in->open && (rc = start(in, fn[0] == '*' ? "READCARD" : fn,
                                 fn[0] == '*' ? "CMSUT1" : ft, digit)) != RC_OK)
        return rc;
    cms_memset(rec, EBC_BLANK, CARD);
    cms_memcpy(rec, card, len < CARD ? len : CARD);
    if ((rc = cms_out_record(&in->out, rec, CARD)) != CMS_OK)
        return cms_fs_error("RDC", rc, in->fn);
    in->records++;
    return RC_OK;
}

int cmd_readcard(struct cms_plist *p)
{
    struct intake in = { 0 };
    struct cms_fid f = { "*", "*", "A" };
    u8 card[CARD];
    u16 len;
    int rc = RC_OK, sysrc;

    if (p->optc)
        return cms_bad_option("RDC", p->optv[0]);
    if (p->argc < 2)
        return cms_missing_operand("RDC", "FILEID");
    if (p->argc > 4)
        return cms_bad_operand("RDC", p->argv[4]);
    if (cms_strcmp(p->argv[1], "*") &&
        (rc = cms_fid_parse(&f, p->argv + 1, p->argc - 1, "A", 0, "RDC")) != RC_OK)
        return rc;
    if (p->argc == 3 && !cms_strcmp(p->argv[1], "*"))
        cms_strlcpy(f.fm, p->argv[2], sizeof f.fm);
    if ((rc = cms_target_disk(&f, &in.disk, "RDC")) != RC_OK)
        return rc;
    while ((sysrc = sys_rdr_read(CMS_READER, card, CARD, &len)) == 0) {
        if ((rc = intake_card(&in, card, len, f.fn, f.ft, f.fm[1])) != RC_OK) {
            sys_rdr_close(CMS_READER, true);
            if (in.open)
                cms_out_abandon(&in.out);
            cms_msg("DMSRDC739W", "THE READER FILE IS KEPT IN THE READER, HELD");
            return rc;
        }
    }
    if (sysrc == SYS_RDR_EMPTY) {
        cms_msg("DMSRDC702E", "NO FILE IN THE READER");
        return RC_NOFILES;
    }
    if (sysrc != SYS_RDR_EOF) {
        if (in.open)
            cms_out_abandon(&in.out);
        return cms_ur_error("RDC", sysrc, CMS_READER);
    }
    if ((rc = finish(&in)) != RC_OK)
        return rc;
    if (in.files == 0) {
        cms_msg("DMSRDC702E", "THE READER FILE HAD NO CARDS");
        return RC_NOFILES;
    }
    return RC_OK;
}
