// test_intr.cpp - interrupt dispatch reads low core and calls the right layer.
extern "C" {
#include "cp/kern/intr.h"
#include "cp/kern/timer.h"
#include "arch370/prefix.h"
#include "arch370/interrupt.h"
#include "arch370/pgm.h"
}
#include <CppUTest/TestHarness.h>
#include <cstring>

static u32 io_sid, io_parm;
static int io_calls;
static void io_handler(u32 sid, u32 parm)
{
    io_sid = sid;
    io_parm = parm;
    io_calls++;
}

static int fired;
static void fire(void *) { fired++; }

TEST_GROUP(Interrupts)
{
    void setup()
    {
        memset(host_lowcore, 0, sizeof host_lowcore);
        io_sid = io_parm = 0;
        io_calls = fired = 0;
        intr_key_pressed = false;
    }
    void teardown() { intr_io_register(nullptr); }
};

TEST(Interrupts, AnIoInterruptionGoesToTheRegisteredDriverWithItsParameters)
{
    put_be32(host_lowcore + LC390_SUBSYS_ID, 0x0001000Au);
    put_be32(host_lowcore + LC390_IO_INTPARM, 7);
    intr_io_register(io_handler);
    intr_dispatch(EXIT_IO);
    LONGS_EQUAL(1, io_calls);
    LONGS_EQUAL(0x0001000Au, io_sid);
    LONGS_EQUAL(7, io_parm);
}

TEST(Interrupts, AnIoInterruptionBeforeAnyDriverRegisteredIsCountedOnly)
{
    u32 before = intr_io_count;
    intr_dispatch(EXIT_IO);
    LONGS_EQUAL(before + 1, intr_io_count);
    LONGS_EQUAL(0, io_calls);
}

TEST(Interrupts, TheClockComparatorRunsExpiredTimersAndIsReset)
{
    struct timer t = {};
    timer_add(&t, host_tod_clock, fire, nullptr);
    put_be16(host_lowcore + LC390_EXT_CODE, EXT_CLOCK_COMP);
    intr_dispatch(EXIT_EXT);
    LONGS_EQUAL(1, fired);
    CHECK(host_clock_comparator == ~0ull);
}

TEST(Interrupts, TheCpuTimerIsSetFarAwayAfterItsInterruption)
{
    host_cpu_timer = -1;
    put_be16(host_lowcore + LC390_EXT_CODE, EXT_CPU_TIMER);
    intr_dispatch(EXIT_EXT);
    CHECK(host_cpu_timer == 0x7FFFFFFFFFFFFFFFll);
}

TEST(Interrupts, TheInterruptKeyIsNoted)
{
    put_be16(host_lowcore + LC390_EXT_CODE, EXT_INTERRUPT_KEY);
    intr_dispatch(EXIT_EXT);
    CHECK(intr_key_pressed);
}

TEST(Interrupts, InitStoresTheEnabledWaitPsw)
{
    intr_init();
    CHECK(lc_get64(LC_WAITPSW) == 0x030E000080000000ull);
}

TEST(Interrupts, TheIdleWaitDispatchesWhatArrived)
{
    host_wait_exit = EXIT_IO;
    put_be32(host_lowcore + LC390_IO_INTPARM, 3);
    intr_io_register(io_handler);
    cp_wait_and_dispatch();
    host_wait_exit = EXIT_EXT;
    LONGS_EQUAL(1, io_calls);
    LONGS_EQUAL(3, io_parm);
}
