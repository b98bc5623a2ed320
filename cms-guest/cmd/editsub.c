/* editsub.c - EDIT's subcommands: the table, moving the line pointer,
 * showing, inserting, replacing and deleting lines, and ending. */
#include "cms-guest/cmd/edit.h"

/* the operand n of a subcommand: none is 1, * is "to the end" */
static bool count_operand(const char *w, u32 *n)
{
    char *end;

    while (*w == ' ')
        w++;
    if (!*w) {
        *n = 1;
        return true;
    }
    if (w[0] == '*' && (!w[1] || w[1] == ' ')) {
        *n = 0xFFFFFFFFu;
        return true;
    }
    *n = (u32)cms_strtoul(w, &end, 10);
    while (*end == ' ')
        end++;
    return cms_isdigit((unsigned char)w[0]) && !*end;
}

static void bad_count(const char *ops)
{
    cms_msg("DMSEDI545E", "INVALID COUNT '%s'", ops);
}

static void moved(struct edit *e)
{
    if (e->verify)
        edit_show(e);
}

static void sub_next(struct edit *e, const char *ops)
{
    u32 n;

    if (!count_operand(ops, &n))
        return bad_count(ops);
    e->cur = n > e->n + 1 - e->cur ? e->n + 1 : e->cur + n;
    moved(e);
}

static void sub_up(struct edit *e, const char *ops)
{
    u32 n;

    if (!count_operand(ops, &n))
        return bad_count(ops);
    e->cur = n > e->cur ? 0 : e->cur - n;
    moved(e);
}

static void sub_top(struct edit *e, const char *ops)
{
    e->cur = 0;
    moved(e);
}

static void sub_bottom(struct edit *e, const char *ops)
{
    e->cur = e->n;
    moved(e);
}

static void sub_type(struct edit *e, const char *ops)
{
    u32 n;

    if (!count_operand(ops, &n))
        return bad_count(ops);
    if (e->cur == 0) {
        edit_show(e);
        e->cur = e->n ? 1 : 0;
        if (n != 0xFFFFFFFFu)
            n = n > 1 ? n - 1 : 0;
    }
    for (u32 i = 0; i < n && e->cur >= 1 && e->cur <= e->n; i++) {
        edit_show(e);
        if (i + 1 < n && e->cur < e->n)
            e->cur++;
        else
            break;
    }
}

static void sub_input(struct edit *e, const char *ops)
{
    char text[CMS_LINE_MAX];

    if (*ops) {                         /* INPUT line: that line only */
        edit_prepare(e, ops, text, sizeof text);
        if (e->cur > e->n)
            e->cur = e->n;
        if (edit_insert(e, e->cur, text))
            e->cur++;
        return;
    }
    e->input = true;
    cms_type("INPUT:");
}

void edit_input_line(struct edit *e, const char *line)
{
    char text[CMS_LINE_MAX];

    if (!*line) {                       /* a null line ends input mode */
        e->input = false;
        cms_type("EDIT:");
        return;
    }
    edit_prepare(e, line, text, sizeof text);
    if (e->cur > e->n)
        e->cur = e->n;
    if (!edit_insert(e, e->cur, text)) {
        cms_msg("DMSEDI109S", "VIRTUAL STORAGE CAPACITY EXCEEDED; LINE NOT ADDED");
        return;
    }
    e->cur++;
}

static void sub_replace(struct edit *e, const char *ops)
{
    char text[CMS_LINE_MAX];

    if (e->cur == 0 || e->cur > e->n) {
        sub_input(e, ops);              /* at TOF or EOF: as INPUT */
        return;
    }
    edit_delete(e, e->cur, 1);
    e->cur--;
    if (*ops) {
        edit_prepare(e, ops, text, sizeof text);
        if (edit_insert(e, e->cur, text))
            e->cur++;
        return;
    }
    e->input = true;
    cms_type("INPUT:");
}

static void sub_delete(struct edit *e, const char *ops)
{
    u32 n;

    if (!count_operand(ops, &n))
        return bad_count(ops);
    if (e->cur == 0)
        e->cur = 1;
    if (e->cur > e->n) {
        cms_type("EOF:");
        return;
    }
    if (n > e->n - e->cur + 1)
        n = e->n - e->cur + 1;
    edit_delete(e, e->cur, n);
    moved(e);
}

static void sub_file(struct edit *e, const char *ops)
{
    if (edit_write(e, ops) == RC_OK)
        e->done = true;
}

static void sub_save(struct edit *e, const char *ops)
{
    edit_write(e, ops);
}

static void sub_quit(struct edit *e, const char *ops)
{
    e->done = true;
}

static void sub_verify(struct edit *e, const char *ops)
{
    if (!cms_strcasecmp(ops, "ON") || !*ops)
        e->verify = true;
    else if (!cms_strcasecmp(ops, "OFF"))
        e->verify = false;
    else
        cms_msg("DMSEDI545E", "INVALID OPERAND '%s'", ops);
}

static void sub_case(struct edit *e, const char *ops)
{
    if (!cms_strcasecmp(ops, "U"))
        e->upper = true;
    else if (!cms_strcasecmp(ops, "M"))
        e->upper = false;
    else
        cms_msg("DMSEDI545E", "INVALID OPERAND '%s'; CASE U OR CASE M", ops);
}

static void sub_locate(struct edit *e, const char *ops)
{
    edit_locate(e, ops);
}

static void sub_change(struct edit *e, const char *ops)
{
    edit_change(e, ops);
}

static const struct {
    const char *name;
    u8 minlen;
    void (*fn)(struct edit *e, const char *ops);
} subs[] = {
    { "BOTTOM",  1, sub_bottom },
    { "CASE",    2, sub_case },
    { "CHANGE",  1, sub_change },
    { "DELETE",  1, sub_delete },
    { "DOWN",    2, sub_next },
    { "FILE",    2, sub_file },
    { "INPUT",   1, sub_input },
    { "LOCATE",  1, sub_locate },
    { "NEXT",    1, sub_next },
    { "QUIT",    1, sub_quit },
    { "REPLACE", 1, sub_replace },
    { "SAVE",    2, sub_save },
    { "TOP",     2, sub_top },
    { "TYPE",    1, sub_type },
    { "UP",      1, sub_up },
    { "VERIFY",  1, sub_verify },
};

void edit_subcommand(struct edit *e, const char *line)
{
    char word[16], work[CMS_LINE_MAX];
    const char *s = line, *ops;
    size_t n = 0;

    while (*s == ' ')
        s++;
    if (!*s)
        return;
    if (s[0] == '=' && !s[1]) {         /* = : the last subcommand again */
        if (!e->last[0])
            return;
        cms_strlcpy(work, e->last, sizeof work);
        s = work;
    } else {
        cms_strlcpy(e->last, s, sizeof e->last);
    }
    if (s[0] == '/') {                  /* /string: LOCATE /string */
        edit_locate(e, s);
        return;
    }
    while (s[n] && s[n] != ' ' && !(n > 0 && (s[n] == '/' || cms_isdigit((unsigned char)s[n]) ||
                                             s[n] == '*')) && n + 1 < sizeof word) {
        word[n] = (char)cms_toupper((unsigned char)s[n]);
        n++;
    }
    word[n] = 0;
    for (ops = s + n; *ops == ' '; ops++)
        ;
    for (unsigned i = 0; i < ARRAY_SIZE(subs); i++)
        if (n >= subs[i].minlen && n <= cms_strlen(subs[i].name) &&
            !cms_strncmp(word, subs[i].name, n)) {
            subs[i].fn(e, ops);
            return;
        }
    cms_msg("DMSEDI547E", "?EDIT: %s", s);
}
