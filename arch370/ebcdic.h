/* ebcdic.h - EBCDIC (code page 1047) translation. */
#ifndef ARCH370_EBCDIC_H
#define ARCH370_EBCDIC_H

#include "arch370/types.h"

extern const u8 ebc_to_ascii[256];
extern const u8 ascii_to_ebc[256];

#define EBC_BLANK   0x40

/* translate n bytes; src and dst may be the same buffer */
void ebc_from_ascii(u8 *dst, const char *src, size_t n);
void ebc_to_ascii_buf(char *dst, const u8 *src, size_t n);

#endif
