/* ctype.c - character classes (see ctype.h). */
#include "cms-guest/lib/ctype.h"

int cms_isdigit(int c)  { return c >= '0' && c <= '9'; }
int cms_isupper(int c)  { return c >= 'A' && c <= 'Z'; }
int cms_islower(int c)  { return c >= 'a' && c <= 'z'; }
int cms_isalpha(int c)  { return cms_isupper(c) || cms_islower(c); }
int cms_isalnum(int c)  { return cms_isalpha(c) || cms_isdigit(c); }
int cms_isprint(int c)  { return c >= 0x20 && c < 0x7F; }
int cms_ispunct(int c)  { return cms_isprint(c) && c != ' ' && !cms_isalnum(c); }

int cms_isxdigit(int c)
{
    return cms_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int cms_isspace(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

int cms_toupper(int c)  { return cms_islower(c) ? c - 'a' + 'A' : c; }
int cms_tolower(int c)  { return cms_isupper(c) ? c - 'A' + 'a' : c; }
