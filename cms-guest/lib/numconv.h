/* numconv.h - number conversion of the CMS guest's C library.
 *
 * cms_strtol/cms_strtoul behave as the standard strtol/strtoul: leading
 * white space, an optional sign, base 0 (decimal, 0 octal, 0x hex) or
 * 2..36, an optional 0x prefix in base 16; on overflow they return the
 * limit of the type.  There is no errno in the guest: a caller that must
 * tell an overflow from the limit itself checks the end pointer and the
 * value together.  An invalid base converts nothing and returns 0. */
#ifndef CMS_LIB_NUMCONV_H
#define CMS_LIB_NUMCONV_H

#include "arch370/types.h"

long cms_strtol(const char *s, char **end, int base);
unsigned long cms_strtoul(const char *s, char **end, int base);

/* Write v in base 2..16 (digits in upper or lower case), or a signed
 * decimal, NUL-terminated and truncated to size; return the length the
 * whole number has. */
size_t cms_utoa(unsigned long long v, unsigned base, bool upper, char *buf, size_t size);
size_t cms_itoa(long long v, char *buf, size_t size);

#endif
