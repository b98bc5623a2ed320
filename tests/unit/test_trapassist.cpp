// test_trapassist.cpp - what CP gives the interruption stubs before a run
// and takes back after it (cp/vm/trapassist.c, arch370/assist.h): when
// the stubs may act at all, what "quiet" means, where a run must end for
// the interval timer, and how the stubs' counts, CPU timer, clock comparator and
// program-check loop become the VM's.  The stubs themselves are
// assembler and tested by the guest suites under Hercules.
extern "C" {
#include "cp/vm/trapassist.h"
#include "cp/vm/fastpath.h"
#include "cp/vm/vmcf.h"
#include "cp/kern/timer.h"
#include "cp/mm/gmem.h"
#include "arch370/lowcore.h"
#include "arch370/be.h"
#include "cpu.h"
}
#include "fakevm.h"
#include <CppUTest/TestHarness.h>

#define EC_SUPERVISOR   0x0008000000000000ull
#define RUN             ((s64)(5 * TOD_MSEC))
#define CR0_CLOCK_COMP  0x00000800u
#define CR0_CPU_TIMER   0x00000400u

TEST_GROUP(TrapAssist)
{
    FakeVm *f = nullptr;
    struct guest_assist *a = nullptr;

    void setup()
    {
        f = new FakeVm();
        f->vm.cpu.psw = EC_SUPERVISOR | 0x1000;
        f->vm.cpu.clock_comparator = ~0ull;
        f->vm.cpu.cpu_timer = 0x7FFFFFFFFFFFFFFFll;
        f->vm.cpu.cr[0] = 0xE0;
        setTimer(-1);                            // page 0 in storage, X'50' negative
        a = &f->vm.cpu.ctx.a;
    }
    void teardown() { delete f; }

    void setTimer(s32 v)
    {
        u8 b[4];
        put_be32(b, (u32)v);
        f->put(LC370_TIMER, b, 4);
    }
    void arm(s64 run = RUN)
    {
        trapassist_begin(&f->vm, run);
        trapassist_arm(&f->vm, true, run);
    }
};

TEST(TrapAssist, ArmedWithWhatTheStubReads)
{
    f->vm.cpu.cr[0] = 0x12345678;
    f->vm.cpu.cpu_timer = 100 * (s64)TOD_MSEC;
    f->vm.cpu.clock_comparator = 0x1122334455667788ull;
    arm();
    CHECK_EQUAL(1u, a->on);
    CHECK_EQUAL(f->vm.cpu.psw, a->vpsw);
    CHECK_EQUAL(0x12345678u, a->cr0);
    CHECK_EQUAL(f->vm.mem.size, a->size);
    POINTERS_EQUAL(f->vm.mem.pagetab, a->pagetab);
    // the guest's CPU timer is this plus the real one as the run goes
    CHECK(a->cpt_off == 100 * (s64)TOD_MSEC - RUN);
    CHECK(a->ckc == 0x1122334455667788ull);
    // page 0 where the stub stores old PSWs: its real frame
    CHECK_EQUAL((u32)(uintptr_t)gmem_fast(&f->vm.mem, 0, 8, true), a->page0);
    CHECK(a->page0 != 0);
    // the translation caches start empty
    CHECK_EQUAL(0xFFFFFFFFu, a->itlb.page);
    CHECK_EQUAL(0xFFFFFFFFu, a->dtlb.wpage);
    // no reflection yet: no program-check handler address to count at
    CHECK_EQUAL(0xFFFFFFFFu, a->pgm_ia);
}

TEST(TrapAssist, NotArmedWithAssistOffOrAnIntervalUnitDue)
{
    trapassist_arm(&f->vm, false, RUN);
    CHECK_EQUAL(0u, a->on);
    f->vm.itimer_due = 1;
    trapassist_arm(&f->vm, true, RUN);
    CHECK_EQUAL(0u, a->on);
}

// a stub that finds nothing to do (a guest whose traps are DIAGNOSEs and
// I/O) is armed for one run in ASSIST_PROBE only, until it does one
TEST(TrapAssist, AStubWithNothingToDoIsArmedOnlyNowAndThen)
{
    for (unsigned i = 0; i < ASSIST_IDLE_RUNS; i++) {
        arm();
        CHECK_EQUAL(1u, a->on);
        trapassist_collect(&f->vm, RUN);        // no trap done
    }
    unsigned armed = 0;
    for (unsigned i = 0; i < 4 * ASSIST_PROBE; i++) {
        trapassist_arm(&f->vm, true, RUN);
        armed += a->on;
        trapassist_collect(&f->vm, RUN);
    }
    CHECK_EQUAL(4u, armed);
    // a probe that does a trap arms every run again
    do {
        trapassist_arm(&f->vm, true, RUN);
    } while (!a->on);
    a->ntraps = 1;
    trapassist_collect(&f->vm, RUN);
    trapassist_arm(&f->vm, true, RUN);
    CHECK_EQUAL(1u, a->on);
}

TEST(TrapAssist, NotArmedWhenPage0IsNotInStorage)
{
    FakeVm empty("USER2", 1 << 20);              // nothing stored: no page 0
    empty.vm.cpu.psw = EC_SUPERVISOR;
    trapassist_arm(&empty.vm, true, RUN);
    CHECK_EQUAL(0u, empty.vm.cpu.ctx.a.on);
}

// each change below is posted, as CP posts it (vm_kick)
TEST(TrapAssist, QuietOnlyWhenNothingCanBecomeDeliverable)
{
    arm();
    CHECK_EQUAL(1u, a->quiet);
    f->vm.cpu.ext_pending = VEXT_KEY;            // the EXTERNAL command, masked
    f->vm.posted++;
    arm();
    CHECK_EQUAL(0u, a->quiet);
    f->vm.cpu.ext_pending = 0;
    f->console->int_pending = true;              // an I/O interruption waiting
    f->vm.posted++;
    arm();
    CHECK_EQUAL(0u, a->quiet);
    f->console->int_pending = false;
    // a clock comparator already passed, its subclass on
    f->vm.cpu.cr[0] |= CR0_CLOCK_COMP;
    f->vm.cpu.clock_comparator = 0;
    arm();
    CHECK_EQUAL(0u, a->quiet);
    // ... not yet reached: its real interruption ends the run in time
    f->vm.cpu.clock_comparator = ~0ull - 1;
    arm();
    CHECK_EQUAL(1u, a->quiet);
    // a CPU timer that can run out within the run
    f->vm.cpu.cr[0] |= CR0_CPU_TIMER;
    f->vm.cpu.cpu_timer = RUN - 1;
    arm();
    CHECK_EQUAL(0u, a->quiet);
    f->vm.cpu.cpu_timer = RUN;
    arm();
    CHECK_EQUAL(1u, a->quiet);
}

// the test is kept while nothing is posted and CR0 stays (every pending
// condition is posted); a "not quiet" is looked at again each time
TEST(TrapAssist, AQuietFindingHoldsUntilSomethingIsPostedOrCr0Changes)
{
    arm();
    CHECK_EQUAL(1u, a->quiet);
    f->console->int_pending = true;
    arm();
    CHECK_EQUAL(1u, a->quiet);                   // not posted: not looked at
    f->vm.posted++;
    arm();
    CHECK_EQUAL(0u, a->quiet);
    f->console->int_pending = false;
    arm();
    CHECK_EQUAL(1u, a->quiet);                   // taken: quiet again
    f->vm.cpu.cr[0] |= CR0_CLOCK_COMP;
    f->vm.cpu.clock_comparator = 0;              // passed, then enabled by LCTL
    arm();
    CHECK_EQUAL(0u, a->quiet);
}

TEST(TrapAssist, ACpuTimerSetInCSinceTheRoundEndsQuiet)
{
    f->vm.cpu.cr[0] |= CR0_CPU_TIMER;
    arm();
    CHECK_EQUAL(1u, a->quiet);
    f->vm.cpu.cpu_timer = -5;                    // SPT done by the general path
    trapassist_arm(&f->vm, true, RUN);
    CHECK_EQUAL(0u, a->quiet);
}

TEST(TrapAssist, ARunEndsWhereTheIntervalTimerGoesNegative)
{
    // 10 units left, 1,000 thirds of a TOD unit already run: it goes
    // negative after 11 units less that, 160,000 thirds each
    setTimer(10);
    f->vm.itimer_rem = 1000;
    CHECK(trapassist_slice(&f->vm, RUN) == (s64)((11 * 160000u - 1000u) / 3));
    // a slice shorter than that stays as it was
    CHECK(trapassist_slice(&f->vm, 1000) == 1000);
}

TEST(TrapAssist, ARunEndsAfter300thOfASecondAtTheLatest)
{
    // X'50' far from zero, or negative: brought up to date as often as
    // its bit 23 changes
    setTimer(0x10000);
    CHECK(trapassist_slice(&f->vm, RUN) == (s64)(TOD_SEC / 300));
    setTimer(-1);
    CHECK(trapassist_slice(&f->vm, RUN) == (s64)(TOD_SEC / 300));
    CHECK(trapassist_slice(&f->vm, 2 * (s64)TOD_MSEC) == 2 * (s64)TOD_MSEC);
}

TEST(TrapAssist, CollectGivesTheVmWhatTheStubDid)
{
    arm();
    a->vpsw = EC_SUPERVISOR | 0x03000000ull << 32 | 0x2000;   // SSM enabled I/O, ext
    a->ntraps = 5;
    a->npriv = 3;
    a->npgm = 2;
    a->pgm_ia = 0x4000;
    a->pgm_loop = 7;
    a->vinsns = 1234;
    u64 v0 = f->user.virt_insns;
    trapassist_collect(&f->vm, RUN);
    CHECK(f->vm.cpu.psw == a->vpsw);
    CHECK_EQUAL(5u, f->vm.exits);
    CHECK_EQUAL(5u, f->vm.fast);
    CHECK_EQUAL(3u, f->vm.priv_ops);
    CHECK_EQUAL(2u, f->vm.pgm_reflected);
    CHECK_EQUAL(0x4000u, f->vm.pgm_new_ia);
    CHECK_EQUAL(7u, f->vm.pgm_loop);
    CHECK(f->user.virt_insns == v0 + 1234);
    // the counts are taken once
    trapassist_collect(&f->vm, RUN);
    CHECK_EQUAL(5u, f->vm.exits);
}

TEST(TrapAssist, AnSptInTheStubIsTheCpuTimerAtTheRunsStart)
{
    arm();
    // SPT of 3 ms when the real timer showed RUN - 1 ms: the guest's timer
    // is cpt_off + the real one
    a->cpt_off = 3 * (s64)TOD_MSEC - (RUN - (s64)TOD_MSEC);
    a->spt = 1;
    a->ntraps = 1;
    trapassist_collect(&f->vm, RUN);
    // as the run began: 4 ms; CP then takes the run's whole time off
    CHECK(f->vm.cpu.cpu_timer == 4 * (s64)TOD_MSEC);
}

TEST(TrapAssist, AnSckcInTheStubIsTheVmsClockComparatorAfterTheRun)
{
    arm();
    a->ckc = 0x00DD000000000000ull;
    a->ckc_set = 1;
    a->ntraps = 1;
    trapassist_collect(&f->vm, RUN);
    CHECK(f->vm.cpu.clock_comparator == 0x00DD000000000000ull);
}
