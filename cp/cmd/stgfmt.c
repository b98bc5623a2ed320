/* stgfmt.c - one line of guest storage in DISPLAY's and DUMP's layout. */
#include "cp/cmd/stgfmt.h"
#include "cp/lib/format.h"
#include "arch370/ebcdic.h"

int stg_line(char *buf, u32 block, const u8 bytes[16], unsigned w0, unsigned w1, bool translate)
{
    return stg_line_digits(buf, 6, block & 0x00FFFFFFu, bytes, w0, w1, translate);
}

int stg_line_digits(char *buf, unsigned digits, u32 block, const u8 bytes[16], unsigned w0,
                    unsigned w1, bool translate)
{
    /* a translated line starts at its 16-byte block, a hex line at its first word */
    u32 at = translate ? block : block + w0 * 4;
    int n = fmt_snprintf(buf, STG_LINE_MAX, "%0*X ", (int)digits, at);

    for (unsigned w = 0; w < 4; w++) {
        const u8 *b = bytes + w * 4;
        if (w >= w0 && w < w1)
            n += fmt_snprintf(buf + n, STG_LINE_MAX - (size_t)n, " %02X%02X%02X%02X",
                              b[0], b[1], b[2], b[3]);
        else if (translate)
            n += fmt_snprintf(buf + n, STG_LINE_MAX - (size_t)n, "         ");
    }
    if (translate) {
        buf[n++] = ' ';
        buf[n++] = ' ';
        buf[n++] = '*';
        for (unsigned i = 0; i < 16; i++) {
            u8 c = ebc_to_ascii[bytes[i]];
            bool shown = i / 4 >= w0 && i / 4 < w1;
            buf[n++] = !shown ? ' ' : (c >= 0x20 && c < 0x7F) ? (char)c : '.';
        }
        buf[n++] = '*';
        buf[n] = 0;
    }
    return n;
}
