// bench.cpp - `make bench`: what the paravirtual paths save; then what
// paging costs and shared pages save (tests/bench/paging.cpp).
//
// The I/O paths: one system, one user, one run: the guest program TBENCHE
// (tests/guest/tbench.c) does the same job the emulated way (SIO), the
// paravirtual way (DIAGNOSE) and without the I/O, and Hercules' instruction
// counter (CP and guest together) is read before and after each job, while
// the system is idle.  The job without I/O is taken off the others, so what
// is printed is the cost of the I/O path alone, per operation.  Results
// are ratios within this run; nothing here asserts a time.
#include "bench.h"
#include "../system/harness/cpsystem.h"

#include <CppUTest/TestHarness.h>
#include <CppUTest/MemoryLeakWarningPlugin.h>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

struct Cost {
    double instructions = 0;    // per operation
    double ms = 0;              // wall time of the whole job
};

// run one job; the count is read when CP has nothing left to do
static Cost job(CpSystem &sys, Telnet3215 &t, const std::string &name, unsigned n)
{
    using clock = std::chrono::steady_clock;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    unsigned long long before = sys.herc().instcount();
    auto start = clock::now();
    t.sendLine("IPL TBENCHE PARM " + name + " " + std::to_string(n));
    std::string out = t.readUntil("SUMMARY [^\\n]*\\n", 600);
    t.readUntil("CPX400W[^\\n]*\\n", 30);
    auto end = clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    unsigned long long after = sys.herc().instcount();
    if (out.find("SUMMARY 1 cases, 0 failed") == std::string::npos)
        throw std::runtime_error("job " + name + " failed:\n" + out.substr(out.rfind("FAIL") == std::string::npos ? 0 : out.rfind("FAIL")));
    Cost c;
    c.instructions = (double)(after - before) / n;
    c.ms = std::chrono::duration<double, std::milli>(end - start).count();
    return c;
}

static void row(const char *what, const Cost &c, const Cost &none)
{
    printf("  %-34s %12.0f %10.0f\n", what, c.instructions - none.instructions, c.ms);
}

// the trap, console and minidisk jobs
static void benchIo()
{
    CpSystem sys("bench");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    const unsigned lines = 10000, blocks = 2000;

    printf("cp370 bench: Hercules instruction counts (CP and guest), per operation,\n"
           "less the same job without I/O; wall time of the whole job\n\n");

    const unsigned trips = 100000;
    Cost tnone = job(sys, *t, "NONE", trips);
    Cost trip = job(sys, *t, "DIAG60", trips);
    printf("a round trip into CP, %u times             instructions/trip    wall ms\n", trips);
    row("DIAGNOSE X'60' (storage size)", trip, tnone);
    printf("\n");

    Cost cnone = job(sys, *t, "CONNONE", lines);
    Cost csio = job(sys, *t, "CONSIO", lines);
    Cost cdiag = job(sys, *t, "CONDIAG", lines);
    printf("console, %u lines                      instructions/line    wall ms\n", lines);
    row("SIO to the virtual 3215", csio, cnone);
    row("DIAGNOSE X'58'", cdiag, cnone);
    printf("  (the job without I/O: %.0f per line)\n", cnone.instructions);
    printf("  ratio SIO : DIAGNOSE X'58' = %.2f : 1\n\n",
           (csio.instructions - cnone.instructions) / (cdiag.instructions - cnone.instructions));

    Cost dnone = job(sys, *t, "DSKNONE", blocks);
    Cost dsio = job(sys, *t, "DSKSIO", blocks);
    Cost d18 = job(sys, *t, "DSK18", blocks);
    Cost d250 = job(sys, *t, "DSK250", blocks);
    printf("minidisk, %u reads of 800-byte blocks   instructions/block   wall ms\n", blocks);
    row("SIO, CCW translation, interruption", dsio, dnone);
    row("DIAGNOSE X'18'", d18, dnone);
    row("DIAGNOSE X'250'", d250, dnone);
    printf("  (the job without I/O: %.0f per block)\n", dnone.instructions);
    double s = dsio.instructions - dnone.instructions, a = d18.instructions - dnone.instructions,
           b = d250.instructions - dnone.instructions;
    printf("  ratio SIO : X'18' : X'250' = %.2f : %.2f : 1\n\n", s / b, a / b);
}

// `bench` runs every part; `bench traps|tv|native|io|paging|shared|spool|cms|users|dat` one of them
int main(int argc, char **argv)
{
    std::string only = argc > 1 ? argv[1] : "";
    // the harness runs a thread per client (32 in the users part), and
    // CppUTest's new/delete bookkeeping, linked in with the harness, is
    // not thread-safe: as in tests/system/main.cpp, it is turned off
    MemoryLeakWarningPlugin::turnOffNewDeleteOverloads();
    try {
        if (only.empty() || only == "traps")
            benchTraps();
        if (only == "traptrace")
            benchTrapTrace();
        if (only.empty() || only == "tv")
            benchTv();
        if (only.empty() || only == "native")
            benchNative();
        if (only.empty() || only == "io")
            benchIo();
        if (only.empty() || only == "paging")
            benchPaging();
        if (only.empty() || only == "shared")
            benchShared();
        if (only.empty() || only == "spool")
            benchSpool();
        if (only.empty() || only == "cms")
            benchCms();
        if (only.empty() || only == "users")
            benchUsers();
        if (only.empty() || only == "dat")
            benchDat();
    } catch (std::exception &e) {
        fprintf(stderr, "bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
