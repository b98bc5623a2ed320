/* mem.h - memory block functions of the CMS guest's own C library.
 *
 * The guest links no C library, so it has its own.  The names carry a
 * cms_ prefix so that host unit tests can link them beside the host libc
 * and compare the two; the guest build also gets the plain names that gcc
 * may call on its own (see guestsyms.c). */
#ifndef CMS_LIB_MEM_H
#define CMS_LIB_MEM_H

#include "arch370/types.h"

/* gcc may turn a byte loop into a call to memset/memcpy; inside the
 * functions that implement those calls that would recurse forever. */
#if defined(__GNUC__) && !defined(__clang__)
#define CMS_NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define CMS_NO_LIBCALL
#endif

void *cms_memcpy(void *dst, const void *src, size_t n);
void *cms_memmove(void *dst, const void *src, size_t n);
void *cms_memset(void *dst, int c, size_t n);
int cms_memcmp(const void *a, const void *b, size_t n);
void *cms_memchr(const void *s, int c, size_t n);

#endif
