// test_termcode.cpp - every printable character crosses a Hercules telnet
// line as itself, in both directions, and reaches a guest as CMS's EBCDIC.
#include <CppUTest/TestHarness.h>

extern "C" {
#include "cp/io/termcode.h"
#include "arch370/ebcdic.h"
}

// Hercules 3.13's default code page (codepage.c, "default"), printable
// ASCII X'20'-X'7E' to EBCDIC: what Hercules puts into a 3215 read and
// turns back into ASCII on a write.
static const unsigned char herc_a2e[95] = {
    0x40, 0x5A, 0x7F, 0x7B, 0x5B, 0x6C, 0x50, 0x7D, 0x4D, 0x5D, 0x5C, 0x4E, 0x6B, 0x60, 0x4B, 0x61,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x5E, 0x4C, 0x7E, 0x6E, 0x6F,
    0x7C, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6,
    0xD7, 0xD8, 0xD9, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xAD, 0xE0, 0xBD, 0x5F, 0x6D,
    0x79, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
    0x97, 0x98, 0x99, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xC0, 0x6A, 0xD0, 0xA1,
};

TEST_GROUP(TermCode) {};

TEST(TermCode, EveryPrintableCharacterWrittenIsShownAsItself)
{
    for (int c = 0x20; c < 0x7F; c++)
        LONGS_EQUAL_TEXT(herc_a2e[c - 0x20], term_to_wire((char)c), std::string(1, (char)c).c_str());
}

TEST(TermCode, EveryPrintableCharacterTypedArrivesAsItself)
{
    for (int c = 0x20; c < 0x7F; c++)
        LONGS_EQUAL_TEXT(c, term_from_wire(herc_a2e[c - 0x20]), std::string(1, (char)c).c_str());
}

TEST(TermCode, WhatCmsStoresComesBackAsTyped)
{
    // typed -> CP's ASCII -> the guest's EBCDIC (1047) -> CP's ASCII -> shown
    for (int c = 0x20; c < 0x7F; c++) {
        char typed = term_from_wire(herc_a2e[c - 0x20]);
        unsigned char ebc = ascii_to_ebc[(unsigned char)typed];
        char back = (char)ebc_to_ascii[ebc];
        LONGS_EQUAL_TEXT(herc_a2e[c - 0x20], term_to_wire(back), std::string(1, (char)c).c_str());
    }
}

TEST(TermCode, TheCharactersCmsTextUsesForBarAndNot)
{
    // '|' is X'4F' in CMS text, X'6A' on Hercules' wire
    LONGS_EQUAL(0x4F, ascii_to_ebc[(unsigned char)'|']);
    LONGS_EQUAL('|', term_from_wire(0x6A));
    LONGS_EQUAL(0x6A, term_to_wire((char)ebc_to_ascii[0x4F]));
    // the not sign X'5F' is '^' on an ASCII terminal, both ways
    LONGS_EQUAL('^', ebc_to_ascii[0x5F]);
    LONGS_EQUAL(0x5F, term_to_wire('^'));
    LONGS_EQUAL(0x5F, ascii_to_ebc[(unsigned char)term_from_wire(0x5F)]);
}

TEST(TermCode, TheCentSignHasNoAsciiCodeAndIsShownAsABlank)
{
    // X'4A' is ISO 8859-1 X'A2'; Hercules shows a blank for every byte
    // that is not printable ASCII, so CP sends the blank itself
    LONGS_EQUAL(0xA2, ebc_to_ascii[0x4A]);
    LONGS_EQUAL(0x40, term_to_wire((char)0xA2));
    LONGS_EQUAL(' ', term_from_wire(0x4A));
}

TEST(TermCode, ControlCharactersBecomeBlanks)
{
    for (int c = 0; c < 0x20; c++)
        LONGS_EQUAL(0x40, term_to_wire((char)c));
    LONGS_EQUAL(0x40, term_to_wire((char)0x7F));
    for (int e = 0; e < 0x40; e++)
        LONGS_EQUAL(' ', term_from_wire((unsigned char)e));
}

TEST(TermCode, ALineIsSentAsItsCharactersOneByOne)
{
    char text[256];
    unsigned char wire[256];

    for (int c = 0; c < 256; c++)
        text[c] = (char)c;
    term_text_to_wire(wire, text, 256);
    for (int c = 0; c < 256; c++)
        LONGS_EQUAL_TEXT(term_to_wire((char)c), wire[c], std::to_string(c).c_str());
}
