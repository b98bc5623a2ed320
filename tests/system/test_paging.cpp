// test_paging.cpp - demand paging: guests with more virtual storage than
// the machine has real storage keep their data byte for byte, the paging
// space running out stops only the user who needs a frame, and released
// pages give back their slots.  The guest is tests/guest/tpage.c.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"
#include "harness/tpage.h"

#include <CppUTest/TestHarness.h>
#include <cstdint>
#include <regex>
#include <vector>

TEST_GROUP(Paging) {};

// the number after `label` in text (e.g. "PAGE-OUTS " -> 1234), -1 if none
static long number(const std::string &text, const std::string &label)
{
    std::smatch m;
    if (!std::regex_search(text, m, std::regex(label + "0*(\\d+)")))
        return -1;
    return std::stol(m[1]);
}

// a command's response, up to the line that starts with `last`
static std::string indicate(Telnet3215 &t, const std::string &what, const std::string &last)
{
    t.sendLine(what);
    return t.readUntil("(^|\\n)" + last + "[^\\n]*\\n");
}

SYSTEM_TEST(Paging, FourUsersWithTwiceTheRealStorageKeepTheirDataByteForByte)
{
    CpSystem sys("paging-four", SystemOptions().storage(8));
    std::vector<std::unique_ptr<Telnet3215>> t;
    long virt = 0;
    for (int i = 0; i < 4; i++) {
        t.push_back(logon(sys, 0x0024 + i, "USER" + std::to_string(i + 5), "PASS" + std::to_string(i + 5)));
        t[i]->sendLine("DEFINE STORAGE 4M");
        virt += number(t[i]->readUntil("STORAGE = \\d+K"), "STORAGE = ");
    }
    std::string load = indicate(sys.op(), "INDICATE LOAD", "USERS");
    CHECK_TEXT(virt >= 2 * number(load, "\\nSTORAGE "), load.c_str());
    for (int i = 0; i < 4; i++)
        t[i]->sendLine("IPL TPAGEE PARM 3 3 " + std::to_string(i + 1));
    for (int i = 0; i < 4; i++) {
        GuestResult r;
        r.output = t[i]->readUntil("SUMMARY [^\\n]*\\n", 300);
        CHECK_TEXT(r.output.find("SUMMARY 3 cases, 0 failed") != std::string::npos, r.output.c_str());
        CHECK_TEXT(r.output.find("CHECKSUM " + tpageChecksum(3, 3, i + 1)) != std::string::npos,
                   r.output.c_str());
    }
    // and it really went through DASD: pages were written and read back
    load = indicate(sys.op(), "INDICATE LOAD", "USERS");
    CHECK_TEXT(number(load, "PAGE-OUTS ") > 768, load.c_str());
    CHECK_TEXT(number(load, "PAGE-INS ") > 768, load.c_str());
    CHECK_TEXT(number(load, "NO FRAME ") == 0, load.c_str());
    CHECK_TEXT(number(load, "ERRORS ") == 0, load.c_str());
}

SYSTEM_TEST(Paging, ReleasedPagesGiveBackFramesAndSlots)
{
    CpSystem sys("paging-release", SystemOptions().storage(8));
    auto a = logon(sys, 0x0024, "USER5", "PASS5");
    auto b = logon(sys, 0x0020, "MAINT", "MAINT");
    a->sendLine("DEFINE STORAGE 4M");
    a->readUntil("STORAGE = ");
    b->sendLine("DEFINE STORAGE 9M");
    b->readUntil("STORAGE = ");
    a->sendLine("IPL TPAGEE PARM 3 1 11 HOLD");
    a->readUntil("TPAGE WAITING", 120);
    b->sendLine("IPL TPAGEE PARM 8 2 12");                // pushes a's pages out
    b->readUntil("SUMMARY 2 cases, 0 failed", 120);
    std::string before = indicate(*a, "#CP INDICATE USER", "PAGE-INS=");
    CHECK_TEXT(number(before, "SLOTS=") >= 700, before.c_str());
    a->sendLine("RELEASE");
    a->readUntil("PASS X'10' releases the area", 60);
    a->readUntil("TPAGE WAITING");
    std::string after = indicate(*a, "#CP INDICATE USER", "PAGE-INS=");
    CHECK_TEXT(number(after, "SLOTS=") + 700 <= number(before, "SLOTS="), (before + after).c_str());
    CHECK_TEXT(number(after, "RES=") < 100, after.c_str());
    a->sendLine("ZEROS");
    a->readUntil("PASS released pages read as zeros", 60);
    a->readUntil("TPAGE WAITING");
    a->sendLine("END");
    a->readUntil("SUMMARY 3 cases, 0 failed");
}

SYSTEM_TEST(Paging, FullPagingSpaceStopsTheUserWhoNeedsAFrameAndLosesNothing)
{
    CpSystem sys("paging-full", SystemOptions().storage(8).noIpl());
    sys.herc().command("detach 0132");                    // the system volume's area only
    sys.ipl();
    std::string paging = indicate(sys.op(), "INDICATE PAGING", "USERID");
    CHECK_TEXT(paging.find("PAGING AREA 0130") != std::string::npos, paging.c_str());
    CHECK_TEXT(paging.find("PAGING AREA 0132") == std::string::npos, paging.c_str());

    auto a = logon(sys, 0x0024, "USER5", "PASS5");
    a->sendLine("DEFINE STORAGE 4M");
    a->readUntil("STORAGE = ");
    a->sendLine("IPL TPAGEE PARM 3 2 21 HOLD");
    a->readUntil("TPAGE WAITING", 120);
    // more than real storage and the paging space together
    auto m = logon(sys, 0x0020, "MAINT", "MAINT");
    m->sendLine("DEFINE STORAGE 16M");
    m->readUntil("STORAGE = ");
    m->sendLine("IPL TPAGEE PARM 14 1 22");
    m->readUntil("CPX610E No real storage or paging space for your page", 300);
    sys.op().readUntil("CPX603W Paging space is full");
    // CP goes on; the stopped user gives its storage back
    m->sendLine("SYSTEM CLEAR");
    m->readUntil("SYSTEM CLEARED");
    std::string mind = indicate(*m, "INDICATE USER", "PAGE-INS=");
    CHECK_TEXT(number(mind, "SLOTS=") == 0 && number(mind, "RES=") == 0, mind.c_str());
    // the other user's data is all there
    a->sendLine("VERIFY");
    std::string out = a->readUntil("TPAGE WAITING", 120);
    CHECK_TEXT(out.find("PASS every word is still what was written last") != std::string::npos,
               out.c_str());
    a->sendLine("END");
    a->readUntil("SUMMARY 3 cases, 0 failed");
}

static void allPassed(const GuestResult &r, int atLeast)
{
    CHECK_TEXT(r.failures == 0, ("failed cases:" + failures(r)).c_str());
    CHECK_TEXT(r.cases >= atLeast, ("too few cases ran:\n" + r.output).c_str());
}

SYSTEM_TEST(Paging, Code258GivesPseudoPageFaultsWithTheToken)
{
    CpSystem sys("diag-258", SystemOptions().storage(8));
    auto m = logon(sys, 0x0020, "MAINT", "MAINT");
    m->sendLine("DEFINE STORAGE 15M");
    m->readUntil("STORAGE = ");
    GuestResult r = runGuest(*m, "TD258E", 120);
    allPassed(r, 25);
    std::string ind = indicate(*m, "INDICATE USER", "PAGE-INS=");
    CHECK_TEXT(number(ind, "PSEUDO-FAULTS=") >= 1, ind.c_str());
}
