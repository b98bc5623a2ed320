// cpsystem.cpp - set up, IPL and tear down a cp370 system for a test.
#include "cpsystem.h"

#include <CppUTest/TestHarness.h>

#include <arpa/inet.h>
#include <cstdlib>
#include <fstream>
#include <netinet/in.h>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

std::string buildDir()
{
    const char *b = getenv("CP370_BUILD");
    return b ? b : "build";
}

static std::string srcDir()
{
    const char *s = getenv("CP370_SRC");
    return s ? s : ".";
}

// a TCP port nobody listens on now
static int freePort()
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = 0;
    bind(fd, (sockaddr *)&sa, sizeof sa);
    socklen_t len = sizeof sa;
    getsockname(fd, (sockaddr *)&sa, &len);
    int port = ntohs(sa.sin_port);
    close(fd);
    return port;
}

static void run(const std::string &cmd)
{
    if (system(cmd.c_str()) != 0)
        throw std::runtime_error("command failed: " + cmd);
}

CpSystem::CpSystem(const std::string &name, SystemOptions opt) : name_(name), opt_(opt)
{
    dir_ = buildDir() + "/test-runs/" + name;
    run("rm -rf '" + dir_ + "' && mkdir -p '" + dir_ + "'");
    run("cp --sparse=always " + buildDir() + "/*.3350 '" + dir_ + "/'");
    if (opt_.prepare)
        opt_.prepare(dir_);
    start();
    if (opt_.ipl)
        ipl();
}

CpSystem::~CpSystem()
{
    op_.reset();
    herc_.reset();
    // A passed test's volumes go (about 90 MB a test, 7 GB a run); a
    // failed test's stay beside its logs, to be looked at.
    if (!UtestShell::getCurrent()->hasFailed()) {
        if (system(("rm -f '" + dir_ + "'/*.3350").c_str()) != 0) {
        }
    }
}

void CpSystem::start()
{
    std::ifstream in(srcDir() + "/mk/cp370.cnf.in");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string cnf = ss.str();
    port_ = freePort();
    cnf = std::regex_replace(cnf, std::regex("@PORT@"), std::to_string(port_));
    cnf = std::regex_replace(cnf, std::regex("@MAINSIZE@"), std::to_string(opt_.mainsize));
    cnf += opt_.extraConfig;
    std::ofstream(dir_ + "/cp370.cnf") << cnf;
    herc_.reset(new Hercules(dir_, "cp370.cnf"));
    herc_->waitFor("HHCPN008I|HHCPN013I", 20);
    op_.reset(new Telnet3215(port_, 0x0009));
}

void CpSystem::ipl()
{
    herc_->command("ipl 0130");
    iplMessages_ = logonOperator();
}

std::string CpSystem::logonOperator(double seconds)
{
    return operatorLogon(*op_, seconds);
}

std::string answer(Telnet3215 &t, const std::string &cmd, double seconds)
{
    t.sendLine(cmd);
    t.sendLine("QUERY USERID");
    return t.readUntil(" AT CP370", seconds);
}

std::string operatorLogon(Telnet3215 &t, double seconds)
{
    t.readUntil("Enter LOGON userid", seconds);
    t.sendLine("LOGON OPERATOR");
    t.readUntil("ENTER PASSWORD:");
    t.sendLine(OPERATOR_PASSWORD);
    return t.readUntil("CPX013I .* ready at[^\\n]*\\n", seconds);
}

void CpSystem::restart()
{
    op_.reset();
    herc_.reset();
    start();
    ipl();
}

std::unique_ptr<Telnet3215> CpSystem::terminal(int devno)
{
    return std::unique_ptr<Telnet3215>(new Telnet3215(port_, devno));
}

unsigned long CpSystem::waitState(double seconds)
{
    std::string line = herc_->waitFor("PSW=000A0000 [0-9A-F]{8}", seconds);
    std::smatch m;
    std::regex_search(line, m, std::regex("PSW=000A0000 ([0-9A-F]{8})"));
    return std::stoul(m[1], nullptr, 16);
}

std::string CpSystem::opcmd(const std::string &cmd, const std::string &re, double seconds)
{
    op_->sendLine(cmd);
    return op_->readUntil(re, seconds);
}

std::unique_ptr<Telnet3215> logon(CpSystem &sys, int devno, const std::string &user,
                                  const std::string &password, const std::string &options)
{
    auto t = sys.terminal(devno);
    t->readUntil("Enter LOGON userid");
    t->sendLine("LOGON " + user + (options.empty() ? "" : " " + options));
    t->readUntil("ENTER PASSWORD:");
    t->sendLine(password);
    t->readUntil("LOGON AT [^\\n]*\\n");
    return t;
}
