// test_display.cpp - DISPLAY and STORE on a fake virtual machine: what
// each form shows and changes, and that a bad one changes nothing.
#include "fakevm.h"

extern "C" {
#include "cp/cmd/cmd.h"
#include "cp/mm/gmem.h"
#include "cp/vm/vmdebug.h"
#include "cp/kern/freestor.h"
}
#include <CppUTest/TestHarness.h>
#include <string>
#include <vector>

static std::vector<std::string> out;

static void collect(struct cmdctx *, const char *line)
{
    out.push_back(line);
}

// run one command line with the handler the table would choose
static int runCommand(FakeVm &f, int (*fn)(struct cmdctx *), const char *line)
{
    struct cmdctx ctx = {};
    char words[CMD_MAXLINE * 2 + 4];
    ctx.user = &f.user;
    ctx.out = collect;
    out.clear();
    cmd_split(&ctx, line, words, sizeof words);
    return fn(&ctx);
}

static std::string all()
{
    std::string s;
    for (auto &l : out)
        s += l + "\n";
    return s;
}

TEST_GROUP(DisplayCommand)
{
    FakeVm *f;
    void setup()
    {
        f = new FakeVm(1 << 20);
        static const u8 abc[] = { 0xC1, 0xC2, 0xC3, 0x40, 0x00, 0x00, 0x00, 0x0F };
        f->put(0x3000, abc, sizeof abc);
    }
    void teardown()
    {
        delete f;
        std::vector<std::string>().swap(out);     // CppUTest counts it as a leak
    }
    void shows(const char *line, const std::vector<std::string> &expect)
    {
        LONGS_EQUAL_TEXT(RC_OK, runCommand(*f, cmd_display, line), all().c_str());
        LONGS_EQUAL_TEXT(expect.size(), out.size(), all().c_str());
        for (size_t i = 0; i < expect.size(); i++)
            STRCMP_EQUAL(expect[i].c_str(), out[i].c_str());
    }
    void refuses(const char *line, const char *msg)
    {
        LONGS_EQUAL_TEXT(RC_OPERAND, runCommand(*f, cmd_display, line), line);
        LONGS_EQUAL_TEXT(1, out.size(), all().c_str());
        STRCMP_CONTAINS(msg, out[0].c_str());
    }
};

TEST(DisplayCommand, OneWord)
{
    shows("D 3000", { "003000  C1C2C340" });
    shows("D L3002", { "003000  C1C2C340" });             // rounded down to a word
}

TEST(DisplayCommand, ARangeInHexStartsAtItsWord)
{
    shows("D 3004-300F", { "003004  0000000F 00000000 00000000" });
    shows("D L3000.14", { "003000  C1C2C340 0000000F 00000000 00000000",
                          "003010  00000000" });
}

TEST(DisplayCommand, TranslatedLinesStartAtTheirSixteenByteBlock)
{
    shows("D T3004.4", { "003000           0000000F                    *    ....        *" });
    shows("D T3000.8", { "003000  C1C2C340 0000000F                    *ABC ....        *" });
}

TEST(DisplayCommand, EndGoesToTheEndOfStorage)
{
    shows("D FFFF8-END", { "0FFFF8  00000000 00000000" });
    shows("D FFFFC.END", { "0FFFFC  00000000" });
}

TEST(DisplayCommand, StorageKeysOfTwoKBlocks)
{
    gspace_set_key(&f->vm.mem, 0x2000, 0x60);   // S/370 keys are per 2K block:
    gspace_set_key(&f->vm.mem, 0x2800, 0x60);   // both halves of the page
    shows("D K1000-2FFF", { "001000  KEY 00 00 60 60" });
    shows("D K0-8FFF", { "000000  KEY 00 00 00 00 60 60 00 00 00 00 00 00 00 00 00 00",
                         "008000  KEY 00 00" });
}

TEST(DisplayCommand, GeneralRegisters)
{
    for (int i = 0; i < 16; i++)
        f->vm.cpu.ctx.gpr[i] = 0x100u * (u32)i;
    shows("D G5", { "GPR  5 = 00000500" });
    shows("D G14-END", { "GPR 14 = 00000E00 00000F00" });
    shows("D G", { "GPR  0 = 00000000 00000100 00000200 00000300",
                   "GPR  4 = 00000400 00000500 00000600 00000700",
                   "GPR  8 = 00000800 00000900 00000A00 00000B00",
                   "GPR 12 = 00000C00 00000D00 00000E00 00000F00" });
}

TEST(DisplayCommand, FloatingPointAndControlRegisters)
{
    f->vm.cpu.ctx.fpr[1] = 0x4110000000000000ull;
    f->vm.cpu.cr[0] = 0xE0;
    shows("D Y2", { "FPR  2 = 41100000 00000000" });
    shows("D Y0-2", { "FPR  0 = 00000000 00000000", "FPR  2 = 41100000 00000000" });
    shows("D X0", { "CR   0 = 000000E0" });
    shows("D C0", { "CR   0 = 000000E0" });
}

TEST(DisplayCommand, PswCawAndCswFromPageZero)
{
    static const u8 csw[] = { 0, 0, 0x30, 0x08, 0x0C, 0, 0, 0, 0, 0, 0x30, 0 };
    f->put(0x40, csw, sizeof csw);
    shows("D PSW", { "PSW = 00080000 00020000" });
    shows("D CAW", { "CAW = 00003000" });
    shows("D CSW", { "CSW = 00003008 0C000000" });
}

TEST(DisplayCommand, SeveralOperandsInOrder)
{
    shows("D G0 PSW 3000", { "GPR  0 = 00000000", "PSW = 00080000 00020000",
                             "003000  C1C2C340" });
}

TEST(DisplayCommand, ABadOperandShowsNothingElse)
{
    refuses("D G0 G16", "CPX004E Invalid DISPLAY operand G16: no such register");
    refuses("D 200-100", "CPX004E Invalid DISPLAY operand 200-100: the range ends before");
    refuses("D 1000000", "CPX004E Invalid DISPLAY operand 1000000: an address is 1 to 6");
    refuses("D Q", "CPX004E Invalid DISPLAY operand Q");
}

TEST(DisplayCommand, StorageBeyondTheMachineIsRefused)
{
    refuses("D 100000", "CPX036E Address 100000 is beyond your storage (1024K)");
    refuses("D G0 FFFF0-100010", "CPX036E Address 100010 is beyond your storage");
    refuses("D K200000", "CPX036E");
}

TEST_GROUP(StoreCommand)
{
    FakeVm *f;
    void setup() { f = new FakeVm(1 << 20); }
    void teardown()
    {
        delete f;
        std::vector<std::string>().swap(out);     // CppUTest counts it as a leak
    }
    void stores(const char *line)
    {
        LONGS_EQUAL_TEXT(RC_OK, runCommand(*f, cmd_store, line), all().c_str());
    }
    // refused with msg, and neither storage, registers nor PSW changed
    void refuses(const char *line, const char *msg)
    {
        struct vcpu before = f->vm.cpu;
        u32 w = f->get32(0x1000);
        LONGS_EQUAL_TEXT(RC_OPERAND, runCommand(*f, cmd_store, line), line);
        LONGS_EQUAL_TEXT(1, out.size(), all().c_str());
        STRCMP_CONTAINS(msg, out[0].c_str());
        MEMCMP_EQUAL(&before, &f->vm.cpu, sizeof before);
        LONGS_EQUAL(w, f->get32(0x1000));
    }
};

TEST(StoreCommand, HexwordsFillFullwordsFromTheWordOfHexloc)
{
    stores("STORE 1002 1 C1C2C3C4");
    LONGS_EQUAL(1, f->get32(0x1000));
    LONGS_EQUAL(0xC1C2C3C4, f->get32(0x1004));
    stores("STORE L1000 123456789");
    LONGS_EQUAL(1, f->get32(0x1000));
    LONGS_EQUAL(0x23456789, f->get32(0x1004));
}

TEST(StoreCommand, AStringGoesByteByByteUnaligned)
{
    stores("STORE S1001 C1C2 C3");
    LONGS_EQUAL(0x00C1C2C3, f->get32(0x1000));
}

TEST(StoreCommand, Registers)
{
    stores("STORE G14 1 2");
    LONGS_EQUAL(1, f->vm.cpu.ctx.gpr[14]);
    LONGS_EQUAL(2, f->vm.cpu.ctx.gpr[15]);
    stores("STORE X0 E0");
    LONGS_EQUAL(0xE0, f->vm.cpu.cr[0]);
    stores("STORE C1 5");
    LONGS_EQUAL(5, f->vm.cpu.cr[1]);
}

TEST(StoreCommand, FloatingPointRegistersTakeTwoWordsEach)
{
    stores("STORE Y2 4110000000000000 42200000");
    CHECK(f->vm.cpu.ctx.fpr[1] == 0x4110000000000000ull);
    CHECK(f->vm.cpu.ctx.fpr[2] == 0x4220000000000000ull);
}

TEST(StoreCommand, PswOneWordIsTheAddressTwoAreAll)
{
    stores("STORE PSW 3000");
    CHECK(f->vm.cpu.psw == 0x0008000000003000ull);
    stores("STORE PSW 070C0000 4000");
    CHECK(f->vm.cpu.psw == 0x070C000000004000ull);
    stores("STORE P 000A000000005000");
    CHECK(f->vm.cpu.psw == 0x000A000000005000ull);
}

TEST(StoreCommand, StatusFillsTheSaveAreaInPageZero)
{
    f->vm.cpu.ctx.gpr[3] = 0x33;
    f->vm.cpu.cr[0] = 0xE0;
    f->vm.cpu.ctx.fpr[0] = 0x4110000000000000ull;
    stores("STORE STATUS");
    STRCMP_EQUAL("STORE COMPLETE", out[0].c_str());
    LONGS_EQUAL(0x00080000, f->get32(0x100));
    LONGS_EQUAL(0x00020000, f->get32(0x104));
    LONGS_EQUAL(0x41100000, f->get32(0x160));
    LONGS_EQUAL(0x33, f->get32(0x18C));
    LONGS_EQUAL(0xE0, f->get32(0x1C0));
}

TEST(StoreCommand, BadFormsChangeNothing)
{
    refuses("STORE", "CPX003E");
    refuses("STORE 1000", "CPX003E STORE 1000 needs a value");
    refuses("STORE 1000-1004 1", "CPX004E Invalid STORE operand 1000-1004");
    refuses("STORE G16 1", "CPX004E Invalid STORE operand G16: no such register");
    refuses("STORE Y1 1", "no such register");
    refuses("STORE G1 1 XYZ", "CPX004E Invalid hexadecimal data XYZ");
    refuses("STORE 1000 1 12345678123456789", "CPX004E Invalid hexadecimal data");
    refuses("STORE G15 1 2", "CPX004E Too many values: they run past register 15");
    refuses("STORE Y6 1 2 3", "past floating-point register 6");
    refuses("STORE PSW 1 2 3", "past the PSW");
    refuses("STORE S1000 C1C", "an even number of hexadecimal digits");
    refuses("STORE STATUS 1", "CPX003E STORE STATUS takes no value");
}

TEST(StoreCommand, BeyondStorageChangesNothing)
{
    refuses("STORE 100000 1", "CPX036E Address 100000 is beyond your storage (1024K)");
    refuses("STORE FFFFC 1 2", "CPX036E Address 100000 is beyond your storage");
    refuses("STORE SFFFFF C1C2", "CPX036E");
    LONGS_EQUAL(0, f->get32(0xFFFFC));
}

// ADSTOP's X'0000' is for the guest only: the user's DISPLAY shows the
// instruction, and a STORE over it changes the instruction, not the stop
TEST_GROUP(AdstopOverlay)
{
    FakeVm *f;
    void setup()
    {
        f = new FakeVm(1 << 20);
        static const u8 code[] = { 0x47, 0xF0, 0xC0, 0x10, 0x07, 0xFE };
        f->put(0x20000, code, sizeof code);
    }
    void teardown()
    {
        kfree(f->vm.debug);
        f->vm.debug = nullptr;
        delete f;
        std::vector<std::string>().swap(out);
    }
};

TEST(AdstopOverlay, TheGuestHasTheTrapTheUserSeesTheInstruction)
{
    LONGS_EQUAL(0, adstop_set(&f->vm, 0x20000));
    LONGS_EQUAL(0x0000C010, f->get32(0x20000));
    runCommand(*f, cmd_display, "D 20000.6");
    STRCMP_EQUAL("020000  47F0C010 07FE0000", out[0].c_str());
}

TEST(AdstopOverlay, AStoreOverItChangesTheInstructionAndKeepsTheStop)
{
    adstop_set(&f->vm, 0x20000);
    runCommand(*f, cmd_store, "STORE S20001 F1");
    LONGS_EQUAL(0x0000C010, f->get32(0x20000));
    runCommand(*f, cmd_display, "D 20000");
    STRCMP_EQUAL("020000  47F1C010", out[0].c_str());
    adstop_clear(&f->vm);
    LONGS_EQUAL(0x47F1C010, f->get32(0x20000));
}

TEST(AdstopOverlay, OffPutsTheInstructionBack)
{
    adstop_set(&f->vm, 0x20004);
    adstop_clear(&f->vm);
    LONGS_EQUAL(0x07FE0000, f->get32(0x20004));
}
