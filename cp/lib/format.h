/* format.h - printf-style formatting into a buffer.
 *
 * Supports %d %i %u %x %X %o %c %s %p %%, flags '-' and '0', a width
 * (or '*'), a precision for strings, and the length modifiers l and ll.
 * Output is always NUL-terminated and truncated to the buffer size; the
 * return value is the length the whole result would have had. */
#ifndef CP_LIB_FORMAT_H
#define CP_LIB_FORMAT_H

#include <stdarg.h>
#include "arch370/types.h"

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
