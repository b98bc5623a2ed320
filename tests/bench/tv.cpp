// tv.cpp - `make bench tv`: the T/V ratio (total CPU a user was charged,
// CP's work for him included, over what his guest itself ran), VM/370's
// figure for what virtualization costs, for a CPU-bound guest, a loop of
// CMS commands in an EXEC, and IPL CMS, with SET ASSIST ON and OFF.
// Counted in Hercules instructions (INDICATE USER's VINST and TINST),
// which do not depend on what else the host ran; the same ratio of the
// times (VTIME, TTIME) beside it.  Each figure is the smaller of two runs.
#include "bench.h"
#include "../system/harness/cpsystem.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <regex>
#include <stdexcept>
#include <thread>

static const char *READY = "(^|\\n)Ready(\\(-?[0-9]+\\))?; T=[^\\n]*\\n";

struct Times {
    double v = 0, t = 0;        // seconds
    double vi = 0, ti = 0;      // instructions
};

// VTIME and TTIME from INDICATE USER (prefix: "#CP " from CMS, "" from CP)
static Times times(Telnet3215 &t, const std::string &prefix)
{
    t.sendLine(prefix + "INDICATE USER");
    // up to EXITS=, so that TTIME has arrived whole
    std::string out = t.readUntil("VINST=[0-9]+ TINST=[0-9]+ FAST=[0-9]+\n", 20);
    std::smatch m;
    if (!std::regex_search(out, m, std::regex("VTIME=([0-9.]+) TTIME=([0-9.]+) EXITS=")))
        throw std::runtime_error("no VTIME in INDICATE USER: " + out);
    Times r;
    r.v = std::stod(m[1]);
    r.t = std::stod(m[2]);
    if (!std::regex_search(out, m, std::regex("VINST=([0-9]+) TINST=([0-9]+)")))
        throw std::runtime_error("no VINST in INDICATE USER: " + out);
    r.vi = std::stod(m[1]);
    r.ti = std::stod(m[2]);
    return r;
}

// T/V between two readings: by instructions and by times
struct Ratio {
    double insns = 1e9, time = 1e9;
    void least(const Times &a, const Times &b)
    {
        double v = b.v - a.v, t = b.t - a.t, vi = b.vi - a.vi, ti = b.ti - a.ti;
        insns = std::min(insns, vi > 0 ? ti / vi : 0);
        time = std::min(time, v > 0 ? t / v : 0);
    }
};

static void assist(Telnet3215 &t, const std::string &prefix, bool on)
{
    t.sendLine(prefix + "SET ASSIST " + (on ? "ON" : "OFF"));
    t.sendLine(prefix + "QUERY SET");
    t.readUntil(std::string("ASSIST ") + (on ? "ON" : "OFF"));
}

// the empty loop of TBENCHE, CPU-bound, from CP
static Ratio cpuLoop(Telnet3215 &t, bool on)
{
    assist(t, "", on);
    Ratio best;
    for (int run = 0; run < 2; run++) {
        Times a = times(t, "");
        t.sendLine("IPL TBENCHE PARM NONE 20000000");
        t.readUntil("SUMMARY [^\\n]*\\n", 600);
        t.readUntil("CPX400W[^\\n]*\\n", 30);
        best.least(a, times(t, ""));
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
    Ratio loop, ipl;
};

static CmsRatios cms(CpSystem &sys, Telnet3215 &t, bool on)
{
    CmsRatios r;
    assist(t, "#CP ", on);
    for (int run = 0; run < 2; run++) {
        Times a = times(t, "#CP ");
        t.sendLine("LOOP");
        t.readUntil(READY, 300);
        r.loop.least(a, times(t, "#CP "));
        a = times(t, "#CP ");
        t.sendLine("#CP IPL CMS PARM NOPROF");
        t.readUntil("CP370 CMS VERSION [^\\n]*\\n", 60);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        r.ipl.least(a, times(t, "#CP "));
    }
    (void)sys;
    return r;
}

// ---- the CPU-bound loop with CP and on the bare machine ---------------

// Hercules' count once the CPU has stopped counting (a wait state, or CP
// idle): two readings 300 ms apart that agree
static unsigned long long settled(Hercules &h)
{
    unsigned long long last = h.instcount(), now;
    for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        now = h.instcount();
        if (now == last)
            return now;
        last = now;
    }
}

// TBENCHE SPIN n under CP, as USER at t: all instructions, CP's included
static unsigned long long underCp(CpSystem &sys, Telnet3215 &t, unsigned n)
{
    unsigned long long before = settled(sys.herc());
    t.sendLine("IPL TBENCHE PARM SPIN " + std::to_string(n));
    t.readUntil("SUMMARY 1 cases, 0 failed[^\n]*\n", 600);
    t.readUntil("CPX400W[^\n]*\n", 30);
    return settled(sys.herc()) - before;
}

// the same BRCT loop alone on the machine (no CP: Hercules loads it with
// loadcore and starts it), n turns, then a disabled wait
static unsigned long long bare(CpSystem &sys, unsigned n)
{
    static const unsigned char code[] = {
        0x0D, 0xC0,                     // BASR 12,0
        0x58, 0x10, 0xC0, 0x0E,         // L    1,n
        0xA7, 0x16, 0x00, 0x00,         // BRCT 1,* (to itself)
        0x82, 0x00, 0xC0, 0x16,         // LPSW the wait PSW
        0x07, 0x00,                     // pad
    };
    std::string file = sys.dir() + "/spin.bin";
    FILE *f = fopen(file.c_str(), "wb");
    unsigned char tail[16] = { (unsigned char)(n >> 24), (unsigned char)(n >> 16),
                               (unsigned char)(n >> 8), (unsigned char)n, 0, 0, 0, 0,
                               0x00, 0x0A, 0x00, 0x00, 0, 0, 0, 0 };   // disabled wait
    if (!f)
        throw std::runtime_error("cannot write " + file);
    fwrite(code, 1, sizeof code, f);
    fwrite(tail, 1, sizeof tail, f);
    fclose(f);
    unsigned long long before = settled(sys.herc());
    sys.herc().command("loadcore spin.bin 20000");    // Hercules runs in sys.dir()
    sys.herc().command("psw cmwp=0 ia=20000");      // out of the last run's wait
    sys.herc().command("start");
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    unsigned long long n1 = settled(sys.herc()) - before;
    sys.herc().command("stop");
    return n1;
}

// instructions per turn of the loop on the bare machine over those under
// CP, each the difference of a long and a short run (so IPL, start and end
// fall out), each count the smaller of two runs
void benchNative()
{
    const unsigned n1 = 20000000, n2 = 100000000;
    double cp, native;
    {
        CpSystem sys("bench-spin");
        auto t = logon(sys, 0x0020, "USER1", "PASS1");
        auto best = [&](unsigned n) { return std::min(underCp(sys, *t, n), underCp(sys, *t, n)); };
        cp = (double)(best(n2) - best(n1));
    }
    {
        CpSystem sys("bench-bare", SystemOptions().noIpl());
        auto best = [&](unsigned n) { return std::min(bare(sys, n), bare(sys, n)); };
        native = (double)(best(n2) - best(n1));
    }
    printf("CPU-bound: BRCT to itself, %u minus %u turns, Hercules instructions\n", n2, n1);
    printf("  %-44s %14.0f\n", "on the bare machine (no CP)", native);
    printf("  %-44s %14.0f\n", "as a guest under CP, CP's work included", cp);
    printf("  %-44s %14.4f\n\n", "ratio bare / under CP (1 = native speed)", native / cp);
}

void benchTv()
{
    CpSystem sys("bench-tv");
    auto t = logon(sys, 0x0020, "USER1", "PASS1", "");
    t->readUntil("CP370 CMS VERSION [^\\n]*\\n");
    makeFiles(*t);
    CmsRatios on = cms(sys, *t, true), off = cms(sys, *t, false);
    auto u = logon(sys, 0x0021, "USER2", "PASS2");
    Ratio cpuOn = cpuLoop(*u, true), cpuOff = cpuLoop(*u, false);
    assist(*t, "#CP ", true);
    printf("T/V: total over virtual, from INDICATE USER; each the smaller of two runs\n"
           "(instructions: Hercules' counter, VINST/TINST; time: VTIME/TTIME, host-dependent)\n");
    printf("  %-44s %10s %10s %10s %10s\n", "", "insns ON", "insns OFF", "time ON", "time OFF");
    auto row = [](const char *what, const Ratio &a, const Ratio &b) {
        printf("  %-44s %10.3f %10.3f %10.3f %10.3f\n", what, a.insns, b.insns, a.time, b.time);
    };
    row("CPU-bound loop (TBENCHE NONE)", cpuOn, cpuOff);
    row("CMS EXEC: LISTFILE, TYPE, COPYFILE, ERASE x10", on.loop, off.loop);
    row("IPL CMS", on.ipl, off.ipl);
    printf("\n");
}
