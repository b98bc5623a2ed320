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
#include <regex>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <thread>

// what INDICATE USER says the user was charged, in instructions: all
// (TINST) and his guest's own (VINST)
struct Charge {
    double total, virt;
};

static Charge charged(Telnet3215 &t)
{
    t.sendLine("INDICATE USER");
    std::string out = t.readUntil("VINST=[0-9]+ TINST=[0-9]+ FAST=[0-9]+\\n", 20);
    std::smatch m;
    if (!std::regex_search(out, m, std::regex("VINST=([0-9]+) TINST=([0-9]+)")))
        throw std::runtime_error("no TINST in INDICATE USER: " + out);
    return { std::stod(m[2]), std::stod(m[1]) };
}

// instructions for one run of job, n times, as USER1 at terminal t: by
// Hercules' counter (everything the machine ran), by what CP charged
// the user (his guest's and CP's instructions for him), and CP's part of
// that alone (TINST less VINST: what the guest runs around the trap, a
// call and a loop, is not in it)
struct Count {
    double herc, user, cp;
};

static Count count(CpSystem &sys, Telnet3215 &t, const std::string &name, unsigned n)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    Charge c0 = charged(t);
    unsigned long long before = sys.herc().instcount();
    t.sendLine("IPL TBENCHE PARM " + name + " " + std::to_string(n));
    std::string out = t.readUntil("SUMMARY [^\\n]*\\n", 600);
    t.readUntil("CPX400W[^\\n]*\\n", 30);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    unsigned long long after = sys.herc().instcount();
    if (out.find("SUMMARY 1 cases, 0 failed") == std::string::npos)
        throw std::runtime_error("job " + name + " failed:\n" + out);
    Charge c1 = charged(t);
    return { (double)(after - before), c1.total - c0.total, (c1.total - c1.virt) - (c0.total - c0.virt) };
}

// the smaller of two runs, per operation
static Count perOp(CpSystem &sys, Telnet3215 &t, const std::string &name, unsigned n)
{
    Count a = count(sys, t, name, n), b = count(sys, t, name, n);
    return { std::min(a.herc, b.herc) / n, std::min(a.user, b.user) / n, std::min(a.cp, b.cp) / n };
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
    unsigned target;            // issue #16's goal for ON, CP instructions (0: none)
    const char *base = "NONE";  // the same loop without the trap, taken off
    unsigned n = 50000;
};

static const TrapRow rows[] = {
    { "DIAG60", "DIAGNOSE X'60'", false, 150 },
    { "SSM", "SSM", false, 150 },
    { "STNSM", "STNSM", false, 150 },
    { "STOSM", "STOSM", false, 150 },
    { "LPSW", "LPSW", false, 150 },
    { "ISK", "ISK", false, 150 },
    { "SSK", "SSK", false, 150 },
    { "IPK", "IPK", false, 150 },
    { "SPKA", "SPKA", false, 150 },
    { "SPT", "SPT", false, 150 },
    { "STPT", "STPT", false, 150 },
    { "SCKC", "SCKC", false, 150 },
    { "STCKC", "STCKC", false, 150 },
    { "TIO", "TIO to the console", false, 0 },
    { "SIOTIO", "SIO (NOP) + TIO to the console", false, 0 },
    { "SVC", "SVC, reflected", true, 120 },
    { "PGM", "program check, reflected", true, 120 },
    { "CONDIAG", "DIAGNOSE X'58', a console line", false, 1728, "CONNONE", 2000 },
    { "DSK250", "DIAGNOSE X'250', a block read", false, 3460, "DSKNONE", 5000 },
};

// one column: every row with ASSIST on or off
static void column(CpSystem &sys, Telnet3215 &t, bool on, Count *out, Count &none)
{
    const size_t nrows = sizeof rows / sizeof rows[0];

    assist(t, on);
    none = perOp(sys, t, "NONE", 50000);
    for (size_t i = 0; i < nrows; i++) {
        const TrapRow &r = rows[i];
        Count base = std::string(r.base) == "NONE" ? none : perOp(sys, t, r.base, r.n);
        Count job = perOp(sys, t, r.job, r.n);
        out[i] = { job.herc - base.herc, job.user - base.user, job.cp - base.cp };
    }
}

void benchTraps()
{
    CpSystem sys("bench-traps");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    const size_t nrows = sizeof rows / sizeof rows[0];
    Count on[nrows], off[nrows], noneOn, noneOff;
    size_t lpsw = 0;

    while (std::string(rows[lpsw].job) != "LPSW")
        lpsw++;
    column(sys, *t, true, on, noneOn);
    column(sys, *t, false, off, noneOff);
    assist(*t, true);

    printf("traps: CP instructions per operation, 50000 in a loop (the I/O services fewer),\n"
           "less the same loop without it; each figure the smaller of two runs.\n"
           "Hercules: its counter, everything the machine ran (now and then it over-counts\n"
           "a whole job); user: what CP charged the user (INDICATE USER's TINST); CP: that\n"
           "less the guest's own instructions (TINST - VINST: the trap alone, without the\n"
           "guest's call and loop around it; about five of CP's instructions a trap, the\n"
           "last before the guest runs and the first after, count as the guest's)\n");
    printf("  %-34s %8s %8s %8s %8s %8s %8s %7s\n", "", "ON herc", "OFF herc", "ON user", "OFF user",
           "ON CP", "OFF CP", "target");
    for (size_t i = 0; i < nrows; i++) {
        Count a = on[i], b = off[i];
        if (rows[i].lessLpsw) {
            a = { a.herc - on[lpsw].herc, a.user - on[lpsw].user, a.cp - on[lpsw].cp };
            b = { b.herc - off[lpsw].herc, b.user - off[lpsw].user, b.cp - off[lpsw].cp };
        }
        char target[16] = "";
        if (rows[i].target)
            snprintf(target, sizeof target, "%u", rows[i].target);
        printf("  %-34s %8.0f %8.0f %8.0f %8.0f %8.0f %8.0f %7s\n", rows[i].what, a.herc, b.herc, a.user,
               b.user, a.cp, b.cp, target);
    }
    printf("  (the empty loop: %.0f and %.0f per turn)\n\n", noneOn.herc, noneOff.herc);
}

// `bench traptrace`: Hercules' instruction trace of a few turns of one
// job (CP370_TRACE_JOB, DIAG60 if not set), written to traptrace.txt in
// the system's directory: where a trap's instructions go
void benchTrapTrace()
{
    const char *env = getenv("CP370_TRACE_JOB");
    std::string job = env ? env : "DIAG60";
    CpSystem sys("bench-traptrace");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    count(sys, *t, job, 50);                    // pages in, as in a measured run
    if (getenv("CP370_TRACE_COUNT")) {
        // no trace: what INDICATE USER says around one run of 50000
        t->sendLine("INDICATE USER");
        printf("%s", t->readUntil("FAST=[0-9]+\\n", 20).c_str());
        count(sys, *t, job, 50000);
        t->sendLine("INDICATE USER");
        printf("%s", t->readUntil("FAST=[0-9]+\\n", 20).c_str());
        return;
    }
    size_t from = sys.herc().mark();
    sys.herc().command("t+");
    count(sys, *t, job, 5);
    sys.herc().command("t-");
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    std::vector<std::string> all = sys.herc().lines();
    std::string file = sys.dir() + "/traptrace.txt";
    FILE *f = fopen(file.c_str(), "w");
    for (size_t i = from; f && i < all.size(); i++)
        fprintf(f, "%s\n", all[i].c_str());
    if (f)
        fclose(f);
    printf("trace of %s x5: %s (%zu lines)\n", job.c_str(), file.c_str(), all.size() - from);
}
