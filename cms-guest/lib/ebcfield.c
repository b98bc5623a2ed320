/* ebcfield.c - fixed-width EBCDIC fields (see ebcfield.h). */
#include "cms-guest/lib/ebcfield.h"
#include "cms-guest/lib/ctype.h"
#include "arch370/ebcdic.h"

bool cms_ebc_field(u8 *dst, size_t width, const char *src)
{
    size_t i = 0;

    for (; i < width && src[i]; i++)
        dst[i] = ascii_to_ebc[(u8)cms_toupper((u8)src[i])];
    for (size_t j = i; j < width; j++)
        dst[j] = EBC_BLANK;
    return src[i] == 0;
}

size_t cms_ebc_unfield(char *dst, size_t size, const u8 *src, size_t width)
{
    size_t n = width, i;

    while (n && src[n - 1] == EBC_BLANK)
        n--;
    for (i = 0; i < n && i + 1 < size; i++)
        dst[i] = (char)ebc_to_ascii[src[i]];
    if (size)
        dst[i] = 0;
    return n;
}
