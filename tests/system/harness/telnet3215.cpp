// telnet3215.cpp - line-mode telnet client for Hercules 3215 consoles.
#include "telnet3215.h"

#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <regex>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

enum { IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240,
       IP = 244, TTYPE = 24 };

Telnet3215::Telnet3215(int port, int devno, double seconds)
{
    char tt[32];
    if (devno >= 0)
        snprintf(tt, sizeof tt, "dumb@%04X", devno);
    else
        snprintf(tt, sizeof tt, "dumb");
    termtype_ = tt;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons((uint16_t)port);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (connect(fd_, (sockaddr *)&sa, sizeof sa) == 0)
            break;
        ::close(fd_);
        fd_ = -1;
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("cannot connect to the console port");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::smatch m;
    std::string got = readUntil("Connected to device [0-9A-F]+:([0-9A-F]{4})[^\\n]*\\n", seconds);
    if (std::regex_search(got, m, std::regex("Connected to device [0-9A-F]+:([0-9A-F]{4})")))
        device_ = m[1];
}

Telnet3215::~Telnet3215()
{
    close();
}

void Telnet3215::close()
{
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = -1;
    closed_ = true;
}

bool Telnet3215::pump(double seconds)
{
    if (fd_ < 0)
        throw std::runtime_error("connection closed; have: " + text_);
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    pollfd p{fd_, POLLIN, 0};
    int ms = (int)(seconds * 1000);
    if (poll(&p, 1, ms < 1 ? 1 : ms) <= 0)
        return false;
    unsigned char buf[4096];
    ssize_t n = recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
        close();
        throw std::runtime_error("connection closed by hercules; have: " + text_);
    }
    raw_.append((char *)buf, (size_t)n);
    size_t i = 0;
    while (i < raw_.size()) {
        unsigned char c = (unsigned char)raw_[i];
        if (c != IAC) {
            if (c != '\r' && c != 0)
                text_ += (char)c;
            i++;
            continue;
        }
        if (i + 1 >= raw_.size())
            break;
        unsigned char cmd = (unsigned char)raw_[i + 1];
        if (cmd == DO || cmd == DONT || cmd == WILL || cmd == WONT) {
            if (i + 2 >= raw_.size())
                break;
            unsigned char opt = (unsigned char)raw_[i + 2];
            unsigned char reply[3] = {IAC, 0, opt};
            if (cmd == DO)
                reply[1] = opt == TTYPE ? WILL : WONT;
            if (cmd == WILL)
                reply[1] = DONT;
            if (reply[1])
                send(fd_, reply, 3, 0);
            i += 3;
        } else if (cmd == SB) {
            size_t e = raw_.find("\xff\xf0", i);
            if (e == std::string::npos)
                break;
            if (raw_.size() > i + 3 && (unsigned char)raw_[i + 2] == TTYPE && raw_[i + 3] == 1) {
                std::string r = std::string("\xff\xfa\x18\x00", 4) + termtype_ + "\xff\xf0";
                send(fd_, r.data(), r.size(), 0);
            }
            i = e + 2;
        } else {
            i += 2;
        }
    }
    raw_.erase(0, i);
    return true;
}

bool Telnet3215::expect(const std::string &re, double seconds, std::string *got)
{
    std::regex rx(re);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        std::smatch m;
        if (std::regex_search(text_, m, rx)) {
            size_t end = (size_t)(m.position(0) + m.length(0));
            if (got)
                *got = text_.substr(0, end);
            text_.erase(0, end);
            read_since_send_ = true;
            return true;
        }
        double left = std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0)
            return false;
        pump(left);
    }
}

std::string Telnet3215::readUntil(const std::string &re, double seconds)
{
    std::string got;
    if (!expect(re, seconds, &got))
        throw std::runtime_error("timeout waiting for /" + re + "/ on " + termtype_ + "; have: " + text_);
    return got;
}

std::string Telnet3215::drain(double seconds)
{
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        double left = std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0 || fd_ < 0)
            break;
        try {
            pump(left);
        } catch (std::exception &) {
            break;
        }
    }
    std::string t = text_;
    text_.clear();
    return t;
}

void Telnet3215::sendRaw(const std::string &bytes)
{
    if (fd_ < 0 || send(fd_, bytes.data(), bytes.size(), 0) < 0)
        throw std::runtime_error("send on a closed connection");
}

void Telnet3215::sendLine(const std::string &line)
{
    settle();
    sendLineNow(line);
}

void Telnet3215::settle()
{
    if (!read_since_send_)
        std::this_thread::sleep_until(last_send_ + std::chrono::milliseconds(150));
    // Type as a person does, when the terminal has stopped writing: a line
    // that Hercules takes while CP starts its next write to the device
    // gets an attention Hercules cannot present (docs/operator.md).
    auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (fd_ >= 0 && std::chrono::steady_clock::now() < limit) {
        try {
            if (!pump(0.06))
                break;              /* quiet for 60 ms */
        } catch (std::exception &) {
            break;
        }
    }
}

void Telnet3215::sendLineNow(const std::string &line)
{
    sendRaw(line + "\r\n");
    last_send_ = std::chrono::steady_clock::now();
    read_since_send_ = false;
}

void Telnet3215::sendBreak()
{
    sendRaw(std::string("\xff\xf4", 2));
}
