/* ebcfield.h - fixed-width EBCDIC fields, the shape of CMS names.
 *
 * CMS passes names as blank-padded 8-byte EBCDIC fields: the tokens of a
 * command's parameter list, file names and types, user ids.  The guest
 * keeps its strings in ASCII; these convert at that boundary using the
 * tables of arch370/ebcdic.h. */
#ifndef CMS_LIB_EBCFIELD_H
#define CMS_LIB_EBCFIELD_H

#include "arch370/types.h"

/* src in upper case, EBCDIC, padded with EBCDIC blanks to width bytes;
 * returns false (and still fills the field) if src was longer */
bool cms_ebc_field(u8 *dst, size_t width, const char *src);

/* a field back to ASCII without its trailing blanks, NUL-terminated and
 * truncated to size; returns the length of the trimmed field */
size_t cms_ebc_unfield(char *dst, size_t size, const u8 *src, size_t width);

#endif
