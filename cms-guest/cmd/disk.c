/* disk.c - DISK DUMP fn ft [fm] punches a file of any format as a deck
 * that DISK LOAD, run by whoever reads the deck, makes into the same file
 * again (name, RECFM, LRECL and records).
 *
 * The deck: a header card ":DISK  fn ft fm F|V lrecl records" in EBCDIC,
 * then the records, each cut into cards of up to 76 bytes: +0 length of
 * the data in this card (2), +2 flags (X'80' the record's first card,
 * X'40' its last), +3 zero, +4 the data.  (VM/370's DISK DUMP cards carry
 * the same information in a layout of their own; see docs/cms.md.) */
#include "cms-guest/core/cmdtab.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"

#define CARD            80
#define CARD_DATA       76
#define FIRST           0x80
#define LAST            0x40
#define CCW_PUNCH       0x01

static int punch_text(const char *text)
{
    u8 card[CARD];
    size_t n = cms_strlen(text);

    cms_memset(card, EBC_BLANK, CARD);
    ebc_from_ascii(card, text, n < CARD ? n : CARD);
    return sys_ur_write(CMS_PUNCH, CCW_PUNCH, card, CARD);
}

static int dump_record(void *ctx, const u8 *rec, u32 len)
{
    int *sysrc = ctx;

    for (u32 off = 0; off < len || off == 0; off += CARD_DATA) {
        u8 card[CARD] = { 0 };
        u32 n = len - off < CARD_DATA ? len - off : CARD_DATA;
        put_be16(card, (u16)n);
        card[2] = (off == 0 ? FIRST : 0) | (off + n >= len ? LAST : 0);
        cms_memcpy(card + 4, rec + off, n);
        if ((*sysrc = sys_ur_write(CMS_PUNCH, CCW_PUNCH, card, CARD)) != 0)
            return CMS_EIO;
        if (n == 0)
            break;
    }
    return CMS_OK;
}

static int disk_dump(struct cms_plist *p)
{
    struct cms_fid f;
    struct cms_hit h;
    char text[CARD + 1], fn[9], ft[9], fm[3], what[32];
    int rc, sysrc = 0;

    if (p->argc > 5)
        return cms_bad_operand("DSK", p->argv[5]);
    if ((rc = cms_fid_parse(&f, p->argv + 2, p->argc - 2, "*", 0, "DSK")) != RC_OK)
        return rc;
    if ((rc = cms_find(&f, &h)) != RC_OK) {
        cms_msg_notfound("DMSDSK002E", "FILE '%s %s %s' NOT FOUND", f.fn, f.ft, f.fm);
        return rc;
    }
    cms_fileid_text(&h.info.id, fn, ft, fm);
    cms_snprintf(text, sizeof text, ":DISK  %s %s %c%c %c %u %u", fn, ft, h.disk->mode,
                 fm[1] ? fm[1] : '1', h.info.recfm == CMS_RECFM_F ? 'F' : 'V', h.info.lrecl,
                 h.info.items);
    sysrc = punch_text(text);
    rc = sysrc ? CMS_EIO : cms_each_record(&h, dump_record, &sysrc);
    if (sysrc) {
        rc = cms_ur_error("DSK", sysrc, CMS_PUNCH);
        cms_ur_close(CMS_PUNCH);
        return rc;
    }
    cms_ur_close(CMS_PUNCH);
    if (rc != CMS_OK) {
        cms_hit_text(&h, what, sizeof what);
        return cms_fs_error("DSK", rc, what);
    }
    return RC_OK;
}

int cmd_disk_load(struct cms_plist *p);

int cmd_disk(struct cms_plist *p)
{
    if (p->argc < 2)
        return cms_missing_operand("DSK", "DUMP OR LOAD");
    if (p->optc)
        return cms_bad_option("DSK", p->optv[0]);
    if (cms_opt_is(p->argv[1], "DUMP", 4))
        return disk_dump(p);
    if (cms_opt_is(p->argv[1], "LOAD", 4))
        return cmd_disk_load(p);
    return cms_bad_operand("DSK", p->argv[1]);
}
