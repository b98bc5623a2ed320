/* editbuf.c - EDIT's lines in storage. */
#include "cms-guest/cmd/edit.h"

u32 edit_width(const struct edit *e)
{
    u32 max = CMS_LINE_MAX - 1;

    return e->lrecl < max ? e->lrecl : max;
}

static bool grow(struct edit *e)
{
    u32 cap = e->cap ? e->cap * 2 : 64;
    char **bigger;

    if (e->n < e->cap)
        return true;
    if (!(bigger = cms_alloc(cap * sizeof *bigger)))
        return false;
    if (e->n)
        cms_memcpy(bigger, e->line, e->n * sizeof *bigger);
    cms_release(e->line);
    e->line = bigger;
    e->cap = cap;
    return true;
}

static char *copy(const char *text)
{
    size_t n = cms_strlen(text);
    char *s = cms_alloc(n + 1);

    if (s)
        cms_memcpy(s, text, n + 1);
    return s;
}

bool edit_insert(struct edit *e, u32 after, const char *text)
{
    char *s;

    if (!grow(e) || !(s = copy(text)))
        return false;
    cms_memmove(e->line + after + 1, e->line + after, (e->n - after) * sizeof *e->line);
    e->line[after] = s;
    e->n++;
    e->changed = true;
    return true;
}

void edit_delete(struct edit *e, u32 first, u32 count)
{
    /* first is 1-based */
    for (u32 i = 0; i < count; i++)
        cms_release(e->line[first - 1 + i]);
    cms_memmove(e->line + first - 1, e->line + first - 1 + count,
                (e->n - (first - 1 + count)) * sizeof *e->line);
    e->n -= count;
    e->changed = true;
}

bool edit_replace(struct edit *e, u32 at, const char *text)
{
    char *s = copy(text);

    if (!s)
        return false;
    cms_release(e->line[at - 1]);
    e->line[at - 1] = s;
    e->changed = true;
    return true;
}

void edit_free(struct edit *e)
{
    for (u32 i = 0; i < e->n; i++)
        cms_release(e->line[i]);
    cms_release(e->line);
    e->line = NULL;
    e->n = e->cap = 0;
}

void edit_show(const struct edit *e)
{
    if (e->cur == 0)
        cms_type("TOF:");
    else if (e->cur > e->n)
        cms_type("EOF:");
    else
        cms_type(e->line[e->cur - 1][0] ? e->line[e->cur - 1] : " ");
}

void edit_prepare(const struct edit *e, const char *text, char *out, size_t size)
{
    size_t n = cms_strlcpy(out, text, size), width = edit_width(e);

    if (n >= size)
        n = size - 1;
    if (n > width) {
        out[width] = 0;
        cms_msg("DMSEDI560W", "LINE TRUNCATED TO %u CHARACTERS", (unsigned)width);
    }
    for (char *s = out; *s; s++)
        if (e->upper)
            *s = (char)cms_toupper((unsigned char)*s);
    /* trailing blanks mean nothing in a CMS record */
    for (n = cms_strlen(out); n > 0 && out[n - 1] == ' '; n--)
        out[n - 1] = 0;
}
