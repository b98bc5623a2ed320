// test_minidisk.cpp - minidisks: the three ways in (SIO with CCW
// translation, DIAGNOSE X'18', DIAGNOSE X'250'), extents and link modes,
// sharing between users by LINK, data that outlives LOGOFF, SHUTDOWN and
// a new IPL of CP, and IPL of a virtual machine from its minidisk.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(Minidisk) {};

SYSTEM_TEST(Minidisk, ThreePathsExtentsAndLinkModes)
{
    CpSystem sys("mdisk-paths");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    checkAllPassed(runGuest(*t, "TMDISKE"), 25);
}

SYSTEM_TEST(Minidisk, QueryVirtualShowsTheDisksAndTheirModes)
{
    CpSystem sys("mdisk-query");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    t->sendLine("QUERY VIRTUAL");
    std::string out = t->readUntil("DASD 191 [^\\n]*\\n");
    CHECK_TEXT(out.find("DASD 190 3350 CPUSR1 R/O 005 CYL") != std::string::npos, out.c_str());
    CHECK_TEXT(out.find("DASD 191 3350 CPUSR1 R/W 004 CYL") != std::string::npos, out.c_str());
}

SYSTEM_TEST(Minidisk, LinkRefusesWhatItMustAndChangesNothing)
{
    CpSystem sys("mdisk-linkerr");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    t->sendLine("LINK NOBODY 191 291 RR");
    t->readUntil("CPX109E NOBODY is not in the CP directory");
    t->sendLine("LINK MAINT 999 291 RR ALL");
    t->readUntil("CPX303E MAINT has no minidisk 999");
    t->sendLine("LINK MAINT 190 291 XX ALL");
    t->readUntil("CPX304E LINK MAINT 190 refused: not a link mode");
    t->sendLine("LINK USER7 191 291 RR WRONG");
    t->readUntil("CPX304E LINK USER7 191 refused: [^\\n]*password");
    t->sendLine("LINK MAINT 191 291 RR");          // no read password: nobody links it
    t->readUntil("CPX304E LINK MAINT 191 refused: [^\\n]*password");
    t->sendLine("LINK MAINT 190 191 RR ALL");       // 191 is taken
    t->readUntil("CPX304E LINK MAINT 190 refused: [^\\n]*address");
    t->sendLine("LINK MAINT 190 GGG RR ALL");
    t->readUntil("CPX004E Invalid device address: GGG");
    t->sendLine("LINK MAINT 190");
    t->readUntil("CPX003E LINK needs");
    t->sendLine("QUERY VIRTUAL");
    std::string out = t->readUntil("DASD 191 [^\\n]*\\n");
    CHECK_TEXT(out.find("291") == std::string::npos, out.c_str());
    t->sendLine("DETACH 291");
    t->readUntil("CPX305E Device 291 does not exist");
    t->sendLine("DETACH 009");
    t->readUntil("CPX306E The console cannot be detached");
}

SYSTEM_TEST(Minidisk, TwoUsersShareADiskThroughLinks)
{
    CpSystem sys("mdisk-share");
    auto owner = logon(sys, 0x0020, "USER7", "PASS7");
    auto other = logon(sys, 0x0021, "USER8", "PASS8");
    auto third = logon(sys, 0x0022, "USER1", "PASS1");

    // USER7 has its 191 read/write; W wants nobody else on it, M wants no writer
    other->sendLine("LINK USER7 191 291 W WUSER7");
    other->readUntil("CPX304E LINK USER7 191 refused: the minidisk is in use");
    other->sendLine("LINK USER7 191 291 M MUSER7");
    other->readUntil("CPX304E LINK USER7 191 refused: the minidisk is in use");
    other->sendLine("LINK USER7 191 291 MW WUSER7");   // the write password will not do
    other->readUntil("CPX304E LINK USER7 191 refused: [^\\n]*password");
    other->sendLine("LINK USER7 191 291 MW MUSER7");
    other->readUntil("DASD 291 LINKED R/W");
    // with writers on it, R is refused and RR is granted
    third->sendLine("LINK USER7 191 391 R RUSER7");
    third->readUntil("CPX304E LINK USER7 191 refused: the minidisk is in use");
    third->sendLine("LINK USER7 191 391 RR RUSER7");
    third->readUntil("DASD 391 LINKED R/O");

    owner->sendLine("QUERY LINKS 191");
    std::string links = owner->readUntil("USER7 +191 ON CPUSR1 CYL 25-28:\\n[^\\n]*\\n");
    CHECK_TEXT(links.find("USER7    191 R/W") != std::string::npos, links.c_str());
    CHECK_TEXT(links.find("USER8    291 R/W") != std::string::npos, links.c_str());
    CHECK_TEXT(links.find("USER1    391 R/O") != std::string::npos, links.c_str());

    // what USER8 writes through its link, USER7 and USER1 read on theirs
    checkAllPassed(runGuest(*other, "TMDISKE PARM WRITE 77 291"), 1);
    checkAllPassed(runGuest(*owner, "TMDISKE PARM CHECK 77 191"), 1);
    checkAllPassed(runGuest(*third, "TMDISKE PARM CHECK 77 391"), 1);
    // and a different pattern is told apart
    GuestResult wrong = runGuest(*owner, "TMDISKE PARM CHECK 78 191");
    CHECK_EQUAL(1, wrong.failures);

    // USER1's read-only link cannot write
    GuestResult ro = runGuest(*third, "TMDISKE PARM WRITE 5 391");
    CHECK_EQUAL(1, ro.failures);
    checkAllPassed(runGuest(*owner, "TMDISKE PARM CHECK 77 191"), 1);

    other->sendLine("DETACH 291");
    other->readUntil("DASD 291 DETACHED");
    owner->sendLine("QUERY LINKS 191");
    links = owner->readUntil("CYL 25-28:\\n[^\\n]*\\n");
    CHECK_TEXT(links.find("USER8") == std::string::npos, links.c_str());
}

SYSTEM_TEST(Minidisk, DataSurvivesLogoffShutdownAndReIpl)
{
    CpSystem sys("mdisk-persist");
    {
        auto t = logon(sys, 0x0020, "USER2", "PASS2");
        checkAllPassed(runGuest(*t, "TMDISKE PARM WRITE 4242"), 1);
        t->sendLine("LOGOFF");
        t->readUntil("LOGOFF AT");
    }
    {
        auto t = logon(sys, 0x0021, "USER2", "PASS2");
        checkAllPassed(runGuest(*t, "TMDISKE PARM CHECK 4242"), 1);
    }
    std::string out = sys.opcmd("SHUTDOWN", "CPX960I[^\\n]*\\n");
    CHECK(out.find("SYSTEM SHUTDOWN COMPLETE") != std::string::npos);
    sys.restart();
    auto t = logon(sys, 0x0020, "USER2", "PASS2");
    checkAllPassed(runGuest(*t, "TMDISKE PARM CHECK 4242"), 1);
}

SYSTEM_TEST(Minidisk, VirtualMachineIplsFromItsMinidisk)
{
    CpSystem sys("mdisk-ipl");
    auto t = logon(sys, 0x0020, "USER3", "PASS3");
    checkAllPassed(runGuest(*t, "TMKIPLE"), 1);
    t->sendLine("IPL 191");
    t->readUntil("IPL FROM DISK OK\\n");
    t->readUntil("CPX400W Disabled wait state, PSW 000A0000 0000B007");
    t->sendLine("IPL 009");
    t->readUntil("CPX037E Device 009 cannot be IPLed: not a minidisk or reader");
    t->sendLine("IPL 190");                         // a CMS disk with no IPL record
    t->readUntil("CPX038E IPL from 190 failed: [^\\n]*\\n");
    t->sendLine("IPL 191");                         // and the good one still works
    t->readUntil("IPL FROM DISK OK\\n");
}

SYSTEM_TEST(Minidisk, AVanishedVolumeIsAnErrorForTheGuestAndANoteForTheOperator)
{
    CpSystem sys("mdisk-gone");
    auto t = logon(sys, 0x0020, "USER4", "PASS4");
    checkAllPassed(runGuest(*t, "TMDISKE PARM WRITE 9"), 1);
    sys.herc().command("detach 0131");
    GuestResult r = runGuest(*t, "TMDISKE PARM CHECK 9");
    CHECK_EQUAL(1, r.failures);
    sys.op().readUntil("CPX151W DASD 0131 not operational for minidisk 191 of USER4");
    // CP goes on serving
    t->sendLine("QUERY VIRTUAL");
    t->readUntil("DASD 191 [^\\n]*\\n");
}
