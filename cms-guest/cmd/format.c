/* format.c - FORMAT cuu mode [(BLKSIZE 800]: make the disk an empty CMS
 * disk and access it as mode.
 *
 * The tracks of every minidisk already hold 800-byte records (the volume
 * is built that way, and CP's X'250' reads and writes those records), so
 * FORMAT writes what makes the records a file system: the label and an
 * empty directory (cms_format).  It asks before it erases anything and
 * takes the answers from the console stack first, so an EXEC can answer. */
#include "cms-guest/core/cmdtab.h"
#include "cms-guest/core/disks.h"

static int blksize_option(struct cms_plist *p)
{
    for (int i = 0; i < p->optc; i++) {
        u32 size;
        if (!cms_opt_is(p->optv[i], "BLKSIZE", 3))
            return cms_bad_option("FOR", p->optv[i]);
        if (i + 1 >= p->optc || !cms_parse_u32(p->optv[++i], &size))
            return cms_missing_operand("FOR", "BLKSIZE");
        if (size != 800) {
            cms_msg("DMSFOR070E", "INVALID PARAMETER '%s': THIS CMS WRITES 800-BYTE BLOCKS ONLY",
                    p->optv[i]);
            return RC_PARM;
        }
    }
    return RC_OK;
}

/* ask a question; the answer in upper case, "" if none came */
static void ask(const char *id, const char *question, char *answer, size_t size)
{
    cms_msg(id, "%s", question);
    if (cms_read(answer, size) < 0)
        answer[0] = 0;
    for (char *s = answer; *s; s++)
        *s = (char)cms_toupper((unsigned char)*s);
}

/* the disk must be there and writable before FORMAT asks anything */
static int open_writable(u16 cuu, char mode, struct cms_blkdev *dev)
{
    bool rdonly;
    int acc = cms_disk_open(cuu, dev, &rdonly);

    if (acc != ACC_OK) {
        cms_access_msg(acc, cuu, mode);
        return cms_access_rc(acc);
    }
    if (rdonly) {
        cms_msg("DMSFOR037E", "DISK '%c(%03X)' IS READ/ONLY", mode, cuu);
        if (!cms_disk_by_cuu(cuu))
            sys_disk_close(cuu);
        return RC_RDONLY;
    }
    return RC_OK;
}

static int format_disk(u16 cuu, char mode, struct cms_blkdev *devp, const u8 label[6],
                       const char *text)
{
    struct cms_blkdev dev = *devp;
    struct cms_disk *old;
    int acc, rc;

    if ((old = cms_disk_by_cuu(cuu)) != NULL)
        cms_disk_drop(old, false);      /* its directory is about to go */
    cms_msg("DMSFOR733I", "FORMATTING DISK '%c'", mode);
    rc = cms_format(&dev, label);
    if (rc != CMS_OK) {
        cms_msg("DMSFOR112S", "DISK '%c(%03X)' DEVICE ERROR: %s", mode, cuu, cms_fs_text(rc));
        sys_disk_close(cuu);
        return RC_IO;
    }
    acc = cms_disk_access(cuu, mode, false);
    if (acc != ACC_OK) {
        cms_access_msg(acc, cuu, mode);
        return cms_access_rc(acc);
    }
    cms_msg("DMSFOR732I", "'%u' CYLINDERS FORMATTED ON DISK '%c(%03X)' LABEL %s", dev.cyls, mode,
            cuu, text);
    return RC_OK;
}

int cmd_format(struct cms_plist *p)
{
    char answer[CMS_LINE_MAX], question[96];
    struct cms_blkdev dev;
    u8 label[6];
    u16 cuu;
    char mode;
    int rc;

    if (p->argc < 3)
        return cms_missing_operand("FOR", "DEVICE ADDRESS AND MODE");
    if (p->argc > 3)
        return cms_bad_operand("FOR", p->argv[3]);
    if (!cms_parse_cuu(p->argv[1], &cuu))
        return cms_bad_operand("FOR", p->argv[1]);
    if (!cms_parse_mode(p->argv[2], &mode)) {
        cms_msg("DMSFOR048E", "INVALID MODE '%s'", p->argv[2]);
        return RC_PARM;
    }
    if ((rc = blksize_option(p)) != RC_OK || (rc = open_writable(cuu, mode, &dev)) != RC_OK)
        return rc;
    cms_snprintf(question, sizeof question, "FORMAT WILL ERASE ALL FILES ON DISK '%c(%03X)'. "
                 "DO YOU WISH TO CONTINUE? (YES OR NO):", mode, cuu);
    ask("DMSFOR603R", question, answer, sizeof answer);
    if (cms_strcmp(answer, "YES")) {
        if (!cms_disk_by_cuu(cuu))
            sys_disk_close(cuu);        /* opened only to check it */
        return RC_OK;
    }
    ask("DMSFOR605R", "ENTER DISK LABEL:", answer, sizeof answer);
    if (cms_label_make(label, answer) != CMS_OK) {
        if (!cms_disk_by_cuu(cuu))
            sys_disk_close(cuu);
        cms_msg("DMSFOR070E", "INVALID LABEL '%.20s': 1 TO 6 OF A-Z 0-9 $ # @ + - : _", answer);
        return RC_PARM;
    }
    return format_disk(cuu, mode, &dev, label, answer);
}
