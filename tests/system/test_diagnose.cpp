// test_diagnose.cpp - the DIAGNOSE interface, from guest programs: one
// program per code (tests/guest/td*.c), each with its error paths, and a
// fuzz run of random register contents over every code.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include <CppUTest/TestHarness.h>
#include <regex>

TEST_GROUP(Diagnose) {};

SYSTEM_TEST(Diagnose, Code00StoresExtendedIdentification)
{
    CpSystem sys("diag-000");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    checkAllPassed(runGuest(*t, "TD000E PARM USER1"), 6);
}

SYSTEM_TEST(Diagnose, Code08IssuesCpCommands)
{
    CpSystem sys("diag-008");
    auto t = logon(sys, 0x0020, "USER2", "PASS2");
    t->sendLine("IPL TD008E PARM USER2");
    std::string out = t->readUntil("ENTERING CP READ\\n", 20);
    CHECK(out.find("USER2    AT CP370") != std::string::npos);   // the no-buffer case
    t->readUntil("CP READ");
    t->sendLine("BEGIN");
    GuestResult r;
    r.output = out + t->readUntil("SUMMARY [^\\n]*\\n");
    std::smatch m;
    CHECK(std::regex_search(r.output, m, std::regex("SUMMARY (\\d+) cases, (\\d+) failed")));
    CHECK_TEXT(m[2] == "0", r.output.c_str());
    CHECK(std::stoi(m[1]) >= 10);
}

SYSTEM_TEST(Diagnose, Code0CPseudoTimer)
{
    CpSystem sys("diag-00c");
    checkAllPassed(runGuest(sys.op(), "TD00CE"), 5);
}

SYSTEM_TEST(Diagnose, Code10ReleasesPages)
{
    CpSystem sys("diag-010");
    checkAllPassed(runGuest(sys.op(), "TD010E"), 5);
}

SYSTEM_TEST(Diagnose, Code24DeviceType)
{
    CpSystem sys("diag-024");
    checkAllPassed(runGuest(sys.op(), "TD024E"), 4);
}

SYSTEM_TEST(Diagnose, Code58ConsoleWriteAndRead)
{
    CpSystem sys("diag-058");
    Telnet3215 &op = sys.op();
    op.sendLine("IPL TD058E");
    op.readUntil("FIRST LINE\\nSECOND LINE\\n");
    op.readUntil("TYPE A LINE\\n");
    op.sendLine("hello there");
    op.readUntil("READ BACK: hello there");
    op.readUntil("TYPE A LONG LINE\\n");
    op.sendLine("abcdefgh");
    std::string out = op.readUntil("SUMMARY [^\\n]*\\n");
    CHECK_TEXT(out.find("0 failed") != std::string::npos, out.c_str());
}

SYSTEM_TEST(Diagnose, Code58ReadCanBeInterruptedByAttention)
{
    CpSystem sys("diag-058-attn");
    Telnet3215 &op = sys.op();
    op.sendLine("IPL TD058E");
    op.readUntil("TYPE A LINE\\n");
    op.sendBreak();
    op.readUntil("CP READ");
    op.sendLine("QUERY USERID");                          // CP, not the guest
    op.readUntil("OPERATOR AT CP370");
    op.sendLine("BEGIN");                                 // the read is issued again
    op.sendLine("hello there");
    op.readUntil("READ BACK: hello there");
}

SYSTEM_TEST(Diagnose, Code5CEditsMessagesPerSetEmsg)
{
    CpSystem sys("diag-05c");
    checkAllPassed(runGuest(sys.op(), "TD05CE"), 4);
}

SYSTEM_TEST(Diagnose, RandomRegistersForEveryCodeCannotHurtCp)
{
    CpSystem sys("diag-fuzz");
    auto other = logon(sys, 0x0021, "USER3", "PASS3");
    // a general user (class G), as an attacker would be
    auto fuzz = logon(sys, 0x0020, "USER2", "PASS2");
    // CP370_FUZZ_SEED (decimal, as the guest prints it) replays a run
    const char *seed = getenv("CP370_FUZZ_SEED");
    fuzz->sendLine(std::string("IPL TDFUZZE") + (seed ? std::string(" PARM ") + seed : ""));
    std::string out = fuzz->readUntil("SUMMARY [^\\n]*\\n", 120);
    CHECK_TEXT(out.find("TDFUZZ DONE") != std::string::npos, out.c_str());
    CHECK(out.find("0 failed") != std::string::npos);
    other->sendLine("QUERY USERID");                      // nothing else disturbed
    other->readUntil("USER3    AT CP370");
    sys.opcmd("QUERY USERID", "OPERATOR AT CP370");
}
