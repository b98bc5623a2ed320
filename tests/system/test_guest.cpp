// test_guest.cpp - the guest suite: S/370 programs run under CP, each
// checking architectural rules from inside a virtual machine, in BC and
// in EC mode.  The cases themselves are in tests/guest/*.c.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include <CppUTest/TestHarness.h>
#include <regex>
#include <sstream>

TEST_GROUP(GuestSuite) {};

static void expectAllPassed(const GuestResult &r, int atLeast)
{
    CHECK_TEXT(r.failures == 0, ("failed cases:" + failures(r)).c_str());
    CHECK_TEXT(r.cases >= atLeast, ("too few cases ran:\n" + r.output).c_str());
    LONGS_EQUAL(r.cases, (long)r.passed.size());
}

SYSTEM_TEST(GuestSuite, PrivilegedAndIoInstructionsBcMode)
{
    CpSystem sys("guest-tpriv-bc");
    GuestResult r = runGuest(sys.op(), "TPRIVB");
    expectAllPassed(r, 60);
    // all passed: the wait PSW carries 0 failures
    CHECK(r.output.find("CPX400W Disabled wait state, PSW 00020000 00000000; VM stopped") !=
          std::string::npos);
}

SYSTEM_TEST(GuestSuite, PrivilegedAndIoInstructionsEcMode)
{
    CpSystem sys("guest-tpriv-ec");
    GuestResult r = runGuest(sys.op(), "TPRIVE");
    expectAllPassed(r, 60);
    // all passed: the wait PSW carries 0 failures
    CHECK(r.output.find("CPX400W Disabled wait state, PSW 000A0000 00000000; VM stopped") !=
          std::string::npos);
}

static void interrupts(const char *name, const char *dir)
{
    CpSystem sys(dir);
    Telnet3215 &op = sys.op();
    op.sendLine(std::string("IPL ") + name);
    std::string out = op.readUntil("WAITING FOR EXTERNAL\\n", 30);
    op.sendLine("#CP EXTERNAL");
    out += op.readUntil("WAITING FOR RESTART\\n", 10);
    op.sendLine("#CP SYSTEM RESTART");
    out += op.readUntil("SUMMARY [^\\n]*\\n", 10);
    GuestResult r;
    r.output = out;
    // reuse the parser through a second pass
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("PASS ", 0) == 0) r.passed.push_back(line);
        if (line.rfind("FAIL ", 0) == 0) r.failed.push_back(line.substr(5));
    }
    std::smatch m;
    CHECK(std::regex_search(out, m, std::regex("SUMMARY (\\d+) cases, (\\d+) failed")));
    r.cases = std::stoi(m[1]);
    r.failures = std::stoi(m[2]);
    expectAllPassed(r, 15);
}

SYSTEM_TEST(GuestSuite, InterruptionsOfEveryClassBcMode)
{
    interrupts("TINTRB", "guest-tintr-bc");
}

SYSTEM_TEST(GuestSuite, InterruptionsOfEveryClassEcMode)
{
    interrupts("TINTRE", "guest-tintr-ec");
}

TEST_GROUP(VirtualMachine) {};

SYSTEM_TEST(VirtualMachine, ProgramWritesToTheTerminalAndReadsWhatTheUserTypes)
{
    CpSystem sys("vm-echo");
    Telnet3215 &op = sys.op();
    op.sendLine("IPL TECHOE");
    op.readUntil("TECHO READY");
    op.sendLine("hello, virtual machine");
    op.readUntil("ECHO: hello, virtual machine \\(22\\)");
    op.sendLine("#CP QUERY TIME");                      // CP while the VM runs
    op.readUntil("TOTCPU=");
    op.sendLine("end");
    op.readUntil("TECHO DONE");
    op.readUntil("CPX400W Disabled wait state");
}

SYSTEM_TEST(VirtualMachine, DisplayAndStoreRegistersPswAndStorage)
{
    CpSystem sys("vm-display");
    Telnet3215 &op = sys.op();
    op.sendLine("IPL TECHOB");
    op.readUntil("TECHO READY");
    op.sendBreak();                                     // attention: CP READ
    op.readUntil("CP READ");
    op.sendLine("STORE G5 12345678");
    op.sendLine("DISPLAY G5");
    op.readUntil("GPR  5 = 12345678");
    op.sendLine("STORE S3000 C1C2C3");
    op.sendLine("DISPLAY T3000.3");
    op.readUntil("003000  C1C2C300 +\\*ABC\\.");
    op.sendLine("DISPLAY PSW");
    op.readUntil("PSW = FE020000 [0-9A-F]{8}");        // BC mode, waiting for I/O
    op.sendLine("DISPLAY 2000000");
    op.readUntil("CPX036E Address 2000000 is beyond your storage|CPX004E");
    op.sendLine("BEGIN");
    op.sendLine("still here");
    op.readUntil("ECHO: still here");
}

SYSTEM_TEST(VirtualMachine, DefineStorageChangesWhatDiagnose60Reports)
{
    CpSystem sys("vm-define");
    Telnet3215 &op = sys.op();
    op.sendLine("DEFINE STORAGE 2M");
    op.readUntil("STORAGE = 02048K");
    op.sendLine("DEFINE STORAGE 99M");
    op.readUntil("CPX004E Invalid storage size");
    op.sendLine("DEFINE STORAGE");
    op.readUntil("CPX003E");
    // TPRIV checks that X'60' agrees with where addressing exceptions begin
    GuestResult r = runGuest(op, "TPRIVE");
    CHECK_EQUAL(0, r.failures);
    CHECK(r.output.find("PASS DIAGNOSE X'60' gives the virtual storage size") != std::string::npos);
}

SYSTEM_TEST(VirtualMachine, IplOfAnUnknownSystemIsRefused)
{
    CpSystem sys("vm-ipl-unknown");
    std::string out = sys.opcmd("IPL NOSUCH", "CPX031E[^\\n]*\\n");
    CHECK(out.find("System NOSUCH does not exist") != std::string::npos);
    out = sys.opcmd("IPL", "CPX003E[^\\n]*\\n");
    CHECK(out.find("IPL needs") != std::string::npos);
}

SYSTEM_TEST(VirtualMachine, RandomBytesAsInstructionsCannotStopCp)
{
    CpSystem sys("vm-random");
    Telnet3215 &op = sys.op();
    auto other = sys.terminal(0x0020);
    other->readUntil("Enter LOGON userid");
    op.sendLine("IPL TRANDOME");
    op.readUntil("PHASE1 DONE 20000 blocks", 60);
    // phase 2 ends in a summary, or CP stops the wrecked guest with a
    // message, or the wrecked guest loops for ever: all are allowed
    op.expect("SUMMARY|CPX40[0-5]", 20);
    op.sendLine("#CP QUERY TIME");
    op.readUntil("TOTCPU=");
    other->sendLine("hello");                           // another terminal still served
    other->readUntil("CPX105E Enter LOGON userid");
    op.sendBreak();
    op.readUntil("CP READ");
    op.sendLine("QUERY CPLEVEL");
    op.readUntil("cp370");
}
