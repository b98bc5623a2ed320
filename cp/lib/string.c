/* string.c - memory and string functions for the freestanding CP. */
#include "cp/lib/string.h"

#ifndef CP_HOST_BUILD
/* MOVE LONG: one instruction moves (or, with no source, fills) up to
 * 16M-1 bytes, instead of a loop of four instructions per byte.  It
 * exists on S/370 too, so the guests that share this file may use it. */
#define MVCL_MAX    0xFFFFFFu

static void move_long(void *dst, const void *src, size_t n, u8 pad)
{
    while (n) {
        u32 chunk = n > MVCL_MAX ? MVCL_MAX : (u32)n;
        register u32 r2 asm("2") = (u32)(uintptr_t)dst;
        register u32 r3 asm("3") = chunk;
        register u32 r4 asm("4") = (u32)(uintptr_t)src;
        register u32 r5 asm("5") = (u32)pad << 24 | (src ? chunk : 0);
        asm volatile("mvcl %0,%2" : "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5) : : "cc", "memory");
        dst = (u8 *)dst + chunk;
        if (src)
            src = (const u8 *)src + chunk;
        n -= chunk;
    }
}

void *memcpy(void *dst, const void *src, size_t n)
{
    move_long(dst, src, n, 0);
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    u8 *d = dst;
    const u8 *s = src;
    if (d + n <= s || s + n <= d) {
        move_long(dst, src, n, 0);          /* no overlap */
    } else if (d < s) {
        while (n--)
            *d++ = *s++;
    } else {
        while (n--)
            d[n] = s[n];
    }
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    move_long(dst, NULL, n, (u8)c);
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const u8 *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (u8)*a - (u8)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return (u8)*a - (u8)*b;
        if (!*a)
            break;
    }
    return 0;
}

char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}
#endif

size_t strlcpy(char *dst, const char *src, size_t size)
{
    size_t n = 0;
    while (src[n]) {
        if (n + 1 < size)
            dst[n] = src[n];
        n++;
    }
    if (size)
        dst[n < size ? n : size - 1] = 0;
    return n;
}

char to_upper(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

bool is_space(char c)   { return c == ' ' || c == '\t'; }
bool is_digit(char c)   { return c >= '0' && c <= '9'; }
bool is_xdigit(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int str_casecmp(const char *a, const char *b)
{
    while (*a && to_upper(*a) == to_upper(*b))
        a++, b++;
    return (u8)to_upper(*a) - (u8)to_upper(*b);
}

int str_ncasecmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (to_upper(*a) != to_upper(*b))
            return (u8)to_upper(*a) - (u8)to_upper(*b);
        if (!*a)
            break;
    }
    return 0;
}
