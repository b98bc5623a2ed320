/* plist.c - a command line cut into words, as CMS's tokenized parameter
 * list: words separated by blanks, each parenthesis a word of its own,
 * translated to upper case.  Words after "(" are the options. */
#include "cms-guest/core/cms.h"

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* the line after its first word, as typed (for CP, EXEC arguments, EDIT) */
static const char *after_first_word(const char *line)
{
    while (is_blank(*line))
        line++;
    while (*line && !is_blank(*line) && *line != '(' && *line != ')')
        line++;
    while (is_blank(*line))
        line++;
    return line;
}

void cms_plist_make(struct cms_plist *p, const char *line)
{
    char *out = p->buf, *end = p->buf + sizeof p->buf - 2;
    bool options = false;

    p->argc = p->optc = 0;
    p->toomany = false;
    p->line = line;
    p->rest = after_first_word(line);
    for (const char *s = line; *s && out < end;) {
        char *word = out;

        if (is_blank(*s)) {
            s++;
            continue;
        }
        if (*s == '(' || *s == ')')
            *out++ = *s++;
        else
            while (*s && !is_blank(*s) && *s != '(' && *s != ')' && out < end)
                *out++ = (char)cms_toupper((unsigned char)*s++);
        *out++ = 0;
        if (!options && word[0] == '(' && !word[1]) {
            options = true;
            continue;
        }
        if (word[0] == ')' && !word[1])
            continue;
        if (options && p->optc < CMS_WORDS_MAX)
            p->optv[p->optc++] = word;
        else if (!options && p->argc < CMS_WORDS_MAX)
            p->argv[p->argc++] = word;
        else
            p->toomany = true;
    }
}
