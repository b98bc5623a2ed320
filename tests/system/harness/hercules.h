// hercules.h - drive a real Hercules process for system tests.
//
// Hercules is started as `hercules -f CONFIG EXTERNALGUI`: the trailing
// argument loads dyngui, which reads panel commands from stdin even when
// stdout is a pipe.  Log lines are collected by a reader thread and can be
// waited for with a regular expression.  Hercules does not exit when its
// stdin closes, so the destructor always kills it.
#pragma once

#include <condition_variable>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

class Hercules {
public:
    Hercules(const std::string &dir, const std::string &config);
    ~Hercules();
    Hercules(const Hercules &) = delete;
    Hercules &operator=(const Hercules &) = delete;

    // wait for a log line matching re, from line index `from`; returns the
    // line, or throws std::runtime_error on timeout or exit
    std::string waitFor(const std::string &re, double seconds, size_t from = 0);
    void command(const std::string &cmd);
    size_t mark();                      // current number of log lines
    std::vector<std::string> lines();
    bool running();
    void kill();
    // the CPU's instruction count now (CP's and the guests' together):
    // dyngui writes it on a status line to hercules.stderr when asked
    unsigned long long instcount(double seconds = 5);
    pid_t pid() const { return pid_; }

private:
    void reader();
    pid_t pid_ = -1;
    int in_ = -1, out_ = -1;
    std::thread thread_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<std::string> lines_;
    bool eof_ = false;
    std::string dir_;
};
