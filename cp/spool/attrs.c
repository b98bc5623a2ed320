/* attrs.c - what a spool file's attributes may be, how names are kept on
 * DASD, spool ids, and the words the store uses to explain itself. */
#include <stdarg.h>
#include "cp/spool/spint.h"
#include "cp/lib/string.h"
#include "cp/lib/format.h"
#include "arch370/ebcdic.h"

/* A name is 1..8 printable characters without blanks: it is shown in
 * columns and typed back as a command operand. */
bool sp_name_ok(const char *s, bool required)
{
    size_t n;

    if (!s)
        return false;
    n = strlen(s);
    if (n > 8 || (required && n == 0))
        return false;
    for (size_t i = 0; i < n; i++)
        if ((u8)s[i] <= 0x20 || (u8)s[i] >= 0x7F)
            return false;
    return true;
}

bool sp_class_ok(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool sp_type_ok(u8 type)
{
    return type == SPOOL_RDR || type == SPOOL_PRT || type == SPOOL_PUN;
}

int sp_attrs_check(const struct spool_attrs *a)
{
    if (!a || !sp_type_ok(a->type) || !sp_type_ok(a->origin_type))
        return SPOOL_EINVAL;
    if (!sp_class_ok(a->cls) || a->copies < 1 || a->copies > SPOOL_MAX_COPIES)
        return SPOOL_EINVAL;
    if (a->flags & ~SPOOL_HOLD_MASK)
        return SPOOL_EINVAL;
    if (!sp_name_ok(a->origin, true) || !sp_name_ok(a->owner, true))
        return SPOOL_EINVAL;
    if (!sp_name_ok(a->form, false) || !sp_name_ok(a->fname, false) ||
        !sp_name_ok(a->ftype, false) || !sp_name_ok(a->dist, false))
        return SPOOL_EINVAL;
    return SPOOL_OK;
}

/* EBCDIC, blank padded, like every name on a CP volume */
void sp_put_name(u8 *dst, const char *s)
{
    char pad[8];
    size_t n = strlen(s);

    memset(pad, ' ', sizeof pad);
    memcpy(pad, s, n > 8 ? 8 : n);
    ebc_from_ascii(dst, pad, 8);
}

bool sp_get_name(char *dst, const u8 *src, bool required)
{
    size_t n = 8;

    ebc_to_ascii_buf(dst, src, 8);
    dst[8] = 0;
    while (n && dst[n - 1] == ' ')
        dst[--n] = 0;
    return sp_name_ok(dst, required);
}

bool sp_same_user(const char *a, const char *b)
{
    return str_casecmp(a, b) == 0;
}

/* Ids go round 1..9999 from where the last one was taken, skipping the
 * ones in use, so a purged file's id is not handed out again at once. */
int sp_id_take(u16 slot, u16 *spid)
{
    u32 id = sps.next_id;

    for (u32 tries = 0; tries < SPOOL_MAX_ID; tries++) {
        if (id < 1 || id > SPOOL_MAX_ID)
            id = 1;
        if (sps.id_slot[id] == 0) {
            sps.id_slot[id] = (u16)(slot + 1);
            sps.next_id = id == SPOOL_MAX_ID ? 1 : id + 1;
            *spid = (u16)id;
            return SPOOL_OK;
        }
        id++;
    }
    return SPOOL_ENOID;
}

void sp_id_release(u16 spid)
{
    if (spid >= 1 && spid <= SPOOL_MAX_ID)
        sps.id_slot[spid] = 0;
}

void sp_msg(const char *fmt, ...)
{
    char line[160];
    va_list ap;

    if (!sps.dev || !sps.dev->msg)
        return;
    va_start(ap, fmt);
    fmt_vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    sps.dev->msg(sps.dev->ctx, line);
}

static const char *const rc_text[] = {
    [0] = "done",
    [-SPOOL_EINVAL] = "invalid operand; nothing was changed",
    [-SPOOL_ENOFILE] = "no such spool file",
    [-SPOOL_EFULL] = "the spool area is full",
    [-SPOOL_ENOSLOT] = "the spool directory is full; purge some files",
    [-SPOOL_ENOID] = "all spool ids are in use; purge some files",
    [-SPOOL_EBUSY] = "the spool file is in use",
    [-SPOOL_EIO] = "DASD error on the spool area",
    [-SPOOL_EDAMAGED] = "the spool file is damaged on DASD",
    [-SPOOL_ENOMEM] = "not enough CP free storage for the spool",
    [-SPOOL_ENOTREADY] = "spooling is not started",
    [-SPOOL_ENOTFMT] = "the spool area is not formatted; a cold start is needed",
};

const char *spool_strerror(int rc)
{
    if (rc == SPOOL_EOF)
        return "end of file";
    if (rc > 0)
        return "done";
    if ((unsigned)-rc < ARRAY_SIZE(rc_text) && rc_text[-rc])
        return rc_text[-rc];
    return "unknown spool error";
}

const char *spool_type_name(u8 type)
{
    static const char *const names[] = {
        [SPOOL_RDR] = "RDR", [SPOOL_PRT] = "PRT", [SPOOL_PUN] = "PUN",
    };
    return sp_type_ok(type) ? names[type] : "???";
}
