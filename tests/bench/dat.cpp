// dat.cpp - `make bench PART=dat`: what a guest with DAT on costs CP, on
// the shadow tables alone and through the paravirtual DIAGNOSE X'1E0'.
//
// One user runs the small virtual-memory operating system TVMOSE
// (tests/guest/tvmos.c: four address spaces, its own page-fault handler)
// in each page and segment size, alone on a 64 MB system so that CP
// itself never pages, twice each way: on the shadow tables alone (a PTLB
// after each table change, LCTL 1 at each switch) and paravirtual (PARM
// pv 1: each fault's table changes and each switch as one X'1E0' list).
// The guest's own work is the same both ways, so the difference of the
// whole runs' Hercules instruction counts is CP's; each count is the
// smaller of two runs.  INDICATE LOAD after each run gives the shadow
// counts and CP's own instructions (the VM's task only, cp/kern/task.h)
// per shadow fill, per translation exception reflected to the guest, per
// change of shadow tables at a CR1 switch and per X'1E0' list.  Then
// TPAGEE touches 3 MB twice, once with DAT off and once with DAT on
// through an identity-like map: the difference is what the shadow tables
// cost a guest that only touches its storage.  Printed, never asserted.
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
    long batches, entries, mapped, perBatch;
    unsigned long long instructions, guest;
    double seconds;
};

static DatLoad indicate(CpSystem &sys)
{
    sys.op().sendLine("INDICATE LOAD");
    std::string s = sys.op().readUntil("(^|\\n)USERS[^\\n]*\\n");
    return DatLoad{ number(s, "FILLS "), number(s, "REFLECTED "), number(s, "CR1 SWITCHES "),
                    number(s, "BUILDS "), number(s, "PURGES "), number(s, "FILL "),
                    number(s, "REFLECTED FAULT "), number(s, "CR1 SWITCH "), number(s, "FAULTS "),
                    number(s, "FIRST TOUCH "), number(s, "BATCHES "), number(s, "ENTRIES "),
                    number(s, "MAPPED "), number(s, "PER BATCH "), 0, 0, 0 };
}

static DatLoad run(const std::string &name, const std::string &ipl, const std::string &done)
{
    using clock = std::chrono::steady_clock;
    CpSystem sys(name, SystemOptions().storage(64));
    auto t = logon(sys, 0x0024, "USER5", "PASS5");
    t->sendLine("DEFINE STORAGE 4M");
    t->readUntil("STORAGE = ");
    sys.op().sendLine("INDICATE USER USER5");
    long g0 = number(sys.op().readUntil("VINST=\\d+"), "VINST=");
    unsigned long long ic0 = sys.herc().instcount();
    auto start = clock::now();
    t->sendLine(ipl);
    std::string out = t->readUntil("SUMMARY [^\\n]*\\n", 600);
    if (out.find(done) == std::string::npos)
        throw std::runtime_error("dat job failed:\n" + out);
    DatLoad l = indicate(sys);
    l.instructions = sys.herc().instcount() - ic0;
    sys.op().sendLine("INDICATE USER USER5");
    l.guest = (unsigned long long)(number(sys.op().readUntil("VINST=\\d+"),
                                          "VINST=") - g0);
    l.seconds = std::chrono::duration<double>(clock::now() - start).count();
    return l;
}

// the run with the smaller instruction count of two
static DatLoad best(const std::string &name, const std::string &ipl, const std::string &done)
{
    DatLoad a = run(name, ipl, done), b = run(name, ipl, done);
    return a.instructions <= b.instructions ? a : b;
}

static long guestFaults(const DatLoad &l)
{
    return l.reflected;                 /* each the guest's own page fault */
}

void benchDat()
{
    static const char *fmt[4] = { "4K pages, 1M segments", "4K pages, 64K segments",
                                  "2K pages, 1M segments", "2K pages, 64K segments" };
    printf("dat: TVMOSE, 4 address spaces of 90 pages in 230 frames, 3 rounds, on 64 MB;\n"
           "     each run the smaller Hercules instruction count of two; CP = all less the guest's own\n");
    printf("  %-24s %-7s %6s %7s %6s %6s %7s %8s %9s %8s %10s %10s %8s\n", "format", "mode", "fills",
           "reflect", "purges", "lists", "CP/fill", "CP/refl.", "CP/switch", "CP/list", "guest",
           "CP", "CP/fault");
    for (int r = 0; r < 8; r++) {
        int f = r % 4, ram = r / 4;
        DatLoad l[2];
        long long cp[2];
        if (r == 0 || r == 4)
            printf("  %s\n", ram ? "pages it pages out kept in its own storage (PARM ... 1): CP does "
                                    "only the DAT" : "paging to its 191 by DIAGNOSE X'250'");
        for (int pv = 0; pv < 2; pv++) {
            l[pv] = best("bench-dat-" + std::to_string(r) + (pv ? "-pv" : ""),
                         "IPL TVMOSE PARM " + std::to_string(f) + " 7 " + std::to_string(pv) +
                         " " + std::to_string(ram),
                         "SUMMARY 3 cases, 0 failed");
            cp[pv] = (long long)l[pv].instructions - (long long)l[pv].guest;
            long faults = guestFaults(l[pv]) > 0 ? guestFaults(l[pv]) : 1;
            printf("  %-24s %-7s %6ld %7ld %6ld %6ld %7ld %8ld %9ld %8ld %10llu %10lld %8lld\n",
                   pv ? "" : fmt[f], pv ? "X'1E0'" : "shadow", l[pv].fills, l[pv].reflected,
                   l[pv].purges, l[pv].batches, l[pv].perFill, l[pv].perReflect, l[pv].perSwitch,
                   l[pv].perBatch, l[pv].guest, cp[pv], cp[pv] / faults);
        }
        printf("  %-24s CP shadow / CP X'1E0' = %.2f; whole runs %.3f\n", "",
               cp[1] > 0 ? (double)cp[0] / (double)cp[1] : 0.0,
               l[1].instructions ? (double)l[0].instructions / (double)l[1].instructions : 0.0);
    }
    DatLoad off = run("bench-dat-off", "IPL TPAGEE PARM 3 2 1", "SUMMARY 2 cases, 0 failed");
    DatLoad on = run("bench-dat-on", "IPL TPAGEE PARM 3 2 1 DAT 0", "SUMMARY 2 cases, 0 failed");
    printf("  TPAGEE 3 MB, 2 passes:  DAT off %llu instructions (%ld CP faults, %ld CP instr. each),\n"
           "                          DAT on  %llu instructions (%ld shadow fills, %ld CP instr. each)\n\n",
           off.instructions, off.faults, off.perTouch, on.instructions, on.fills, on.perFill);
}
