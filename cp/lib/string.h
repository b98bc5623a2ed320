/* string.h - the handful of string and memory functions CP uses.
 *
 * CP is freestanding; these are its own.  gcc may also emit calls to
 * memcpy/memset/memmove/memcmp for struct copies, so they have the
 * standard names and signatures.  In the host unit-test build this header
 * simply maps to the C library. */
#ifndef CP_LIB_STRING_H
#define CP_LIB_STRING_H

#include "arch370/types.h"

#ifdef CP_HOST_BUILD
#include <string.h>
#else
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
#endif

/* CP additions */
size_t strlcpy(char *dst, const char *src, size_t size);
int str_casecmp(const char *a, const char *b);
int str_ncasecmp(const char *a, const char *b, size_t n);
char to_upper(char c);
bool is_space(char c);
bool is_digit(char c);
bool is_xdigit(char c);

#endif
