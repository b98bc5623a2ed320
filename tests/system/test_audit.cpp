// test_audit.cpp - the sensitivity audit run inside a virtual machine.
//
// TAUDITB and TAUDITE (tests/guest/taudit.c) execute every instruction of
// tests/guest/taudit.def - every sensitive or trapping row of the
// instruction table - in the virtual supervisor state and in the virtual
// problem state, directly and as the target of EXECUTE, and check what CP
// made of it.  The list of cases is read
// from the same file here, so a case that did not run, or ran under
// another name, fails the test just as a case that failed does.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include <CppUTest/TestHarness.h>
#include <algorithm>
#include <string>
#include <vector>

static const char *const audited[] = {
#define AUDIT(key, mnemonic, sup, prob, ...) #mnemonic,
#include "tests/guest/taudit.def"
#undef AUDIT
};

static bool passedCase(const GuestResult &r, const std::string &name)
{
    return std::find(r.passed.begin(), r.passed.end(), name) != r.passed.end();
}

static void everyInstructionInBothStates(const char *program, const char *dir)
{
    CpSystem sys(dir);
    GuestResult r = runGuest(sys.op(), program, 60);
    const int rows = sizeof audited / sizeof audited[0];

    checkAllPassed(r, 4 * rows);
    for (const char *mnemonic : audited) {
        for (const char *how : { "", " as the target of EXECUTE" }) {
            for (const char *state : { "supervisor", "problem" }) {
                std::string name = std::string(mnemonic) + how + " in the " + state + " state";
                CHECK_TEXT(passedCase(r, name),
                           ("no PASS line for " + name + "\n" + r.output).c_str());
            }
        }
    }
}

TEST_GROUP(SensitivityAudit) {};

SYSTEM_TEST(SensitivityAudit, EverySensitiveInstructionInBothStatesBcMode)
{
    everyInstructionInBothStates("TAUDITB", "audit-bc");
}

SYSTEM_TEST(SensitivityAudit, EverySensitiveInstructionInBothStatesEcMode)
{
    everyInstructionInBothStates("TAUDITE", "audit-ec");
}
