// tn3270.cpp - s3270 through pipes (see tn3270.h).
#include "tn3270.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <poll.h>
#include <regex>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

Tn3270::Tn3270(int port, int devno, double seconds, int model)
{
    int to[2], from[2];
    char tn[32], host[64], mod[8];

    if (pipe(to) != 0 || pipe(from) != 0)
        throw std::runtime_error("pipe");
    // model 2 as a plain 3278 (no structured fields); a larger one with
    // the extended data stream (-E), which a Read Partition Query needs
    if (model == 2)
        snprintf(tn, sizeof tn, "IBM-3278-2@%04X", devno);
    else
        snprintf(tn, sizeof tn, "IBM-3278-%d-E@%04X", model, devno);
    snprintf(mod, sizeof mod, "%d", model);
    snprintf(host, sizeof host, "127.0.0.1:%d", port);
    pid_ = fork();
    if (pid_ == 0) {
        dup2(to[0], 0);
        dup2(from[1], 1);
        dup2(from[1], 2);
        ::close(to[1]);
        ::close(from[0]);
        execlp("s3270", "s3270", "-model", mod, "-tn", tn, (char *)nullptr);
        _exit(127);
    }
    ::close(to[0]);
    ::close(from[1]);
    in_ = to[1];
    out_ = from[0];
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        bool ok = false;
        action(std::string("Connect(") + host + ")", &ok);
        if (ok)
            break;
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("s3270 cannot connect to device " + std::string(tn));
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

Tn3270::~Tn3270()
{
    close();
}

void Tn3270::close()
{
    if (pid_ <= 0)
        return;
    if (in_ >= 0) {
        const char q[] = "Quit()\n";
        if (write(in_, q, sizeof q - 1) < 0) {
        }
        ::close(in_);
        in_ = -1;
    }
    for (int i = 0; i < 50; i++) {
        if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
            pid_ = -1;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    if (out_ >= 0)
        ::close(out_);
    out_ = -1;
}

// One action: its data lines, up to the "ok" or "error" line.
std::string Tn3270::action(const std::string &a, bool *ok)
{
    std::string cmd = a + "\n";
    if (in_ < 0 || write(in_, cmd.data(), cmd.size()) != (ssize_t)cmd.size())
        throw std::runtime_error("s3270 is gone");
    std::string data;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (;;) {
        size_t nl;
        while ((nl = buf_.find('\n')) != std::string::npos) {
            std::string line = buf_.substr(0, nl);
            buf_.erase(0, nl + 1);
            if (line == "ok" || line == "error") {
                if (ok)
                    *ok = line == "ok";
                return data;
            }
            if (line.compare(0, 6, "data: ") == 0)
                data += line.substr(6) + "\n";
            else if (line.compare(0, 5, "data:") == 0)
                data += line.substr(5) + "\n";
        }
        pollfd p{out_, POLLIN, 0};
        if (poll(&p, 1, 1000) > 0) {
            char b[4096];
            ssize_t n = read(out_, b, sizeof b);
            if (n <= 0)
                throw std::runtime_error("s3270 ended");
            buf_.append(b, (size_t)n);
        }
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("s3270 does not answer " + a);
    }
}

std::string Tn3270::screen()
{
    return action("Ascii()");
}

bool Tn3270::expect(const std::string &re, double seconds, std::string *got)
{
    std::regex rx(re);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        std::string s = screen();
        if (std::regex_search(s, rx)) {
            if (got)
                *got = s;
            return true;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            if (got)
                *got = s;
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

std::string Tn3270::waitFor(const std::string &re, double seconds)
{
    std::string s;
    if (!expect(re, seconds, &s))
        throw std::runtime_error("timeout waiting for /" + re + "/ on the 3270; screen:\n" + s);
    return s;
}

std::string Tn3270::status()
{
    std::string s = screen();
    size_t last = s.rfind('\n', s.size() - 2);
    std::string row = s.substr(last + 1);
    if (!row.empty() && row.back() == '\n')
        row.pop_back();
    return row.size() >= 19 ? row.substr(row.size() - 19, 18) : "";
}

void Tn3270::type(const std::string &text)
{
    std::string q;
    for (char c : text) {
        if (c == '"' || c == '\\')
            q += '\\';
        q += c;
    }
    action("Wait(10,Unlock)");
    if (!q.empty())
        action("String(\"" + q + "\")");
}

void Tn3270::enter(const std::string &text)
{
    type(text);
    action("Enter()");
}

void Tn3270::key(const std::string &a)
{
    action("Wait(10,Unlock)");
    action(a);
}

bool Tn3270::waitOutput(double seconds)
{
    bool ok = false;
    char a[48];
    snprintf(a, sizeof a, "Wait(%d,Output)", seconds < 1 ? 1 : (int)seconds);
    action(a, &ok);
    return ok;
}
