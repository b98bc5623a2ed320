// users.cpp - `make bench users`: 32 users at once, 16 at 3215 line
// terminals and 16 at 3270 displays, each IPLs CMS and runs the same short
// CMS commands for a number of rounds.  Reported: the response time of a
// command (from the line sent to CMS's ready message, seen by the client)
// at the median, the 95th percentile and the worst, and the lines lost
// (every answer is checked for the lines it must have).  Beside it, CP's
// own figure for the same commands: INDICATE RESPONSE ALL (from a line's
// arrival at CP to CP waiting for the next line, its output written),
// reset by the operator once every user has CMS up and read once every
// user has run its rounds.  Wall time on this machine: a measurement,
// never asserted.
#include "bench.h"
#include "../system/harness/cpsystem.h"
#include "../system/harness/tn3270.h"
#include "../system/harness/tn3270wire.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <dirent.h>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
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

// Every user comes here with CMS up, and again after its rounds: the
// operator resets and reads CP's figures while nobody runs a command.
class Phases {
public:
    explicit Phases(unsigned n) : n_(n) {}
    // a user is at the phase's end (or gave up); waits for the next phase
    void arrive(unsigned phase)
    {
        std::unique_lock<std::mutex> g(m_);
        arrived_[phase]++;
        cv_.notify_all();
        cv_.wait(g, [&] { return open_ > phase; });
    }
    // a user that failed counts as arrived at every later phase
    void leave(unsigned from)
    {
        std::lock_guard<std::mutex> g(m_);
        for (unsigned p = from; p < 2; p++)
            arrived_[p]++;
        cv_.notify_all();
    }
    void waitAll(unsigned phase)
    {
        std::unique_lock<std::mutex> g(m_);
        cv_.wait(g, [&] { return arrived_[phase] >= n_; });
    }
    void open(unsigned phase)
    {
        std::lock_guard<std::mutex> g(m_);
        open_ = phase + 1;
        cv_.notify_all();
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    unsigned n_, arrived_[2] = { 0, 0 }, open_ = 0;
};

// Clients connect one at a time, each until CP's logo is on its terminal:
// Hercules 3.13 negotiates telnet with each new client in a thread of its
// own while its console thread goes on, and connections made while others
// are still being negotiated have been seen to stall it (docs/performance.md).
static std::mutex connecting;

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

// CP370_BENCH_THINK_MS=n: each user waits n ms before each command (the
// default 0: the next command as soon as the answer is there)
static void think()
{
    static const char *env = getenv("CP370_BENCH_THINK_MS");
    static int ms = env ? atoi(env) : 0;
    if (ms > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

static void lineUser(CpSystem &sys, int devno, int n, Tally &tally, Phases &ph, unsigned &phase)
{
    std::string user = "USER" + std::to_string(n), pw = "PASS" + std::to_string(n);
    std::unique_lock<std::mutex> one(connecting);
    auto t = logon(sys, devno, user, pw, "");
    one.unlock();
    t->readUntil("CP370 CMS VERSION [^\\n]*\\n([^\\n]*\\n)*?Ready[^\\n]*\\n", 120);
    t->drain(1);
    ph.arrive(phase++);
    for (int r = 0; r < ROUNDS; r++) {
        for (unsigned c = 0; c < 3; c++) {
            // the client's wait for the terminal to go quiet is the user's
            // thinking time, not part of the response
            t->settle();
            think();
            auto start = Clock::now();
            t->sendLineNow(COMMANDS[c]);
            std::string out = t->readUntil(std::string("(^|\\n)") + READY + "[^\\n]*\\n", 120);
            double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            tally.add(ms, out.find(MUST[c]) != std::string::npos, user + " " + COMMANDS[c], out);
        }
    }
    ph.arrive(phase++);
    t->sendLine("#CP LOGOFF");
    t->readUntil("LOGOFF AT");
}

// CP's screen after PA2: the first row empty, the status area in the last
// (string tests: a regular expression over the whole screen at every
// output of 15 sessions costs the bench more CPU than CP uses)
static bool cleanScreen(const std::string &s)
{
    size_t first = s.find('\n'), last = s.rfind('\n', s.size() - 2);
    if (first == std::string::npos || last == std::string::npos)
        return false;
    if (s.find_first_not_of(' ') < first)
        return false;
    std::string row = s.substr(last + 1);
    return row.find("VM READ") != std::string::npos || row.find("CP READ") != std::string::npos ||
           row.find("RUNNING") != std::string::npos;
}

// D: Tn3270 (an s3270 process) or Tn3270Wire (in this process)
template <class D>
static void displayUser(CpSystem &sys, int devno, int n, Tally &tally, Phases &ph, unsigned &phase)
{
    std::string user = "USER" + std::to_string(n), pw = "PASS" + std::to_string(n);
    std::unique_lock<std::mutex> one(connecting);
    D d(sys.port(), devno, 30);
    d.waitFor("Enter LOGON userid", 30);
    one.unlock();
    d.enter("LOGON " + user);
    d.waitFor("ENTER PASSWORD:", 30);
    d.enter(pw);
    d.waitFor("CP370 CMS VERSION", 120);
    d.waitFor(READY, 120);
    ph.arrive(phase++);
    std::regex ready(READY);
    for (int r = 0; r < ROUNDS; r++) {
        for (unsigned c = 0; c < 3; c++) {
            // a clean output area for each answer: PA2, which (unlike
            // CLEAR) leaves the screen formatted until CP draws it again,
            // so an empty first row means CP's screen is there
            d.key("PA(2)");
            auto cleared = Clock::now();
            while (!cleanScreen(d.screen())) {
                if (std::chrono::duration<double>(Clock::now() - cleared).count() > 30)
                    throw std::runtime_error(user + ": PA2 did not clear the screen:\n" + d.screen());
                d.waitOutput(2);
            }
            think();
            d.type(COMMANDS[c]);
            auto start = Clock::now();          // from the Enter key
            d.key("Enter");
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
    ph.arrive(phase++);
    d.enter("#CP LOGOFF");
    d.waitFor("LOGOFF AT", 60);
}

// CPU ticks of each thread of a process (/proc/PID/task/TID/stat: utime
// and stime), to see how busy Hercules' CPU thread was
static std::map<std::string, unsigned long long> threadTicks(pid_t pid)
{
    std::map<std::string, unsigned long long> ticks;
    std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR *d = opendir(dir.c_str());
    struct dirent *e;

    while (d && (e = readdir(d)) != nullptr) {
        if (e->d_name[0] == '.')
            continue;
        std::ifstream f(dir + "/" + e->d_name + "/stat");
        std::string st((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        size_t close = st.rfind(')');
        if (close == std::string::npos)
            continue;
        std::istringstream rest(st.substr(close + 2));
        std::string field;
        unsigned long long ut = 0, stime = 0;
        for (int i = 3; i <= 15 && rest >> field; i++) {
            if (i == 14)
                ut = std::stoull(field);
            if (i == 15)
                stime = std::stoull(field);
        }
        std::string name = st.substr(st.find('(') + 1, close - st.find('(') - 1);
        ticks[name + "/" + e->d_name] = ut + stime;
    }
    if (d)
        closedir(d);
    return ticks;
}

// how long the threads of a process were runnable but waited for a host
// CPU (/proc/PID/task/TID/schedstat, second field), in seconds
static double runqueueWait(pid_t pid)
{
    std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR *d = opendir(dir.c_str());
    struct dirent *e;
    double sum = 0;

    while (d && (e = readdir(d)) != nullptr) {
        if (e->d_name[0] == '.')
            continue;
        std::ifstream f(dir + "/" + e->d_name + "/schedstat");
        unsigned long long run = 0, wait = 0;
        if (f >> run >> wait)
            sum += (double)wait / 1e9;
    }
    if (d)
        closedir(d);
    return sum;
}

// the busiest thread's share of one core and the whole process's, in %
static void cpuShare(const std::map<std::string, unsigned long long> &a,
                     const std::map<std::string, unsigned long long> &b, double seconds,
                     double *busiest, double *total, std::string *name)
{
    double hz = (double)sysconf(_SC_CLK_TCK);
    unsigned long long top = 0, sum = 0;

    for (auto &kv : b) {
        auto it = a.find(kv.first);
        unsigned long long d = kv.second - (it == a.end() ? 0 : it->second);
        sum += d;
        if (d > top) {
            top = d;
            *name = kv.first;
        }
    }
    *busiest = seconds > 0 ? 100.0 * (double)top / hz / seconds : 0;
    *total = seconds > 0 ? 100.0 * (double)sum / hz / seconds : 0;
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
    Tally line, display;
    // CP370_BENCH_USERS=n runs n users instead (half at 3215s), to see
    // how the response grows with the number of users
    const char *nenv = getenv("CP370_BENCH_USERS");
    int nusers = nenv ? atoi(nenv) : 32;
    if (nusers < 2 || nusers > 32)
        nusers = 32;
    int nline = nusers / 2;
    Phases ph((unsigned)nusers);
    std::vector<std::thread> threads;
    std::atomic<unsigned> errors{0};
    std::mutex em;
    std::string first_error;
    auto start = Clock::now();

    for (int i = 0; i < nusers; i++) {
        threads.emplace_back([&, i] {
            unsigned phase = 0;
            try {
                if (i < nline)
                    lineUser(sys, 0x0020 + i, i + 1, line, ph, phase);
                else if (i == nline)        // one real tn3270 client among them
                    displayUser<Tn3270>(sys, 0x00C0, 17, display, ph, phase);
                else
                    displayUser<Tn3270Wire>(sys, 0x00C0 + (i - nline), 17 + (i - nline), display, ph,
                                            phase);
            } catch (std::exception &e) {
                ph.leave(phase);
                errors++;
                std::lock_guard<std::mutex> g(em);
                if (first_error.empty())
                    first_error = e.what();
            }
        });
    }
    // CP's figures for the rounds alone: reset with every user's CMS up,
    // read before anybody logs off
    ph.waitAll(0);
    sys.opcmd("INDICATE RESPONSE ALL RESET", "RESPONSE TIMES RESET FOR ALL TERMINALS");
    auto rounds = Clock::now();
    auto herc0 = threadTicks(sys.herc().pid()), self0 = threadTicks(getpid());
    unsigned long long ins0 = sys.herc().instcount();
    double rq0 = runqueueWait(sys.herc().pid());
    double load0[3];
    getloadavg(load0, 3);
    ph.open(0);
    ph.waitAll(1);
    double rounds_s = std::chrono::duration<double>(Clock::now() - rounds).count();
    auto herc1 = threadTicks(sys.herc().pid()), self1 = threadTicks(getpid());
    unsigned long long ins1 = sys.herc().instcount();
    double rq1 = runqueueWait(sys.herc().pid());
    double load1[3];
    getloadavg(load1, 3);
    std::string cp = sys.opcmd("INDICATE RESPONSE ALL", "RESPONSE TOTAL +COUNT[^\\n]*\\n");
    ph.open(1);
    for (auto &t : threads)
        t.join();
    double wall = std::chrono::duration<double>(Clock::now() - start).count();
    Tally all;
    all.ms = line.ms;
    all.ms.insert(all.ms.end(), display.ms.begin(), display.ms.end());
    all.lost = line.lost + display.lost;
    all.first_lost = !line.first_lost.empty() ? line.first_lost : display.first_lost;
    Tally &tally = all;
    printf("%d users at once (%d at 3215s, %d at 3270s), IPL CMS, then %d rounds of\n"
           "QUERY SEARCH, QUERY TIME, QUERY DISK each: response from the line sent to\n"
           "CMS's ready message at the client\n\n", nusers, nline, nusers - nline, ROUNDS);
    printf("  commands %zu, users that failed %u, answers missing lines %u\n",
           tally.ms.size(), errors.load(), tally.lost);
    printf("  at the clients:   p50 %4.0f ms   p95 %4.0f ms   max %5.0f ms   (%zu commands)\n",
           pct(tally.ms, 0.50), pct(tally.ms, 0.95), pct(tally.ms, 1.0), tally.ms.size());
    printf("    3215 users:     p50 %4.0f ms   p95 %4.0f ms   max %5.0f ms\n",
           pct(line.ms, 0.50), pct(line.ms, 0.95), pct(line.ms, 1.0));
    printf("    3270 users:     p50 %4.0f ms   p95 %4.0f ms   max %5.0f ms\n",
           pct(display.ms, 0.50), pct(display.ms, 0.95), pct(display.ms, 1.0));
    std::smatch m;
    if (std::regex_search(cp, m, std::regex("RESPONSE TOTAL +COUNT +([0-9]+) P50 +([0-9.]+) "
                                            "P95 +([0-9.]+) MAX +([0-9.]+) MEAN +([0-9.]+)")))
        printf("  in CP (INDICATE): p50 %4s ms   p95 %4s ms   max %5s ms   (%s responses, mean %s ms)\n",
               m[2].str().c_str(), m[3].str().c_str(), m[4].str().c_str(), m[1].str().c_str(),
               m[5].str().c_str());
    else
        printf("  in CP: no INDICATE RESPONSE total in:\n%s\n", cp.c_str());
    double busiest, total, sbusiest, stotal;
    std::string bname, sname;
    cpuShare(herc0, herc1, rounds_s, &busiest, &total, &bname);
    cpuShare(self0, self1, rounds_s, &sbusiest, &stotal, &sname);
    printf("  rounds %.1f s (%.0f commands/s), whole run %.0f s\n", rounds_s,
           rounds_s > 0 ? (double)tally.ms.size() / rounds_s : 0.0, wall);
    printf("  instructions per command (CP and CMS, rounds): %.0f\n",
           tally.ms.empty() ? 0.0 : (double)(ins1 - ins0) / (double)tally.ms.size());
    printf("  during the rounds: Hercules %.0f %% of a core (its busiest thread, %s, %.0f %%),\n"
           "  its threads ready to run but waiting for a host CPU %.2f s per second;\n"
           "  this bench process %.0f %%; load average %.1f before, %.1f after\n\n",
           total, bname.c_str(), busiest, rounds_s > 0 ? (rq1 - rq0) / rounds_s : 0.0, stotal,
           load0[0], load1[0]);
    if (getenv("CP370_BENCH_VERBOSE"))
        printf("%s\n", cp.c_str());
    if (!tally.first_lost.empty())
        printf("  first answer without its line: %s\n\n", tally.first_lost.c_str());
    if (!first_error.empty())
        printf("  first failure: %s\n\n", first_error.c_str());
}
