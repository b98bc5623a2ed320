/* mem.c - memory block functions (see mem.h). */
#include "cms-guest/lib/mem.h"

CMS_NO_LIBCALL void *cms_memcpy(void *dst, const void *src, size_t n)
{
    u8 *d = dst;
    const u8 *s = src;

    while (n--)
        *d++ = *s++;
    return dst;
}

/* copies in the direction that never reads a byte it has already written */
CMS_NO_LIBCALL void *cms_memmove(void *dst, const void *src, size_t n)
{
    u8 *d = dst;
    const u8 *s = src;

    if ((uintptr_t)d < (uintptr_t)s) {
        while (n--)
            *d++ = *s++;
    } else {
        while (n--)
            d[n] = s[n];
    }
    return dst;
}

CMS_NO_LIBCALL void *cms_memset(void *dst, int c, size_t n)
{
    u8 *d = dst;

    while (n--)
        *d++ = (u8)c;
    return dst;
}

int cms_memcmp(const void *a, const void *b, size_t n)
{
    const u8 *x = a, *y = b;

    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}

void *cms_memchr(const void *s, int c, size_t n)
{
    const u8 *p = s;

    for (; n; n--, p++)
        if (*p == (u8)c)
            return (void *)p;
    return NULL;
}
