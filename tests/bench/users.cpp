// users.cpp - `make bench users`: 32 users at once, 16 at 3215 line
// terminals and 16 at 3270 displays, each IPLs CMS and runs the same short
// CMS commands for a number of rounds.  Reported: the response time of a
// command (from the line sent to CMS's ready message, seen by the client)
// at the median, the 95th percentile and the worst, and the lines lost
// (every answer is checked for the lines it must have).  Wall time on
// this machine: a measurement, never asserted.
#include "bench.h"
#include "../system/harness/cpsystem.h"
#include "../system/harness/tn3270.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <regex>
#include <stdexcept>
#include <thread>
#include <vector>

using Clock = std::chrono::steady_clock;

static const int ROUNDS = 10;
static const char *const COMMANDS[] = { "QUERY SEARCH", "QUERY TIME", "QUERY DISK" };
// what each answer must hold, besides the ready message
static const char *const MUST[] = { "MNT190 190 S", "TIME IS", "191" };
static const char *READY = "Ready(\\(-?[0-9]+\\))?; T=";

struct Tally {
    std::mutex m;
    std::vector<double> ms;
    unsigned lost = 0, failed = 0;
    std::string first_lost;     // the first answer that missed its line
    void add(double t, bool complete, const std::string &who, const std::string &out)
    {
        std::lock_guard<std::mutex> g(m);
        ms.push_back(t);
        if (!complete && lost++ == 0)
            first_lost = who + ":\n" + out;
    }
};

static void lineUser(CpSystem &sys, int devno, int n, Tally &tally)
{
    std::string user = "USER" + std::to_string(n), pw = "PASS" + std::to_string(n);
    auto t = logon(sys, devno, user, pw, "");
    t->readUntil("CP370 CMS VERSION [^\\n]*\\n([^\\n]*\\n)*?Ready[^\\n]*\\n", 120);
    t->drain(1);
    for (int r = 0; r < ROUNDS; r++) {
        for (unsigned c = 0; c < 3; c++) {
            auto start = Clock::now();
            t->sendLine(COMMANDS[c]);
            std::string out = t->readUntil(std::string("(^|\\n)") + READY + "[^\\n]*\\n", 120);
            double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            tally.add(ms, out.find(MUST[c]) != std::string::npos, user + " " + COMMANDS[c], out);
        }
    }
    t->sendLine("#CP LOGOFF");
    t->readUntil("LOGOFF AT");
}

static void displayUser(CpSystem &sys, int devno, int n, Tally &tally)
{
    std::string user = "USER" + std::to_string(n), pw = "PASS" + std::to_string(n);
    Tn3270 d(sys.port(), devno, 30);
    d.waitFor("Enter LOGON userid", 30);
    d.enter("LOGON " + user);
    d.waitFor("ENTER PASSWORD:", 30);
    d.enter(pw);
    d.waitFor("CP370 CMS VERSION", 120);
    std::regex ready(READY);
    for (int r = 0; r < ROUNDS; r++) {
        for (unsigned c = 0; c < 3; c++) {
            // a clean output area for each answer: PA2, which (unlike
            // CLEAR) leaves the screen formatted until CP draws it again,
            // so an empty first row means CP's screen is there
            d.key("PA(2)");
            d.waitFor("^ *\\n(.*\\n){22}.*(VM READ|CP READ|RUNNING)", 30);
            auto start = Clock::now();
            d.enter(COMMANDS[c]);
            std::string s;
            while (!std::regex_search(s = d.screen(), ready)) {
                if (std::chrono::duration<double>(Clock::now() - start).count() > 120)
                    throw std::runtime_error(user + ": no ready message for " + COMMANDS[c] + ":\n" + s);
                d.waitOutput(2);
            }
            double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            tally.add(ms, s.find(MUST[c]) != std::string::npos, user + " " + COMMANDS[c], s);
        }
    }
    d.enter("#CP LOGOFF");
    d.waitFor("LOGOFF AT", 60);
}

static double pct(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    size_t i = (size_t)(p * (double)(v.size() - 1) + 0.5);
    return v[i];
}

void benchUsers()
{
    CpSystem sys("bench-users");
    Tally tally;
    std::vector<std::thread> threads;
    std::atomic<unsigned> errors{0};
    std::mutex em;
    std::string first_error;
    auto start = Clock::now();

    for (int i = 0; i < 32; i++) {
        threads.emplace_back([&, i] {
            try {
                if (i < 16)
                    lineUser(sys, 0x0020 + i, i + 1, tally);
                else
                    displayUser(sys, 0x00C0 + (i - 16), i + 1, tally);
            } catch (std::exception &e) {
                errors++;
                std::lock_guard<std::mutex> g(em);
                if (first_error.empty())
                    first_error = e.what();
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (auto &t : threads)
        t.join();
    double wall = std::chrono::duration<double>(Clock::now() - start).count();
    printf("32 users at once (16 at 3215s, 16 at 3270s), IPL CMS, then %d rounds of\n"
           "QUERY SEARCH, QUERY TIME, QUERY DISK each: response from the line sent to\n"
           "CMS's ready message at the client\n\n", ROUNDS);
    printf("  commands %zu, users that failed %u, answers missing lines %u\n",
           tally.ms.size(), errors.load(), tally.lost);
    printf("  p50 %.0f ms   p95 %.0f ms   max %.0f ms   (whole run %.0f s)\n\n",
           pct(tally.ms, 0.50), pct(tally.ms, 0.95), pct(tally.ms, 1.0), wall);
    if (!tally.first_lost.empty())
        printf("  first answer without its line: %s\n\n", tally.first_lost.c_str());
    if (!first_error.empty())
        printf("  first failure: %s\n\n", first_error.c_str());
}
