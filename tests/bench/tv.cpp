// tv.cpp - `make bench tv`: the T/V ratio (TTIME / VTIME: all the CPU time
// a user was charged, CP's work for him included, over the time his
// guest itself ran), VM/370's figure for what virtualization costs, for
// a CPU-bound guest, a loop of CMS commands in an EXEC, and IPL CMS,
// with SET ASSIST ON and OFF.  Times come from INDICATE USER, to the
// microsecond; each figure is the smaller of two runs.
#include "bench.h"
#include "../system/harness/cpsystem.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <regex>
#include <stdexcept>
#include <thread>

static const char *READY = "(^|\\n)R(\\(-?[0-9]+\\))?; T=[^\\n]*\\n";

struct Times {
    double v = 0, t = 0;        // seconds
};

// VTIME and TTIME from INDICATE USER (prefix: "#CP " from CMS, "" from CP)
static Times times(Telnet3215 &t, const std::string &prefix)
{
    t.sendLine(prefix + "INDICATE USER");
    // up to EXITS=, so that TTIME has arrived whole
    std::string out = t.readUntil("VTIME=[0-9.]+ TTIME=[0-9.]+ EXITS=", 20);
    std::smatch m;
    if (!std::regex_search(out, m, std::regex("VTIME=([0-9.]+) TTIME=([0-9.]+) EXITS=")))
        throw std::runtime_error("no VTIME in INDICATE USER: " + out);
    Times r;
    r.v = std::stod(m[1]);
    r.t = std::stod(m[2]);
    return r;
}

static double ratio(const Times &a, const Times &b)
{
    double v = b.v - a.v, t = b.t - a.t;
    return v > 0 ? t / v : 0;
}

static void assist(Telnet3215 &t, const std::string &prefix, bool on)
{
    t.sendLine(prefix + "SET ASSIST " + (on ? "ON" : "OFF"));
    t.sendLine(prefix + "QUERY SET");
    t.readUntil(std::string("ASSIST ") + (on ? "ON" : "OFF"));
}

// the empty loop of TBENCHE, CPU-bound, from CP
static double cpuLoop(Telnet3215 &t, bool on)
{
    assist(t, "", on);
    double best = 1e9;
    for (int run = 0; run < 2; run++) {
        Times a = times(t, "");
        t.sendLine("IPL TBENCHE PARM NONE 20000000");
        t.readUntil("SUMMARY [^\\n]*\\n", 600);
        t.readUntil("CPX400W[^\\n]*\\n", 30);
        best = std::min(best, ratio(a, times(t, "")));
    }
    return best;
}

// a 100-line file and the loop EXEC, made by CMS itself
static void makeFiles(Telnet3215 &t)
{
    t.sendLine("EDIT MAKE EXEC");
    t.readUntil("EDIT:\\n");
    t.sendLine("INPUT");
    for (const char *l : {"&I = 0", "-L &I = &I + 1", "&STACK INPUT LINE &I OF THE BENCH FILE",
                          "&IF &I < 100 &GOTO -L", "&STACK", "&STACK FILE", "EDIT HUNDRED LINES"})
        t.sendLine(l);
    t.sendLine(" ");
    t.readUntil("EDIT:\\n");
    t.sendLine("FILE");
    t.readUntil(READY);
    t.sendLine("MAKE");
    t.readUntil(READY, 120);
    t.sendLine("EDIT LOOP EXEC");
    t.readUntil("EDIT:\\n");
    t.sendLine("INPUT");
    for (const char *l : {"&I = 0", "-L &I = &I + 1", "LISTFILE * * A", "TYPE HUNDRED LINES",
                          "COPYFILE HUNDRED LINES A COPY LINES A", "ERASE COPY LINES",
                          "&IF &I < 10 &GOTO -L"})
        t.sendLine(l);
    t.sendLine(" ");
    t.readUntil("EDIT:\\n");
    t.sendLine("FILE");
    t.readUntil(READY);
}

struct CmsRatios {
    double loop = 1e9, ipl = 1e9;
};

static CmsRatios cms(CpSystem &sys, Telnet3215 &t, bool on)
{
    CmsRatios r;
    assist(t, "#CP ", on);
    for (int run = 0; run < 2; run++) {
        Times a = times(t, "#CP ");
        t.sendLine("LOOP");
        t.readUntil(READY, 300);
        r.loop = std::min(r.loop, ratio(a, times(t, "#CP ")));
        a = times(t, "#CP ");
        t.sendLine("#CP IPL CMS PARM NOPROF");
        t.readUntil("CP370 CMS VERSION [^\\n]*\\n", 60);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        r.ipl = std::min(r.ipl, ratio(a, times(t, "#CP ")));
    }
    (void)sys;
    return r;
}

void benchTv()
{
    CpSystem sys("bench-tv");
    auto t = logon(sys, 0x0020, "USER1", "PASS1", "");
    t->readUntil("CP370 CMS VERSION [^\\n]*\\n");
    makeFiles(*t);
    CmsRatios on = cms(sys, *t, true), off = cms(sys, *t, false);
    auto u = logon(sys, 0x0021, "USER2", "PASS2");
    double cpuOn = cpuLoop(*u, true), cpuOff = cpuLoop(*u, false);
    assist(*t, "#CP ", true);
    printf("T/V: TTIME / VTIME from INDICATE USER, the smaller of two runs\n");
    printf("  %-44s %10s %10s\n", "", "ASSIST ON", "ASSIST OFF");
    printf("  %-44s %10.3f %10.3f\n", "CPU-bound loop (TBENCHE NONE)", cpuOn, cpuOff);
    printf("  %-44s %10.2f %10.2f\n", "CMS EXEC: LISTFILE, TYPE, COPYFILE, ERASE x10", on.loop, off.loop);
    printf("  %-44s %10.2f %10.2f\n", "IPL CMS", on.ipl, off.ipl);
    printf("\n");
}
