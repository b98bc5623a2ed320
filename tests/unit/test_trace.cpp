// test_trace.cpp - the lines TRACE writes for each class, from the hooks
// CP calls after it reflected an interruption or simulated an
// instruction, on a fake VM; and that NORUN stops the machine.
#include "fakevm.h"

extern "C" {
#include "cp/vm/trace.h"
#include "cp/mm/gmem.h"
#include "cp/kern/freestor.h"
#include "arch370/lowcore.h"
}
#include <CppUTest/TestHarness.h>
#include <string>
#include <vector>

static std::vector<std::string> lines;
static std::vector<unsigned> dests;

static void capture(struct vm *, unsigned dest, const char *line)
{
    lines.push_back(line);
    dests.push_back(dest);
}

TEST_GROUP(TraceLines)
{
    FakeVm *f;
    struct vmdebug *d;

    void setup()
    {
        f = new FakeVm(1 << 20);
        d = vmdebug_of(&f->vm);
        vmdebug_register(capture);
    }
    void teardown()
    {
        vmdebug_register(nullptr);
        kfree(f->vm.debug);
        f->vm.debug = nullptr;
        delete f;
        std::vector<std::string>().swap(lines);
        std::vector<unsigned>().swap(dests);
    }
    void trace(u32 classes, u8 dest = VMDEBUG_TERMINAL, bool run = true)
    {
        d->trace |= classes;
        for (unsigned i = 0; i < TRACE_CLASSES; i++)
            if (classes & (1u << i)) {
                d->trace_dest[i] = dest;
                d->trace_run[i] = run;
            }
    }
    // simulate: the instruction at 020120 as CP just did it
    void simulated(const u8 *bytes, int rc = 0)
    {
        struct insn in;
        insn_decode(bytes, &in);
        trace_simulated(&f->vm, &in, 0x20120, rc);
    }
};

TEST(TraceLines, NothingTracedNothingWritten)
{
    trace_interruption(&f->vm, LC370_SVC_OLD, 0x2A, 2, 0x070C000040020106ull);
    CHECK(lines.empty());
}

TEST(TraceLines, SvcWithItsAddressCodeAndPsws)
{
    trace(TRACE_SVC);
    f->vm.cpu.psw = 0x0004000000000800ull;                  // the new PSW, loaded
    trace_interruption(&f->vm, LC370_SVC_OLD, 0x2A, 2, 0x070C002A40020106ull);
    LONGS_EQUAL(1, lines.size());
    STRCMP_EQUAL("SVC      020104  0A2A          OLD 070C002A 40020106  NEW 00040000 00000800",
                 lines[0].c_str());
}

TEST(TraceLines, ProgramAndExternal)
{
    trace(TRACE_PROGRAM | TRACE_EXTERNAL);
    f->vm.cpu.psw = 0x0004000000000900ull;
    trace_interruption(&f->vm, LC370_PGM_OLD, 0x0001, 2, 0x070C000180020112ull);
    trace_interruption(&f->vm, LC370_EXT_OLD, 0x0040, 0, 0x0102004000020200ull);
    STRCMP_EQUAL("PROGRAM  020110  CODE 0001     OLD 070C0001 80020112  NEW 00040000 00000900",
                 lines[0].c_str());
    STRCMP_EQUAL("EXTERNAL         CODE 0040     OLD 01020040 00020200  NEW 00040000 00000900",
                 lines[1].c_str());
}

TEST(TraceLines, IoInterruptionAndItsCsw)
{
    static const u8 csw[] = { 0, 0x02, 0x3A, 0xA0, 0x0C, 0, 0, 0 };
    f->put(LC370_CSW, csw, sizeof csw);
    trace(TRACE_IO | TRACE_CSW);
    f->vm.cpu.psw = 0x00000000000200C8ull;
    trace_interruption(&f->vm, LC370_IO_OLD, 0x009, 0, 0xFE02000900000000ull);
    LONGS_EQUAL(2, lines.size());
    STRCMP_EQUAL("I/O      DEVICE 009            OLD FE020009 00000000  NEW 00000000 000200C8",
                 lines[0].c_str());
    STRCMP_EQUAL("CSW      DEVICE 009            CSW 00023AA0 0C000000", lines[1].c_str());
}

TEST(TraceLines, SioWithItsChannelProgram)
{
    // CAW -> a write CCW command-chained to a TIC to a second write
    static const u8 caw[] = { 0, 0, 0x30, 0x00 };
    static const u8 ccws[] = { 0x01, 0x00, 0x40, 0x00, 0x40, 0, 0, 4,
                               0x08, 0x00, 0x31, 0x00, 0x00, 0, 0, 0 };
    static const u8 second[] = { 0x09, 0x00, 0x40, 0x10, 0x20, 0, 0, 2 };
    static const u8 sio[] = { 0x9C, 0x00, 0x00, 0x09 };
    f->put(LC370_CAW, caw, sizeof caw);
    f->put(0x3000, ccws, sizeof ccws);
    f->put(0x3100, second, sizeof second);
    trace(TRACE_SIO | TRACE_CCW);
    f->vm.cpu.psw = 0xFE02000000020124ull;
    simulated(sio);
    LONGS_EQUAL(4, lines.size());
    STRCMP_EQUAL("SIO      020120  9C000009      SIO       CC 0         PSW FE020000 00020124",
                 lines[0].c_str());
    STRCMP_EQUAL("CCW      003000  01004000 40000004", lines[1].c_str());
    STRCMP_EQUAL("CCW      003008  08003100 00000000", lines[2].c_str());
    STRCMP_EQUAL("CCW      003100  09004010 20000002", lines[3].c_str());
}

TEST(TraceLines, TioWithCcOneStoredACsw)
{
    static const u8 csw[] = { 0, 0x02, 0x3A, 0x38, 0x0C, 0, 0, 0 };
    static const u8 tio[] = { 0x9D, 0x00, 0x00, 0x09 };
    f->put(LC370_CSW, csw, sizeof csw);
    trace(TRACE_CSW);
    f->vm.cpu.psw = 0x000000001002058Aull;                  // BC mode, CC 1
    simulated(tio);
    LONGS_EQUAL(1, lines.size());
    STRCMP_EQUAL("CSW      DEVICE 009            CSW 00023A38 0C000000", lines[0].c_str());
}

TEST(TraceLines, TchWithCcOneStoredNoCsw)
{
    static const u8 tch[] = { 0x9F, 0x00, 0x00, 0x00 };
    trace(TRACE_CSW);
    f->vm.cpu.psw = 0x000000001002058Aull;
    simulated(tch);
    CHECK(lines.empty());
}

TEST(TraceLines, PrivilegedInstructionsAndDiagnoseCodes)
{
    static const u8 lctl[] = { 0xB7, 0x00, 0xC0, 0x04 };
    static const u8 diag[] = { 0x83, 0x24, 0x00, 0x58 };
    static const u8 ssm[] = { 0x80, 0x00, 0x20, 0x00 };
    trace(TRACE_PRIV);
    f->vm.cpu.psw = 0x0008000000020124ull;
    simulated(lctl);
    simulated(diag);
    simulated(ssm, 2);                                      // refused: privileged operation
    STRCMP_EQUAL("PRIV     020120  B700C004      LCTL      CC 0         PSW 00080000 00020124",
                 lines[0].c_str());
    STRCMP_EQUAL("PRIV     020120  83240058      DIAG 058  CC 0         PSW 00080000 00020124",
                 lines[1].c_str());
    STRCMP_EQUAL("PRIV     020120  80002000      SSM       PROGRAM 0002 PSW 00080000 00020124",
                 lines[2].c_str());
}

TEST(TraceLines, IoInstructionsAreSioNotPriv)
{
    static const u8 sio[] = { 0x9C, 0x00, 0x00, 0x09 };
    trace(TRACE_PRIV);
    simulated(sio);
    CHECK(lines.empty());
}

TEST(TraceLines, EachClassGoesWhereItsTraceCommandSaid)
{
    trace(TRACE_SVC, VMDEBUG_PRINTER);
    trace(TRACE_PROGRAM, VMDEBUG_TERMINAL | VMDEBUG_PRINTER);
    trace_interruption(&f->vm, LC370_SVC_OLD, 1, 2, 0);
    trace_interruption(&f->vm, LC370_PGM_OLD, 1, 2, 0);
    LONGS_EQUAL(VMDEBUG_PRINTER, dests[0]);
    LONGS_EQUAL(VMDEBUG_TERMINAL | VMDEBUG_PRINTER, dests[1]);
}

TEST(TraceLines, NorunStopsTheMachineRunLetsItGo)
{
    trace(TRACE_SVC, VMDEBUG_TERMINAL, true);
    trace_interruption(&f->vm, LC370_SVC_OLD, 1, 2, 0);
    LONGS_EQUAL(VM_RUNNING, f->vm.state);
    trace(TRACE_SVC, VMDEBUG_TERMINAL, false);
    trace_interruption(&f->vm, LC370_SVC_OLD, 1, 2, 0);
    LONGS_EQUAL(VM_STOPPED, f->vm.state);
}

TEST(TraceLines, BranchAndInstructFromPerEvents)
{
    static const u8 bc[] = { 0x47, 0xF0, 0xC0, 0x10 };
    f->put(0x20140, bc, sizeof bc);
    trace(TRACE_BRANCH | TRACE_INSTRUCT);
    f->vm.cpu.psw = 0x0008000000020200ull;
    trace_per_event(&f->vm, 0x80, 0x20140);
    f->vm.cpu.psw = 0x0008000000020140ull;
    trace_per_event(&f->vm, 0x40, 0x20140);
    STRCMP_EQUAL("BRANCH   020140  -> 020200", lines[0].c_str());
    STRCMP_EQUAL("INSTRUCT 020140  47F0C010      BC", lines[1].c_str());
}

TEST(TraceLines, AnInstructionStoppedByInstructRunsOnceBeforeTheNextEvent)
{
    static const u8 bc[] = { 0x47, 0xF0, 0xC0, 0x10 };
    u32 start, end;
    f->put(0x20140, bc, sizeof bc);
    trace(TRACE_INSTRUCT);
    LONGS_EQUAL(0x40000000, trace_per_arm(&f->vm, &start, &end));
    LONGS_EQUAL(0, start);
    LONGS_EQUAL(0x7FFFFFFF, end);
    trace_per_event(&f->vm, 0x40, 0x20140);
    // the next run leaves 020140-020143 out of the range (it wraps around them)
    trace_per_arm(&f->vm, &start, &end);
    LONGS_EQUAL(0x20144, start);
    LONGS_EQUAL(0x2013F, end);
    // and the one after that has everything again
    trace_per_arm(&f->vm, &start, &end);
    LONGS_EQUAL(0, start);
}
