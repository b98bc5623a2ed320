/* termcode.h - the characters on the wire to a Hercules telnet terminal.
 *
 * Hercules translates between the telnet client's ASCII and the EBCDIC of
 * a 3215's channel program with its default code page, and turns every
 * character that is not printable ASCII into a blank.  That code page is
 * 1047 for the 95 printable ASCII characters but one: '|' is X'6A' there,
 * where CMS text (and cp370's own tables, arch370/ebcdic.c) has X'4F'.
 * These functions are the only place that knows it, so that every
 * printable character typed or written arrives as itself.  EBCDIC
 * characters with no ASCII equivalent (X'4A' cent sign among them) cannot
 * cross a telnet line and appear as blanks; docs/operator.md says so. */
#ifndef CP_IO_TERMCODE_H
#define CP_IO_TERMCODE_H

#include "arch370/types.h"

/* a character of CP's (ISO 8859-1, from arch370/ebcdic.c) to send */
u8 term_to_wire(char c);
/* the same for n characters at once (a line, without a call per character) */
void term_text_to_wire(u8 *wire, const char *text, unsigned n);
/* a character Hercules read from the client, to CP's; ' ' if none */
char term_from_wire(u8 e);

#endif
