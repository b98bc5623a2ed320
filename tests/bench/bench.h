// bench.h - the parts of `make bench`, each on a system of its own.
#pragma once

// paging: four users with twice the real storage (tests/bench/paging.cpp)
void benchPaging();
// real frames per user of a nucleus with and without its shared segment
void benchShared();
// punching and reading cards: SIO against DIAGNOSE X'20' and X'14' (tests/bench/spool.cpp)
void benchSpool();
// CMS commands from the line typed to the ready message (tests/bench/cms.cpp)
void benchCms();
// CP instructions per trap, by kind, with SET ASSIST ON and OFF (tests/bench/traps.cpp)
void benchTraps();
void benchTrapTrace();
// the T/V ratio of a CPU loop, a CMS EXEC loop and IPL CMS, ASSIST ON and OFF (tests/bench/tv.cpp)
void benchTv();
// a CPU-bound loop under CP against the same loop on the bare machine (tests/bench/tv.cpp)
void benchNative();
// 32 users at once at 3215s and 3270s: command response times (tests/bench/users.cpp)
void benchUsers();
// guests with DAT on: shadow-table costs (tests/bench/dat.cpp)
void benchDat();
