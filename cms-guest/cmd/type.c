/* type.c - TYPE fn ft [fm [rec1 [recn|*]]] [(HEX]: type a file's records
 * on the terminal, from record rec1 (1) to recn (the last).  HEX shows
 * each record in hexadecimal as well. */
#include "cms-guest/core/cmdtab.h"

#define TYPE_WIDTH 130          /* longest line typed; longer records wrap */

static void type_text(const u8 *rec, u32 len)
{
    char line[TYPE_WIDTH + 1];
    u32 off = 0;

    do {
        u32 n = len - off > TYPE_WIDTH ? TYPE_WIDTH : len - off;
        cms_record_text(line, rec + off, n);
        cms_type(line);
        off += n;
    } while (off < len);
}

static void type_hex(u32 recno, const u8 *rec, u32 len)
{
    char line[16 + 32 * 2 + 8 + 1];

    for (u32 off = 0; off < len; off += 32) {
        size_t n = (size_t)cms_snprintf(line, sizeof line, "%05u %04X ", recno, off);
        for (u32 i = off; i < len && i < off + 32 && n + 3 < sizeof line; i++)
            n += (size_t)cms_snprintf(line + n, sizeof line - n, "%02X", rec[i]);
        cms_type(line);
    }
}

static int range(struct cms_plist *p, u32 *first, u32 *last)
{
    if (p->argc > 4 && (!cms_parse_u32(p->argv[4], first) || *first == 0))
        return cms_bad_operand("TYP", p->argv[4]);
    if (p->argc > 5 && !(p->argv[5][0] == '*' && !p->argv[5][1]) &&
        (!cms_parse_u32(p->argv[5], last) || *last < *first))
        return cms_bad_operand("TYP", p->argv[5]);
    if (p->argc > 6)
        return cms_bad_operand("TYP", p->argv[6]);
    return RC_OK;
}

int cmd_type(struct cms_plist *p)
{
    struct cms_fid f;
    struct cms_hit hit;
    struct cms_file *file;
    u32 first = 1, last = 0xFFFFFFFF, recno = 0, len;
    bool hex = false;
    char what[32];
    u8 *rec;
    int rc;

    for (int i = 0; i < p->optc; i++) {
        if (!cms_opt_is(p->optv[i], "HEX", 3))
            return cms_bad_option("TYP", p->optv[i]);
        hex = true;
    }
    if ((rc = cms_fid_parse(&f, p->argv + 1, p->argc > 4 ? 3 : p->argc - 1, "*", 0, "TYP")) ||
        (rc = range(p, &first, &last)))
        return rc;
    if ((rc = cms_find(&f, &hit)) != RC_OK) {
        if (rc == RC_DISK)
            cms_msg("DMSTYP069E", "DISK '%c' NOT ACCESSED", f.fm[0]);
        else
            cms_msg_notfound("DMSTYP002E", "FILE '%s %s %s' NOT FOUND", f.fn, f.ft, f.fm);
        return rc;
    }
    cms_hit_text(&hit, what, sizeof what);
    if (!(rec = cms_alloc(65536)))
        return cms_fs_error("TYP", CMS_ENOMEM, what);
    rc = cms_open_read(hit.disk->fs, &hit.info.id, &file);
    if (rc == CMS_OK) {
        while (++recno <= last && (rc = cms_read_record(file, rec, 65535, &len)) == CMS_OK)
            if (recno >= first)
                hex ? type_hex(recno, rec, len) : type_text(rec, len);
        cms_close_read(file);
    }
    cms_release(rec);
    return rc == CMS_OK || rc == CMS_EOF ? RC_OK : cms_fs_error("TYP", rc, what);
}
