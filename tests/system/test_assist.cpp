// test_assist.cpp - SET ASSIST: the short path (cp/vm/assist.c) changes
// what a trap costs, never what the guest sees.  The same guest programs
// run with ASSIST ON and OFF on one system and must give the same
// verdicts, case for case.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include <regex>

#include <CppUTest/TestHarness.h>

TEST_GROUP(Assist) {};

static void assist(Telnet3215 &t, const char *how)
{
    t.sendLine(std::string("SET ASSIST ") + how);
    t.sendLine("QUERY SET");
    t.readUntil(std::string("ASSIST ") + how + "\\n");
}

// run program with ASSIST ON, then OFF: all passed both times, same cases
static void sameOnAndOff(const char *dir, const char *program, int atLeast, double seconds = 60)
{
    CpSystem sys(dir);
    Telnet3215 &op = sys.op();
    assist(op, "ON");
    GuestResult on = runGuest(op, program, seconds);
    assist(op, "OFF");
    GuestResult off = runGuest(op, program, seconds);
    checkAllPassed(on, atLeast);
    checkAllPassed(off, atLeast);
    CHECK_TEXT(on.passed == off.passed, "the cases passed differ between ASSIST ON and OFF");
}

SYSTEM_TEST(Assist, SetAssistIsShownByQuerySetAndRefusesOtherWords)
{
    CpSystem sys("assist-set");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    t->sendLine("QUERY SET");
    t->readUntil("EMSG TEXT, [^\\n]*ASSIST ON\\n");          // the default
    t->sendLine("SET ASSIST MAYBE");
    t->readUntil("CPX003E SET ASSIST needs ON or OFF");
    assist(*t, "OFF");
    assist(*t, "ON");
}

SYSTEM_TEST(Assist, PrivilegedSuiteGivesTheSameResultsOnAndOffEcMode)
{
    sameOnAndOff("assist-tpriv-ec", "TPRIVE", 60);
}

SYSTEM_TEST(Assist, PrivilegedSuiteGivesTheSameResultsOnAndOffBcMode)
{
    sameOnAndOff("assist-tpriv-bc", "TPRIVB", 60);
}

SYSTEM_TEST(Assist, AuditGivesTheSameResultsOnAndOffEcMode)
{
    sameOnAndOff("assist-audit-ec", "TAUDITE", 100, 120);
}

SYSTEM_TEST(Assist, AuditGivesTheSameResultsOnAndOffBcMode)
{
    sameOnAndOff("assist-audit-bc", "TAUDITB", 100, 120);
}

// TINTR to its SUMMARY line, the EXTERNAL and RESTART it waits for typed
// as a user would
static GuestResult interruptions(Telnet3215 &t, const char *program)
{
    GuestResult r;
    t.sendLine(std::string("IPL ") + program);
    r.output = t.readUntil("WAITING FOR EXTERNAL\\n", 60);
    t.sendLine("#CP EXTERNAL");
    r.output += t.readUntil("WAITING FOR RESTART\\n", 60);
    t.sendLine("#CP SYSTEM RESTART");
    r.output += t.readUntil("SUMMARY [^\\n]*\\n", 60);
    t.readUntil("CPX400W [^\\n]*VM stopped\\n", 60);
    std::regex line("(PASS|FAIL) ([^\n]*)\n");
    for (std::sregex_iterator it(r.output.begin(), r.output.end(), line), end; it != end; ++it)
        ((*it)[1] == "PASS" ? r.passed : r.failed).push_back((*it)[2]);
    std::smatch m;
    if (std::regex_search(r.output, m, std::regex("SUMMARY (\\d+) cases, (\\d+) failed"))) {
        r.cases = std::stoi(m[1]);
        r.failures = std::stoi(m[2]);
    }
    return r;
}

// timers and interruptions made pending by SSM, STOSM, LPSW, LCTL, SCKC
// and SPT, each taken right after its instruction, whichever path
// simulated it
SYSTEM_TEST(Assist, InterruptionsAndTimersTheSameOnAndOff)
{
    for (const char *program : { "TINTRE", "TINTRB" }) {
        CpSystem sys(std::string("assist-tintr-") + program);
        Telnet3215 &op = sys.op();
        assist(op, "ON");
        GuestResult on = interruptions(op, program);
        assist(op, "OFF");
        GuestResult off = interruptions(op, program);
        checkAllPassed(on, 15);
        checkAllPassed(off, 15);
        CHECK_TEXT(on.passed == off.passed, "the cases passed differ between ASSIST ON and OFF");
    }
}

// The random-instruction guest with ASSIST OFF (VirtualMachine runs it
// with the default, ON): whatever it does, CP goes on serving others
SYSTEM_TEST(Assist, RandomInstructionsCannotStopCpWithAssistOff)
{
    CpSystem sys("assist-random-off");
    Telnet3215 &op = sys.op();
    auto other = sys.terminal(0x0020);
    other->readUntil("Enter LOGON userid");
    assist(op, "OFF");
    op.sendLine("IPL TRANDOME");
    op.readUntil("PHASE1 DONE 20000 blocks", 60);
    op.expect("SUMMARY|CPX40[0-5]", 20);
    op.sendLine("#CP QUERY TIME");
    op.readUntil("TOTCPU=");
    other->sendLine("hello");
    other->readUntil("CPX105E Enter LOGON userid");
}

// the virtual machine's exits so far, from INDICATE USER
static long exits(Telnet3215 &t)
{
    t.sendLine("#CP INDICATE USER");
    std::string out = t.readUntil("EXITS=[0-9]+", 10);
    std::smatch m;
    std::regex_search(out, m, std::regex("EXITS=([0-9]+)"));
    return std::stol(m[1]);
}

// A program check at the first instruction of the guest's own handler,
// again and again, stops the machine (CPX401E) whichever path reflects
// it: the interruption stub (a divide exception, ASSIST ON), CP's C code
// (ASSIST OFF, and a privileged operation in the problem state); CP and
// the operator go on.
SYSTEM_TEST(Assist, AProgramCheckLoopStopsTheMachineOnAndOff)
{
    CpSystem sys("assist-pgm-loop");
    Telnet3215 &op = sys.op();
    for (const char *how : { "ON", "OFF" }) {
        for (const char *parm : { "DIVIDE", "PRIV" }) {
            assist(op, how);
            long before = exits(op);
            op.sendLine(std::string("IPL TLOOPE PARM ") + parm);
            op.readUntil("PASS loop armed", 30);
            std::string out = op.readUntil("CPX401E Program check loop, PSW [^\\n]*VM stopped\\n", 30);
            CHECK_TEXT(out.find("the loop ended") == std::string::npos, out.c_str());
            // at the limit, not later: 32 in a row and the few of the IPL
            // and the program's line
            long n = exits(op) - before;
            CHECK_TEXT(n >= 32 && n < 100, (std::string(how) + " " + parm + ": " + std::to_string(n) + " exits").c_str());
        }
    }
}
