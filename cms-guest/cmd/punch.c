/* punch.c - PUNCH fn ft [fm] [(NOHEADER]: the file's records as cards on
 * the virtual punch, then CP CLOSE, which sends the deck to the punch's
 * destination (SPOOL PUNCH TO userid: that user's reader).  A header card
 * ":READ  fn ft fm" goes first unless NOHEADER, so that READCARD can name
 * the file.  Records must be at most 80 bytes (DISK DUMP takes any). */
#include "cms-guest/core/cmdtab.h"
#include "arch370/ebcdic.h"

#define CARD            80
#define CCW_PUNCH       0x01

struct deck {
    int sysrc;
    u32 cards;
};

static int punch_card(void *ctx, const u8 *rec, u32 len)
{
    struct deck *d = ctx;
    u8 card[CARD];

    cms_memset(card, EBC_BLANK, CARD);
    cms_memcpy(card, rec, len < CARD ? len : CARD);
    d->sysrc = sys_ur_write(CMS_PUNCH, CCW_PUNCH, card, CARD);
    if (d->sysrc)
        return CMS_EIO;
    d->cards++;
    return CMS_OK;
}

static int punch_header(struct deck *d, const struct cms_hit *h)
{
    char fn[9], ft[9], fm[3], text[CARD + 1];
    u8 card[CARD];

    cms_fileid_text(&h->info.id, fn, ft, fm);
    cms_snprintf(text, sizeof text, ":READ  %-8s %-8s %c%c", fn, ft, h->disk->mode,
                 fm[1] ? fm[1] : '1');
    ebc_from_ascii(card, text, cms_strlen(text));
    cms_memset(card + cms_strlen(text), EBC_BLANK, CARD - cms_strlen(text));
    return punch_card(d, card, CARD);
}

int cmd_punch(struct cms_plist *p)
{
    struct cms_fid f;
    struct cms_hit h;
    struct deck d = { 0 };
    bool header = true;
    char what[32];
    int rc;

    for (int i = 0; i < p->optc; i++) {
        if (cms_opt_is(p->optv[i], "NOHEADER", 3))
            header = false;
        else if (cms_opt_is(p->optv[i], "HEADER", 3))
            header = true;
        else
            return cms_bad_option("PUN", p->optv[i]);
    }
    if (p->argc > 4)
        return cms_bad_operand("PUN", p->argv[4]);
    if ((rc = cms_fid_parse(&f, p->argv + 1, p->argc - 1, "*", 0, "PUN")) != RC_OK)
        return rc;
    if ((rc = cms_find(&f, &h)) != RC_OK) {
        cms_msg_notfound("DMSPUN002E", "FILE '%s %s %s' NOT FOUND", f.fn, f.ft, f.fm);
        return rc;
    }
    if (h.info.lrecl > CARD) {
        cms_msg("DMSPUN033E", "FILE '%s %s' HAS RECORDS OF %u BYTES; A CARD HOLDS 80: USE DISK DUMP",
                f.fn, f.ft, h.info.lrecl);
        return RC_PARM;
    }
    rc = header ? punch_header(&d, &h) : CMS_OK;
    if (rc == CMS_OK)
        rc = cms_each_record(&h, punch_card, &d);
    if (d.sysrc) {
        rc = cms_ur_error("PUN", d.sysrc, CMS_PUNCH);
        if (d.cards)
            cms_ur_close(CMS_PUNCH);
        return rc;
    }
    if (rc != CMS_OK) {
        cms_hit_text(&h, what, sizeof what);
        cms_ur_close(CMS_PUNCH);
        return cms_fs_error("PUN", rc, what);
    }
    cms_ur_close(CMS_PUNCH);
    return RC_OK;
}
