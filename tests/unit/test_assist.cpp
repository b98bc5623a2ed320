// test_assist.cpp - when the short path lets a guest go on at once after
// an exit (cp/vm/assist.c), and when it must leave it to the dispatcher's
// round: one rule per test.
extern "C" {
#include "cp/vm/assist.h"
#include "cp/vm/vmdebug.h"
#include "cpu.h"
#include "cp/kern/task.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
}
#include "fakevm.h"
#include <CppUTest/TestHarness.h>

#define EC_SUPERVISOR   0x0008000000020000ull   // EC mode, key 0, disabled
#define EC_EXT_ENABLED  0x0108000000020000ull   // the same, external enabled
#define SLICE           ((s64)(5 * TOD_MSEC))

TEST_GROUP(Assist)
{
    FakeVm *f = nullptr;
    struct assist_mark mark;

    void setup()
    {
        f = new FakeVm();
        f->user.assist_on = true;
        f->vm.cpu.psw = EC_SUPERVISOR;
        assist_begin(&f->vm, &mark);
    }
    void teardown() { delete f; }
    bool resume(int code = EXIT_SVC, s64 left = SLICE)
    {
        return assist_resume(&f->vm, code, &mark, left);
    }
};

TEST(Assist, AGuestGoesOnAtOnceWhenNothingChanged)
{
    CHECK_TRUE(resume(EXIT_SVC));
    CHECK_TRUE(resume(EXIT_PGM));
}

TEST(Assist, AssistOffSendsEveryExitThroughTheRound)
{
    f->user.assist_on = false;
    CHECK_FALSE(resume());
}

TEST(Assist, CpsOwnInterruptionsGoOnWhenTheyPostedNothing)
{
    CHECK_TRUE(resume(EXIT_IO));
    CHECK_TRUE(resume(EXIT_EXT));
    f->vm.posted++;                             // e.g. its terminal has room again
    CHECK_FALSE(resume(EXIT_IO));
}

TEST(Assist, SomethingPostedForTheVmEndsTheShortPath)
{
    f->vm.posted++;
    CHECK_FALSE(resume());
}

TEST(Assist, AfterASleepTheGuestGoesOnInWhatIsLeftOfItsSlice)
{
    f->vm.slice_end = host_tod_clock + SLICE;   // the round started the slice
    host_tod_clock += SLICE / 2;                // the handler slept this long
    task_dispatches++;                          // and other tasks ran
    host_cpu_timer = -1;                        // with their own CPU timer
    CHECK_TRUE(resume());
    CHECK_EQUAL(SLICE / 2, host_cpu_timer);     // this run's timer again
}

TEST(Assist, ASleepThatEndedTheSliceLeavesTheRestToTheRound)
{
    f->vm.slice_end = host_tod_clock + SLICE;
    host_tod_clock += SLICE;
    task_dispatches++;
    CHECK_FALSE(resume());
}

TEST(Assist, AfterASleepTraceOrAdstopSetMeanwhileIsTheRoundsToArm)
{
    struct vmdebug dbg = {};
    f->vm.slice_end = host_tod_clock + SLICE;
    task_dispatches++;
    f->vm.debug = &dbg;                         // #CP TRACE while it slept
    CHECK_FALSE(resume());
    f->vm.debug = nullptr;
}

TEST(Assist, AfterASleepAnythingPostedMeanwhileIsTheRounds)
{
    f->vm.slice_end = host_tod_clock + SLICE;
    task_dispatches++;
    f->vm.posted++;                             // the I/O it waited for posted
    CHECK_FALSE(resume());
}

TEST(Assist, AStopOrLogoffRequestEndsTheShortPath)
{
    f->vm.stop_request = true;
    CHECK_FALSE(resume());
    f->vm.stop_request = false;
    f->vm.logoff_pending = true;
    CHECK_FALSE(resume());
}

TEST(Assist, AResetEndsTheShortPath)
{
    f->vm.resets++;
    CHECK_FALSE(resume());
}

TEST(Assist, AnEndedSliceEndsTheShortPath)
{
    CHECK_FALSE(resume(EXIT_SVC, 0));
}

TEST(Assist, AWaitStateIsTheRoundsToHandle)
{
    f->vm.cpu.psw |= PSW_WAIT;
    CHECK_FALSE(resume());
}

TEST(Assist, AnInvalidPswIsTheRoundsToReflect)
{
    f->vm.cpu.psw |= 0x8000000000000000ull;     // EC bit 0 must be zero
    CHECK_FALSE(resume());
}

TEST(Assist, EnablingWithNothingPendingGoesOn)
{
    f->vm.cpu.psw = EC_EXT_ENABLED;
    CHECK_TRUE(resume());
}

TEST(Assist, EnablingForAPendingInterruptionIsTheRoundsToDeliver)
{
    f->vm.cpu.cr[0] |= 0x00000040u;             // interrupt-key subclass
    f->vm.cpu.ext_pending |= VEXT_KEY;          // pending, masked so far
    assist_begin(&f->vm, &mark);                // as the round saw it
    CHECK_TRUE(resume());
    f->vm.cpu.psw = EC_EXT_ENABLED;             // SSM enables it
    CHECK_FALSE(resume());
}

TEST(Assist, AChangedSubclassOrChannelMaskIsTheRoundsToLookAt)
{
    f->vm.cpu.cr[0] |= 0x00000800u;             // LCTL: clock-comparator subclass
    CHECK_FALSE(resume());
    f->vm.cpu.cr[0] &= ~0x00000800u;
    CHECK_TRUE(resume());
    f->vm.cpu.cr[2] = 0x80000000u;              // LCTL: channel 0
    CHECK_FALSE(resume());
}

TEST(Assist, ACpuTimerRunningOutWithinTheSliceIsTheRoundsToTime)
{
    f->vm.cpu.cr[0] |= 0x00000400u;             // CPU-timer subclass
    f->vm.cpu.cpu_timer = SLICE / 2;
    f->vm.cpu.psw = EC_EXT_ENABLED;
    assist_begin(&f->vm, &mark);
    CHECK_FALSE(resume());
    f->vm.cpu.cpu_timer = SLICE * 2;
    CHECK_TRUE(resume());
}

TEST(Assist, ChangingBetweenBcAndEcModeIsTheRoundsToSee)
{
    f->vm.cpu.psw &= ~PSW_EC;
    CHECK_FALSE(resume());
}

// ---- the short way into guest storage -------------------------------------

TEST_GROUP(GmemFast)
{
    FakeVm *f = nullptr;
    void setup() { f = new FakeVm(); }
    void teardown() { delete f; }
};

TEST(GmemFast, AResidentPageIsReachedInPlace)
{
    u32 v = 0;
    f->put(0x2000, "\x12\x34\x56\x78", 4);
    u8 *p = gmem_fast(&f->vm.mem, 0x2000, 4, false);
    CHECK(p != nullptr);
    LONGS_EQUAL(0x12, p[0]);
    LONGS_EQUAL(0, gmem_fetch32(&f->vm.mem, 0x2000, &v));
    LONGS_EQUAL(0x12345678, v);
}

TEST(GmemFast, AnUntouchedPageTakesTheGeneralPathAndReadsZeros)
{
    u32 v = 1;
    POINTERS_EQUAL(nullptr, gmem_fast(&f->vm.mem, 0x30000, 4, false));
    LONGS_EQUAL(0, gmem_fetch32(&f->vm.mem, 0x30000, &v));
    LONGS_EQUAL(0, v);
}

TEST(GmemFast, AnAccessAcrossTwoPagesTakesTheGeneralPath)
{
    f->put(0x2000, "x", 1);
    f->put(0x3000, "y", 1);
    POINTERS_EQUAL(nullptr, gmem_fast(&f->vm.mem, 0x2FFE, 4, false));
    LONGS_EQUAL(0, gmem_store32(&f->vm.mem, 0x2FFE, 0xA1B2C3D4));
    LONGS_EQUAL(0xA1B2C3D4, f->get32(0x2FFE));
}

TEST(GmemFast, AnAddressBeyondTheStorageIsAnAddressingException)
{
    u64 v;
    POINTERS_EQUAL(nullptr, gmem_fast(&f->vm.mem, 0x100000, 1, false));
    LONGS_EQUAL(PGM_ADDRESSING, gmem_fetch64(&f->vm.mem, 0x100000, &v));
    LONGS_EQUAL(PGM_ADDRESSING, gmem_store8(&f->vm.mem, 0xFFFFFF, 1));
}

TEST(GmemFast, StoresOfEverySizeLandBigEndian)
{
    f->put(0x4000, "\0", 1);
    LONGS_EQUAL(0, gmem_store8(&f->vm.mem, 0x4000, 0x11));
    LONGS_EQUAL(0, gmem_store16(&f->vm.mem, 0x4002, 0x2233));
    LONGS_EQUAL(0, gmem_store64(&f->vm.mem, 0x4008, 0x0102030405060708ull));
    LONGS_EQUAL(0x11002233, f->get32(0x4000));
    LONGS_EQUAL(0x01020304, f->get32(0x4008));
    LONGS_EQUAL(0x05060708, f->get32(0x400C));
}
