// cms.cpp - `make bench cms`: what CMS commands cost, in instructions
// (CP and CMS together, Hercules' counter), from the line typed to the
// ready message, on a system with one user and nothing else to do.
#include "bench.h"
#include "../system/harness/cpsystem.h"

#include <chrono>
#include <cstdio>
#include <thread>

static const char *READY = "(^|\\n)Ready(\\(-?[0-9]+\\))?; T=[^\\n]*\\n";

// instructions from sending line until the text matching done, idle before and after
static double cost(CpSystem &sys, Telnet3215 &t, const std::string &line, const char *done = READY)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    unsigned long long before = sys.herc().instcount();
    t.sendLine(line);
    t.readUntil(done, 120);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return (double)(sys.herc().instcount() - before);
}

void benchCms()
{
    CpSystem sys("bench-cms");
    auto t = logon(sys, 0x0020, "USER1", "PASS1", "");
    t->readUntil("CP370 CMS VERSION [^\\n]*\\n([^\\n]*\\n)*?Ready[^\\n]*\\n");
    printf("CMS commands: instructions from the line typed to the ready message\n");
    printf("  %-44s %12.0f\n", "IPL CMS (banner, ACCESS 190 and 191)",
           cost(sys, *t, "#CP IPL CMS PARM NOPROF", "CP370 CMS VERSION [^\\n]*\\n([^\\n]*\\n)*?Ready[^\\n]*\\n"));
    // a 100-line file and a small EXEC, made by EXECs of EXEC's own
    t->sendLine("EDIT MAKE EXEC");
    t->readUntil("EDIT:\\n");
    t->sendLine("INPUT");
    for (const char *l : {"&I = 0", "-L &I = &I + 1", "&STACK INPUT LINE &I OF THE BENCH FILE",
                          "&IF &I < 100 &GOTO -L", "&STACK", "&STACK FILE", "EDIT HUNDRED LINES"})
        t->sendLine(l);
    t->sendLine(" ");
    t->readUntil("EDIT:\\n");
    t->sendLine("FILE");
    t->readUntil(READY);
    t->sendLine("MAKE");
    t->readUntil(READY, 120);
    printf("  %-44s %12.0f\n", "STATE HUNDRED LINES (a directory lookup)", cost(sys, *t, "STATE HUNDRED LINES"));
    printf("  %-44s %12.0f\n", "QUERY TIME (CMS passes it to CP)", cost(sys, *t, "QUERY TIME"));
    printf("  %-44s %12.0f\n", "TYPE HUNDRED LINES (100 records)", cost(sys, *t, "TYPE HUNDRED LINES"));
    printf("  %-44s %12.0f\n", "COPYFILE of the 100-record file", cost(sys, *t, "COPYFILE HUNDRED LINES A COPY LINES A"));
    printf("  %-44s %12.0f\n", "LISTFILE * * A (DATE", cost(sys, *t, "LISTFILE * * A (DATE"));
    printf("  %-44s %12.0f\n", "ERASE COPY LINES", cost(sys, *t, "ERASE COPY LINES"));
    printf("\n");
}
