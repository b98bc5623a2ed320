// cpsystem.h - one cp370 system under Hercules, for a system test.
//
// The constructor makes a run folder build/test-runs/NAME with its own
// copies of the volumes and a configuration from mk/cp370.cnf.in on a
// free TCP port, starts Hercules, connects the operator console 0009 and
// IPLs CP from the system residence volume 0130.  When a test passes its
// volumes are deleted; a failed test keeps them beside its logs.
#pragma once

#include "hercules.h"
#include "telnet3215.h"

#include <functional>
#include <regex>
#include <memory>
#include <stdexcept>
#include <string>

// the shipped directory's password for OPERATOR (cp/dir/user.direct)
#define OPERATOR_PASSWORD "OPERATOR"

struct SystemOptions {
    int mainsize = 64;          // megabytes of real storage
    bool ipl = true;            // IPL at once
    std::string extraConfig;    // more device lines
    // run on the run folder once the volumes are copied, before Hercules
    // starts (to write saved systems into them, to add a volume)
    std::function<void(const std::string &dir)> prepare;

    SystemOptions &storage(int mb) { mainsize = mb; return *this; }
    SystemOptions &noIpl() { ipl = false; return *this; }
    SystemOptions &config(const std::string &lines) { extraConfig += lines; return *this; }
    SystemOptions &before(std::function<void(const std::string &)> f) { prepare = f; return *this; }
};

class CpSystem {
public:
    explicit CpSystem(const std::string &name, SystemOptions opt = SystemOptions());
    ~CpSystem();

    void ipl();                 // IPL 0130, log the operator on at 0009
    // log the operator on at 0009 after an IPL; returns what the log had
    // kept for the operator, up to CP's ready message
    std::string logonOperator(double seconds = 20);
    // what the operator console showed from the last IPL to the ready message
    const std::string &iplMessages() const { return iplMessages_; }
    void restart();             // stop Hercules, start it again, IPL (volumes kept)
    Telnet3215 &op() { return *op_; }
    Hercules &herc() { return *herc_; }
    std::unique_ptr<Telnet3215> terminal(int devno);
    // wait for the CPU to load a disabled wait PSW; returns its address word
    unsigned long waitState(double seconds = 30);
    // send an operator command and return the response up to re
    std::string opcmd(const std::string &cmd, const std::string &re, double seconds = 30);
    const std::string &dir() const { return dir_; }
    int port() const { return port_; }

private:
    void start();
    std::string name_, dir_, iplMessages_;
    SystemOptions opt_;
    int port_ = 0;
    std::unique_ptr<Hercules> herc_;
    std::unique_ptr<Telnet3215> op_;
};

// the folder with the built volumes (build/)
std::string buildDir();

// A system test whose harness errors (timeouts, closed connections) become
// test failures with their message, instead of ending the test program.
#define SYSTEM_TEST(group, name)                                        \
    static void group##_##name##_body();                                \
    TEST(group, name)                                                   \
    {                                                                   \
        try {                                                           \
            group##_##name##_body();                                    \
        } catch (std::exception &e) {                                   \
            FAIL(e.what());                                             \
        }                                                               \
    }                                                                   \
    static void group##_##name##_body()

// log OPERATOR on at a terminal that shows (or is about to show) the
// logo; returns what the operator's log kept, up to CP's ready message
std::string operatorLogon(Telnet3215 &t, double seconds = 20);

// connect a terminal and log a user on; returns once "LOGON AT" is seen.
// By default with NOIPL: the user starts in CP, not in the directory's
// IPL CMS (tests of CMS pass options "").
std::unique_ptr<Telnet3215> logon(CpSystem &sys, int devno, const std::string &user,
                                  const std::string &password,
                                  const std::string &options = "NOIPL");

// the answer of a CP command: everything up to the answer of a QUERY
// USERID sent after it
std::string answer(Telnet3215 &t, const std::string &cmd, double seconds = 30);

// text (evaluated once: it is often a command's answer) matches the
// regular expression re somewhere
#define HAS_MATCH(text, re)                                             \
    do {                                                                \
        std::string text_ = (text);                                     \
        CHECK_TEXT(std::regex_search(text_, std::regex(re)),            \
                   (std::string("no /") + (re) + "/ in:\n" + text_).c_str()); \
    } while (0)
