// test_exit.cpp - an exit is handled from what it left when it happened
// (struct vexit, copied by the dispatcher at the exit), never from the real
// low core as it is when the handler runs: the handler may have slept
// meanwhile (page 0 brought in, a line written), and other guests' exits
// and CP's interruptions store over the real low core.  One rule per test,
// each with the real low core holding another exit's details.
extern "C" {
#include "cp/vm/pgfault.h"
#include "cp/vm/assist.h"
#include "cp/mm/gmem.h"
#include "arch370/lowcore.h"
#include "arch370/pgm.h"
#include "arch370/psw.h"
#include "cpu.h"
}
#include "fakevm.h"
#include <CppUTest/TestHarness.h>

TEST_GROUP(ExitDetails)
{
    FakeVm *f = nullptr;

    void setup()
    {
        f = new FakeVm();
        f->user.assist_on = true;
    }
    void teardown() { delete f; }
    // another guest's page fault, stored after this guest's exit
    void lowCoreOverwritten(u32 tea)
    {
        lc_put32(LC390_TEA, tea);
        put_be16(&host_lowcore[LC390_PGM_CODE], PGM_PRIVILEGED);
    }
};

TEST(ExitDetails, APageFaultBringsInThePageItsOwnExitNamed)
{
    f->vm.exit.pgm_code = PGM_PAGE_TRANS;
    f->vm.exit.tea = 0x3000;
    lowCoreOverwritten(0x5000);
    pgfault_translation(&f->vm, 4);
    CHECK_EQUAL(GPS_RESIDENT, gspace_state(&f->vm.mem, 0x3000));
    CHECK_EQUAL(GPS_EMPTY, gspace_state(&f->vm.mem, 0x5000));
    CHECK_EQUAL(VM_RUNNING, f->vm.state);
}

TEST(ExitDetails, APageFaultBeyondStorageIsJudgedByItsOwnAddress)
{
    // this guest's fault is inside its storage; the real low core names
    // an address beyond it (another guest's, larger): no addressing
    // exception for this guest
    u64 psw = f->vm.cpu.psw;

    f->vm.exit.tea = 0x2000;
    lowCoreOverwritten(0xF00000);
    pgfault_translation(&f->vm, 4);
    CHECK_EQUAL(psw, f->vm.cpu.psw);            // nullified: runs it again
    CHECK_EQUAL(GPS_RESIDENT, gspace_state(&f->vm.mem, 0x2000));
}

TEST(ExitDetails, TheShortPathSeesAPageFaultByItsOwnExit)
{
    struct assist_mark mark;

    assist_begin(&f->vm, &mark);
    f->vm.exit.pgm_code = PGM_PAGE_TRANS;       // a fault: the round's
    lowCoreOverwritten(0x5000);                 // real low core: a privileged op
    CHECK_FALSE(assist_resume(&f->vm, EXIT_PGM, &mark, (s64)(5 * TOD_MSEC)));
    f->vm.exit.pgm_code = PGM_PRIVILEGED;       // simulated: may go on
    put_be16(&host_lowcore[LC390_PGM_CODE], PGM_PAGE_TRANS);
    CHECK_TRUE(assist_resume(&f->vm, EXIT_PGM, &mark, (s64)(5 * TOD_MSEC)));
}

TEST(ExitDetails, IntervalTimerUnitsDueStopTheShortPath)
{
    struct assist_mark mark;

    assist_begin(&f->vm, &mark);
    f->vm.itimer_due = 3;                       // page 0 was out at the exit
    CHECK_FALSE(assist_resume(&f->vm, EXIT_SVC, &mark, (s64)(5 * TOD_MSEC)));
}
