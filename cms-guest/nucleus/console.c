/* console.c - the terminal and CP, as CMS reaches them: DIAGNOSE X'58'
 * writes and reads lines (CCW X'19' and X'0A'), X'5C' edits messages per
 * CP's SET EMSG, X'08' runs CP commands.  CMS never issues an SIO to its
 * console.  Text is ASCII inside CMS and EBCDIC on the way out. */
#include "cms-guest/core/sys.h"
#include "cms-guest/lib/cmslib.h"
#include "arch370/ccw.h"
#include "arch370/ebcdic.h"
#include "cp370diag.h"

#define CON_WRITE_MAX   1760    /* X'58' write limit */
#define CON_READ_MAX    160     /* X'58' read limit */
#define CP_TEXT_MAX     132     /* X'08' command limit */
#define CP_RESP_MAX     8192    /* X'08' response buffer limit */
#define CCW_WRITE_LINES 0x19
#define CCW_READ_LINE   0x0A

static struct ccw0 con_ccw __attribute__((aligned(8)));
static u8 con_buf[CON_WRITE_MAX];
static u8 cp_buf[CP_RESP_MAX];

static int x58(u8 cmd, u16 count, u32 *stored)
{
    struct cp370_diag_regs r = { .rx = (u32)(uintptr_t)&con_ccw, .ry = 0xFFFFFFFFu };
    int cc;

    ccw0_make(&con_ccw, cmd, (u32)(uintptr_t)con_buf, 0, count);
    cc = cp370_diag_058_console(&r);
    *stored = r.r15;
    return cc;
}

void sys_write(const char *line)
{
    size_t n = cms_strlen(line);
    u32 stored;

    if (n > CON_WRITE_MAX)
        n = CON_WRITE_MAX;
    if (n == 0) {
        con_buf[0] = 0x40;              /* an empty line: one blank */
        n = 1;
    } else {
        ebc_from_ascii(con_buf, line, n);
    }
    x58(CCW_WRITE_LINES, (u16)n, &stored);
}

int sys_read(char *buf, size_t size)
{
    u32 n = 0;
    int cc = x58(CCW_READ_LINE, CON_READ_MAX, &n);

    if (cc > 1)
        n = 0;
    if (n > CON_READ_MAX)
        n = CON_READ_MAX;
    if (size == 0)
        return 0;
    if (n >= size)
        n = (u32)size - 1;
    ebc_to_ascii_buf(buf, con_buf, n);
    buf[n] = 0;
    return (int)n;
}

/* ---- full screen: CCW X'29' write, X'2A' read modified ------------------- */
#define CCW_FS_WRITE    0x29
#define CCW_FS_READ     0x2A
#define FS_ERASE        0x80    /* erase/write; read modified */
#define FS_MAX          4096
#define R15_NOT3270     3
#define R15_REDRAW      4

static int x58fs(u8 cmd, u8 ctl, const u8 *data, size_t count, u32 *r15)
{
    struct cp370_diag_regs r = { .rx = (u32)(uintptr_t)&con_ccw, .ry = 0xFFFFFFFFu };
    int cc;

    ccw0_make(&con_ccw, cmd, (u32)(uintptr_t)data, 0, (u16)count);
    con_ccw.b[5] = ctl;                 /* the control byte */
    cc = cp370_diag_058_console(&r);
    *r15 = r.r15;
    return cc;
}

static int fs_error(u32 r15)
{
    return r15 == R15_REDRAW ? SYS_EREDRAW : r15 == R15_NOT3270 ? SYS_ENOTSUP : SYS_EIO;
}

int sys_screen_write(const u8 *ds, size_t n, bool erase)
{
    u32 r15;

    if (n == 0 || n > FS_MAX)
        return SYS_EIO;
    if (x58fs(CCW_FS_WRITE, erase ? FS_ERASE : 0, ds, n, &r15) == 2)
        return fs_error(r15);
    return 0;
}

int sys_screen_read(u8 *buf, size_t size)
{
    u32 r15;
    int cc;

    if (size == 0 || size > FS_MAX)
        return SYS_EIO;
    cc = x58fs(CCW_FS_READ, FS_ERASE, buf, size, &r15);
    if (cc == 2)
        return fs_error(r15);
    return (int)(r15 < size ? r15 : size);
}

void sys_emsg(const char *msg, size_t *off, size_t *len)
{
    struct cp370_diag_regs r = { 0 };
    size_t n = *len > CON_WRITE_MAX ? CON_WRITE_MAX : *len;

    ebc_from_ascii(con_buf, msg, n);
    r.rx = (u32)(uintptr_t)con_buf;
    r.ry = (u32)n;
    cp370_diag_05C_emsg(&r);
    *off = r.ry ? r.rx - (u32)(uintptr_t)con_buf : 0;
    *len = r.ry;
}

int sys_cp(const char *cmd, char *resp, size_t size, size_t *lost)
{
    struct cp370_diag_regs r = { 0 };
    static u8 text[CP_TEXT_MAX];
    size_t n = cms_strlen(cmd), got, room;
    int cc;

    if (n > CP_TEXT_MAX)
        n = CP_TEXT_MAX;
    ebc_from_ascii(text, cmd, n);
    r.rx = (u32)(uintptr_t)text;
    r.ry = (u32)n;
    if (!resp || size == 0) {
        cp370_diag_008_cp_command(&r);
        return (int)r.ry;
    }
    room = size - 1 < CP_RESP_MAX ? size - 1 : CP_RESP_MAX;
    r.rx1 = (u32)(uintptr_t)cp_buf;
    r.ry |= 0x40000000u;
    r.ry1 = (u32)room;
    cc = cp370_diag_008_cp_command(&r);
    /* CC 0: Ry+1 is the response length; CC 1: the buffer is full and
     * Ry+1 the number of bytes that did not fit */
    got = cc == 0 && r.ry1 <= room ? r.ry1 : room;
    if (lost)
        *lost = cc == 1 ? r.ry1 : 0;
    ebc_to_ascii_buf(resp, cp_buf, got);   /* X'15' ends each line: LF */
    resp[got] = 0;
    return (int)r.ry;
}
