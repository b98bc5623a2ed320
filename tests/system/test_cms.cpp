// test_cms.cpp - the CMS guest: IPL CMS at logon, the ready message,
// commands of CMS and of CP, and the disks CMS accesses.
#include "harness/cpsystem.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(Cms) {};

// LOGON runs the directory's IPL CMS: banner, 190 as S and 191 as A
SYSTEM_TEST(Cms, IplShowsTheBannerAndTheReadyMessage)
{
    CpSystem sys("cms-ipl");
    auto t = logon(sys, 0x0020, "USER1", "PASS1", "");
    t->readUntil("CP370 CMS VERSION [^\\n]*\\n");
    t->sendLine("QUERY SEARCH");
    std::string out = t->readUntil("R; T=[0-9]+\\.[0-9]{2}/[0-9]+\\.[0-9]{2} [0-9:]{8}\\n");
    CHECK_TEXT(out.find("USR191 191 A   R/W") != std::string::npos, out.c_str());
    CHECK_TEXT(out.find("MNT190 190 S   R/O") != std::string::npos, out.c_str());
}
