/* convert.c - host files <-> CMS records (text in code page 1047, or binary). */
#include "assembler-tools/cmsdisk/convert.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"
#include "cms-guest/fs/cmsfs.h"

#include <stdlib.h>
#include <string.h>

#define MAX_RECORD      65535u

/* A line of text as an EBCDIC record in buf (MAX_RECORD bytes). */
static int text_record(const u8 *line, size_t len, unsigned lineno, const struct convert_opts *o,
                       u8 *buf, u32 *out)
{
    if (len > 0 && line[len - 1] == '\r')
        len--;                                  /* CR LF line ends */
    if (len > o->lrecl) {
        fprintf(stderr, "DSK007E line %u is %zu characters long, more than LRECL %u; "
                        "nothing was written\n", lineno, len, o->lrecl);
        return -1;
    }
    ebc_from_ascii(buf, (const char *)line, len);
    if (o->recfm == CMS_RECFM_F) {
        memset(buf + len, EBC_BLANK, o->lrecl - len);
        len = o->lrecl;
    } else if (len == 0) {
        buf[len++] = EBC_BLANK;                 /* CMS has no empty V records */
    }
    *out = (u32)len;
    return 0;
}

static int text_input(const u8 *in, size_t n, const struct convert_opts *o,
                      int (*put)(void *, const u8 *, u32), void *ctx)
{
    u8 *buf = malloc(MAX_RECORD);
    unsigned lineno = 0;
    size_t at = 0;
    int rc = 0;

    if (!buf)
        return -1;
    while (rc == 0 && at < n) {
        const u8 *nl = memchr(in + at, '\n', n - at);
        size_t len = nl ? (size_t)(nl - (in + at)) : n - at;
        u32 rlen;
        rc = text_record(in + at, len, ++lineno, o, buf, &rlen);
        if (rc == 0)
            rc = put(ctx, buf, rlen);
        at += len + 1;
    }
    free(buf);
    return rc;
}

static int binary_input(const u8 *in, size_t n, const struct convert_opts *o,
                        int (*put)(void *, const u8 *, u32), void *ctx)
{
    size_t at = 0;
    int rc = 0;

    if (o->recfm == CMS_RECFM_F && n % o->lrecl != 0) {
        fprintf(stderr, "DSK008E the input has %zu bytes, not a multiple of LRECL %u; "
                        "nothing was written\n", n, o->lrecl);
        return -1;
    }
    while (rc == 0 && at < n) {
        u32 len = o->lrecl;
        if (o->recfm == CMS_RECFM_V) {
            if (n - at < 2 || n - at - 2 < get_be16(in + at)) {
                fprintf(stderr, "DSK008E the V record at byte %zu runs past the end of the "
                                "input; nothing was written\n", at);
                return -1;
            }
            len = get_be16(in + at);
            at += 2;
        }
        rc = put(ctx, in + at, len);
        at += len;
    }
    return rc;
}

int convert_input(const u8 *in, size_t n, const struct convert_opts *o,
                  int (*put)(void *ctx, const u8 *rec, u32 len), void *ctx)
{
    return o->binary ? binary_input(in, n, o, put, ctx) : text_input(in, n, o, put, ctx);
}

int convert_output(FILE *out, const u8 *rec, u32 len, const struct convert_opts *o)
{
    char *line;
    int ok;

    if (o->binary) {
        u8 hw[2];
        put_be16(hw, (u16)len);
        if (o->recfm == CMS_RECFM_V && fwrite(hw, 1, 2, out) != 2)
            return -1;
        return fwrite(rec, 1, len, out) == len ? 0 : -1;
    }
    if (o->recfm == CMS_RECFM_F)
        while (len > 0 && rec[len - 1] == EBC_BLANK)
            len--;
    else if (len == 1 && rec[0] == EBC_BLANK)
        len = 0;                                /* written from an empty line */
    line = malloc(len + 1);
    if (!line)
        return -1;
    ebc_to_ascii_buf(line, rec, len);
    line[len] = '\n';
    ok = fwrite(line, 1, len + 1, out) == len + 1;
    free(line);
    return ok ? 0 : -1;
}
