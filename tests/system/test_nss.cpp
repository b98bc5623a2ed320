// test_nss.cpp - named saved systems and shared segments: users of a
// shared nucleus hold one copy of it, a store into a shared page gives a
// private copy, SAVESYS saves a machine others IPL by name (and it
// survives a re-IPL of CP), DIAGNOSE X'64' loads and purges segments.
// The guests are tests/guest/tnuc.c (a stand-in nucleus with 64 shared
// pages, the saved system TNUC) and tests/guest/td064.c.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include <CppUTest/TestHarness.h>
#include <regex>
#include <vector>

TEST_GROUP(SavedSystems) {};

static long number(const std::string &text, const std::string &label)
{
    std::smatch m;
    if (!std::regex_search(text, m, std::regex(label + "0*(\\d+)")))
        return -1;
    return std::stol(m[1]);
}

static std::string command(Telnet3215 &t, const std::string &cmd, const std::string &last)
{
    t.sendLine(cmd);
    return t.readUntil("(^|\\n)" + last + "[^\\n]*\\n");
}

static std::vector<std::unique_ptr<Telnet3215>> users(CpSystem &sys, int n)
{
    std::vector<std::unique_ptr<Telnet3215>> t;
    for (int i = 1; i <= n; i++)
        t.push_back(logon(sys, 0x001F + i, "USER" + std::to_string(i), "PASS" + std::to_string(i)));
    return t;
}

// IPL name (with operands) on every terminal; returns the frames the
// users hold (private frames of all, plus shared frames once) per user
static double framesPerUser(CpSystem &sys, std::vector<std::unique_ptr<Telnet3215>> &t,
                            const std::string &ipl)
{
    long res = 0;
    for (auto &u : t) {
        u->sendLine("#CP IPL " + ipl);
        u->readUntil("TNUC READY");
    }
    for (auto &u : t)
        res += number(command(*u, "#CP INDICATE USER", "PAGE-INS="), "RES=");
    std::string load = command(sys.op(), "INDICATE LOAD", "PAGING:");
    return double(res + number(load, "SHARED ")) / t.size();
}

SYSTEM_TEST(SavedSystems, UsersOfASharedNucleusHoldOneCopyOfIt)
{
    CpSystem sys("nss-share");
    auto t = users(sys, 4);
    std::string q = command(sys.op(), "QUERY NSS", "NSS TNUC ");
    long shared = number(q, "NSS TNUC +PAGES [0-9A-F-]+ SAVED +\\d+ SHARED +");
    CHECK_TEXT(shared >= 32, q.c_str());

    double with = framesPerUser(sys, t, "TNUC");
    std::string ind = command(*t[0], "#CP INDICATE USER", "PAGE-INS=");
    LONGS_EQUAL_TEXT(shared, number(ind, "SHR="), ind.c_str());
    q = command(sys.op(), "QUERY NSS", "NSS TNUC ");
    CHECK_TEXT(std::regex_search(q, std::regex("NSS TNUC .*IN STORAGE +" + std::to_string(shared) +
                                               " USERS +4")), q.c_str());

    double without = framesPerUser(sys, t, "TNUC NOSHARE");
    ind = command(*t[0], "#CP INDICATE USER", "PAGE-INS=");
    LONGS_EQUAL_TEXT(0, number(ind, "SHR="), ind.c_str());
    // each user saves (nearly) all the shared pages but one share of them
    CHECK_TEXT(with + shared * 3 / 4 - 1 <= without,
               ("frames per user with sharing " + std::to_string(with) + ", without " +
                std::to_string(without)).c_str());
    // nobody shares TNUC any more: its frames are given back
    q = command(sys.op(), "QUERY NSS", "NSS TNUC ");
    CHECK_TEXT(std::regex_search(q, std::regex("NSS TNUC .*IN STORAGE +0 USERS +4")), q.c_str());
}

SYSTEM_TEST(SavedSystems, AStoreIntoASharedPageGivesThatUserAPrivateCopy)
{
    CpSystem sys("nss-cow");
    auto t = users(sys, 2);
    for (auto &u : t) {
        u->sendLine("IPL TNUC");
        u->readUntil("TNUC READY");
    }
    long before = number(command(*t[0], "#CP INDICATE USER", "PAGE-INS="), "SHR=");
    t[0]->sendLine("STORE");
    t[0]->readUntil("PASS a store into a shared page takes effect for this user");
    t[0]->readUntil("TNUC READY");
    t[0]->sendLine("CHECK");
    t[0]->readUntil("TNUC WORD1000 5354ED00");
    t[1]->sendLine("CHECK");
    std::string other = t[1]->readUntil("TNUC WORD1000 [0-9A-F]+");
    CHECK_TEXT(other.find("PASS the nucleus table is there") != std::string::npos, other.c_str());
    CHECK_TEXT(other.find("TNUC WORD1000 00000000") != std::string::npos, other.c_str());
    std::string ind = command(*t[0], "#CP INDICATE USER", "PAGE-INS=");
    LONGS_EQUAL_TEXT(before - 1, number(ind, "SHR="), ind.c_str());
}

SYSTEM_TEST(SavedSystems, SavesysSavesAMachineThatOthersIplByNameAndItSurvivesReIpl)
{
    CpSystem sys("nss-savesys");
    auto m = logon(sys, 0x0020, "MAINT", "MAINT");
    m->sendLine("IPL TNUC NOSHARE PARM SAVE TNUCS");
    std::string out = m->readUntil("TNUC READY", 30);
    CHECK_TEXT(out.find("TNUC SAVESYS RC 0: SYSTEM TNUCS SAVED:") != std::string::npos, out.c_str());
    std::string q = command(sys.op(), "QUERY NSS", "NSS TNUC ");
    CHECK_TEXT(std::regex_search(q, std::regex("NSS TNUCS .*SAVESYS")), q.c_str());

    auto u = logon(sys, 0x0021, "USER1", "PASS1");
    u->sendLine("IPL TNUCS");
    out = u->readUntil("TNUC READY");
    CHECK_TEXT(out.find("TNUC RESTORED") != std::string::npos, out.c_str());
    u->sendLine("CHECK");
    u->readUntil("PASS the nucleus table is there");
    CHECK(number(command(*u, "#CP INDICATE USER", "PAGE-INS="), "SHR=") >= 32);

    sys.restart();
    u = logon(sys, 0x0021, "USER1", "PASS1");
    u->sendLine("IPL TNUCS");
    out = u->readUntil("TNUC READY");
    CHECK_TEXT(out.find("TNUC RESTORED") != std::string::npos, out.c_str());
    u->sendLine("CHECK");
    u->readUntil("PASS the nucleus table is there");
}

SYSTEM_TEST(SavedSystems, SavesysRefusesBadOperandsUsersWithoutClassEAndAFullStore)
{
    CpSystem sys("nss-savesys-errors");
    auto u = logon(sys, 0x0021, "USER1", "PASS1");
    u->sendLine("SAVESYS MINE");
    u->readUntil("CPX002E SAVESYS is not authorized for your privilege class");
    auto m = logon(sys, 0x0020, "MAINT", "MAINT");
    m->sendLine("SAVESYS");
    m->readUntil("CPX620E SAVESYS needs a system name");
    m->sendLine("SAVESYS NINECHARS");
    m->readUntil("CPX620E SAVESYS needs a system name");
    m->sendLine("SAVESYS GOOD SHARE 5-3");
    m->readUntil("CPX621E A shared range must lie in your storage and leave out page 0");
    m->sendLine("SAVESYS GOOD SHARE 0-3");
    m->readUntil("CPX621E A shared range must lie in your storage and leave out page 0");
    m->sendLine("SAVESYS GOOD SHARE XYZ");
    m->readUntil("CPX621E Invalid shared page range: XYZ");
    m->sendLine("SAVESYS GOOD SHARE");
    m->readUntil("CPX621E SHARE needs a range");
    // 15M of pages is more than the store holds
    m->sendLine("DEFINE STORAGE 16M");
    m->readUntil("STORAGE = ");
    m->sendLine("IPL TPAGEE PARM 15 1 3");
    m->readUntil("SUMMARY 1 cases, 0 failed", 60);
    m->readUntil("CPX400W Disabled wait state");           // back in CP
    m->sendLine("SAVESYS BIG");
    m->readUntil("CPX622E System BIG not saved: the saved-system store is full");
    std::string q = command(sys.op(), "QUERY NSS", "NSS TNUC ");
    CHECK_TEXT(q.find("NSS BIG") == std::string::npos, q.c_str());
    // and nothing is hurt: a small one still fits
    m->sendLine("IPL TNUC PARM SAVE SMALL");
    std::string out = m->readUntil("TNUC READY", 30);
    CHECK_TEXT(out.find("SYSTEM SMALL SAVED") != std::string::npos, out.c_str());
}

SYSTEM_TEST(SavedSystems, Code64FindsLoadsAndPurgesSavedSegments)
{
    CpSystem sys("diag-064");
    auto u = logon(sys, 0x0024, "USER5", "PASS5");
    u->sendLine("DEFINE STORAGE 4M");
    u->readUntil("STORAGE = ");
    GuestResult r = runGuest(*u, "TD064E", 60);
    CHECK_TEXT(r.failures == 0, ("failed cases:" + failures(r)).c_str());
    CHECK_TEXT(r.cases >= 22, ("too few cases ran:\n" + r.output).c_str());
}

// a segment file as VM/370 hobbyists keep saved systems: header (PSW,
// registers, keys per 2K block), then the pages; two pages here, the
// first with keys F and E in its halves, each page starting SEGFPAGn
static void writeSegmentFile(const std::string &path, int pages)
{
    std::vector<unsigned char> f(4096 * (pages + 1), 0);
    const unsigned char psw[8] = { 0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, 0xBE, 0xEF };
    for (int i = 0; i < 8; i++)
        f[i] = psw[i];
    for (int b = 0; b < 2 * pages; b++)
        f[168 + b] = b == 1 ? 0xE6 : 0xF6;
    const unsigned char segf[7] = { 0xE2, 0xC5, 0xC7, 0xC6, 0xD7, 0xC1, 0xC7 };   // SEGFPAG
    for (int p = 0; p < pages; p++) {
        for (int i = 0; i < 7; i++)
            f[4096 * (p + 1) + 0x100 + i] = segf[i];
        f[4096 * (p + 1) + 0x107] = (unsigned char)(0xF0 + p);
    }
    FILE *out = fopen(path.c_str(), "wb");
    if (!out || fwrite(f.data(), f.size(), 1, out) != 1)
        throw std::runtime_error("cannot write " + path);
    fclose(out);
}

static std::string shell(const std::string &cmd)
{
    std::string out;
    char buf[256];
    FILE *p = popen((cmd + " 2>&1; echo rc=$?").c_str(), "r");
    while (p && fgets(buf, sizeof buf, p))
        out += buf;
    if (p)
        pclose(p);
    return out;
}

SYSTEM_TEST(SavedSystems, MknssMakesASavedSystemFromASegmentFile)
{
    std::string made, refused;
    CpSystem sys("mknss", SystemOptions().before([&](const std::string &dir) {
        std::string mknss = buildDir() + "/tools/mknss " + dir + "/cppag1.3350 ";
        writeSegmentFile(dir + "/segf.segment", 2);
        made = shell(mknss + "SEGF " + dir + "/segf.segment --at 0 --share 1-1");
        refused = shell(mknss + "SEGF " + dir + "/segf.segment --at FFF") +
                  shell("head -c 100 /dev/zero > " + dir + "/short.segment; " + mknss + "SEGF " + dir +
                        "/short.segment --at 0") +
                  shell(mknss + "SEGF " + dir + "/segf.segment --at 0 --share 0-1");
    }));
    CHECK_TEXT(made.find("pages 000-001, 1 shared, keys per 2K") != std::string::npos, made.c_str());
    CHECK_TEXT(made.find("rc=0") != std::string::npos, made.c_str());
    CHECK_TEXT(refused.find("beyond 16M") != std::string::npos, refused.c_str());
    CHECK_TEXT(refused.find("not a segment file") != std::string::npos, refused.c_str());
    CHECK_TEXT(refused.find("usage") != std::string::npos, refused.c_str());   // page 0 shared
    CHECK_TEXT(refused.find("rc=0") == std::string::npos, refused.c_str());

    std::string q = command(sys.op(), "QUERY NSS", "NSS SEGF ");
    CHECK_TEXT(std::regex_search(q, std::regex("NSS SEGF +PAGES 000-001 SAVED +2 SHARED +1")), q.c_str());
    auto u = logon(sys, 0x0020, "USER1", "PASS1");
    u->sendLine("IPL SEGF");
    u->readUntil("CPX400W Disabled wait state, PSW 000A0000 0000BEEF");
    u->sendLine("DISPLAY 1100.8");
    u->readUntil("001100  E2C5C7C6 D7C1C7F1");
}
