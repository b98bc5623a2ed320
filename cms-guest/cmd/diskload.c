/* diskload.c - DISK LOAD: the next reader file, a deck DISK DUMP punched
 * (cms-guest/cmd/disk.c has its layout), becomes the file it was, on the
 * A disk; a file of that name there is replaced.  A reader file that is
 * not such a deck, or a damaged one, is kept in the reader, held. */
#include "cms-guest/core/cmdtab.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"

#define CARD            80
#define CARD_DATA       76
#define FIRST           0x80
#define LAST            0x40

struct loader {
    struct cms_out out;
    u8 *rec;
    u32 lrecl, have, records, expect;
    bool in_record;
    char fn[9], ft[9], fm[3];
};

/* ":DISK  fn ft fm F|V lrecl records" */
static bool header(struct loader *l, const u8 *card, u16 len, u8 *recfm)
{
    struct cms_plist p;
    struct cms_fileid id;
    char text[CARD + 1];
    bool ok;

    ebc_to_ascii_buf(text, card, len < CARD ? len : CARD);
    text[len < CARD ? len : CARD] = 0;
    if (cms_strncmp(text, ":DISK ", 6))
        return false;
    cms_plist_make(&p, text);
    if (p.argc != 7 || p.optc || (cms_strcmp(p.argv[4], "F") && cms_strcmp(p.argv[4], "V")) ||
        !cms_parse_u32(p.argv[5], &l->lrecl) || l->lrecl < 1 || l->lrecl > 65535 ||
        !cms_parse_u32(p.argv[6], &l->expect))
        return false;
    ok = cms_fileid_make(&id, p.argv[1], p.argv[2], p.argv[3]) == CMS_OK;
    cms_strlcpy(l->fn, p.argv[1], sizeof l->fn);
    cms_strlcpy(l->ft, p.argv[2], sizeof l->ft);
    l->fm[0] = 'A';
    l->fm[1] = p.argv[3][1] >= '0' && p.argv[3][1] <= '6' ? p.argv[3][1] : '1';
    l->fm[2] = 0;
    *recfm = p.argv[4][0] == 'F' ? CMS_RECFM_F : CMS_RECFM_V;
    return ok;
}

/* one card of a record; false if the deck is damaged */
static bool take(struct loader *l, const u8 *card, u16 len, int *fsrc)
{
    u32 n = get_be16(card);
    u8 flags = card[2];

    if (len < CARD || n > CARD_DATA || (flags & FIRST) == l->in_record || l->have + n > l->lrecl)
        return false;
    cms_memcpy(l->rec + l->have, card + 4, n);
    l->have += n;
    l->in_record = true;
    if (flags & LAST) {
        if (l->have == 0)
            return false;
        *fsrc = cms_out_record(&l->out, l->rec, l->have);
        l->records++;
        l->have = 0;
        l->in_record = false;
    }
    return true;
}

static int damaged(struct loader *l, const char *why)
{
    sys_rdr_close(CMS_READER, true);
    cms_msg("DMSDSK078E", "THE READER FILE IS %s; IT IS KEPT IN THE READER, HELD", why);
    return RC_PARM;
}

static int load(struct loader *l, struct cms_disk *d, u8 recfm)
{
    u8 card[CARD];
    u16 len;
    int sysrc, fsrc = CMS_OK;
    char what[32];

    cms_snprintf(what, sizeof what, "%s %s %s", l->fn, l->ft, l->fm);
    if (!(l->rec = cms_alloc(l->lrecl)))
        return cms_fs_error("DSK", CMS_ENOMEM, what);
    fsrc = cms_out_open(&l->out, d, l->fn, l->ft, l->fm, recfm, l->lrecl, false);
    if (fsrc != CMS_OK) {
        sys_rdr_close(CMS_READER, true);
        return cms_fs_error("DSK", fsrc, what);
    }
    while ((sysrc = sys_rdr_read(CMS_READER, card, CARD, &len)) == 0 && fsrc == CMS_OK)
        if (!take(l, card, len, &fsrc)) {
            cms_out_abandon(&l->out);
            return damaged(l, "A DAMAGED DISK DUMP DECK");
        }
    if (fsrc != CMS_OK) {
        cms_out_abandon(&l->out);
        if (sysrc == 0)
            sys_rdr_close(CMS_READER, true);
        return cms_fs_error("DSK", fsrc, what);
    }
    if (sysrc != SYS_RDR_EOF) {
        cms_out_abandon(&l->out);
        return cms_ur_error("DSK", sysrc, CMS_READER);
    }
    if (l->in_record || l->records != l->expect) {
        cms_out_abandon(&l->out);
        cms_msg("DMSDSK078E", "THE DISK DUMP DECK OF '%s' ENDS EARLY: %u OF %u RECORDS", what,
                l->records, l->expect);
        return RC_PARM;
    }
    if ((fsrc = cms_out_close(&l->out)) != CMS_OK)
        return cms_fs_error("DSK", fsrc, what);
    cms_msg("DMSDSK738I", "FILE '%s' LOADED: %u RECORDS", what, l->records);
    return RC_OK;
}

int cmd_disk_load(struct cms_plist *p)
{
    struct cms_fid a = { "*", "*", "A" };
    struct loader l = { 0 };
    struct cms_disk *d;
    u8 card[CARD], recfm;
    u16 len;
    int rc;

    if (p->argc > 2)
        return cms_bad_operand("DSK", p->argv[2]);
    if ((rc = cms_target_disk(&a, &d, "DSK")) != RC_OK)
        return rc;
    rc = sys_rdr_read(CMS_READER, card, CARD, &len);
    if (rc == SYS_RDR_EMPTY || rc == SYS_RDR_EOF) {
        cms_msg("DMSDSK702E", "NO FILE IN THE READER");
        return RC_NOFILES;
    }
    if (rc)
        return cms_ur_error("DSK", rc, CMS_READER);
    if (!header(&l, card, len, &recfm))
        return damaged(&l, "NOT A DISK DUMP DECK");
    rc = load(&l, d, recfm);
    cms_release(l.rec);
    return rc;
}
