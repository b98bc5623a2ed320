/* con3270.c - CP's console on a 3270 display (see con3270.h). */
#include "cp/io/con3270.h"
#include "cp/io/qreply.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "cp/lib/version.h"
#include "arch370/ebcdic.h"

/* local 3270 channel commands */
#define CMD_WRITE       0x01
#define CMD_ERASEWRITE  0x05
#define CMD_EWA         0x0D    /* erase/write alternate: the larger screen */
#define CMD_WSF         0x11    /* write structured field */
#define CMD_READMOD     0x06

/* data-stream orders */
#define ORD_SBA         0x11    /* set buffer address */
#define ORD_SF          0x1D    /* start field */
#define ORD_IC          0x13    /* insert cursor */
#define ORD_EUA         0x12    /* erase unprotected to address */
#define ORD_RA          0x3C    /* repeat to address */

/* field attributes (6 bits, sent through the address code) */
#define FA_PROT         0x20
#define FA_BRIGHT       0x08
#define FA_HIDDEN       0x0C
#define FA_MDT          0x01    /* modified data tag */

/* write control character bits (likewise) */
#define WCC_RESTORE     0x02    /* unlock the keyboard */
#define WCC_RESET_MDT   0x01

/* attention identifiers */
#define AID_NONE        0x60
#define AID_ENTER       0x7D
#define AID_CLEAR       0x6D
#define AID_PA1         0x6C
#define AID_PA2         0x6E
#define AID_PA3         0x6B
#define AID_SF          Q3270_AID       /* the answer to the size query */

/* where things are on the screen (c: the terminal's struct con3270) */
#define POS(r, col)     ((r) * c->cols + (col))
#define OUTROWS         (c->rows - 2)                         /* the output area */
#define OUT_ATTR        POS(c->rows - 1, c->cols - 1)         /* wraps to 0,0 */
#define IN_ATTR         POS(OUTROWS, 0)
#define IN_START        (IN_ATTR + 1)
#define ST_LEN          18
#define ST_ATTR         (OUT_ATTR - ST_LEN - 1)               /* column 60 of 80 */
#define ST_START        (ST_ATTR + 1)
#define IN_LEN          (ST_ATTR - IN_START)                  /* 139 on 80 columns */
#define MAX_POS         4096    /* 12-bit buffer addresses */

#define OBUF            TFS_MAX
#define IBUF            TFS_MAX

enum out_state { OUT_NORMAL, OUT_MORE, OUT_HOLDING };

enum query_state { Q_NONE, Q_DUE, Q_SENT };

struct con3270 {
    unsigned rows, cols;        /* CP's screen: model 2, or what the query said */
    bool alternate;             /* that size is the alternate one (EWA) */
    unsigned model;             /* 2-5, 0 for another size */
    enum query_state query;     /* Read Partition Query for a new client */
    bool query_write;           /* the write under way is the query */
    bool query_rejected;        /* ... and the terminal rejected it */
    unsigned query_ticks;       /* probes since it was sent */
    unsigned row;               /* next free row of the output area */
    enum out_state out;
    bool redraw;                /* erase and draw the whole screen */
    bool restore;               /* a write must unlock the keyboard */
    bool clear_input;           /* erase what the user entered */
    bool hidden;                /* the input area does not show what is typed */
    bool attr_dirty;            /* the input area's attribute changed */
    bool preset;                /* text waits to go into the input area */
    char preset_text[TERM_INMAX + 1];
    char shown[ST_LEN + 1];     /* what the status area shows */
    bool status_due;            /* the status area may be brought up to date */
    unsigned more_sec;
    struct timer more_timer;
    /* DIAGNOSE X'58' full screen: the guest owns the screen */
    bool fs;
    bool fs_pa1;                /* PA1 goes to the guest, not to CP */
    bool fs_due;                /* the guest's write waits in fs_buf */
    bool fs_seen;               /* CP took the screen (its lines, PA1): the
                                   guest's comes back after the user's next key */
    u8 fs_cmd;
    u16 fs_len;
    u8 fs_buf[TFS_MAX];
    u8 obuf[OBUF];
    u8 ibuf[IBUF];
};

/* 12-bit buffer addresses and attribute bytes: six bits to a graphic */
static const u8 code6[64] = {
    0x40, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F,
    0x50, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
    0x60, 0x61, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
};

static struct con3270 *k(const struct term *t)
{
    return t->kdata;
}

/* ---- building the outbound data stream ------------------------------------- */

static u8 *sba(u8 *p, unsigned pos)
{
    *p++ = ORD_SBA;
    *p++ = code6[(pos >> 6) & 0x3F];
    *p++ = code6[pos & 0x3F];
    return p;
}

static u8 *sf(u8 *p, unsigned pos, u8 attr)
{
    p = sba(p, pos);
    *p++ = ORD_SF;
    *p++ = code6[attr & 0x3F];
    return p;
}

static u8 *text(u8 *p, const char *s, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        u8 c = (u8)s[i];
        *p++ = (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) ? EBC_BLANK : ascii_to_ebc[c];
    }
    return p;
}

static unsigned decode_addr(const u8 *b)
{
    if ((b[0] & 0xC0) == 0)                     /* 14-bit binary */
        return ((unsigned)(b[0] & 0x3F) << 8) | b[1];
    return ((unsigned)(b[0] & 0x3F) << 6) | (b[1] & 0x3F);
}

/* The status area: MORE... and HOLDING are the screen's own; otherwise
 * the session says what CP waits for. */
static void status_text(const struct term *t, char *buf)
{
    const char *word = k(t)->out == OUT_MORE ? "MORE..." :
                       k(t)->out == OUT_HOLDING ? "HOLDING" :
                       t->ops->status ? t->ops->status(t) : "CP READ";
    unsigned n = 0;

    while (word[n] && n < TERM_STATUS)
        buf[n] = word[n], n++;
    while (n < TERM_STATUS)
        buf[n++] = ' ';
    for (const char *s = CP_NAME; *s && n < ST_LEN; s++)
        buf[n++] = (*s >= 'a' && *s <= 'z') ? (char)(*s - 'a' + 'A') : *s;
    while (n < ST_LEN)
        buf[n++] = ' ';
    buf[n] = 0;
}

static unsigned line_rows(const struct con3270 *c, const struct tline *l)
{
    return l->len ? (l->len + c->cols - 1) / c->cols : 1;
}

static void more_timeout(void *arg);

static void start_more(struct term *t)
{
    struct con3270 *c = k(t);

    c->out = OUT_MORE;
    if (c->more_sec)
        timer_add(&c->more_timer, tod_now() + (u64)c->more_sec * TOD_SEC, more_timeout, t);
}

/* Clear the output area; the queue goes on from its top. */
static void clear_output(struct term *t)
{
    struct con3270 *c = k(t);

    timer_cancel(&c->more_timer);
    c->out = OUT_NORMAL;
    c->row = 0;
    c->redraw = true;
}

static void more_timeout(void *arg)
{
    struct term *t = arg;

    if (k(t)->out != OUT_MORE)
        return;
    clear_output(t);
    term_kick(t);
}

/* CP takes the screen back from the guest: CP's own screen is drawn
 * anew, and the session tells the guest (it must redraw its screen).
 * Not for PA1: the attention stops the virtual machine, and a guest
 * woken first would only draw its screen again before it stops. */
static void fs_take_back(struct term *t, bool tell)
{
    struct con3270 *c = k(t);

    c->fs = false;
    c->fs_pa1 = false;
    c->fs_due = false;
    clear_output(t);
    if (tell && t->ops->fs_lost)
        t->ops->fs_lost(t);
}

static bool has_work(struct term *t)
{
    struct con3270 *c = k(t);
    char st[ST_LEN + 1];

    if (c->query == Q_DUE)
        return true;
    if (c->query == Q_SENT)
        return false;                   /* nothing is drawn before the answer */
    if (c->fs) {
        /* a line for the output area (a message, the guest's own line
         * output) ends full screen at once, as on VM/SP */
        if (t->qhead) {
            fs_take_back(t, true);
            c->fs_seen = true;
        } else
            return c->fs_due;
    }

    if (c->redraw || c->restore || c->clear_input || c->preset || c->attr_dirty)
        return true;
    if (t->qhead && c->out == OUT_NORMAL)
        return true;
    if (!c->status_due)
        return false;
    status_text(t, st);
    return strcmp(st, c->shown) != 0;
}

/* At every terminal probe (two seconds): the status area may show what
 * changed since the last write.  Not at every change: a guest that goes
 * from RUNNING to VM READ and back many times a second would otherwise
 * keep the terminal and CP busy writing the status area. */
static void tick(struct term *t)
{
    struct con3270 *c = k(t);

    c->status_due = true;
    /* a client that took the query and never answered: model 2 */
    if (c->query == Q_SENT && ++c->query_ticks > 1)
        c->query = Q_NONE;
}

/* An order the guest queued with its lines (DIAGNOSE X'58' CCW X'19'
 * control byte): clear the output area, or go on at a lower row. */
static u8 *output_order(struct term *t, u8 *p, const struct tline *l)
{
    struct con3270 *c = k(t);

    if ((l->ctl & TL_CLEAR) && c->row) {
        p = sba(p, POS(0, 0));
        *p++ = ORD_RA;
        *p++ = code6[(IN_ATTR >> 6) & 0x3F];
        *p++ = code6[IN_ATTR & 0x3F];
        *p++ = EBC_BLANK;
        c->row = 0;
    }
    if ((l->ctl & TL_ROW) && l->len > c->row && l->len < OUTROWS)
        c->row = l->len;
    return p;
}

/* A new client: what screen has it?  Read Partition Query asks the
 * terminal for its query replies (the answer comes as input, AID X'88').
 * Hercules passes a write structured field to the client only if the
 * client said it takes the extended data stream (a terminal type ending
 * in -E); otherwise the command is rejected and the screen stays model 2. */
static void start_query(struct term *t)
{
    struct con3270 *c = k(t);

    memcpy(c->obuf, q3270_query, sizeof q3270_query);
    c->query = Q_SENT;
    c->query_ticks = 0;
    c->query_write = true;
    ccw1_make(&t->ccw[TERM_WCCW], CMD_WSF, CCW_SLI, sizeof q3270_query, (u32)(uintptr_t)c->obuf);
    term_start_write(t);
}

/* The answer: its alternate size becomes CP's screen if it is at least a
 * model 2's and fits 12-bit buffer addresses. */
static void query_reply(struct term *t, const u8 *b, unsigned n)
{
    struct con3270 *c = k(t);
    unsigned rows, cols;

    c->query = Q_NONE;
    if (!q3270_size(b, n, &rows, &cols) || rows < T3270_ROWS || cols < T3270_COLS ||
        rows * cols > MAX_POS)
        return;                         /* model 2, as before */
    c->rows = rows;
    c->cols = cols;
    c->alternate = rows != T3270_ROWS || cols != T3270_COLS;
    c->model = rows == 24 && cols == 80 ? 2 : rows == 32 && cols == 80 ? 3 :
               rows == 43 && cols == 80 ? 4 : rows == 27 && cols == 132 ? 5 : 0;
    clear_output(t);                    /* drawn anew at that size */
}

/* the guest's own data stream, as it gave it */
static void start_fs_write(struct term *t)
{
    struct con3270 *c = k(t);

    memcpy(c->obuf, c->fs_buf, c->fs_len);
    c->fs_due = false;
    ccw1_make(&t->ccw[TERM_WCCW], c->fs_cmd, CCW_SLI, c->fs_len, (u32)(uintptr_t)c->obuf);
    term_start_write(t);
}

static void start_write(struct term *t)
{
    struct con3270 *c = k(t);
    u8 *p = c->obuf, *end = c->obuf + OBUF - 2 * c->cols - 64;
    u8 cmd = CMD_WRITE;
    unsigned cursor = IN_START;
    struct tline *l;

    if (c->query == Q_DUE) {
        start_query(t);
        return;
    }
    if (c->fs) {
        start_fs_write(t);
        return;
    }

    if (c->redraw) {
        cmd = c->alternate ? CMD_EWA : CMD_ERASEWRITE;
        *p++ = code6[WCC_RESTORE | WCC_RESET_MDT];
        p = sf(p, OUT_ATTR, FA_PROT);
        p = sf(p, ST_ATTR, FA_PROT | FA_BRIGHT);
        c->redraw = false;
        c->clear_input = false;
        c->attr_dirty = true;
        c->shown[0] = 0;
    } else {
        /* the input the user entered was taken: its field is no longer
         * modified */
        *p++ = code6[WCC_RESTORE | (c->clear_input ? WCC_RESET_MDT : 0)];
    }
    if (c->attr_dirty || c->preset) {
        /* a preset text counts as typed (modified), so Enter sends it */
        p = sf(p, IN_ATTR, (u8)((c->hidden ? FA_HIDDEN : 0) | (c->preset ? FA_MDT : 0)));
        c->attr_dirty = false;
    }
    if (c->clear_input) {
        p = sba(p, IN_START);
        *p++ = ORD_EUA;
        *p++ = code6[(ST_ATTR >> 6) & 0x3F];
        *p++ = code6[ST_ATTR & 0x3F];
        c->clear_input = false;
    }
    if (c->preset) {
        unsigned n = strlen(c->preset_text);
        p = sba(p, IN_START);
        p = text(p, c->preset_text, n);
        cursor = IN_START + n;
        c->preset = false;
    }
    while (c->out == OUT_NORMAL && (l = t->qhead) != NULL && p < end) {
        unsigned rows = line_rows(c, l);
        if (l->ctl) {
            p = output_order(t, p, l);
            term_line_free(term_dequeue(t));
            continue;
        }
        if (c->row + rows > (unsigned)OUTROWS) {
            start_more(t);
            break;
        }
        l = term_dequeue(t);
        p = sba(p, POS(c->row, 0));
        p = text(p, l->text, l->len);
        c->row += rows;
        t->lines_out++;
        term_line_free(l);
    }
    status_text(t, c->shown);
    c->status_due = false;
    p = sba(p, ST_START);
    p = text(p, c->shown, ST_LEN);
    p = sba(p, cursor);
    *p++ = ORD_IC;
    c->restore = false;
    ccw1_make(&t->ccw[TERM_WCCW], cmd, CCW_SLI, (u16)(p - c->obuf), (u32)(uintptr_t)c->obuf);
    term_start_write(t);
}

static void write_done(struct term *t, bool ok)
{
    struct con3270 *c = k(t);

    if (c->query_write) {
        c->query_write = false;
        if (!ok) {
            c->query = Q_NONE;          /* no structured fields: model 2 */
            c->query_rejected = true;
        }
        return;
    }
    if (!ok)
        c->shown[0] = 0;
}

/* The unit check of a rejected query is not a client gone away. */
static bool sense_is_ours(struct term *t, u8 sense)
{
    struct con3270 *c = k(t);
    bool ours = c->query_rejected && !(sense & SENSE_INTREQ);

    c->query_rejected = false;
    return ours;
}

/* ---- keys ------------------------------------------------------------------- */

static void start_read(struct term *t)
{
    struct con3270 *c = k(t);

    term_chain_sense(t);
    ccw1_make(&t->ccw[1], CMD_READMOD, CCW_SLI, IBUF, (u32)(uintptr_t)c->ibuf);
    term_start(t, TIO_READ);
}

/* PF1-PF24 from their attention identifiers, 0 for another key */
static unsigned pf_number(u8 aid)
{
    static const u8 pf[25] = {
        0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C,
        0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C,
    };
    for (unsigned n = 1; n < 25; n++)
        if (pf[n] == aid)
            return n;
    return 0;
}

/* The input area's text out of a Read Modified record.
 *
 * A record without SBA comes from a screen CLEAR left unformatted: the
 * user typed before CP drew its screen again.  Such a record holds every
 * character on the screen, nulls left out, so positions are lost; and a
 * write of CP's that was under way when CLEAR was pressed may have put a
 * line, the status area and the cursor (at the input area) on it.  The
 * cursor address says how much was typed: if it is in the input area,
 * the text is that many characters before the status area (the last
 * ST_LEN characters CP wrote); otherwise nothing of CP's is there and
 * the whole record was typed. */
static unsigned unformatted_text(const struct con3270 *c, const u8 *b, unsigned n, unsigned *first)
{
    unsigned cursor = decode_addr(b + 1), typed;

    *first = 3;
    if (cursor <= IN_START || cursor > ST_ATTR)
        return n;
    typed = cursor - IN_START;
    if (n >= 3 + ST_LEN + typed)
        n -= ST_LEN;
    *first = n >= 3 + typed ? n - typed : 3;
    return n;
}

static void input_text(const struct con3270 *c, const u8 *b, unsigned n, char *line)
{
    unsigned len = 0, first = 3;

    if (n > 3 && b[3] != ORD_SBA)
        n = unformatted_text(c, b, n, &first);
    for (unsigned i = first; i < n; i++) {
        if (b[i] == ORD_SBA && i + 2 < n) {
            if (decode_addr(b + i + 1) != IN_START)
                break;              /* not the input area */
            i += 2;
            continue;
        }
        if (b[i] == 0)
            continue;               /* nulls are not typed */
        if (len < TERM_INMAX) {
            u8 a = ebc_to_ascii[b[i]];
            line[len++] = (a < 0x20 || a == 0x7F) ? ' ' : (char)a;
        }
    }
    while (len && line[len - 1] == ' ')
        len--;
    line[len] = 0;
}

static void read_done(struct term *t, struct ioreq *req)
{
    struct con3270 *c = k(t);
    unsigned n, pf;
    char line[TERM_INMAX + 1];
    u8 aid;

    c->restore = true;              /* every key locked the keyboard */
    if (!req)
        return;
    n = IBUF - req->residual;
    if (n > IBUF || n == 0)
        return;
    aid = c->ibuf[0];
    if (aid == AID_SF) {                /* the answer to the query, not a key */
        query_reply(t, c->ibuf, n);
        return;
    }
    if (c->fs) {
        /* the guest's screen: every key is the guest's but PA1, which
         * brings CP back unless the guest asked for it too */
        if (aid == AID_PA1 && !c->fs_pa1) {
            fs_take_back(t, false);
            c->fs_seen = true;
            if (t->ops->attention)
                t->ops->attention(t);
        } else if (t->ops->fs_input) {
            t->ops->fs_input(t, c->ibuf, n);
        }
        return;
    }
    c->fs_seen = false;             /* the user has seen CP's lines */
    switch (aid) {
    case AID_ENTER:
        input_text(c, c->ibuf, n, line);
        c->clear_input = true;
        if (c->out == OUT_MORE) {   /* Enter in MORE...: hold the screen */
            timer_cancel(&c->more_timer);
            c->out = OUT_HOLDING;
        }
        if (c->hidden) {
            c->hidden = false;
            c->attr_dirty = true;
        } else if (line[0]) {
            term_write(t, line);    /* the typed line in the output area */
        }
        if (t->ops->input)
            t->ops->input(t, line);
        break;
    case AID_PA1:
        if (t->ops->attention)
            t->ops->attention(t);
        break;
    case AID_PA2:
    case AID_CLEAR:
        clear_output(t);
        break;
    default:
        pf = pf_number(aid);
        if (pf && t->ops->pfkey)
            t->ops->pfkey(t, pf);
        break;
    }
}

/* ---- the rest ------------------------------------------------------------- */

static void model2(struct con3270 *c)
{
    c->rows = T3270_ROWS;
    c->cols = T3270_COLS;
    c->alternate = false;
    c->model = 2;
}

static void attach(struct term *t)
{
    struct con3270 *c = kzalloc(sizeof *c, "T3270");

    t->kdata = c;
    if (c) {
        model2(c);
        c->more_sec = TERM_MORE_SEC;
        c->redraw = true;
    }
}

static void reset(struct term *t)
{
    struct con3270 *c = k(t);

    c->fs = false;
    c->fs_pa1 = false;
    c->fs_due = false;
    c->fs_seen = false;
    model2(c);                          /* until the new client's query reply */
    c->query = Q_DUE;
    c->query_rejected = false;
    clear_output(t);
    c->hidden = false;
    c->preset = false;
    c->restore = true;
}

static int fs_write(struct term *t, bool erase, bool pa1, const u8 *data, unsigned n)
{
    struct con3270 *c = k(t);

    if (!erase && !c->fs)
        return TFS_REDRAW;
    /* CP's lines go first (the user may have to clear MORE...), and the
     * guest's last write must be out before the next */
    if (t->qhead || c->fs_due || c->fs_seen || t->io == TIO_WRITE)
        return TFS_BUSY;
    if (erase) {
        c->fs = true;
        c->fs_pa1 = pa1;
        timer_cancel(&c->more_timer);
    }
    if (n > TFS_MAX)
        n = TFS_MAX;
    memcpy(c->fs_buf, data, n);
    c->fs_len = (u16)n;
    c->fs_cmd = erase ? CMD_ERASEWRITE : CMD_WRITE;
    c->fs_due = true;
    return TFS_OK;
}

static bool fs_owned(const struct term *t)
{
    return k(t)->fs;
}

static void set_input(struct term *t, const char *s)
{
    struct con3270 *c = k(t);
    size_t room = sizeof c->preset_text < (size_t)IN_LEN + 1 ? sizeof c->preset_text : (size_t)IN_LEN + 1;

    strlcpy(c->preset_text, s, room);
    c->preset = true;
}

static void hide_input(struct term *t, bool hidden)
{
    if (k(t)->hidden != hidden) {
        k(t)->hidden = hidden;
        k(t)->attr_dirty = true;
    }
}

void con3270_set_more(struct term *t, unsigned sec)
{
    if (t->kind == &con3270_kind)
        k(t)->more_sec = sec;
}

static unsigned model(const struct term *t)
{
    return k(t)->model;
}

unsigned con3270_more(const struct term *t)
{
    return t->kind == &con3270_kind ? k(t)->more_sec : 0;
}

const struct term_kind con3270_kind = {
    .name = "3270",
    .attach = attach,
    .start_read = start_read,
    .start_write = start_write,
    .has_work = has_work,
    .read_done = read_done,
    .write_done = write_done,
    .reset = reset,
    .tick = tick,
    .set_input = set_input,
    .hide_input = hide_input,
    .fs_write = fs_write,
    .fs_owned = fs_owned,
    .sense_is_ours = sense_is_ours,
    .model = model,
};
