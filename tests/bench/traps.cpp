// traps.cpp - `make bench traps`: what one trap into CP costs, by kind,
// with SET ASSIST ON (the short path, cp/vm/assist.c) and OFF (every trap
// through the general dispatcher), side by side.
//
// The guest TBENCHE (tests/guest/tbench.c) runs n of one trapped
// instruction in a loop; the same loop with nothing in it is taken off.
// An SVC or program check comes back by LPSW of its old PSW, so LPSW's
// cost is taken off those rows too.  Hercules 3.13's counter now and then
// over-counts a whole job by half or more with the same wall time, so
// every figure is the smaller of two runs.
#include "bench.h"
#include "../system/harness/cpsystem.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

// instructions for one run of job, n times, as USER1 at terminal t
static double count(CpSystem &sys, Telnet3215 &t, const std::string &name, unsigned n)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    unsigned long long before = sys.herc().instcount();
    t.sendLine("IPL TBENCHE PARM " + name + " " + std::to_string(n));
    std::string out = t.readUntil("SUMMARY [^\\n]*\\n", 600);
    t.readUntil("CPX400W[^\\n]*\\n", 30);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    unsigned long long after = sys.herc().instcount();
    if (out.find("SUMMARY 1 cases, 0 failed") == std::string::npos)
        throw std::runtime_error("job " + name + " failed:\n" + out);
    return (double)(after - before);
}

// the smaller of two runs, per operation
static double perOp(CpSystem &sys, Telnet3215 &t, const std::string &name, unsigned n)
{
    return std::min(count(sys, t, name, n), count(sys, t, name, n)) / n;
}

static void assist(Telnet3215 &t, bool on)
{
    t.sendLine(std::string("SET ASSIST ") + (on ? "ON" : "OFF"));
    t.sendLine("QUERY SET");
    t.readUntil(std::string("ASSIST ") + (on ? "ON" : "OFF"));
}

struct TrapRow {
    const char *job, *what;
    bool lessLpsw;              // comes back by LPSW: take LPSW's cost off
    const char *base = "NONE";  // the same loop without the trap, taken off
    unsigned n = 50000;
};

static const TrapRow rows[] = {
    { "DIAG60", "DIAGNOSE X'60'", false },
    { "SSM", "SSM", false },
    { "STNSM", "STNSM", false },
    { "STOSM", "STOSM", false },
    { "LPSW", "LPSW", false },
    { "ISK", "ISK", false },
    { "SSK", "SSK", false },
    { "IPK", "IPK", false },
    { "SPKA", "SPKA", false },
    { "SPT", "SPT", false },
    { "STPT", "STPT", false },
    { "SCKC", "SCKC", false },
    { "STCKC", "STCKC", false },
    { "TIO", "TIO to the console", false },
    { "SIOTIO", "SIO (NOP) + TIO to the console", false },
    { "SVC", "SVC, reflected", true },
    { "PGM", "program check, reflected", true },
    { "CONDIAG", "DIAGNOSE X'58', a console line", false, "CONNONE", 2000 },
    { "DSK250", "DIAGNOSE X'250', a block read", false, "DSKNONE", 5000 },
};

// one column: every row with ASSIST on or off
static void column(CpSystem &sys, Telnet3215 &t, bool on, double *out, double &none)
{
    const size_t nrows = sizeof rows / sizeof rows[0];

    assist(t, on);
    none = perOp(sys, t, "NONE", 50000);
    for (size_t i = 0; i < nrows; i++) {
        const TrapRow &r = rows[i];
        double base = std::string(r.base) == "NONE" ? none : perOp(sys, t, r.base, r.n);
        out[i] = perOp(sys, t, r.job, r.n) - base;
    }
}

void benchTraps()
{
    CpSystem sys("bench-traps");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    const size_t nrows = sizeof rows / sizeof rows[0];
    double on[nrows], off[nrows], noneOn, noneOff;
    size_t lpsw = 0;

    while (std::string(rows[lpsw].job) != "LPSW")
        lpsw++;
    column(sys, *t, true, on, noneOn);
    column(sys, *t, false, off, noneOff);
    assist(*t, true);

    printf("traps: CP instructions per operation, 50000 in a loop (the I/O services fewer),\n"
           "less the same loop without it; each figure the smaller of two runs\n"
           "(Hercules 3.13 now and then over-counts a whole job)\n");
    printf("  %-34s %12s %12s\n", "", "ASSIST ON", "ASSIST OFF");
    for (size_t i = 0; i < nrows; i++) {
        double a = on[i], b = off[i];
        if (rows[i].lessLpsw) {
            a -= on[lpsw];
            b -= off[lpsw];
        }
        printf("  %-34s %12.0f %12.0f\n", rows[i].what, a, b);
    }
    printf("  (the empty loop: %.0f and %.0f per turn)\n\n", noneOn, noneOff);
}
