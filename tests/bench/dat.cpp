// dat.cpp - `make bench PART=dat`: what a guest with DAT on costs CP.
//
// One user runs the small virtual-memory operating system TVMOSE
// (tests/guest/tvmos.c: four address spaces, its own page-fault handler,
// a PTLB per fault) in each page and segment size, alone on a 64 MB
// system so that CP itself never pages.  INDICATE LOAD after each run
// gives the shadow-table counts and CP's own instructions (the VM's task
// only, cp/kern/task.h) per shadow fill, per translation exception
// reflected to the guest and per change of shadow tables at a CR1
// switch.  Then TPAGEE touches 3 MB twice, once with DAT off and once
// with DAT on through an identity-like map: the difference is what the
// shadow tables cost a guest that only touches its storage.  Printed,
// never asserted.
#include "bench.h"
#include "../system/harness/cpsystem.h"

#include <chrono>
#include <cstdio>
#include <regex>
#include <stdexcept>

static long number(const std::string &text, const std::string &label)
{
    std::smatch m;
    if (!std::regex_search(text, m, std::regex(label + "0*(\\d+)")))
        return -1;
    return std::stol(m[1]);
}

struct DatLoad {
    long fills, reflected, switches, builds, purges, perFill, perReflect, perSwitch, faults, perTouch;
    unsigned long long instructions;
    double seconds;
};

static DatLoad indicate(CpSystem &sys)
{
    sys.op().sendLine("INDICATE LOAD");
    std::string s = sys.op().readUntil("(^|\\n)USERS[^\\n]*\\n");
    return DatLoad{ number(s, "FILLS "), number(s, "REFLECTED "), number(s, "CR1 SWITCHES "),
                    number(s, "BUILDS "), number(s, "PURGES "), number(s, "FILL "),
                    number(s, "REFLECTED FAULT "), number(s, "CR1 SWITCH "), number(s, "FAULTS "),
                    number(s, "FIRST TOUCH "), 0, 0 };
}

static DatLoad run(const std::string &name, const std::string &ipl, const std::string &done)
{
    using clock = std::chrono::steady_clock;
    CpSystem sys(name, SystemOptions().storage(64));
    auto t = logon(sys, 0x0024, "USER5", "PASS5");
    t->sendLine("DEFINE STORAGE 4M");
    t->readUntil("STORAGE = ");
    unsigned long long ic0 = sys.herc().instcount();
    auto start = clock::now();
    t->sendLine(ipl);
    std::string out = t->readUntil("SUMMARY [^\\n]*\\n", 600);
    if (out.find(done) == std::string::npos)
        throw std::runtime_error("dat job failed:\n" + out);
    DatLoad l = indicate(sys);
    l.instructions = sys.herc().instcount() - ic0;
    l.seconds = std::chrono::duration<double>(clock::now() - start).count();
    return l;
}

void benchDat()
{
    static const char *fmt[4] = { "4K pages, 1M segments", "4K pages, 64K segments",
                                  "2K pages, 1M segments", "2K pages, 64K segments" };
    printf("dat: TVMOSE, 4 address spaces of 90 pages in 230 frames, 3 rounds, on 64 MB\n");
    printf("  %-24s %8s %9s %8s %7s %9s %10s %9s %12s\n", "format", "fills", "reflected",
           "switches", "purges", "CP/fill", "CP/reflect", "CP/switch", "all instr.");
    for (int f = 0; f < 4; f++) {
        DatLoad l = run("bench-dat-" + std::to_string(f), "IPL TVMOSE PARM " + std::to_string(f) + " 7",
                        "SUMMARY 3 cases, 0 failed");
        printf("  %-24s %8ld %9ld %8ld %7ld %9ld %10ld %9ld %12llu\n", fmt[f], l.fills, l.reflected,
               l.switches + l.builds, l.purges, l.perFill, l.perReflect, l.perSwitch, l.instructions);
    }
    DatLoad off = run("bench-dat-off", "IPL TPAGEE PARM 3 2 1", "SUMMARY 2 cases, 0 failed");
    DatLoad on = run("bench-dat-on", "IPL TPAGEE PARM 3 2 1 DAT 0", "SUMMARY 2 cases, 0 failed");
    printf("  TPAGEE 3 MB, 2 passes:  DAT off %llu instructions (%ld CP faults, %ld CP instr. each),\n"
           "                          DAT on  %llu instructions (%ld shadow fills, %ld CP instr. each)\n\n",
           off.instructions, off.faults, off.perTouch, on.instructions, on.fills, on.perFill);
}
