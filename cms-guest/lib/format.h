/* format.h - printf-style formatting into a buffer, for the CMS guest.
 *
 * Conversions %d %i %u %x %X %o %c %s %p %%; flags '-' '0' '+' ' ' '#';
 * a width and a precision, either may be '*'; length modifiers hh h l ll
 * z.  The rules are those of the C standard's printf (a precision on an
 * integer is its minimum number of digits and cancels '0'; %p prints 0x
 * and lower-case hex, or (nil)).  No floating point: the guest has none.
 * The output is always NUL-terminated and truncated to the buffer; the
 * return value is the length the whole result would have had. */
#ifndef CMS_LIB_FORMAT_H
#define CMS_LIB_FORMAT_H

#include <stdarg.h>
#include "arch370/types.h"

int cms_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int cms_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
