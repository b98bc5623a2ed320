// test_fastpath.cpp - the exit path for the common traps (cp/vm/fastpath.c):
// what it does on the saved state, and every condition in which it must
// leave the exit untouched for the general path or send the guest through
// the dispatcher's round.  One rule per test; the real low core (the host
// stand-in) holds the exit as the machine would have stored it.
extern "C" {
#include "cp/vm/fastpath.h"
#include "cp/vm/vmdebug.h"
#include "cp/mm/gmem.h"
#include "arch370/lowcore.h"
#include "arch370/pgm.h"
#include "arch370/psw.h"
#include "cpu.h"

int diag_dispatch(struct vm *vm, const struct insn *in);

// what priv.c and priv_timer.c give the fast path (not linked here):
// DIAGNOSE goes to diag/'s table as priv.c sends it, the comparator's
// timer is not needed
int priv_diagnose(struct vm *vm, const struct insn *in) { return diag_dispatch(vm, in); }
void vtimer_arm_ckc(struct vm *vm) { (void)vm; }
}
#include "fakevm.h"
#include <CppUTest/TestHarness.h>

#define EC_SUPERVISOR   0x0008000000000000ull   // EC mode, key 0, disabled
#define BC_SUPERVISOR   0x0000000000000000ull   // BC mode, key 0, disabled
#define SLICE           ((s64)(5 * TOD_MSEC))
#define CODE_AT         0x1000u
#define CR0_CLOCK_COMP  0x00000800u
#define CR0_CPU_TIMER   0x00000400u

TEST_GROUP(FastPath)
{
    FakeVm *f = nullptr;
    struct assist_mark mark;

    void setup()
    {
        f = new FakeVm();
        f->user.assist_on = true;
        f->vm.cpu.psw = EC_SUPERVISOR | CODE_AT;
        f->vm.cpu.clock_comparator = ~0ull;
        f->vm.cpu.cpu_timer = 0x7FFFFFFFFFFFFFFFll;
        u8 zero[8] = { 0 };
        f->put(0, zero, sizeof zero);           // page 0 in storage
        assist_begin(&f->vm, &mark);
    }
    void teardown() { delete f; }

    // the guest ran to the instruction at CODE_AT, len bytes, and the
    // real CPU gave a privileged-operation exception (suppressed: the
    // real old PSW points past it)
    void privileged(const std::vector<u8> &insn)
    {
        f->put(CODE_AT, insn.data(), (u32)insn.size());
        lc_put64(LC390_PGM_OLD, 0x070D000000000000ull | (CODE_AT + (u32)insn.size()));
        put_be16(&host_lowcore[LC390_PGM_CODE], PGM_PRIVILEGED);
        host_lowcore[LC390_PGM_ILC] = (u8)insn.size();
    }
    void svc(u8 number)
    {
        lc_put64(LC390_SVC_OLD, 0x070D000000000000ull | (CODE_AT + 2));
        put_be16(&host_lowcore[LC390_SVC_CODE], number);
        host_lowcore[LC390_SVC_ILC] = 2;
    }
    enum fast_result exit(int code) { return fast_exit(&f->vm, code, SLICE, &mark); }
    u8 sysmask() const { return (u8)(f->vm.cpu.psw >> 56); }
    u32 ia() const { return psw370_ia(f->vm.cpu.psw); }
};

TEST(FastPath, SsmSetsTheSystemMaskAndTheGuestGoesOnPastIt)
{
    u8 mask = 0x03;                              // I/O and external
    f->put(0x200, &mask, 1);
    privileged({ 0x80, 0x00, 0x02, 0x00 });      // SSM X'200'
    CHECK_EQUAL(FAST_RESUME, exit(EXIT_PGM));
    CHECK_EQUAL(0x03, sysmask());
    CHECK_EQUAL(CODE_AT + 4, ia());
    CHECK_EQUAL(1u, f->vm.exits);
    // the real PSW for the next entry is built from it
    CHECK_EQUAL(psw390_for_guest(f->vm.cpu.psw), f->vm.cpu.ctx.psw);
}

TEST(FastPath, StosmStoresTheOldMaskBeforeOrringTheNewBitsIn)
{
    f->vm.cpu.psw |= (u64)0x02 << 56;
    privileged({ 0xAD, 0x01, 0x02, 0x00 });      // STOSM X'200',X'01'
    CHECK_EQUAL(FAST_RESUME, exit(EXIT_PGM));
    CHECK_EQUAL(0x02u, f->get32(0x200) >> 24);
    CHECK_EQUAL(0x03, sysmask());
}

TEST(FastPath, AnEcMaskWithBitsThatMustBeZeroIsLeftToTheGeneralPath)
{
    u64 psw = f->vm.cpu.psw;
    u8 mask = 0x80;
    f->put(0x200, &mask, 1);
    privileged({ 0x80, 0x00, 0x02, 0x00 });
    CHECK_EQUAL(FAST_NOT_MINE, exit(EXIT_PGM));
    CHECK_EQUAL(psw, f->vm.cpu.psw);             // nothing changed
    CHECK_EQUAL(0u, f->vm.exits);
}

TEST(FastPath, AnOperandInAPageNotInStorageIsLeftToTheGeneralPath)
{
    f->vm.cpu.ctx.gpr[5] = 0x5000;
    privileged({ 0x80, 0x00, 0x50, 0x00 });      // SSM 0(5): X'5000', never touched
    CHECK_EQUAL(GPS_EMPTY, gspace_state(&f->vm.mem, 0x5000));
    CHECK_EQUAL(FAST_NOT_MINE, exit(EXIT_PGM));
    CHECK_EQUAL(GPS_EMPTY, gspace_state(&f->vm.mem, 0x5000));
}

TEST(FastPath, APrivilegedInstructionInTheProblemStateIsLeftToTheGeneralPath)
{
    f->vm.cpu.psw |= PSW_PROBLEM;
    privileged({ 0x80, 0x00, 0x02, 0x00 });
    CHECK_EQUAL(FAST_NOT_MINE, exit(EXIT_PGM));
}

TEST(FastPath, AnInstructionItDoesNotKnowIsLeftToTheGeneralPath)
{
    privileged({ 0xB7, 0x00, 0x02, 0x00 });      // LCTL
    CHECK_EQUAL(FAST_NOT_MINE, exit(EXIT_PGM));
}

TEST(FastPath, LpswEnablingAPendingClockComparatorGoesThroughTheRound)
{
    u8 psw[8] = { 0x01, 0x08, 0, 0, 0, 0, 0x20, 0x00 };    // EC, external, X'2000'
    f->put(0x200, psw, 8);
    f->vm.cpu.cr[0] = CR0_CLOCK_COMP;
    f->vm.cpu.clock_comparator = 0;              // long due
    privileged({ 0x82, 0x00, 0x02, 0x00 });      // LPSW X'200'
    CHECK_EQUAL(FAST_ROUND, exit(EXIT_PGM));
    CHECK_EQUAL(0x2000u, ia());                  // loaded: the round interrupts it there
}

TEST(FastPath, ScckOfATimePassedGoesThroughTheRoundWhenEnabled)
{
    u8 zero[8] = { 0 };
    f->put(0x200, zero, 8);
    f->vm.cpu.cr[0] = CR0_CLOCK_COMP;
    f->vm.cpu.psw |= PSW_EXT;
    assist_begin(&f->vm, &mark);
    privileged({ 0xB2, 0x06, 0x02, 0x00 });      // SCKC X'200'
    CHECK_EQUAL(FAST_ROUND, exit(EXIT_PGM));
    CHECK_EQUAL(0u, f->vm.cpu.clock_comparator);
}

TEST(FastPath, SptOfANegativeValueGoesThroughTheRoundWhenEnabled)
{
    u8 neg[8] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
    f->put(0x200, neg, 8);
    f->vm.cpu.cr[0] = CR0_CPU_TIMER;
    f->vm.cpu.psw |= PSW_EXT;
    assist_begin(&f->vm, &mark);
    privileged({ 0xB2, 0x08, 0x02, 0x00 });      // SPT X'200'
    CHECK_EQUAL(FAST_ROUND, exit(EXIT_PGM));
    CHECK_EQUAL(-1, f->vm.cpu.cpu_timer);
}

TEST(FastPath, StptStoresTheCpuTimerAsTheRunLeftIt)
{
    f->vm.cpu.cpu_timer = 1000;
    CHECK_TRUE(fast_account(&f->vm, 10));
    privileged({ 0xB2, 0x09, 0x02, 0x00 });      // STPT X'200'
    CHECK_EQUAL(FAST_RESUME, exit(EXIT_PGM));
    CHECK_EQUAL(990u, f->get32(0x204));
}

TEST(FastPath, Diagnose60GivesTheStorageSize)
{
    privileged({ 0x83, 0x30, 0x00, 0x60 });      // DIAG 3,0,X'60'
    CHECK_EQUAL(FAST_RESUME, exit(EXIT_PGM));
    CHECK_EQUAL(f->vm.mem.size, f->vm.cpu.ctx.gpr[3]);
}

TEST(FastPath, OtherDiagnoseCodesAreLeftToTheGeneralPath)
{
    privileged({ 0x83, 0x30, 0x00, 0x08 });      // DIAG X'08': may sleep
    CHECK_EQUAL(FAST_NOT_MINE, exit(EXIT_PGM));
}

TEST(FastPath, IskGivesTheKeyOfTheBlockInBcModeWithoutBits29To31)
{
    f->vm.cpu.psw = BC_SUPERVISOR | CODE_AT;
    assist_begin(&f->vm, &mark);
    gspace_set_key(&f->vm.mem, 0x1000, 0x36);
    f->vm.cpu.ctx.gpr[2] = 0x1000;
    privileged({ 0x09, 0x12 });                  // ISK 1,2
    CHECK_EQUAL(FAST_RESUME, exit(EXIT_PGM));
    CHECK_EQUAL(0x30u, f->vm.cpu.ctx.gpr[1] & 0xFF);
}

TEST(FastPath, SvcIsReflectedWithItsCodeInTheBcOldPsw)
{
    u8 newpsw[8] = { 0x00, 0x00, 0, 0, 0, 0, 0x30, 0x00 };
    f->vm.cpu.psw = BC_SUPERVISOR | CODE_AT;
    assist_begin(&f->vm, &mark);
    f->put(LC370_SVC_NEW, newpsw, 8);
    svc(42);
    CHECK_EQUAL(FAST_RESUME, exit(EXIT_SVC));
    CHECK_EQUAL(0x3000u, ia());
    CHECK_EQUAL(0x0000002Au, f->get32(LC370_SVC_OLD));          // code 42
    CHECK_EQUAL(0x40000000u | (CODE_AT + 2), f->get32(LC370_SVC_OLD + 4));  // ILC 2
}

TEST(FastPath, SvcIsReflectedWithItsCodeAtX88InEcMode)
{
    u8 newpsw[8] = { 0x00, 0x08, 0, 0, 0, 0, 0x30, 0x00 };
    f->put(LC370_SVC_NEW, newpsw, 8);
    svc(7);
    CHECK_EQUAL(FAST_RESUME, exit(EXIT_SVC));
    CHECK_EQUAL(0x00020007u, f->get32(0x88));    // ILC 2, code 7
    CHECK_EQUAL(CODE_AT + 2, f->get32(LC370_SVC_OLD + 4));
}

TEST(FastPath, AReflectionIntoAPageZeroNotInStorageIsLeftToTheGeneralPath)
{
    gspace_release(&f->vm.mem, 0, 0);
    svc(7);
    CHECK_EQUAL(FAST_NOT_MINE, exit(EXIT_SVC));
}

TEST(FastPath, APageFaultIsNeverTheFastPaths)
{
    lc_put64(LC390_PGM_OLD, 0x070D000000000000ull | CODE_AT);
    put_be16(&host_lowcore[LC390_PGM_CODE], PGM_PAGE_TRANS);
    CHECK_EQUAL(FAST_NOT_MINE, exit(EXIT_PGM));
}

TEST(FastPath, SomethingPostedMeanwhileSendsTheGuestThroughTheRound)
{
    u8 mask = 0;
    f->put(0x200, &mask, 1);
    f->vm.posted++;
    privileged({ 0x80, 0x00, 0x02, 0x00 });
    CHECK_EQUAL(FAST_ROUND, exit(EXIT_PGM));
}

TEST(FastPath, ARunThatCompletesAnIntervalTimerUnitIsLeftToAccount)
{
    s64 timer = f->vm.cpu.cpu_timer;
    CHECK_FALSE(fast_account(&f->vm, 60000));    // 13 us: one unit is 53,333 1/3
    CHECK_EQUAL(timer, f->vm.cpu.cpu_timer);
    CHECK_EQUAL(0u, f->vm.itimer_rem);
    CHECK_TRUE(fast_account(&f->vm, 50000));
    CHECK_EQUAL(150000u, f->vm.itimer_rem);
}

TEST(FastPath, NotWithAssistOffTraceOrTheGuestsOwnDat)
{
    CHECK_TRUE(fast_allowed(&f->vm, false));
    CHECK_FALSE(fast_allowed(&f->vm, true));     // PER armed for TRACE
    f->user.assist_on = false;
    CHECK_FALSE(fast_allowed(&f->vm, false));
    f->user.assist_on = true;
    f->vm.cpu.psw |= PSW_DAT;
    CHECK_FALSE(fast_allowed(&f->vm, false));
}

TEST(FastPath, IskInEcModeGoesOn)
{
    f->vm.cpu.ctx.gpr[3] = 0x10000;
    privileged({ 0x09, 0x23 });                  // ISK 2,3
    CHECK_EQUAL(FAST_RESUME, exit(EXIT_PGM));
}

TEST(FastPath, AFixedPointDivideIsReflected)
{
    u8 newpsw[8] = { 0x00, 0x08, 0, 0, 0, 0, 0x30, 0x00 };
    f->put(LC370_PGM_NEW, newpsw, 8);
    u8 dr[2] = { 0x1D, 0x02 };
    f->put(CODE_AT, dr, 2);
    lc_put64(LC390_PGM_OLD, 0x070D000000000000ull | (CODE_AT + 2));
    put_be16(&host_lowcore[LC390_PGM_CODE], PGM_FIXED_DIVIDE);
    host_lowcore[LC390_PGM_ILC] = 2;
    CHECK_EQUAL(FAST_RESUME, exit(EXIT_PGM));
    CHECK_EQUAL(0x3000u, ia());
    CHECK_EQUAL(0x00020009u, f->get32(0x8C));
}

TEST(FastPath, AnS370IoInstructionIsLeftToTheGeneralPathAtOnce)
{
    privileged({ 0x9D, 0x00, 0x00, 0x09 });      // TIO X'009'
    put_be16(&host_lowcore[LC390_PGM_CODE], PGM_OPERATION);
    CHECK_EQUAL(FAST_NOT_MINE, exit(EXIT_PGM));
    CHECK_EQUAL(0u, f->vm.priv_ops);
}

TEST(FastPath, SskAsAnOperationExceptionIsTheFastPaths)
{
    f->vm.cpu.ctx.gpr[1] = 0x30;
    f->vm.cpu.ctx.gpr[2] = 0x1000;
    privileged({ 0x08, 0x12 });                  // SSK 1,2
    put_be16(&host_lowcore[LC390_PGM_CODE], PGM_OPERATION);
    CHECK_EQUAL(FAST_RESUME, exit(EXIT_PGM));
    CHECK_EQUAL(0x30, gspace_get_key(&f->vm.mem, 0x1000) & 0xF8);
}
