/* guestsyms.c - the libc names gcc itself may call, for the guest only.
 *
 * Even with -ffreestanding gcc emits calls to memcpy, memmove, memset and
 * memcmp for structure copies and large initialisers.  The guest links no
 * C library, so it gets them here, on top of the cms_ functions.  The host
 * build has the real C library and compiles this file to nothing. */
#ifndef CP_HOST_BUILD
#include "cms-guest/lib/mem.h"

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

void *memcpy(void *dst, const void *src, size_t n)  { return cms_memcpy(dst, src, n); }
void *memmove(void *dst, const void *src, size_t n) { return cms_memmove(dst, src, n); }
void *memset(void *dst, int c, size_t n)            { return cms_memset(dst, c, n); }
int memcmp(const void *a, const void *b, size_t n)  { return cms_memcmp(a, b, n); }
#else
typedef int cms_guestsyms_empty;    /* ISO C wants something in a file */
#endif
