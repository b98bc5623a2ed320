// test_diag.cpp - every DIAGNOSE handler on the host, with a fake VM:
// the register interface, the condition and return codes, and each
// documented error path (docs/diagnose.md), without Hercules.
#include "fakevm.h"

extern "C" {
#include "diag/diag.h"
#include "cp/cmd/cmd.h"
#include "cp/mm/gmem.h"
#include "cp/io/term.h"
#include "cp/mm/frame.h"
#include "arch370/be.h"
#include "arch370/ccw.h"
#include "arch370/pgm.h"
#include "arch370/psw.h"
#include "cp/kern/timer.h"

#define DIAG(code, name, summary) int diag_##code##_##name(struct diag_args *a);
#include "diag/diag.def"
#undef DIAG
}
#include <CppUTest/TestHarness.h>
#include <cstring>

static FakeVm *f;
static u32 *gpr;

// run a handler with registers rx and ry as the instruction names them
static int call(int (*fn)(struct diag_args *), u8 rx, u8 ry)
{
    struct diag_args a = { &f->vm, 0, rx, ry, f->vm.cpu.ctx.gpr };
    return fn(&a);
}

TEST_GROUP(Diag)
{
    void setup()
    {
        f = new FakeVm(1 << 20);
        gpr = f->vm.cpu.ctx.gpr;
    }
    void teardown()
    {
        delete f;
    }
};

// ---- the table ---------------------------------------------------------------

TEST(Diag, EveryCodeOfTheListHasItsHandlerAndOthersHaveNone)
{
#define DIAG(code, name, summary) \
    CHECK(diag_lookup(0x##code) && diag_lookup(0x##code)->fn == diag_##code##_##name);
#include "diag/diag.def"
#undef DIAG
    POINTERS_EQUAL(NULL, diag_lookup(0x004));
    POINTERS_EQUAL(NULL, diag_lookup(0xF08));
}

// ---- X'00' ---------------------------------------------------------------------

TEST(Diag, Code00StoresTheIdentificationUpToTheLengthGiven)
{
    gpr[2] = 0x2000;
    gpr[3] = 40;
    LONGS_EQUAL(0, call(diag_000_identify, 2, 3));
    STRCMP_EQUAL("CP370   ", f->getEbcdic(0x2000, 8).c_str());
    STRCMP_EQUAL("TESTER  ", f->getEbcdic(0x2010, 8).c_str());
    f->putEbcdic(0x3000, "XXXXXXXXXXXX");
    gpr[2] = 0x3000;
    gpr[3] = 8;
    LONGS_EQUAL(0, call(diag_000_identify, 2, 3));
    STRCMP_EQUAL("CP370   XXXX", f->getEbcdic(0x3000, 12).c_str());
}

TEST(Diag, Code00RefusesAMisalignedOrWildBuffer)
{
    gpr[2] = 0x2004;
    gpr[3] = 40;
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_000_identify, 2, 3));
    gpr[2] = 0x7FFFFFF8;
    LONGS_EQUAL(PGM_ADDRESSING, call(diag_000_identify, 2, 3));
}

// ---- X'08' ---------------------------------------------------------------------

static int respond_twice(struct cmdctx *ctx, const std::string &line)
{
    ctx->out(ctx, ("ONE " + line).c_str());
    ctx->out(ctx, "TWO");
    return line == "BAD" ? 1 : 0;
}

TEST(Diag, Code08RunsEachCommandAndCollectsTheResponse)
{
    fake.onCommand = respond_twice;
    f->putEbcdic(0x2000, "Q TIME BAD");
    u8 nl = 0x15;
    f->put(0x2006, &nl, 1);                     // "Q TIME" X'15' "BAD"
    gpr[2] = 0x2000;
    gpr[3] = 0x2100;                            // response buffer
    gpr[4] = 0x40000000 | 10;
    gpr[5] = 100;
    LONGS_EQUAL(0, call(diag_008_cp_command, 2, 4));
    LONGS_EQUAL(2, fake.commands.size());
    STRCMP_EQUAL("Q TIME", fake.commands[0].c_str());
    STRCMP_EQUAL("BAD", fake.commands[1].c_str());
    LONGS_EQUAL(1, gpr[4]);                     // the last command's return code
    LONGS_EQUAL(0, f->cc());
    std::string resp = f->getEbcdic(0x2100, gpr[5]);
    STRCMP_EQUAL("ONE Q TIME\nTWO\nONE BAD\nTWO\n", resp.c_str());
}

// R6 CMS passes every CP command with flag X'80' (VM/370's "reject a
// password on a LINK line"); it is accepted and changes nothing
TEST(Diag, Code08AcceptsVM370sPasswordSuppressionFlag)
{
    fake.onCommand = respond_twice;
    f->putEbcdic(0x2000, "Q TIME");
    gpr[2] = 0x2000;
    gpr[3] = 0x2100;
    gpr[4] = 0xC0000000 | 6;
    gpr[5] = 100;
    LONGS_EQUAL(0, call(diag_008_cp_command, 2, 4));
    LONGS_EQUAL(1, fake.commands.size());
    LONGS_EQUAL(0, gpr[4]);
    LONGS_EQUAL(0, f->cc());
    gpr[4] = 0x80000000 | 6;                    // to the terminal
    LONGS_EQUAL(0, call(diag_008_cp_command, 2, 4));
    LONGS_EQUAL(2, fake.commands.size());
    gpr[4] = 0x20000000 | 6;                    // a flag VM/370 never defined
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_008_cp_command, 2, 4));
}

TEST(Diag, Code08ReportsWhatDidNotFitWithCC1)
{
    fake.onCommand = respond_twice;
    f->putEbcdic(0x2000, "X");
    gpr[2] = 0x2000;
    gpr[3] = 0x2100;
    gpr[4] = 0x40000000 | 1;
    gpr[5] = 4;                                 // "ONE X\nTWO\n" is 10
    f->putEbcdic(0x2104, "ZZ");
    LONGS_EQUAL(0, call(diag_008_cp_command, 2, 4));
    LONGS_EQUAL(1, f->cc());
    LONGS_EQUAL(6, gpr[5]);
    STRCMP_EQUAL("ONE ZZ", f->getEbcdic(0x2100, 6).c_str());   // nothing past the buffer
}

TEST(Diag, Code08WithoutBufferAnswersOnTheTerminal)
{
    fake.onCommand = respond_twice;
    f->putEbcdic(0x2000, "HELLO");
    gpr[2] = 0x2000;
    gpr[3] = 5;
    LONGS_EQUAL(0, call(diag_008_cp_command, 2, 3));
    LONGS_EQUAL(2, fake.messages.size());
    STRCMP_EQUAL("ONE HELLO", fake.messages[0].c_str());
}

TEST(Diag, Code08LengthZeroPutsTheMachineInCpRead)
{
    gpr[2] = 0x2000;
    gpr[3] = 0;
    LONGS_EQUAL(0, call(diag_008_cp_command, 2, 3));
    LONGS_EQUAL(VM_STOPPED, f->vm.state);
    STRCMP_EQUAL("CP READ", fake.messages.at(0).c_str());
    LONGS_EQUAL(0, fake.commands.size());
}

TEST(Diag, Code08ControlCharactersBecomeBlanks)
{
    u8 text[3] = { 0xC1, 0x05, 0xC2 };          // A, HT, B
    f->put(0x2000, text, 3);
    gpr[2] = 0x2000;
    gpr[3] = 3;
    call(diag_008_cp_command, 2, 3);
    STRCMP_EQUAL("A B", fake.commands.at(0).c_str());
}

TEST(Diag, Code08BadRegistersAreSpecificationExceptions)
{
    f->putEbcdic(0x2000, "Q");
    gpr[2] = 0x2000;
    gpr[3] = 0x20000001;                        // an unknown flag
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_008_cp_command, 2, 3));
    gpr[3] = 133;                               // too long
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_008_cp_command, 2, 3));
    gpr[3] = 1;
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_008_cp_command, 2, 2));    // Rx = Ry
    gpr[4] = 0x40000001;                        // response wanted, Rx odd
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_008_cp_command, 3, 4));
    gpr[4] = 0x40000001;
    gpr[5] = 8193;                              // response area too large
    gpr[3] = 0x2100;
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_008_cp_command, 2, 4));
    gpr[2] = 0x7FFFFFF0;                        // text beyond storage
    gpr[3] = 1;
    LONGS_EQUAL(PGM_ADDRESSING, call(diag_008_cp_command, 2, 3));
    LONGS_EQUAL(0, fake.commands.size());
}

// ---- X'0C' ---------------------------------------------------------------------

TEST(Diag, Code0CStoresDateTimeAndCpuTimes)
{
    f->user.virt_tod = 1500 * TOD_USEC;
    f->user.total_tod = 4000 * TOD_USEC;
    gpr[6] = 0x2000;
    LONGS_EQUAL(0, call(diag_00C_pseudo_timer, 6, 0));
    std::string date = f->getEbcdic(0x2000, 8), time = f->getEbcdic(0x2008, 8);
    CHECK_EQUAL('/', date[2]);
    CHECK_EQUAL('/', date[5]);
    CHECK_EQUAL(':', time[2]);
    CHECK_EQUAL(':', time[5]);
    LONGS_EQUAL(0, f->get32(0x2010));
    LONGS_EQUAL(1500, f->get32(0x2014));
    LONGS_EQUAL(4000, f->get32(0x201C));
    gpr[6] = 0x2004;
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_00C_pseudo_timer, 6, 0));
}

// ---- X'10' ---------------------------------------------------------------------

TEST(Diag, Code10GivesTheFramesBackAndThePagesReadZero)
{
    u32 v = 0x12345678;
    f->put(0x5000, &v, 4);
    f->put(0x6000, &v, 4);
    u32 before = frame_count_free();
    gpr[2] = 0x5000;
    gpr[3] = 0x6000;
    LONGS_EQUAL(0, call(diag_010_release_pages, 2, 3));
    LONGS_EQUAL(before + 2, frame_count_free());
    LONGS_EQUAL(0, f->get32(0x5000));
    LONGS_EQUAL(0, f->get32(0x6000));
}

TEST(Diag, Code10RefusesUnalignedReversedAndWildRanges)
{
    gpr[2] = 0x5004;
    gpr[3] = 0x6000;
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_010_release_pages, 2, 3));
    gpr[2] = 0x7000;
    gpr[3] = 0x6000;
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_010_release_pages, 2, 3));
    gpr[2] = 0xFF000;
    gpr[3] = 0x100000;                          // one page past 1M
    LONGS_EQUAL(PGM_ADDRESSING, call(diag_010_release_pages, 2, 3));
}

// ---- X'18' ---------------------------------------------------------------------

static int diag18(u32 dev, u32 count)
{
    gpr[2] = dev;
    gpr[4] = 0x3000;
    gpr[15] = count;
    return call(diag_018_dasd_io, 2, 4);
}

TEST(Diag, Code18RunsTheProgramWithThePswKey)
{
    f->addMinidisk(0x191, 4, true);
    f->vm.cpu.psw |= (u64)5 << PSW_KEY_SHIFT;
    fake.runResult.rw_ccws = 1;
    LONGS_EQUAL(0, diag18(0x191, 1));
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(0, gpr[15]);
    LONGS_EQUAL(5, fake.lastKey);
}

TEST(Diag, Code18DeviceErrorsAreCC1)
{
    f->addMinidisk(0x191, 4, true)->active = (struct mio *)1;
    diag18(0x999, 1);
    LONGS_EQUAL(1, f->cc());
    LONGS_EQUAL(1, gpr[15]);
    diag18(0x009, 1);                           // the console
    LONGS_EQUAL(1, f->cc());
    LONGS_EQUAL(2, gpr[15]);
    diag18(0x191, 1);                           // busy
    LONGS_EQUAL(1, f->cc());
    LONGS_EQUAL(5, gpr[15]);
    diag18(0x10000, 1);
    LONGS_EQUAL(1, gpr[15]);
    LONGS_EQUAL(0, fake.runs);
}

TEST(Diag, Code18RefusalsOfTheTranslatorMapToTheirCodes)
{
    f->addMinidisk(0x191, 4, true);
    const struct { enum xlat_stop stop; u8 cc; u32 r15; } map[] = {
        { XLAT_FILE_PROTECT, 1, 3 }, { XLAT_OUT_OF_EXTENT, 1, 4 },
        { XLAT_PROGRAM_CHECK, 2, 5 }, { XLAT_TOO_LONG, 2, 5 }, { XLAT_PROTECTION, 2, 12 },
    };
    for (auto &m : map) {
        fake.runResult = mio_result();
        fake.runResult.stop = m.stop;
        diag18(0x191, 1);
        LONGS_EQUAL(m.cc, f->cc());
        LONGS_EQUAL(m.r15, gpr[15]);
    }
}

TEST(Diag, Code18CountsAreChecked)
{
    f->addMinidisk(0x191, 4, true);
    diag18(0x191, 0);
    LONGS_EQUAL(2, f->cc());
    LONGS_EQUAL(6, gpr[15]);
    diag18(0x191, 16);
    LONGS_EQUAL(6, gpr[15]);
    LONGS_EQUAL(0, fake.runs);
    fake.runResult.rw_ccws = 3;                 // more than R15 said
    diag18(0x191, 2);
    LONGS_EQUAL(2, f->cc());
    LONGS_EQUAL(7, gpr[15]);
}

TEST(Diag, Code18IoErrorStoresTheCswAndGivesCC3)
{
    f->addMinidisk(0x191, 4, true);
    fake.runResult.rw_ccws = 1;
    fake.runResult.io_error = true;
    fake.runResult.unit = 0x0E;                 // CE DE UC
    fake.runResult.ccw_next = 0x3020;
    fake.runResult.residual = 100;
    diag18(0x191, 1);
    LONGS_EQUAL(3, f->cc());
    LONGS_EQUAL(13, gpr[15]);
    LONGS_EQUAL(0x00003020, f->get32(0x40));
    LONGS_EQUAL(0x0E000064, f->get32(0x44));
}

// ---- X'24' ---------------------------------------------------------------------

TEST(Diag, Code24NamesTheConsoleAndItsRealTerminal)
{
    gpr[2] = 0xFFFFFFFF;
    LONGS_EQUAL(0, call(diag_024_device_type, 2, 4));
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(0x009, gpr[2]);
    LONGS_EQUAL(0x80, gpr[4] >> 24);            // terminal
    LONGS_EQUAL(0x50, gpr[5] & 0xFF);           // 80 columns
    f->user.sess = NULL;                        // disconnected
    call(diag_024_device_type, 2, 4);
    LONGS_EQUAL(2, f->cc());
    LONGS_EQUAL(0, gpr[5]);
}

TEST(Diag, Code24KnowsAMinidiskAndNotAMissingDevice)
{
    f->addMinidisk(0x191, 4, true);
    gpr[2] = 0x191;
    call(diag_024_device_type, 2, 4);
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(0x0408, gpr[4] >> 16);
    LONGS_EQUAL(0x0408, gpr[5] >> 16);
    gpr[2] = 0x555;
    call(diag_024_device_type, 2, 4);
    LONGS_EQUAL(3, f->cc());
    gpr[2] = 0x191;
    gpr[15] = 0xAAAA;
    call(diag_024_device_type, 2, 15);          // Ry 15: no Ry+1
    LONGS_EQUAL(0x0408, gpr[15] >> 16);
}

// ---- X'58' ---------------------------------------------------------------------

static int diag58(u8 cmd, u32 data, u16 count, u32 dev = 0xFFFFFFFF)
{
    struct ccw0 c;
    ccw0_make(&c, cmd, data, 0, count);
    f->put(0x2000, c.b, 8);
    gpr[2] = 0x2000;
    gpr[3] = dev;
    return call(diag_058_console, 2, 3);
}

TEST(Diag, Code58WriteSplitsLinesAtX15)
{
    f->putEbcdic(0x4000, "FIRST SECOND");
    u8 nl = 0x15;
    f->put(0x4005, &nl, 1);
    LONGS_EQUAL(0, diag58(0x19, 0x4000, 12, 0x009));
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(2, fake.consoleLines.size());
    STRCMP_EQUAL("FIRST", fake.consoleLines[0].c_str());
    STRCMP_EQUAL("SECOND", fake.consoleLines[1].c_str());
}

TEST(Diag, Code58WriteWaitsForASlowTerminal)
{
    fake.outputRoom = false;
    fake.onSleep = [] { if (fake.sleeps == 3) fake.outputRoom = true; };
    f->putEbcdic(0x4000, "LINE");
    diag58(0x19, 0x4000, 4);
    LONGS_EQUAL(3, fake.sleeps);
    LONGS_EQUAL(1, fake.consoleLines.size());
}

TEST(Diag, Code58ReadStoresTheLineAndItsLength)
{
    fake.typed.push_back("hello");
    LONGS_EQUAL(0, diag58(0x0A, 0x4000, 80));
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(5, gpr[15]);
    STRCMP_EQUAL("hello", f->getEbcdic(0x4000, 5).c_str());
    fake.typed.push_back("a longer line");
    diag58(0x0A, 0x4100, 4);
    LONGS_EQUAL(1, f->cc());                    // did not fit
    LONGS_EQUAL(4, gpr[15]);
    STRCMP_EQUAL("a lo", f->getEbcdic(0x4100, 4).c_str());
}

TEST(Diag, Code58ReadWaitsAndIsBackedOutWhenTheUserStopsTheMachine)
{
    u32 ia = psw370_ia(f->vm.cpu.psw);
    fake.onSleep = [] { if (fake.sleeps == 2) f->vm.state = VM_STOPPED; };
    LONGS_EQUAL(0, diag58(0x0A, 0x4000, 80));
    LONGS_EQUAL(ia - 4, psw370_ia(f->vm.cpu.psw));      // issued again on BEGIN
}

static int diag58ctl(u8 cmd, u8 ctl, u32 data, u16 count)
{
    struct ccw0 c;
    ccw0_make(&c, cmd, data, 0, count);
    c.b[5] = ctl;
    f->put(0x2000, c.b, 8);
    gpr[2] = 0x2000;
    gpr[3] = 0xFFFFFFFF;
    gpr[15] = 0xFFFF;
    return call(diag_058_console, 2, 3);
}

TEST(Diag, Code58ControlByteClearsAndPositionsTheOutputArea)
{
    fake.display = true;
    f->putEbcdic(0x4000, "LINE");
    diag58ctl(0x19, 0x85, 0x4000, 4);           // erase first, start at line 5
    LONGS_EQUAL((TL_CLEAR | TL_ROW) << 8 | 5, fake.controls.at(0));
    LONGS_EQUAL(1, fake.consoleLines.size());
    diag58ctl(0x19, 0xFF, 0x4000, 4);           // clear, write nothing
    LONGS_EQUAL(TL_CLEAR << 8, fake.controls.at(1));
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(1, fake.consoleLines.size());
    diag58ctl(0x19, 0x00, 0x4000, 4);           // no order: lines as they come
    LONGS_EQUAL(2, fake.controls.size());
    LONGS_EQUAL(2, fake.consoleLines.size());
}

TEST(Diag, Code58FullScreenWriteThenReadGivesTheKeysRecord)
{
    static const u8 screen[] = { 0xC3, 0x11, 0x40, 0x40, 0x1D, 0x40 };
    fake.display = true;
    f->put(0x4000, screen, sizeof screen);
    LONGS_EQUAL(0, diag58ctl(0x29, 0x80, 0x4000, sizeof screen));
    LONGS_EQUAL(0, f->cc());
    CHECK(fake.fsErase.at(0));
    CHECK(std::vector<u8>(screen, screen + sizeof screen) == fake.fsWrites.at(0));
    fake.fsKeys.push_back({ 0x7D, 0x40, 0x5A, 0x11, 0x40, 0x5A, 0xC8, 0xC9 });
    diag58ctl(0x2A, 0x80, 0x5000, 100);
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(8, gpr[15]);
    u8 got[8];
    LONGS_EQUAL(0, gmem_read(&f->vm.mem, 0x5000, got, 8));
    BYTES_EQUAL(0x7D, got[0]);
    BYTES_EQUAL(0xC9, got[7]);
    fake.fsKeys.push_back({ 0x7D, 0x40, 0x5A, 0x11, 0x40, 0x5A, 0xC8, 0xC9 });
    diag58ctl(0x2A, 0x80, 0x5000, 3);           // a short area: CC 1
    LONGS_EQUAL(1, f->cc());
    LONGS_EQUAL(3, gpr[15]);
}

TEST(Diag, Code58FullScreenReadOfAScreenCpTookSaysRedraw)
{
    fake.display = true;
    fake.fsOwned = false;
    diag58ctl(0x2A, 0x80, 0x5000, 100);
    LONGS_EQUAL(2, f->cc());
    LONGS_EQUAL(4, gpr[15]);
    diag58ctl(0x29, 0x00, 0x4000, 10);          // a plain write needs the screen
    LONGS_EQUAL(2, f->cc());
    LONGS_EQUAL(4, gpr[15]);
}

TEST(Diag, Code58FullScreenOnALineTerminalOrWithOtherControlBitsIsRefused)
{
    diag58ctl(0x29, 0x80, 0x4000, 10);          // a 3215
    LONGS_EQUAL(2, f->cc());
    LONGS_EQUAL(3, gpr[15]);
    diag58ctl(0x2A, 0x80, 0x4000, 10);
    LONGS_EQUAL(3, gpr[15]);
    fake.display = true;
    diag58ctl(0x29, 0xC0, 0x4000, 10);          // erase/write alternate
    LONGS_EQUAL(5, gpr[15]);
    diag58ctl(0x29, 0x20, 0x4000, 10);          // write structured field
    LONGS_EQUAL(5, gpr[15]);
    diag58ctl(0x2A, 0x00, 0x4000, 10);          // read buffer
    LONGS_EQUAL(5, gpr[15]);
    diag58ctl(0x29, 0x80, 0x4000, 0);
    LONGS_EQUAL(2, gpr[15]);
    diag58ctl(0x29, 0x80, 0x4000, 4097);
    LONGS_EQUAL(2, gpr[15]);
    LONGS_EQUAL(PGM_ADDRESSING, diag58ctl(0x29, 0x80, 0xFFFFF0, 100));
    LONGS_EQUAL(0, fake.fsWrites.size());
}

TEST(Diag, Code58FullScreenWriteWhileDisconnectedIsDropped)
{
    fake.display = true;
    fake.connected = false;
    LONGS_EQUAL(0, diag58ctl(0x29, 0x80, 0x4000, 10));
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(0, fake.fsWrites.size());
}

TEST(Diag, Code58ErrorsAreCodesOrExceptions)
{
    diag58(0x19, 0x4000, 4, 0x00E);             // not the console
    LONGS_EQUAL(3, f->cc());
    diag58(0x01, 0x4000, 4);                    // other command
    LONGS_EQUAL(2, f->cc());
    LONGS_EQUAL(1, gpr[15]);
    diag58(0x19, 0x4000, 0);
    LONGS_EQUAL(2, gpr[15]);
    diag58(0x19, 0x4000, 1761);
    LONGS_EQUAL(2, gpr[15]);
    diag58(0x0A, 0x4000, 161);
    LONGS_EQUAL(2, gpr[15]);
    LONGS_EQUAL(PGM_ADDRESSING, diag58(0x19, 0xFFFFF0, 100));
    gpr[2] = 0x2004;
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_058_console, 2, 3));
    LONGS_EQUAL(0, fake.consoleLines.size());
}

// ---- X'5C' ---------------------------------------------------------------------

TEST(Diag, Code5CEditsPerSetEmsg)
{
    f->putEbcdic(0x2000, "DMSXYZ123E SOMETHING");
    const struct { char emsg; u32 rx, ry; } want[] = {
        { 'O', 0x2000, 20 }, { 'T', 0x200B, 9 }, { 'C', 0x2000, 10 }, { 'F', 0x2000, 0 },
    };
    for (auto &w : want) {
        f->user.emsg = w.emsg;
        gpr[2] = 0x2000;
        gpr[3] = 20;
        LONGS_EQUAL(0, call(diag_05C_emsg, 2, 3));
        LONGS_EQUAL(w.rx, gpr[2]);
        LONGS_EQUAL(w.ry, gpr[3]);
    }
    f->user.emsg = 'T';                         // no code: shown whole
    f->putEbcdic(0x2100, "JUST A MESSAGE");
    gpr[2] = 0x2100;
    gpr[3] = 14;
    call(diag_05C_emsg, 2, 3);
    LONGS_EQUAL(14, gpr[3]);
    gpr[3] = 0x10000;
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_05C_emsg, 2, 3));
}

// ---- X'60' ---------------------------------------------------------------------

TEST(Diag, Code60GivesTheStorageSize)
{
    LONGS_EQUAL(0, call(diag_060_storage_size, 7, 0));
    LONGS_EQUAL(1 << 20, gpr[7]);
}

// ---- X'250' --------------------------------------------------------------------

static void biopl(u16 dev, u32 at24, u32 at28, u32 at36)
{
    u8 pl[64] = { 0 };
    put_be16(pl, dev);
    put_be32(pl + 24, at24);
    put_be32(pl + 28, at28);
    put_be32(pl + 36, at36);
    f->put(0x2000, pl, 64);
}

static int diag250(u32 fn)
{
    gpr[2] = 0x2000;
    gpr[4] = fn;
    gpr[3] = 0xDEAD;
    return call(diag_250_block_io, 2, 4);
}

TEST(Diag, Code250InitChecksTheDiskAndTheBlockSize)
{
    f->addMinidisk(0x191, 4, true);
    f->addMinidisk(0x190, 5, false);
    biopl(0x191, 800, 0, 0);
    LONGS_EQUAL(0, diag250(0));
    LONGS_EQUAL(0, gpr[3]);
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(1, f->get32(0x2020));
    LONGS_EQUAL(4 * 30 * 19, f->get32(0x2024));
    biopl(0x190, 800, 0, 0);
    diag250(0);
    LONGS_EQUAL(4, gpr[3]);                     // read-only
    biopl(0x191, 4096, 0, 0);
    diag250(0);
    LONGS_EQUAL(12, gpr[3]);
    LONGS_EQUAL(2, f->cc());
    biopl(0x009, 800, 0, 0);
    diag250(0);
    LONGS_EQUAL(8, gpr[3]);
}

TEST(Diag, Code250IoStoresEachEntrysStatus)
{
    f->addMinidisk(0x191, 4, true);
    biopl(0x191, 800, 0, 0);
    diag250(0);
    u8 e[32] = { 0 };
    e[0] = 2; put_be32(e + 4, 7); put_be32(e + 12, 0x5000);
    e[16] = 1; put_be32(e + 20, 8); put_be32(e + 28, 0x6000);
    f->put(0x3000, e, 32);
    biopl(0x191, 0x30000000, 2, 0x3000);        // key 3
    LONGS_EQUAL(0, diag250(1));
    LONGS_EQUAL(0, gpr[3]);
    LONGS_EQUAL(0, f->cc());
    LONGS_EQUAL(2, fake.blocks.size());
    LONGS_EQUAL(7, fake.blocks[0].block);
    LONGS_EQUAL(0x6000, fake.blocks[1].buffer);
    LONGS_EQUAL(1, fake.blocks[1].type);
    LONGS_EQUAL(3, fake.lastKey);
    fake.blockStatus = 3;
    diag250(1);
    LONGS_EQUAL(4, gpr[3]);
    LONGS_EQUAL(1, f->cc());
    LONGS_EQUAL(0x03, f->get32(0x3000) >> 16 & 0xFF);
    LONGS_EQUAL(0x03, f->get32(0x3010) >> 16 & 0xFF);
}

TEST(Diag, Code250RefusesBadListsAndIoBeforeInit)
{
    f->addMinidisk(0x191, 4, true);
    biopl(0x191, 0, 1, 0x3000);
    diag250(1);
    LONGS_EQUAL(8, gpr[3]);                     // not initialized
    biopl(0x191, 800, 0, 0);
    diag250(0);
    const struct { u32 at24, n, list; } bad[] = {
        { 0, 0, 0x3000 }, { 0, 257, 0x3000 }, { 0, 1, 0x3004 }, { 0x00010000, 1, 0x3000 },
        { 0x01000000, 1, 0x3000 },
    };
    for (auto &b : bad) {
        biopl(0x191, b.at24, b.n, b.list);
        diag250(1);
        LONGS_EQUAL(12, gpr[3]);
        LONGS_EQUAL(2, f->cc());
    }
    biopl(0x191, 0, 1, 0xFFFF8);                // list beyond storage
    LONGS_EQUAL(PGM_ADDRESSING, diag250(1));
    LONGS_EQUAL(0, fake.blocks.size());
    biopl(0x191, 0, 0, 0);
    LONGS_EQUAL(0, diag250(2));                 // REMOVE
    biopl(0x191, 0, 1, 0x3000);
    diag250(1);
    LONGS_EQUAL(8, gpr[3]);
}

TEST(Diag, Code250BadFunctionOrMisalignedListIsASpecificationException)
{
    biopl(0x191, 800, 0, 0);
    LONGS_EQUAL(PGM_SPECIFICATION, diag250(3));
    gpr[2] = 0x2004;
    LONGS_EQUAL(PGM_SPECIFICATION, call(diag_250_block_io, 2, 4));
    gpr[2] = 0x7FFFFFF8;
    LONGS_EQUAL(PGM_ADDRESSING, call(diag_250_block_io, 2, 4));
}

// the table is indexed by the code: codes beyond it and empty rows are
// unknown, never out of bounds
TEST(Diag, CodesBeyondTheTableOrBetweenItsRowsAreUnknown)
{
    POINTERS_EQUAL(NULL, diag_lookup(0xFFFF));
    POINTERS_EQUAL(NULL, diag_lookup(0x25C));
    POINTERS_EQUAL(NULL, diag_lookup(0x061));
    CHECK(diag_lookup(0x060) != NULL);
    LONGS_EQUAL(0x060, diag_lookup(0x060)->code);
}
