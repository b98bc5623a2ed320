/* spool.c - the virtual reader, punch and printer, as CMS drives them:
 * cards and lines out through DIAGNOSE X'20' (a one-CCW channel program
 * run while CMS waits), reader files in through X'14' a buffer of whole
 * records at a time (docs/diagnose.md).  No SIO, no interruptions. */
#include "cms-guest/core/sys.h"
#include "cms-guest/lib/cmslib.h"
#include "arch370/be.h"
#include "arch370/ccw.h"
#include "cp370diag.h"

#define RDR_BUFSIZE     4096
#define D14_READ_NEXT   0x0000
#define D14_NOT_READER  1       /* Ry+1 with CC 3 */
#define D20_NO_DEVICE   1       /* R15 with CC 1 */

static struct ccw0 ur_ccw __attribute__((aligned(8)));
static u8 ur_data[256];

int sys_ur_write(u16 cuu, u8 op, const u8 *data, u16 len)
{
    struct cp370_diag_regs r = { .rx = cuu, .ry = (u32)(uintptr_t)&ur_ccw };
    int cc;

    if (len > sizeof ur_data)
        len = sizeof ur_data;
    cms_memcpy(ur_data, data, len);
    ccw0_make(&ur_ccw, op, (u32)(uintptr_t)ur_data, 0, len);
    cc = cp370_diag_020_general_io(&r);
    if (cc == 0)
        return 0;
    return cc == 1 && r.r15 == D20_NO_DEVICE ? SYS_ENODEV : SYS_EIO;
}

/* the buffer of the reader file being read, and where the next record is */
static u8 rdr_buf[RDR_BUFSIZE] __attribute__((aligned(8)));
static u32 rdr_left, rdr_off;

static int rdr_fill(u16 cuu)
{
    struct cp370_diag_regs r = { .rx = (u32)(uintptr_t)rdr_buf, .ry = cuu,
                                 .ry1 = D14_READ_NEXT };
    int cc = cp370_diag_014_spool_input(&r);

    if (cc == 1)
        return SYS_RDR_EOF;
    if (cc == 2)
        return SYS_RDR_EMPTY;
    if (cc == 3)
        return r.ry1 == D14_NOT_READER ? SYS_ENODEV : SYS_EIO;
    rdr_left = get_be32(rdr_buf);
    rdr_off = 8;
    return 0;
}

/* the file read to its end stays open in CP until CLOSE, which purges it */
void sys_rdr_close(u16 cuu, bool keep)
{
    char cmd[24], resp[256];
    size_t lost;

    cms_snprintf(cmd, sizeof cmd, "CLOSE %03X%s", cuu, keep ? " HOLD" : "");
    sys_cp(cmd, resp, sizeof resp, &lost);
    rdr_left = 0;
}

int sys_rdr_read(u16 cuu, u8 *card, u16 size, u16 *len)
{
    u16 n;

    if (rdr_left == 0) {
        int rc = rdr_fill(cuu);
        if (rc == SYS_RDR_EOF)
            sys_rdr_close(cuu, false);
        if (rc)
            return rc;
        if (rdr_left == 0) {            /* an empty buffer: the end */
            sys_rdr_close(cuu, false);
            return SYS_RDR_EOF;
        }
    }
    /* a record: command code (1), zero (1), length (2), the data */
    n = get_be16(rdr_buf + rdr_off + 2);
    if (rdr_off + 4 + n > RDR_BUFSIZE) {
        rdr_left = 0;
        return SYS_EIO;
    }
    *len = n;
    cms_memcpy(card, rdr_buf + rdr_off + 4, n < size ? n : size);
    rdr_off += 4u + n;
    rdr_left--;
    return 0;
}
