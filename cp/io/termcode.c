/* termcode.c - the wire code of a Hercules telnet terminal (see termcode.h). */
#include "cp/io/termcode.h"
#include "arch370/ebcdic.h"
#include "cpu.h"

#define HERC_BAR    0x6A        /* '|' in Hercules' default code page */
#define EBC_BAR     0x4F        /* '|' in code page 1047 */

u8 term_to_wire(char c)
{
    u8 a = (u8)c;

    if (a == '|')
        return HERC_BAR;
    if (a < 0x20 || a >= 0x7F)
        return EBC_BLANK;               /* Hercules would show a blank anyway */
    return ascii_to_ebc[a];
}

/* term_to_wire() for every byte, made at the first line: a line is then
 * one table look-up a character */
static u8 wire_code[256];
static bool wire_code_ready;

void term_text_to_wire(u8 *wire, const char *text, unsigned n)
{
    if (!wire_code_ready) {
        for (unsigned c = 0; c < 256; c++)
            wire_code[c] = term_to_wire((char)c);
        wire_code_ready = true;
    }
    cpu_move(wire, text, n);
    cpu_translate(wire, n, wire_code);          /* TR: one instruction a line */
}

char term_from_wire(u8 e)
{
    u8 a;

    if (e == HERC_BAR)
        return '|';
    if (e == EBC_BAR)
        return '|';
    a = ebc_to_ascii[e];
    return (a < 0x20 || a >= 0x7F) ? ' ' : (char)a;
}
