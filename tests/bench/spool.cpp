// spool.cpp - `make bench spool`: punching and reading cards through the
// spool, the emulated way (SIO, a card at a time, CCWs run by CP's channel
// logic) against the paravirtual one (DIAGNOSE X'20' to punch, X'14' to
// read a 4096-byte buffer of cards at a time).  Instruction counts of CP
// and guest together, per card, less the job without I/O.
#include "bench.h"
#include "../system/harness/cpsystem.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

static double spoolJob(CpSystem &sys, Telnet3215 &t, const std::string &name, unsigned n)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    unsigned long long before = sys.herc().instcount();
    t.sendLine("IPL TBSPOOLE PARM " + name + " " + std::to_string(n));
    std::string out = t.readUntil("SUMMARY [^\\n]*\\n", 600);
    t.readUntil("CPX400W[^\\n]*\\n", 30);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    unsigned long long after = sys.herc().instcount();
    if (out.find("SUMMARY 1 cases, 0 failed") == std::string::npos)
        throw std::runtime_error("spool job " + name + " failed:\n" + out);
    return (double)(after - before) / n;
}

void benchSpool()
{
    CpSystem sys("bench-spool");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    const unsigned cards = 2000;

    t->sendLine("SPOOL PUNCH TO USER1");
    double none = spoolJob(sys, *t, "NONE", cards);
    double punSio = spoolJob(sys, *t, "PUNSIO", cards);
    double rdrSio = spoolJob(sys, *t, "RDRSIO", cards);
    double pun20 = spoolJob(sys, *t, "PUN20", cards);
    double rdr14 = spoolJob(sys, *t, "RDR14", cards);
    printf("spool, %u cards punched to your own reader and read back   instructions/card\n", cards);
    printf("  %-44s %12.0f\n", "punch: SIO, one card each", punSio - none);
    printf("  %-44s %12.0f\n", "punch: DIAGNOSE X'20', one card each", pun20 - none);
    printf("  %-44s %12.0f\n", "read: SIO, one card each", rdrSio - none);
    printf("  %-44s %12.0f\n", "read: DIAGNOSE X'14', 48 cards a buffer", rdr14 - none);
    printf("  (the job without I/O: %.0f per card)\n", none);
    printf("  ratio punch SIO : X'20' = %.2f : 1, read SIO : X'14' = %.2f : 1\n\n",
           (punSio - none) / (pun20 - none), (rdrSio - none) / (rdr14 - none));
}
