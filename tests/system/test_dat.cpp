// test_dat.cpp - guests with DAT on: the S/370 translation rules seen from
// inside a virtual machine that runs on CP's shadow tables
// (cp/vm/shadow.h), in each page and segment size.  The cases are in
// tests/guest/tdat.c.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include "harness/tpage.h"

#include <CppUTest/TestHarness.h>
#include <memory>
#include <regex>
#include <vector>

TEST_GROUP(GuestDat) {};

SYSTEM_TEST(GuestDat, EveryTranslationRuleHoldsInEachPageAndSegmentSize)
{
    CpSystem sys("dat-rules");
    GuestResult r = runGuest(sys.op(), "TDATE", 120);
    checkAllPassed(r, 100);
    // no stop on CP's part: no loop, no shadow it could not make
    for (const char *msg : {"CPX401E", "CPX407E", "CPX408E", "CPX409E"})
        CHECK_TEXT(r.output.find(msg) == std::string::npos, r.output.c_str());
}

// Four guests with DAT on, one in each page and segment size, on an 8M
// machine with more virtual storage than real: CP pages the frames under
// their shadow tables out and in, and drops every shadow entry before it
// reuses a frame, so each guest ends with exactly what it wrote.
SYSTEM_TEST(GuestDat, CpPagingUnderShadowTablesKeepsEveryByte)
{
    CpSystem sys("dat-paging", SystemOptions().storage(8));
    std::vector<std::unique_ptr<Telnet3215>> t;
    for (int i = 0; i < 4; i++) {
        t.push_back(logon(sys, 0x0024 + i, "USER" + std::to_string(i + 5), "PASS" + std::to_string(i + 5)));
        t[i]->sendLine("DEFINE STORAGE 4M");
        t[i]->readUntil("STORAGE = \\d+K");
    }
    for (int i = 0; i < 4; i++)
        t[i]->sendLine("IPL TPAGEE PARM 3 3 " + std::to_string(i + 1) + " DAT " + std::to_string(i));
    for (int i = 0; i < 4; i++) {
        std::string out = t[i]->readUntil("SUMMARY [^\\n]*\\n", 400);
        CHECK_TEXT(out.find("TPAGE DAT ON") != std::string::npos, out.c_str());
        CHECK_TEXT(out.find("SUMMARY 3 cases, 0 failed") != std::string::npos, out.c_str());
        CHECK_TEXT(out.find("CHECKSUM " + tpageChecksum(3, 3, i + 1)) != std::string::npos, out.c_str());
    }
    sys.op().sendLine("INDICATE LOAD");
    std::string load = sys.op().readUntil("(^|\\n)USERS[^\\n]*\\n");
    std::smatch m;
    CHECK_TEXT(std::regex_search(load, m, std::regex("PAGE-OUTS 0*(\\d+)")) && std::stol(m[1]) > 768,
               load.c_str());
}
