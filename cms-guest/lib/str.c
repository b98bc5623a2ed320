/* str.c - string functions (see str.h). */
#include "cms-guest/lib/str.h"
#include "cms-guest/lib/ctype.h"

size_t cms_strlen(const char *s)
{
    size_t n = 0;

    while (s[n])
        n++;
    return n;
}

size_t cms_strnlen(const char *s, size_t max)
{
    size_t n = 0;

    while (n < max && s[n])
        n++;
    return n;
}

/* the standard compares bytes as unsigned char */
int cms_strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (u8)*a - (u8)*b;
}

int cms_strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return (u8)*a - (u8)*b;
        if (!*a)
            break;
    }
    return 0;
}

/* folds to lower case, as the host C library does */
int cms_strcasecmp(const char *a, const char *b)
{
    return cms_strncasecmp(a, b, (size_t)-1);
}

int cms_strncasecmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        int x = cms_tolower((u8)*a), y = cms_tolower((u8)*b);
        if (x != y)
            return x - y;
        if (!x)
            break;
    }
    return 0;
}

char *cms_strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

char *cms_strrchr(const char *s, int c)
{
    const char *last = NULL;

    for (;; s++) {
        if (*s == (char)c)
            last = s;
        if (!*s)
            return (char *)last;
    }
}

char *cms_strstr(const char *hay, const char *needle)
{
    size_t n = cms_strlen(needle);

    for (; *hay; hay++)
        if (cms_strncmp(hay, needle, n) == 0)
            return (char *)hay;
    return n ? NULL : (char *)hay;
}

char *cms_strcpy(char *dst, const char *src)
{
    char *d = dst;

    while ((*d++ = *src++))
        ;
    return dst;
}

size_t cms_strlcpy(char *dst, const char *src, size_t size)
{
    size_t n = cms_strlen(src);

    if (size) {
        size_t k = n < size - 1 ? n : size - 1;
        for (size_t i = 0; i < k; i++)
            dst[i] = src[i];
        dst[k] = 0;
    }
    return n;
}

size_t cms_strlcat(char *dst, const char *src, size_t size)
{
    size_t have = cms_strnlen(dst, size);

    if (have == size)               /* no terminator inside dst: nothing fits */
        return size + cms_strlen(src);
    return have + cms_strlcpy(dst + have, src, size - have);
}
