/* str.h - string functions of the CMS guest's C library.
 *
 * Same contracts as the standard functions of the same name without the
 * cms_ prefix; strlcpy/strlcat follow the BSD ones (the result is always
 * terminated and the return value is the length they tried to create). */
#ifndef CMS_LIB_STR_H
#define CMS_LIB_STR_H

#include "arch370/types.h"

size_t cms_strlen(const char *s);
size_t cms_strnlen(const char *s, size_t max);
int cms_strcmp(const char *a, const char *b);
int cms_strncmp(const char *a, const char *b, size_t n);
int cms_strcasecmp(const char *a, const char *b);
int cms_strncasecmp(const char *a, const char *b, size_t n);
char *cms_strchr(const char *s, int c);
char *cms_strrchr(const char *s, int c);
char *cms_strstr(const char *hay, const char *needle);
char *cms_strcpy(char *dst, const char *src);
size_t cms_strlcpy(char *dst, const char *src, size_t size);
size_t cms_strlcat(char *dst, const char *src, size_t size);

#endif
