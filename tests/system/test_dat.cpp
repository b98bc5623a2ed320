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

// DIAGNOSE X'1E0' from inside a guest with DAT on (tests/guest/td1e0.c):
// what a list changes holds at once without PTLB, in every shadow space
// that uses the entry; hostile lists are refused and change nothing.
SYSTEM_TEST(GuestDat, ParavirtualTableListsHoldAtOnceAndBadOnesChangeNothing)
{
    CpSystem sys("dat-pv-rules");
    GuestResult r = runGuest(sys.op(), "TD1E0E", 120);
    checkAllPassed(r, 90);
    for (const char *msg : {"CPX401E", "CPX407E", "CPX408E", "CPX409E"})
        CHECK_TEXT(r.output.find(msg) == std::string::npos, r.output.c_str());
}

// what tests/guest/tvmos.c must end with: every process's area holds the
// last round's pattern
static uint32_t vmosPattern(uint32_t seed, int proc, uint32_t va, uint32_t round)
{
    uint32_t x = seed ^ (va * 2654435761u) ^ (round * 0x9E3779B9u) ^ ((uint32_t)proc * 0x85EBCA6Bu);
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x ? x : 1;
}

static std::string vmosChecksum(uint32_t seed)
{
    const uint32_t area = 0x100000, pages = 90, rounds = 3;
    uint32_t sum = 0;
    for (int proc = 0; proc < 4; proc++) {
        uint32_t s = 0;
        for (uint32_t a = area; a < area + pages * 4096; a += 4)
            s = s * 31 + vmosPattern(seed, proc, a, rounds);
        sum = sum * 31 + s;
    }
    char buf[16];
    snprintf(buf, sizeof buf, "%08X", sum);
    return buf;
}

// Copies of the small virtual-memory operating system, USER1 to USERn (each
// a 4-cylinder 191), copy i in format i % 4, paravirtual where pv(i) says;
// each must end byte-exact, with more faults of its own than it has
// frames.  Returns INDICATE LOAD afterwards.
static std::string runVmos(CpSystem &sys, int n, bool (*pv)(int))
{
    std::vector<std::unique_ptr<Telnet3215>> t;
    for (int i = 0; i < n; i++) {
        t.push_back(logon(sys, 0x0024 + i, "USER" + std::to_string(i + 1), "PASS" + std::to_string(i + 1)));
        t[i]->sendLine("DEFINE STORAGE 2M");
        t[i]->readUntil("STORAGE = \\d+K");
    }
    for (int i = 0; i < n; i++)
        t[i]->sendLine("IPL TVMOSE PARM " + std::to_string(i % 4) + " " + std::to_string(i + 11) +
                       (pv(i) ? " 1" : " 0"));
    for (int i = 0; i < n; i++) {
        std::string out = t[i]->readUntil("SUMMARY [^\\n]*\\n", 900);
        CHECK_TEXT(out.find(pv(i) ? "PARAVIRTUAL" : "SHADOW TABLES") != std::string::npos, out.c_str());
        CHECK_TEXT(out.find("SUMMARY 3 cases, 0 failed") != std::string::npos, out.c_str());
        CHECK_TEXT(out.find("TVMOS CHECKSUM " + vmosChecksum(i + 11)) != std::string::npos, out.c_str());
        // its own paging happened: more faults than it has frames; the
        // paravirtual one told CP by lists, the other never did
        std::smatch m;
        CHECK_TEXT(std::regex_search(out, m, std::regex("FAULTS (\\d+) PAGEOUTS (\\d+) LISTS (\\d+)")) &&
                   std::stol(m[1]) > 230 && std::stol(m[2]) > 0 &&
                   (pv(i) ? std::stol(m[3]) > std::stol(m[1]) : std::stol(m[3]) == 0), out.c_str());
    }
    sys.op().sendLine("INDICATE LOAD");
    return sys.op().readUntil("(^|\\n)USERS[^\\n]*\\n");
}

static long loadFigure(const std::string &load, const std::string &label)
{
    std::smatch m;
    if (!std::regex_search(load, m, std::regex(label + " 0*(\\d+)")))
        return -1;
    return std::stol(m[1]);
}

static bool never(int) { return false; }
static bool always(int) { return true; }
static bool everyOther(int i) { return i % 8 >= 4; }

// The small virtual-memory operating system on the shadow tables alone:
// four address spaces each, its own page-fault handler paging to and from
// its own minidisk, CR1 switched between processes by LCTL, PTLB after
// each change of its tables.  Four copies at once, one per page and
// segment size, on an 8M machine (no CP paging: see
// TwoOfEachFormatBothWaysUnderCpPaging for that).
SYSTEM_TEST(GuestDat, VirtualMemoryOsPagesItsProcessesByteForByte)
{
    CpSystem sys("dat-vmos", SystemOptions().storage(8));
    std::string load = runVmos(sys, 4, never);
    CHECK_TEXT(loadFigure(load, "BATCHES") == 0 && loadFigure(load, "PURGES") > 0, load.c_str());
}

// The same system told to run paravirtual: every table change and
// address-space switch goes to CP as a DIAGNOSE X'1E0' list, so CP never
// sees a PTLB and makes the new shadow entry as the list arrives.
SYSTEM_TEST(GuestDat, ParavirtualVirtualMemoryOsPagesItsProcessesByteForByte)
{
    CpSystem sys("dat-vmos-pv", SystemOptions().storage(8));
    std::string load = runVmos(sys, 4, always);
    CHECK_TEXT(loadFigure(load, "BATCHES") > 4 * 230 && loadFigure(load, "PURGES") == 0 &&
               loadFigure(load, "MAPPED") > 4 * 230, load.c_str());
}

// Eight copies at once on an 8M machine, two in each page and segment
// size, one of each pair on the shadow tables alone and one paravirtual:
// 16M of guest storage on 8M of real, so CP pages the frames under their
// shadows out and in while each system pages its own processes.  Every
// copy ends byte-exact.
SYSTEM_TEST(GuestDat, TwoOfEachFormatBothWaysUnderCpPaging)
{
    CpSystem sys("dat-vmos-paging", SystemOptions().storage(8));
    std::string load = runVmos(sys, 8, everyOther);
    CHECK_TEXT(loadFigure(load, "PAGE-OUTS") > 1000 && loadFigure(load, "DROPPED") > 0 &&
               loadFigure(load, "BATCHES") > 0 && loadFigure(load, "PURGES") > 0, load.c_str());
}
