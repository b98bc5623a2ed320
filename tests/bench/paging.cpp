// paging.cpp - `make bench`: what demand paging and shared segments cost
// and save.
//
// Paging: four users of 4 MB each run the integrity program TPAGEE
// (tests/guest/tpage.c) at once, on a system of 64 MB, where everything
// fits, and on one of 8 MB, where pages go to the paging volume and come
// back, each twice.  INDICATE LOAD before and after gives the faults,
// page-ins and page-outs of the job and CP's own count of instructions
// per fault (only the faulting task's, cp/kern/task.h); Hercules' counter
// around the job gives all instructions, CP and guests.  The guests do
// the same work on both systems, so the difference of the two counts
// over the difference in faults is what a fault that goes to DASD costs.
//
// Shared segments: four users IPL the stand-in nucleus TNUC
// (tests/guest/tnuc.c, 64 shared pages), then the CMS nucleus
// (cms-guest/, pages X'20'-X'5F' shared), each once shared and once
// NOSHARE; the real frames they hold (every private frame, each shared
// frame once) per user.  Printed, never asserted.
#include "bench.h"
#include "../system/harness/cpsystem.h"

#include <chrono>
#include <cstdio>
#include <regex>
#include <stdexcept>
#include <thread>
#include <vector>

// the number after `label` in text, -1 if none
static long number(const std::string &text, const std::string &label)
{
    std::smatch m;
    if (!std::regex_search(text, m, std::regex(label + "0*(\\d+)")))
        return -1;
    return std::stol(m[1]);
}

static std::string command(Telnet3215 &t, const std::string &cmd, const std::string &last)
{
    t.sendLine(cmd);
    return t.readUntil("(^|\\n)" + last + "[^\\n]*\\n");
}

struct Load {
    long faults, pageins, pageouts, steals, perPagein, perTouch;
};

static Load indicateLoad(CpSystem &sys)
{
    std::string s = command(sys.op(), "INDICATE LOAD", "USERS");
    return Load{ number(s, "FAULTS "), number(s, "PAGE-INS "), number(s, "PAGE-OUTS "),
                 number(s, "STEALS "), number(s, "PAGE-IN "), number(s, "FIRST TOUCH ") };
}

static std::vector<std::unique_ptr<Telnet3215>> users(CpSystem &sys, int first, int n)
{
    std::vector<std::unique_ptr<Telnet3215>> t;
    for (int i = first; i < first + n; i++)
        t.push_back(logon(sys, 0x001F + i, "USER" + std::to_string(i), "PASS" + std::to_string(i)));
    return t;
}

struct PagingRun {
    Load before, after;
    double seconds;
    unsigned long long instructions;
    long delta(long Load::*f) const { return after.*f - before.*f; }
};

// four users of 4 MB run TPAGEE at once on a machine of `realMb`
static PagingRun pagingJob(const std::string &name, int realMb, int mb, int passes)
{
    using clock = std::chrono::steady_clock;
    CpSystem sys(name, SystemOptions().storage(realMb));
    auto t = users(sys, 5, 4);
    PagingRun r;

    for (auto &u : t) {
        u->sendLine("DEFINE STORAGE 4M");
        u->readUntil("STORAGE = ");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    r.before = indicateLoad(sys);
    unsigned long long ic0 = sys.herc().instcount();
    auto start = clock::now();
    for (size_t i = 0; i < t.size(); i++)
        t[i]->sendLine("IPL TPAGEE PARM " + std::to_string(mb) + " " + std::to_string(passes) +
                       " " + std::to_string(i + 1));
    for (auto &u : t) {
        std::string out = u->readUntil("SUMMARY [^\\n]*\\n", 600);
        if (out.find("SUMMARY " + std::to_string(passes) + " cases, 0 failed") == std::string::npos)
            throw std::runtime_error("paging job failed:\n" + out);
    }
    r.seconds = std::chrono::duration<double>(clock::now() - start).count();
    r.instructions = sys.herc().instcount() - ic0;
    r.after = indicateLoad(sys);
    return r;
}

static void pagingRow(const char *what, long a, long b, long c)
{
    printf("  %-40s %10ld %12ld %12ld\n", what, a, b, c);
}

void benchPaging()
{
    const int mb = 3, passes = 3;
    // Now and then a run executes 100 to 200 million instructions more, in
    // any system, paging or not (docs/performance.md): each job runs twice;
    // the 64 MB run with fewer is the base, both 8 MB runs are shown.
    PagingRun fit = pagingJob("bench-paging-64", 64, mb, passes);
    PagingRun fit2 = pagingJob("bench-paging-64b", 64, mb, passes);
    PagingRun r[2] = { pagingJob("bench-paging-8", 8, mb, passes),
                       pagingJob("bench-paging-8b", 8, mb, passes) };
    if (fit2.instructions < fit.instructions)
        fit = fit2;

    printf("paging: 4 users of 4 MB each touch %d MB, %d passes, all at once\n", mb, passes);
    printf("  %-40s %10s %12s %12s\n", "", "64 MB real", "8 MB real", "8 MB, again");
    pagingRow("faults", fit.delta(&Load::faults), r[0].delta(&Load::faults), r[1].delta(&Load::faults));
    pagingRow("page-ins", fit.delta(&Load::pageins), r[0].delta(&Load::pageins),
              r[1].delta(&Load::pageins));
    pagingRow("page-outs", fit.delta(&Load::pageouts), r[0].delta(&Load::pageouts),
              r[1].delta(&Load::pageouts));
    printf("  %-40s %10.1f %12.1f %12.1f\n", "wall seconds", fit.seconds, r[0].seconds, r[1].seconds);
    printf("  %-40s %10.0f %12.0f %12.0f\n", "page faults per second (wall)",
           fit.delta(&Load::faults) / fit.seconds, r[0].delta(&Load::faults) / r[0].seconds,
           r[1].delta(&Load::faults) / r[1].seconds);
    pagingRow("INDICATE: CP instructions per page-in", fit.after.perPagein, r[0].after.perPagein,
              r[1].after.perPagein);
    pagingRow("INDICATE: CP instr. per first touch", fit.after.perTouch, r[0].after.perTouch,
              r[1].after.perTouch);
    printf("  %-40s %9.0fM %11.0fM %11.0fM\n", "all instructions (CP and guests)",
           fit.instructions / 1e6, r[0].instructions / 1e6, r[1].instructions / 1e6);
    printf("  %-40s %10s", "per extra fault (less the 64 MB run)", "");
    for (auto &p : r) {
        long extra = p.delta(&Load::faults) - fit.delta(&Load::faults);
        double more = (double)p.instructions - (double)fit.instructions;
        printf(" %12.0f", extra > 0 ? more / extra : 0.0);
    }
    printf("\n\n");
}

// how a system shows it is up after IPL: a line it writes, then
// (CMS) a command answered
struct Nucleus {
    const char *name, *ready, *command, *answer;
};

static const Nucleus tnuc = { "TNUC", "TNUC READY", nullptr, nullptr };
static const Nucleus cms = { "CMS", "CP370 CMS VERSION[^\\n]*\\n([^\\n]*\\n)*?Ready[^\\n]*\\n", "QUERY SEARCH",
                             "Ready; T=[^\\n]*\\n" };

// IPL on every terminal; the frames the users hold per user
static double framesPerUser(CpSystem &sys, std::vector<std::unique_ptr<Telnet3215>> &t,
                            const Nucleus &nuc, const std::string &operands, long *shared)
{
    long res = 0;
    for (auto &u : t) {
        u->sendLine(std::string("#CP IPL ") + nuc.name + operands);
        u->readUntil(nuc.ready, 60);
        if (nuc.command) {
            u->sendLine(nuc.command);
            u->readUntil(nuc.answer, 60);
        }
    }
    for (auto &u : t)
        res += number(command(*u, "#CP INDICATE USER", "PAGE-INS="), "RES=");
    *shared = number(command(sys.op(), "INDICATE LOAD", "PAGING:"), "SHARED ");
    return double(res + *shared) / t.size();
}

static void sharedRows(CpSystem &sys, std::vector<std::unique_ptr<Telnet3215>> &t,
                       const Nucleus &nuc)
{
    long shr, noshr;
    double with = framesPerUser(sys, t, nuc, "", &shr);
    double without = framesPerUser(sys, t, nuc, " NOSHARE", &noshr);
    std::string n = nuc.name;

    printf("  IPL %-5s (%3ld shared frames, held once)          %10.1f\n", n.c_str(), shr, with);
    printf("  IPL %-5s NOSHARE (a private copy each)           %10.1f\n", n.c_str(), without);
    printf("  saved per user                                     %10.1f\n", without - with);
}

void benchShared()
{
    const int nusers = 4;
    CpSystem sys("bench-shared");
    auto t = users(sys, 1, nusers);

    printf("shared segments: %d users IPL a nucleus             real frames per user\n", nusers);
    sharedRows(sys, t, tnuc);
    sharedRows(sys, t, cms);
    printf("\n");
}
