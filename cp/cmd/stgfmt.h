/* stgfmt.h - lines of guest storage, as DISPLAY and DUMP print them.
 *
 *   003000  C1C2C340 00000000 00000000 0000000F  *ABC ............*
 *
 * The address of the first word shown and up to four fullwords of the
 * 16-byte block the line covers; a translated line (T) starts at its
 * block, with blanks for the words outside the range asked for, and
 * shows the same bytes as EBCDIC text, a period for what does not print. */
#ifndef CP_CMD_STGFMT_H
#define CP_CMD_STGFMT_H

#include "arch370/types.h"

#define STG_LINE_MAX    80

/* Format the line for the 16-byte block holding addr; bytes are the 16
 * bytes of the block, words w0 to w1 - 1 (0..4) are shown.  Returns the
 * length of the line. */
int stg_line(char *buf, u32 block, const u8 bytes[16], unsigned w0, unsigned w1, bool translate);
/* the same with an address of digits hex digits (8 for real storage) */
int stg_line_digits(char *buf, unsigned digits, u32 block, const u8 bytes[16], unsigned w0,
                    unsigned w1, bool translate);

#endif
