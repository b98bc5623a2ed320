/* tfscr.c - a guest that owns its 3270 screen through DIAGNOSE X'58'
 * full-screen I/O (CCW X'29' write, X'2A' read modified).  It draws a
 * screen with one input field, shows what the user typed into it, draws
 * the screen again whenever CP says it took the screen (R15 = 4: PA1,
 * a message), and ends on PF3 with a line-mode message.  PF5 writes
 * two lines to its console, then a third by CCW X'19' with control
 * X'83' (clear the output area, start at line 3).  On a line terminal
 * it says what X'29' answered there. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ccw.h"
#include "arch370/ebcdic.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"

#define FS_WRITE        0x29
#define FS_READ         0x2A
#define CTL_ERASE       0x80    /* X'29': erase/write; X'2A': read modified */

/* 3270 data stream: orders, and attribute/WCC bytes as graphics */
#define SBA             0x11
#define SF              0x1D
#define IC              0x13
#define WCC_RESTORE     0xC3    /* unlock the keyboard, reset MDTs */
#define FA_PROT         0x60
#define FA_PROT_BRIGHT  0xE8
#define FA_INPUT        0x40
#define AID_PF3         0xF3
#define AID_PF5         0xF5
#define LINE_WRITE      0x19
#define CTL_CLEAR_AT_3  0x83

#define COLS            80
#define INPUT_POS       (2 * COLS + 10)

static struct ccw0 ccw __attribute__((aligned(8)));
static u8 out[512], in[512];
static char typed[81];
static unsigned redraws;

static int x58(u8 cmd, u8 ctl, u8 *data, u16 count, u32 *r15)
{
    struct cp370_diag_regs r = { .rx = (u32)(uintptr_t)&ccw, .ry = 0xFFFFFFFFu };
    int cc;

    ccw0_make(&ccw, cmd, (u32)(uintptr_t)data, 0, count);
    ccw.b[5] = ctl;
    cc = cp370_diag_058_console(&r);
    *r15 = r.r15;
    return cc;
}

/* 14-bit buffer address */
static u8 *sba(u8 *p, unsigned pos)
{
    *p++ = SBA;
    *p++ = (u8)(pos >> 8);
    *p++ = (u8)pos;
    return p;
}

static u8 *text(u8 *p, const char *s)
{
    unsigned n = strlen(s);
    ebc_from_ascii(p, s, n);
    return p + n;
}

static u8 *field(u8 *p, unsigned pos, u8 attr)
{
    p = sba(p, pos);
    *p++ = SF;
    *p++ = attr;
    return p;
}

/* the whole screen: erase/write */
static int draw(u32 *r15)
{
    char line[80];
    u8 *p = out;

    *p++ = WCC_RESTORE;
    p = field(p, 0, FA_PROT_BRIGHT);
    p = text(p, "TFSCR FULL SCREEN");
    p = field(p, 2 * COLS, FA_PROT);
    p = text(p, "NAME:");
    p = field(p, INPUT_POS - 1, FA_INPUT);
    p = field(p, INPUT_POS + 20, FA_PROT);
    fmt_snprintf(line, sizeof line, "REDRAWN %u   PF3 ENDS", redraws);
    p = field(p, 4 * COLS, FA_PROT);
    p = text(p, line);
    p = sba(p, INPUT_POS);
    *p++ = IC;
    return x58(FS_WRITE, CTL_ERASE, out, (u16)(p - out), r15);
}

/* a plain write into the screen already there */
static int answer(u32 *r15)
{
    char line[100];
    u8 *p = out;

    *p++ = WCC_RESTORE;
    fmt_snprintf(line, sizeof line, "YOU TYPED: %s.", typed);
    for (unsigned n = strlen(line); n < 60; n++)        /* over a longer answer */
        line[n] = ' ', line[n + 1] = 0;
    p = field(p, 6 * COLS, FA_PROT);
    p = text(p, line);
    p = sba(p, INPUT_POS);
    *p++ = IC;
    return x58(FS_WRITE, 0, out, (u16)(p - out), r15);
}

/* the text of the first field in a read-modified record: AID, cursor
 * address, then SBA address data ... */
static void first_field(const u8 *rec, unsigned n)
{
    unsigned i = 3, len = 0;

    if (i < n && rec[i] == SBA)
        i += 3;
    while (i < n && rec[i] != SBA && len < sizeof typed - 1)
        len++, i++;
    ebc_to_ascii_buf(typed, rec + i - len, len);
    typed[len] = 0;
}

int main(void)
{
    u32 r15 = 0;
    int cc = draw(&r15);

    if (cc) {
        con_printf("TFSCR: X'29' ERASE/WRITE GAVE CC %d R15 %u", cc, r15);
        return 0;
    }
    for (;;) {
        cc = x58(FS_READ, CTL_ERASE, in, sizeof in, &r15);
        if (cc == 2 && r15 == 4) {          /* CP had the screen */
            redraws++;
            draw(&r15);
            continue;
        }
        if (cc > 1) {
            con_printf("TFSCR: X'2A' GAVE CC %d R15 %u", cc, r15);
            return 0;
        }
        if (in[0] == AID_PF3)
            break;
        if (in[0] == AID_PF5) {             /* CP's screen: lines, then an order */
            con_write("LINE A");
            con_write("LINE B");
            ebc_from_ascii(out, "AT LINE 3", 9);
            x58(LINE_WRITE, CTL_CLEAR_AT_3, out, 9, &r15);
            continue;                       /* the read says redraw */
        }
        first_field(in, r15);
        if (answer(&r15) == 2 && r15 == 4) {
            redraws++;
            draw(&r15);
        }
    }
    con_write("TFSCR DONE");
    return 0;
}
