// hercules.cpp - start, talk to and stop a Hercules process.
#include "hercules.h"

#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

static std::vector<pid_t> live_pids;
static std::mutex live_mu;

static void kill_all_live()
{
    std::lock_guard<std::mutex> g(live_mu);
    for (pid_t p : live_pids)
        ::kill(p, SIGKILL);
}

static void on_fatal_signal(int sig)
{
    kill_all_live();
    signal(sig, SIG_DFL);
    raise(sig);
}

Hercules::Hercules(const std::string &dir, const std::string &config) : dir_(dir)
{
    static bool installed;
    if (!installed) {
        installed = true;
        atexit(kill_all_live);
        signal(SIGINT, on_fatal_signal);
        signal(SIGTERM, on_fatal_signal);
        signal(SIGABRT, on_fatal_signal);
        signal(SIGSEGV, on_fatal_signal);
        signal(SIGPIPE, SIG_IGN);
    }
    int pin[2], pout[2];
    if (pipe(pin) != 0 || pipe(pout) != 0)
        throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0)
        throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        if (chdir(dir.c_str()) != 0)
            _exit(127);
        dup2(pin[0], 0);
        dup2(pout[1], 1);
        int err = open("hercules.stderr", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (err >= 0)
            dup2(err, 2);
        close(pin[1]);
        close(pout[0]);
        setenv("HERCULES_RC", "/dev/null", 1);
        execlp("hercules", "hercules", "-f", config.c_str(), "EXTERNALGUI", (char *)nullptr);
        _exit(127);
    }
    {
        std::lock_guard<std::mutex> g(live_mu);
        live_pids.push_back(pid_);
    }
    close(pin[0]);
    close(pout[1]);
    in_ = pin[1];
    out_ = pout[0];
    thread_ = std::thread(&Hercules::reader, this);
}

Hercules::~Hercules()
{
    kill();
    if (thread_.joinable())
        thread_.join();
    if (in_ >= 0)
        close(in_);
    if (out_ >= 0)
        close(out_);
    // keep the log of the run next to the test's files
    std::ofstream log(dir_ + "/hercules.log");
    for (auto &l : lines_)
        log << l << "\n";
}

void Hercules::reader()
{
    std::string partial;
    char buf[4096];
    for (;;) {
        ssize_t n = read(out_, buf, sizeof buf);
        if (n <= 0)
            break;
        partial.append(buf, (size_t)n);
        size_t pos;
        while ((pos = partial.find('\n')) != std::string::npos) {
            std::string line = partial.substr(0, pos);
            partial.erase(0, pos + 1);
            std::lock_guard<std::mutex> g(mu_);
            lines_.push_back(line);
            cv_.notify_all();
        }
    }
    std::lock_guard<std::mutex> g(mu_);
    eof_ = true;
    cv_.notify_all();
}

std::string Hercules::waitFor(const std::string &re, double seconds, size_t from)
{
    std::regex rx(re);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    std::unique_lock<std::mutex> g(mu_);
    size_t i = from;
    for (;;) {
        for (; i < lines_.size(); i++)
            if (std::regex_search(lines_[i], rx))
                return lines_[i];
        if (eof_)
            throw std::runtime_error("hercules exited while waiting for /" + re + "/");
        if (cv_.wait_until(g, deadline) == std::cv_status::timeout && i == lines_.size())
            throw std::runtime_error("timeout waiting for hercules log /" + re + "/");
    }
}

void Hercules::command(const std::string &cmd)
{
    std::string line = cmd + "\n";
    if (write(in_, line.data(), line.size()) < 0)
        throw std::runtime_error("cannot send command to hercules");
}

unsigned long long Hercules::instcount(double seconds)
{
    std::string path = dir_ + "/hercules.stderr";
    std::ifstream in(path, std::ios::ate);
    std::streamoff from = in ? (std::streamoff)in.tellg() : 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);

    command("]REFRESH=1");              // any "]" request makes dyngui report at once
    while (std::chrono::steady_clock::now() < deadline) {
        std::ifstream f(path);
        f.seekg(from);
        std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        size_t at = text.rfind("STATUS=");
        if (at != std::string::npos) {
            size_t end = text.find('\n', at), ic = text.find("instcount=", at);
            if (end != std::string::npos && ic != std::string::npos && ic < end)
                return std::stoull(text.substr(ic + 10, end - ic - 10));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    throw std::runtime_error("no instruction count from hercules");
}

size_t Hercules::mark()
{
    std::lock_guard<std::mutex> g(mu_);
    return lines_.size();
}

std::vector<std::string> Hercules::lines()
{
    std::lock_guard<std::mutex> g(mu_);
    return lines_;
}

bool Hercules::running()
{
    if (pid_ <= 0)
        return false;
    int status;
    return waitpid(pid_, &status, WNOHANG) == 0;
}

void Hercules::kill()
{
    pid_t p = pid_;
    if (p <= 0)
        return;
    pid_ = -1;
    ::kill(p, SIGTERM);
    bool gone = false;
    for (int i = 0; i < 50 && !gone; i++) {
        int status;
        if (waitpid(p, &status, WNOHANG) == p)
            gone = true;
        else
            usleep(20000);
    }
    if (!gone) {
        ::kill(p, SIGKILL);
        waitpid(p, nullptr, 0);
    }
    std::lock_guard<std::mutex> g(live_mu);
    for (auto it = live_pids.begin(); it != live_pids.end(); ++it)
        if (*it == p) {
            live_pids.erase(it);
            break;
        }
}
