// test_display.cpp - DISPLAY and STORE on a real virtual machine, every
// operand form of VM/370 Release 6 (docs/cpcommands.md), as a user types
// them at a terminal; a bad form is refused and changes nothing.
#include "harness/cpsystem.h"

#include <CppUTest/TestHarness.h>
#include <regex>

TEST_GROUP(DisplayStore) {};

SYSTEM_TEST(DisplayStore, EveryStorageFormShowsWhatStoreStored)
{
    CpSystem sys("display-storage");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    answer(*t, "STORE L1000 12345678 1");
    HAS_MATCH(answer(*t, "DISPLAY L1000.8"), "001000  12345678 00000001\n");
    answer(*t, "STORE 1006 C1C2C3C4");              // rounded down to 1004
    HAS_MATCH(answer(*t, "D 1004"), "001004  C1C2C3C4\n");
    answer(*t, "STORE S1009 C1C2");                 // bytes, unaligned
    HAS_MATCH(answer(*t, "D T1000-100F"),
        "001000  12345678 C1C2C3C4 00C1C200 00000000  \\*\\.\\.\\.\\.ABCD\\.AB\\.\\.\\.\\.\\.\\*\n");
    HAS_MATCH(answer(*t, "D 1000:1007"), "001000  12345678 C1C2C3C4\n");
    HAS_MATCH(answer(*t, "D FFFF8-END"), "0FFFF8  00000000 00000000\n");
    HAS_MATCH(answer(*t, "D FFFFC.END"), "0FFFFC  00000000\n");
    HAS_MATCH(answer(*t, "D -7"), "000000  00000000 00000000\n");
    HAS_MATCH(answer(*t, "D K0-FFF"), "000000  KEY 00 00\n");
    // several operands at once, in order
    HAS_MATCH(answer(*t, "D 1000 G0 PSW"), "001000  12345678\nGPR  0 = 00000000\nPSW = ");
}

SYSTEM_TEST(DisplayStore, RegistersPswCawAndCsw)
{
    CpSystem sys("display-registers");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    answer(*t, "STORE G14 EEEE FFFF");
    HAS_MATCH(answer(*t, "D G14-END"), "GPR 14 = 0000EEEE 0000FFFF\n");
    HAS_MATCH(answer(*t, "D GE.2"), "GPR 14 = 0000EEEE 0000FFFF\n");
    answer(*t, "STORE Y2 4110000000000000");
    HAS_MATCH(answer(*t, "D Y0-2"), "FPR  0 = 00000000 00000000\nFPR  2 = 41100000 00000000\n");
    answer(*t, "STORE X15 ABC");
    HAS_MATCH(answer(*t, "D X15"), "CR  15 = 00000ABC\n");
    HAS_MATCH(answer(*t, "D C14-15"), "CR  14 = [0-9A-F]{8} 00000ABC\n");
    answer(*t, "STORE PSW 070C0000 2000");
    HAS_MATCH(answer(*t, "D PSW"), "PSW = 070C0000 00002000\n");
    answer(*t, "STORE PSW 3000");
    HAS_MATCH(answer(*t, "D P"), "PSW = 070C0000 00003000\n");
    answer(*t, "STORE 40 3008 0C000000 3000");
    HAS_MATCH(answer(*t, "D CAW CSW"), "CAW = 00003000\nCSW = 00003008 0C000000\n");
    HAS_MATCH(answer(*t, "STORE STATUS"), "STORE COMPLETE\n");
    HAS_MATCH(answer(*t, "D 100.8 180-183 1B8.8"),
        "000100  070C0000 00003000\n000180  00000000\n0001B8  0000EEEE 0000FFFF\n");
}

SYSTEM_TEST(DisplayStore, BadFormsAreRefusedAndChangeNothing)
{
    CpSystem sys("display-bad");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    answer(*t, "STORE 1000 AAAA");
    answer(*t, "STORE G1 1111");
    HAS_MATCH(answer(*t, "D G16"), "CPX004E Invalid DISPLAY operand G16: no such register");
    HAS_MATCH(answer(*t, "D Y1"), "CPX004E Invalid DISPLAY operand Y1: no such register");
    HAS_MATCH(answer(*t, "D 2000-1000"), "CPX004E Invalid DISPLAY operand 2000-1000: the range ends");
    HAS_MATCH(answer(*t, "D 1000000"), "CPX004E Invalid DISPLAY operand 1000000: an address is 1 to 6");
    HAS_MATCH(answer(*t, "D 100000"), "CPX036E Address 100000 is beyond your storage \\(1024K\\)");
    std::string d = answer(*t, "D G1 FFFF0-100010");
    HAS_MATCH(d, "CPX036E Address 100010 is beyond your storage");
    CHECK_TEXT(d.find("GPR  1") == std::string::npos, d.c_str());   // nothing shown
    HAS_MATCH(answer(*t, "STORE 1000 1 XYZ"), "CPX004E Invalid hexadecimal data XYZ");
    HAS_MATCH(answer(*t, "STORE FFFFC 1 2"), "CPX036E Address 100000 is beyond your storage");
    HAS_MATCH(answer(*t, "STORE G15 1 2"), "CPX004E Too many values: they run past register 15");
    HAS_MATCH(answer(*t, "STORE S1000 ABC"), "an even number of hexadecimal digits");
    HAS_MATCH(answer(*t, "STORE T1000 1"), "CPX004E Invalid STORE operand T1000");
    HAS_MATCH(answer(*t, "STORE G1"), "CPX003E STORE G1 needs a value");
    HAS_MATCH(answer(*t, "D 1000 G1"), "001000  0000AAAA\nGPR  1 = 00001111\n");
    HAS_MATCH(answer(*t, "D FFFFC"), "0FFFFC  00000000\n");
    HAS_MATCH(answer(*t, "D G15"), "GPR 15 = 00000000\n");
}

// DCP and STCP: CP's own real storage, for the classes VM/370 gave them
SYSTEM_TEST(DisplayStore, DcpAndStcpShowAndStoreRealStorageForClassesCAndE)
{
    CpSystem sys("display-dcp");
    auto m = logon(sys, 0x0020, "MAINT", "MAINT");
    std::string d = answer(*m, "DCP 10000");
    std::smatch w;
    CHECK_TEXT(std::regex_search(d, w, std::regex("00010000  ([0-9A-F]{8})\n")), d.c_str());
    HAS_MATCH(answer(*m, "DCP T10000.20"), "00010000  [0-9A-F]{8} [0-9A-F]{8} [0-9A-F]{8} [0-9A-F]{8}  \\*.{16}\\*\n"
                                     "00010010  ");
    HAS_MATCH(answer(*m, "DCP K0-1FFF"), "00000000  KEY [0-9A-F]{2} [0-9A-F]{2}\n");
    // storing back what is there changes nothing, and says what it stored
    HAS_MATCH(answer(*m, "STCP 10000 " + w[1].str()), "STCP COMPLETE: 4 BYTES AT 00010000\n");
    HAS_MATCH(answer(*m, "DCP 10000"), "00010000  " + w[1].str() + "\n");
    HAS_MATCH(answer(*m, "DCP 80000000"), "CPX004E Invalid DCP operand 80000000: a real address is 1 to 8");
    HAS_MATCH(answer(*m, "DCP 7FFFFFF0"), "CPX036E Address 7FFFFFF0 is beyond real storage \\(65536K\\)");
    HAS_MATCH(answer(*m, "STCP 7FFFFFF0 1"), "CPX036E Address 7FFFFFF0 is beyond real storage");
    HAS_MATCH(answer(*m, "STCP S10000 ABC"), "CPX004E Invalid hexadecimal data ABC; nothing was stored");
    HAS_MATCH(answer(*m, "DCP G5"), "CPX004E Invalid DCP operand G5");
    auto u = logon(sys, 0x0021, "USER1", "PASS1");
    HAS_MATCH(answer(*u, "DCP 10000"), "CPX002E DCP is not authorized for your privilege class");
    HAS_MATCH(answer(*u, "STCP 10000 0"), "CPX002E STCP is not authorized for your privilege class");
}
