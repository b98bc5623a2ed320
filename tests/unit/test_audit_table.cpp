// test_audit_table.cpp - the guest audit's case list against the tables.
//
// tests/guest/taudit.def lists what the guest test TAUDITB/TAUDITE runs:
// one case per instruction, with what a S/370 guest must get for it in the
// virtual supervisor and problem states.  Here the list is held against
// arch370/insn_table.c (which instructions are sensitive or trap) and
// cp/vm/priv.def (which ones CP simulates): a sensitive or trapping row
// without a case, a case for an instruction the table does not hold, or an
// expectation the two tables contradict fails the build's tests before
// any guest runs.
extern "C" {
#include "arch370/insn.h"
#include "arch370/pgm.h"
}
#include <CppUTest/TestHarness.h>
#include <string>

namespace {

enum Expect { DONE = 0, OPERATION = PGM_OPERATION, PRIVILEGED = PGM_PRIVILEGED };

struct AuditCase {
    u16 key;
    const char *mnemonic;
    int supervisor, problem;
    u8 bytes[6];
};

const AuditCase cases[] = {
#define AUDIT(key, mnemonic, sup, prob, ...) { 0x##key, #mnemonic, sup, prob, { __VA_ARGS__ } },
#include "tests/guest/taudit.def"
#undef AUDIT
};

const u16 simulated[] = {
#define PRIV(key, mnemonic, handler, file, kind, note) 0x##key,
#include "cp/vm/priv.def"
#undef PRIV
};

const unsigned ncases = sizeof cases / sizeof cases[0];

bool is_simulated(u16 key)
{
    for (u16 k : simulated)
        if (k == key)
            return true;
    return false;
}

const AuditCase *case_of(u16 key)
{
    for (const AuditCase &c : cases)
        if (c.key == key)
            return &c;
    return nullptr;
}

// The rows the audit must run: every sensitive instruction, and every
// instruction the real CPU does not let a guest run (CP decides for it).
bool needs_case(const insn_info *e)
{
    return e->pg != PG_INNOCUOUS || insn_traps390(e);
}

// What the Principles of Operation and CP's tables say a S/370 guest gets.
void expected(const insn_info *e, int *sup, int *prob)
{
    if (!insn_traps390(e)) {                    // runs on the real CPU
        *sup = *prob = DONE;
    } else if (e->flags & INSN_ESA_ONLY) {      // no such S/370 instruction
        *sup = *prob = OPERATION;
    } else if (!(e->flags & INSN_PRIV370)) {    // MONITOR CALL: a problem-state
        *sup = *prob = DONE;                    // instruction CP completes
    } else if (is_simulated(e->opcode)) {
        *sup = DONE;
        *prob = PRIVILEGED;                     // semiprivileged ones too: the
    } else {                                    // guest runs with CR0, CR3 zero
        *sup = *prob = OPERATION;               // a facility not offered
    }
}

std::string name(const insn_info *e)
{
    return std::string(e->mnemonic);
}

} // namespace

TEST_GROUP(AuditCases) {};

TEST(AuditCases, EverySensitiveOrTrappingRowHasAGuestCase)
{
    std::string missing;
    for (unsigned i = 0; i < insn_table_size; i++)
        if (needs_case(&insn_table[i]) && !case_of(insn_table[i].opcode))
            missing += " " + name(&insn_table[i]);
    CHECK_TEXT(missing.empty(), ("no AUDIT row in tests/guest/taudit.def for:" + missing).c_str());
}

TEST(AuditCases, EveryCaseIsARowOfTheTableThatNeedsOne)
{
    for (const AuditCase &c : cases) {
        const insn_info *e = insn_lookup(c.key);
        CHECK_TEXT(e != nullptr, c.mnemonic);
        STRCMP_EQUAL_TEXT(e->mnemonic, c.mnemonic, c.mnemonic);
        CHECK_TEXT(needs_case(e), (std::string(c.mnemonic) + " is innocuous and never traps").c_str());
    }
}

TEST(AuditCases, CasesAreSortedAndUnique)
{
    for (unsigned i = 1; i < ncases; i++)
        CHECK_TEXT(cases[i - 1].key < cases[i].key, cases[i].mnemonic);
}

TEST(AuditCases, EachCaseRunsTheInstructionItNames)
{
    for (const AuditCase &c : cases) {
        insn in;
        insn_decode(c.bytes, &in);
        LONGS_EQUAL_TEXT(c.key, in.opkey, c.mnemonic);
        // the bytes after the instruction must be unused (zero), or the
        // list says something other than what the guest runs
        for (unsigned b = in.len; b < sizeof c.bytes; b++)
            LONGS_EQUAL_TEXT(0, c.bytes[b], c.mnemonic);
    }
}

TEST(AuditCases, ExpectationsFollowFromTheInstructionTableAndCpsTable)
{
    for (const AuditCase &c : cases) {
        const insn_info *e = insn_lookup(c.key);
        int sup, prob;
        if (!e)
            continue;                           // reported above
        expected(e, &sup, &prob);
        LONGS_EQUAL_TEXT(sup, c.supervisor, (name(e) + " in the supervisor state").c_str());
        LONGS_EQUAL_TEXT(prob, c.problem, (name(e) + " in the problem state").c_str());
    }
}

TEST(AuditCases, EverySimulatedInstructionIsAPrivilegedS370Row)
{
    for (u16 key : simulated) {
        const insn_info *e = insn_lookup(key);
        CHECK_TEXT(e != nullptr, "cp/vm/priv.def names a key the table does not have");
        CHECK_TEXT((e->flags & INSN_S370) && (e->flags & INSN_PRIV370), e->mnemonic);
    }
    for (unsigned i = 1; i < sizeof simulated / sizeof simulated[0]; i++)
        CHECK_TEXT(simulated[i - 1] < simulated[i], "cp/vm/priv.def must be sorted by key");
}
