/* print.c - PRINT fn ft [fm] [(CC]: the file's records as lines on the
 * virtual printer, then CP CLOSE, which queues the file.  A line holds at
 * most 132 characters; longer records are cut.  CC: the first byte of
 * each record is an ASA carriage control character (1 new page, 0 one
 * blank line, - two, blank none) instead of text. */
#include "cms-guest/core/cmdtab.h"
#include "arch370/ebcdic.h"

#define LINE            132
#define CCW_WRITE_SP1   0x09    /* write, space one line after */
#define CCW_SPACE1      0x0B    /* space one line at once */
#define CCW_SKIP1       0x8B    /* skip to channel 1 (a new page) at once */

struct listing {
    bool asa;
    int sysrc;
    u32 lines;
};

static const u8 blank = EBC_BLANK;

static int asa_control(struct listing *l, u8 cc)
{
    bool page = cc == ascii_to_ebc['1'];
    u8 op = page ? CCW_SKIP1 : CCW_SPACE1;
    int times = page || cc == ascii_to_ebc['0'] ? 1 : cc == ascii_to_ebc['-'] ? 2 : 0;

    for (int i = 0; i < times && !l->sysrc; i++)
        l->sysrc = sys_ur_write(CMS_PRINTER, op, &blank, 1);
    return l->sysrc ? CMS_EIO : CMS_OK;
}

static int print_line(void *ctx, const u8 *rec, u32 len)
{
    struct listing *l = ctx;

    if (l->asa && len > 0) {
        if (asa_control(l, rec[0]) != CMS_OK)
            return CMS_EIO;
        rec++;
        len--;
    }
    if (len == 0) {
        rec = &blank;
        len = 1;
    }
    l->sysrc = sys_ur_write(CMS_PRINTER, CCW_WRITE_SP1, rec, (u16)(len < LINE ? len : LINE));
    if (l->sysrc)
        return CMS_EIO;
    l->lines++;
    return CMS_OK;
}

int cmd_print(struct cms_plist *p)
{
    struct cms_fid f;
    struct cms_hit h;
    struct listing l = { 0 };
    char what[32];
    int rc;

    for (int i = 0; i < p->optc; i++) {
        if (cms_opt_is(p->optv[i], "CC", 2))
            l.asa = true;
        else if (cms_opt_is(p->optv[i], "NOCC", 3))
            l.asa = false;
        else
            return cms_bad_option("PRT", p->optv[i]);
    }
    if (p->argc > 4)
        return cms_bad_operand("PRT", p->argv[4]);
    if ((rc = cms_fid_parse(&f, p->argv + 1, p->argc - 1, "*", 0, "PRT")) != RC_OK)
        return rc;
    if ((rc = cms_find(&f, &h)) != RC_OK) {
        cms_msg_notfound("DMSPRT002E", "FILE '%s %s %s' NOT FOUND", f.fn, f.ft, f.fm);
        return rc;
    }
    rc = cms_each_record(&h, print_line, &l);
    if (l.sysrc) {
        rc = cms_ur_error("PRT", l.sysrc, CMS_PRINTER);
        if (l.lines)
            cms_ur_close(CMS_PRINTER);
        return rc;
    }
    cms_ur_close(CMS_PRINTER);
    if (rc != CMS_OK) {
        cms_hit_text(&h, what, sizeof what);
        return cms_fs_error("PRT", rc, what);
    }
    return RC_OK;
}
