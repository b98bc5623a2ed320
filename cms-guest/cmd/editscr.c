/* editscr.c - EDIT's display mode on a 3270, as VM/370's EDIT had it on
 * display terminals.  The screen (24 x 80), drawn by CMS itself through
 * DIAGNOSE X'58' full-screen I/O (sys_screen_write/read):
 *
 *   row 0      the file's name, format, the line pointer    (bright)
 *   row 1      the last message or line a subcommand wrote  (bright)
 *   rows 2-20  the file area: the current line in row 11    (bright)
 *              with the lines before and after it
 *   row 22     ====> the command line: subcommands, or in input mode
 *              the lines to insert (a null line ends input mode)
 *   row 23     what the PF keys do
 *
 * PF3 QUIT, PF4 FILE, PF7 a page back, PF8 a page forward; PA2 and CLEAR
 * draw the screen again.  Everything else is EDIT's line-mode subcommands
 * (editsub.c), typed into the command line.  On a line terminal (or with
 * subcommands stacked by an EXEC) EDIT stays in line mode. */
#include "cms-guest/cmd/edit.h"
#include "arch370/ebcdic.h"

#define COLS            80
#define POS(r, c)       ((r) * COLS + (c))
#define ROW_TITLE       0
#define ROW_MSG         1
#define ROW_FIRST       2       /* the file area */
#define ROW_LAST        20
#define ROW_CURRENT     11
#define PAGE            (ROW_LAST - ROW_FIRST)
#define ROW_CMD         22
#define ROW_KEYS        23
#define CMD_START       POS(ROW_CMD, 7)

/* 3270 orders, and attribute and WCC bytes as graphics */
#define SBA             0x11
#define SF              0x1D
#define IC              0x13
#define WCC_RESTORE     0xC3    /* unlock the keyboard, reset modified tags */
#define FA_PROT         0x60
#define FA_PROT_BRIGHT  0xE8
#define FA_INPUT        0x40

/* attention identifiers */
#define AID_ENTER       0x7D
#define AID_PF3         0xF3
#define AID_PF4         0xF4
#define AID_PF7         0xF7
#define AID_PF8         0xF8

#define MSG_LINES       4       /* kept while the screen is not up yet */

static u8 ds[4096], rec[1024];
static char msg[MSG_LINES][COLS];
static unsigned nmsg;

/* lines CMS writes while EDIT owns the screen: the message line */
static void to_message_line(const char *line)
{
    if (nmsg == MSG_LINES) {
        for (unsigned i = 1; i < MSG_LINES; i++)
            cms_strlcpy(msg[i - 1], msg[i], COLS);
        nmsg--;
    }
    cms_strlcpy(msg[nmsg++], line, COLS);
}

/* ---- the data stream ----------------------------------------------------- */

static u8 *sba(u8 *p, unsigned pos)
{
    *p++ = SBA;
    *p++ = (u8)(pos >> 8);      /* 14-bit binary address */
    *p++ = (u8)pos;
    return p;
}

static u8 *field(u8 *p, unsigned pos, u8 attr)
{
    p = sba(p, pos);
    *p++ = SF;
    *p++ = attr;
    return p;
}

/* text after an attribute byte: at most the rest of the row */
static u8 *text(u8 *p, const char *s)
{
    size_t n = cms_strlen(s);

    if (n > COLS - 1)
        n = COLS - 1;
    ebc_from_ascii(p, s, n);
    return p + n;
}

static u8 *file_row(u8 *p, const struct edit *e, unsigned row)
{
    long at = (long)e->cur + ((long)row - ROW_CURRENT);
    const char *s;

    if (at < 0 || at > (long)e->n + 1)
        return p;
    s = at == 0 ? "* * * TOP OF FILE * * *" : at == (long)e->n + 1 ? "* * * END OF FILE * * *"
                                                              : e->line[at - 1];
    p = field(p, POS(row, 0), row == ROW_CURRENT ? FA_PROT_BRIGHT : FA_PROT);
    return text(p, s);
}

static int draw(const struct edit *e)
{
    char line[COLS + 40];
    u8 *p = ds;

    *p++ = WCC_RESTORE;
    cms_snprintf(line, sizeof line, "EDIT %s %s %s  RECFM %c LRECL %u  LINE %u OF %u%s", e->fn, e->ft,
                 e->fm, e->recfm == CMS_RECFM_F ? 'F' : 'V', (unsigned)e->lrecl,
                 (unsigned)(e->cur > e->n ? e->n : e->cur), (unsigned)e->n, e->input ? "  INPUT" : "");
    p = field(p, POS(ROW_TITLE, 0), FA_PROT_BRIGHT);
    p = text(p, line);
    p = field(p, POS(ROW_MSG, 0), FA_PROT_BRIGHT);
    p = text(p, nmsg ? msg[nmsg - 1] : "");
    for (unsigned row = ROW_FIRST; row <= ROW_LAST; row++)
        p = file_row(p, e, row);
    p = field(p, POS(ROW_CMD, 0), FA_PROT);
    p = text(p, "====>");
    p = field(p, CMD_START - 1, FA_INPUT);
    p = field(p, POS(ROW_KEYS, 0), FA_PROT);
    p = text(p, "PF3 QUIT  PF4 FILE  PF7 BACK  PF8 FORWARD  ENTER SUBCOMMAND");
    p = sba(p, CMD_START);
    *p++ = IC;
    return sys_screen_write(ds, (size_t)(p - ds), true);
}

/* the command line's text out of a read-modified record: AID, cursor
 * address, then SBA address text (the only unprotected field) */
static void command_text(const u8 *r, int n, char *out, size_t size)
{
    int i = 3;
    size_t len = 0;

    if (i < n && r[i] == SBA)
        i += 3;
    for (; i < n && r[i] != SBA && len + 1 < size; i++)
        if (r[i])                       /* nulls are not typed */
            out[len++] = (char)ebc_to_ascii[r[i]];
    while (len && out[len - 1] == ' ')
        len--;
    out[len] = 0;
}

static void page(struct edit *e, bool forward)
{
    if (forward)
        e->cur = e->cur + PAGE > e->n + 1 ? e->n + 1 : e->cur + PAGE;
    else
        e->cur = e->cur > PAGE ? e->cur - PAGE : 0;
}

static void key(struct edit *e, u8 aid, const char *cmd)
{
    nmsg = 0;
    switch (aid) {
    case AID_ENTER:
        if (e->input)
            edit_input_line(e, cmd);
        else if (*cmd)
            edit_subcommand(e, cmd);
        break;
    case AID_PF3:
        edit_subcommand(e, "QUIT");
        break;
    case AID_PF4:
        edit_subcommand(e, "FILE");
        break;
    case AID_PF7:
        page(e, false);
        break;
    case AID_PF8:
        page(e, true);
        break;
    default:                            /* PA2, CLEAR, other keys: draw again */
        break;
    }
}

void edit_display_prepare(void)
{
    nmsg = 0;
    cms_set_line_sink(to_message_line);
}

/* what CMS wrote while the screen was to come goes to the terminal */
void edit_display_cancel(void)
{
    cms_set_line_sink(NULL);
    for (unsigned i = 0; i < nmsg; i++)
        cms_type(msg[i]);
    nmsg = 0;
}

bool edit_display(struct edit *e)
{
    bool verify = e->verify;
    char cmd[CMS_LINE_MAX];
    int n = draw(e);

    if (n == SYS_ENOTSUP) {             /* a line terminal: what was said, said there */
        edit_display_cancel();
        return false;
    }
    e->verify = false;                  /* the file area shows the current line */
    while (!e->done) {
        n = sys_screen_read(rec, sizeof rec);
        if (n == SYS_ENOTSUP)
            break;                      /* (reconnected at a line terminal) */
        if (n >= 1) {
            command_text(rec, n, cmd, sizeof cmd);
            key(e, rec[0], cmd);
        }
        if (!e->done && draw(e) == SYS_ENOTSUP)
            break;
    }
    e->verify = verify;
    edit_display_cancel();              /* FILE's or QUIT's last words, or line mode goes on */
    return e->done;
}
