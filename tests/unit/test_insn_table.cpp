// test_insn_table.cpp - the instruction table and the audit generated from it.
extern "C" {
#include "arch370/insn.h"
#include "assembler-tools/sensdoc/sensdoc.h"
}
#include <CppUTest/TestHarness.h>
#include <cstdio>
#include <cstdlib>
#include <string>

static std::string slurp(FILE *f)
{
    std::string s;
    char buf[4096];
    size_t n;

    rewind(f);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        s.append(buf, n);
    return s;
}

static std::string generated_audit()
{
    FILE *f = tmpfile();
    CHECK_TEXT(f != NULL, "cannot create a temporary file");
    LONGS_EQUAL(0, sensdoc_write(f));
    std::string s = slurp(f);
    fclose(f);
    return s;
}

// Runs sensdoc_check on the given tables; returns its messages.
static std::string check_messages(const struct insn_info *t, unsigned tn,
                                  const struct cp_handling *h, unsigned hn, unsigned *problems,
                                  const struct cp_simulated *sim = NULL, unsigned sn = 0)
{
    struct sensdoc_tables x = { t, tn, h, hn, sim, sn };
    FILE *f = tmpfile();
    CHECK_TEXT(f != NULL, "cannot create a temporary file");
    *problems = sensdoc_check(&x, f);
    std::string s = slurp(f);
    fclose(f);
    return s;
}

static unsigned format_length(u8 fmt)
{
    switch (fmt) {
    case FMT_E: case FMT_RR:
        return 2;
    case FMT_RX: case FMT_RS: case FMT_SI: case FMT_S: case FMT_RRE: case FMT_RI: case FMT_RSI:
        return 4;
    case FMT_UNKNOWN:
        return 0;
    default:
        return 6;
    }
}

TEST_GROUP(InstructionTable) {};

TEST(InstructionTable, EverySensitiveS370InstructionTrapsOnTheRealMachine)
{
    // Popek and Goldberg: a sensitive instruction must trap when the guest,
    // always in real problem state, issues it.
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];
        if ((e->flags & INSN_S370) && e->pg != PG_INNOCUOUS)
            CHECK_TEXT(insn_traps390(e), e->mnemonic);
    }
}

TEST(InstructionTable, EveryRowIsFoundUnderTheKeyTheDecoderComputes)
{
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];
        u8 b[6] = { (u8)(e->opcode >> 8), (u8)e->opcode, 0, 0, 0, 0 };
        LONGS_EQUAL_TEXT(e->opcode, insn_opkey(b), e->mnemonic);
        POINTERS_EQUAL_TEXT(e, insn_lookup(e->opcode), e->mnemonic);
    }
}

TEST(InstructionTable, FormatLengthIsTheLengthTheOpcodeImplies)
{
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];
        LONGS_EQUAL_TEXT(insn_length((u8)(e->opcode >> 8)), format_length(e->fmt), e->mnemonic);
    }
}

TEST(InstructionTable, FlagsGiveOneOriginAndAtMostOneWayToTrap)
{
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];
        bool s370 = e->flags & INSN_S370, esa = e->flags & INSN_ESA_ONLY;
        unsigned ways = !!(e->flags & INSN_PRIV390) + !!(e->flags & INSN_SEMI390)
                      + !!(e->flags & INSN_IO370) + !!(e->flags & INSN_UNDEF390);
        CHECK_TEXT(s370 != esa, e->mnemonic);
        CHECK_TEXT(ways <= 1, e->mnemonic);
        if (e->flags & (INSN_IO370 | INSN_UNDEF390 | INSN_PRIV370))
            CHECK_TEXT(s370, e->mnemonic);
        CHECK_TEXT(e->name && e->name[0], e->mnemonic);
    }
}

TEST(InstructionTable, RelativeBranchImmediateIsSignExtended)
{
    const u8 brc[] = {0xA7, 0xF4, 0xFF, 0xFE};
    struct insn in;
    insn_decode(brc, &in);
    STRCMP_EQUAL("BRC", in.info->mnemonic);
    LONGS_EQUAL(FMT_RI, in.fmt);
    LONGS_EQUAL(15, in.r1);
    LONGS_EQUAL(0xFFFFFFFEu, in.i32);
}

TEST(InstructionTable, LarlTakesAThirtyTwoBitImmediate)
{
    const u8 larl[] = {0xC0, 0x10, 0x00, 0x01, 0x00, 0x00};
    struct insn in;
    insn_decode(larl, &in);
    STRCMP_EQUAL("LARL", in.info->mnemonic);
    LONGS_EQUAL(6, in.len);
    LONGS_EQUAL(1, in.r1);
    LONGS_EQUAL(0x10000, in.i32);
}

TEST(InstructionTable, ExtendedOpcodeGroupsStillDecodeTheirOperands)
{
    // LRV 1,X'456'(2,3): the E3 opcode extension sits in the last byte.
    const u8 lrv[] = {0xE3, 0x12, 0x34, 0x56, 0x00, 0x1E};
    struct insn in;
    insn_decode(lrv, &in);
    CHECK(in.info != NULL);
    LONGS_EQUAL(FMT_RXE, in.fmt);
    LONGS_EQUAL(1, in.r1);
    LONGS_EQUAL(2, in.x2);
    LONGS_EQUAL(3, in.b2);
    LONGS_EQUAL(0x456, in.d2);
}

TEST(InstructionTable, RseGroupDecodesLikeRsWithSixBytes)
{
    // RLL 1,3,X'456'(2)
    const u8 rll[] = {0xEB, 0x13, 0x24, 0x56, 0x00, 0x1D};
    struct insn in;
    insn_decode(rll, &in);
    LONGS_EQUAL(FMT_RSE, in.fmt);
    LONGS_EQUAL(6, in.len);
    LONGS_EQUAL(1, in.r1);
    LONGS_EQUAL(3, in.r3);
    LONGS_EQUAL(2, in.b2);
    LONGS_EQUAL(0x456, in.d2);
}

TEST_GROUP(SensitivityAudit) {};

TEST(SensitivityAudit, CommittedFileIsWhatTheGeneratorWritesNow)
{
    const char *src = getenv("CP370_SRC");
    std::string path = std::string(src ? src : ".") + "/docs/history/sensitivity.md";
    FILE *f = fopen(path.c_str(), "r");
    CHECK_TEXT(f != NULL, ("cannot open " + path).c_str());
    std::string committed = slurp(f);
    fclose(f);
    std::string fresh = generated_audit();
    if (committed == fresh)
        return;
    unsigned line = 1;
    size_t at = 0;
    while (at < committed.size() && at < fresh.size() && committed[at] == fresh[at])
        line += committed[at++] == '\n';
    std::string msg = path + " differs from the tables from line " + std::to_string(line) +
                      "; run `make` (or `make sensdoc`) and commit the result";
    FAIL(msg.c_str());
}

TEST(SensitivityAudit, FirstLineSaysTheFileIsGenerated)
{
    std::string doc = generated_audit();
    std::string first = doc.substr(0, doc.find('\n'));
    CHECK(first.rfind("<!-- Generated by assembler-tools/sensdoc", 0) == 0);
    CHECK(first.find("Do not edit") != std::string::npos);
}

TEST(SensitivityAudit, TablesCoverEverythingTheAuditMustSay)
{
    unsigned problems;
    std::string msgs = check_messages(insn_table, insn_table_size, sensdoc_handlings,
                                      sensdoc_handlings_size, &problems, sensdoc_simulated,
                                      sensdoc_simulated_size);
    CHECK_TEXT(problems == 0, msgs.c_str());
}

TEST(SensitivityAudit, EverySensitiveS370InstructionIsListedInSectionOne)
{
    std::string doc = generated_audit();
    size_t from = doc.find("## 1."), to = doc.find("## 2.");
    CHECK(from != std::string::npos && to != std::string::npos);
    std::string section = doc.substr(from, to - from);
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];
        std::string cells = std::string("| ") + e->mnemonic + " | " + e->name + " |";
        bool listed = section.find(cells) != std::string::npos;
        bool sensitive = (e->flags & INSN_S370) && e->pg != PG_INNOCUOUS;
        CHECK_TEXT(listed == sensitive, e->mnemonic);
    }
}

TEST(SensitivityAudit, ReassignedS370OpcodesAreEsa390InstructionsInTheTable)
{
    for (unsigned i = 0; i < sensdoc_reassigned_size; i++) {
        const struct insn_info *now = insn_lookup(sensdoc_reassigned[i].opkey);
        CHECK_TEXT(now != NULL, sensdoc_reassigned[i].mnemonic);
        CHECK_TEXT(now->flags & INSN_ESA_ONLY, sensdoc_reassigned[i].mnemonic);
    }
}

TEST(SensitivityAudit, OpcodesArePrintedAsThePrinciplesOfOperationPrintThem)
{
    char buf[8];
    STRCMP_EQUAL("82", sensdoc_opcode(insn_lookup(0x8200), buf, sizeof buf));
    STRCMP_EQUAL("B20A", sensdoc_opcode(insn_lookup(0xB20A), buf, sizeof buf));
    STRCMP_EQUAL("A7x4", sensdoc_opcode(insn_lookup(0xA704), buf, sizeof buf));
    STRCMP_EQUAL("9C01", sensdoc_opcode(insn_lookup(0x9C01), buf, sizeof buf));
}

// ---- a bad table gets a message naming the instruction -------------------

static const struct insn_info ssm_row[] = {
    { 0x8000, "SSM", FMT_S, INSN_S370 | INSN_PRIV370 | INSN_PRIV390, PG_CONTROL,
      "Set System Mask" },
};

TEST(SensitivityAudit, SensitiveInstructionWithoutHandlingIsReportedByName)
{
    unsigned problems;
    std::string msgs = check_messages(ssm_row, 1, NULL, 0, &problems);
    LONGS_EQUAL(1, problems);
    CHECK(msgs.find("SDC002E SSM (X'80')") != std::string::npos);
}

TEST(SensitivityAudit, SensitiveS370InstructionThatRunsNativelyFailsTheCondition)
{
    static const struct insn_info row[] = {
        { 0xB205, "STCK", FMT_S, INSN_S370, PG_BEHAVIOUR, "Store Clock" },
    };
    static const struct cp_handling h[] = { { 0xB205, ACT_NO_FACILITY, NULL, "x" } };
    unsigned problems;
    std::string msgs = check_messages(row, 1, h, 1, &problems);
    LONGS_EQUAL(1, problems);
    CHECK(msgs.find("SDC001E STCK") != std::string::npos);
}

TEST(SensitivityAudit, ControlRegisterTrapWithoutItsControlIsReported)
{
    static const struct insn_info row[] = {
        { 0xB20B, "IPK", FMT_S, INSN_S370 | INSN_PRIV370 | INSN_SEMI390, PG_BEHAVIOUR,
          "Insert PSW Key" },
    };
    static const struct cp_simulated s[] = { { 0xB20B, "IPK", "priv_ipk", "f", ACT_SIMULATE, "x" } };
    unsigned problems;
    std::string msgs = check_messages(row, 1, NULL, 0, &problems, s, 1);
    LONGS_EQUAL(1, problems);
    CHECK(msgs.find("SDC003E IPK") != std::string::npos);
}

TEST(SensitivityAudit, HandlingRowWithoutInstructionIsReported)
{
    static const struct cp_handling h[] = {
        { 0x8000, ACT_NO_FACILITY, NULL, "x" },
        { 0x8200, ACT_NO_FACILITY, NULL, "x" },
    };
    unsigned problems;
    std::string msgs = check_messages(ssm_row, 1, h, 2, &problems);
    LONGS_EQUAL(1, problems);
    CHECK(msgs.find("SDC007E handling row X'8200'") != std::string::npos);
}

TEST(SensitivityAudit, UnsortedHandlingRowsAreReported)
{
    static const struct cp_handling h[] = {
        { 0x8200, ACT_NO_FACILITY, NULL, "x" },
        { 0x8000, ACT_NO_FACILITY, NULL, "x" },
    };
    unsigned problems;
    std::string msgs = check_messages(ssm_row, 1, h, 2, &problems);
    CHECK(problems >= 1);
    CHECK(msgs.find("SDC006E") != std::string::npos);
}

// ---- the CP column is CP's own table, cp/vm/priv.def ---------------------

static const struct cp_simulated ssm_sim[] = {
    { 0x8000, "SSM", "priv_ssm", "cp/vm/priv_psw.c", ACT_SIMULATE, "x" },
};

TEST(SensitivityAudit, SimulatedSensitiveInstructionNeedsNoHandlingRow)
{
    unsigned problems;
    std::string msgs = check_messages(ssm_row, 1, NULL, 0, &problems, ssm_sim, 1);
    LONGS_EQUAL_TEXT(0, problems, msgs.c_str());
}

TEST(SensitivityAudit, HandlingRowMayNotCallAnInstructionSimulated)
{
    static const struct cp_handling h[] = { { 0x8000, ACT_SIMULATE, NULL, "x" } };
    unsigned problems;
    std::string msgs = check_messages(ssm_row, 1, h, 1, &problems);
    CHECK(msgs.find("SDC009E SSM (X'80') is called simulated in handling.c") != std::string::npos);
}

TEST(SensitivityAudit, HandlingThatRefusesWhatCpSimulatesIsReported)
{
    static const struct cp_handling h[] = { { 0x8000, ACT_NO_FACILITY, NULL, "x" } };
    unsigned problems;
    std::string msgs = check_messages(ssm_row, 1, h, 1, &problems, ssm_sim, 1);
    LONGS_EQUAL(1, problems);
    CHECK(msgs.find("SDC009E SSM (X'80') is simulated in cp/vm/priv.def") != std::string::npos);
}

TEST(SensitivityAudit, SimulationOfAnUnprivilegedInstructionIsReported)
{
    static const struct insn_info row[] = {
        { 0x1800, "LR", FMT_RR, INSN_S370, PG_INNOCUOUS, "Load Register" },
    };
    static const struct cp_simulated s[] = { { 0x1800, "LR", "priv_lr", "f", ACT_SIMULATE, "x" } };
    unsigned problems;
    std::string msgs = check_messages(row, 1, NULL, 0, &problems, s, 1);
    LONGS_EQUAL(1, problems);
    CHECK(msgs.find("SDC008E LR (X'18')") != std::string::npos);
}

TEST(SensitivityAudit, SimulationOfAnUnknownInstructionIsReported)
{
    static const struct cp_simulated s[] = {
        { 0x8000, "SSM", "priv_ssm", "f", ACT_SIMULATE, "x" },
        { 0xB2EE, "XYZ", "priv_xyz", "f", ACT_SIMULATE, "x" },
    };
    unsigned problems;
    std::string msgs = check_messages(ssm_row, 1, NULL, 0, &problems, s, 2);
    LONGS_EQUAL(1, problems);
    CHECK(msgs.find("SDC007E cp/vm/priv.def row X'B2EE'") != std::string::npos);
}

// Every "simulated" in section 1 names the handler cp/vm/priv.def gives,
// and no row CP does not simulate is called simulated.
TEST(SensitivityAudit, SectionOneCallsSimulatedExactlyWhatCpSimulates)
{
    std::string doc = generated_audit();
    size_t from = doc.find("## 1."), to = doc.find("## 2.");
    std::string section = doc.substr(from, to - from);
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];
        size_t at = section.find(std::string("| ") + e->mnemonic + " | " + e->name + " |");
        if (at == std::string::npos)
            continue;
        std::string row = section.substr(at, section.find('\n', at) - at);
        const struct cp_simulated *s =
            sensdoc_simulation(sensdoc_simulated, sensdoc_simulated_size, e->opcode);
        bool says = row.find("| simulated") != std::string::npos ||
                    row.find("| DIAGNOSE service") != std::string::npos;
        CHECK_TEXT(says == (s != NULL), row.c_str());
        if (s)
            CHECK_TEXT(row.find(std::string("`") + s->handler + "`") != std::string::npos,
                       row.c_str());
    }
}
