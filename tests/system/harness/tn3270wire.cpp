// tn3270wire.cpp - telnet and the 3270 data stream, by hand (see tn3270wire.h).
#include "tn3270wire.h"

#include <arpa/inet.h>
#include <chrono>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <regex>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using Clock = std::chrono::steady_clock;

// telnet (RFC 854, 856, 885, 1091)
enum : unsigned char {
    T_IAC = 0xFF, T_DONT = 0xFE, T_DO = 0xFD, T_WONT = 0xFC, T_WILL = 0xFB,
    T_SB = 0xFA, T_SE = 0xF0, T_EOR = 0xEF,
    O_BINARY = 0, O_TTYPE = 24, O_EOR = 25, TTYPE_IS = 0, TTYPE_SEND = 1,
};

// 3270 orders and attention identifiers
enum : unsigned char {
    SBA = 0x11, SF = 0x1D, SFE = 0x29, SA = 0x28, MF = 0x2C, IC = 0x13, PT = 0x05,
    RA = 0x3C, EUA = 0x12, GE = 0x08,
    AID_ENTER = 0x7D, AID_CLEAR = 0x6D, AID_PA1 = 0x6C, AID_PA2 = 0x6E, AID_PA3 = 0x6B,
};

// code page 1047, as CP writes a 3270 (cp/io/termcode.c): EBCDIC to
// ASCII, blank for what has no printable ASCII
static const unsigned char e2a[256] = {
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x2E, 0x3C, 0x28, 0x2B, 0x7C,
    0x26, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x21, 0x24, 0x2A, 0x29, 0x3B, 0x5E,
    0x2D, 0x2F, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x2C, 0x25, 0x5F, 0x3E, 0x3F,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x60, 0x3A, 0x23, 0x40, 0x27, 0x3D, 0x22,
    0x20, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70, 0x71, 0x72, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x7E, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x20, 0x20, 0x20, 0x5B, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x5D, 0x20, 0x20,
    0x7B, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x7D, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F, 0x50, 0x51, 0x52, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x5C, 0x20, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
};

static const unsigned char a2e[128] = {
    0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40,
    0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40,
    0x40, 0x5A, 0x7F, 0x7B, 0x5B, 0x6C, 0x50, 0x7D, 0x4D, 0x5D, 0x5C, 0x4E, 0x6B, 0x60, 0x4B, 0x61,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x5E, 0x4C, 0x7E, 0x6E, 0x6F,
    0x7C, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6,
    0xD7, 0xD8, 0xD9, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xAD, 0xE0, 0xBD, 0x5F, 0x6D,
    0x79, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
    0x97, 0x98, 0x99, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xC0, 0x4F, 0xD0, 0xA1, 0x40,
};

// 12-bit buffer addresses: six bits to a graphic character
static const unsigned char code6[64] = {
    0x40, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F,
    0x50, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
    0x60, 0x61, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
};

static int decodeAddr(unsigned char a, unsigned char b)
{
    if ((a & 0xC0) == 0)
        return ((a & 0x3F) << 8) | b;           // 14-bit binary
    return ((a & 0x3F) << 6) | (b & 0x3F);
}

#define FA_PROT 0x20
#define FA_MDT  0x01
#define FA_HIDDEN 0x0C

Tn3270Wire::Tn3270Wire(int port, int devno, double seconds)
{
    char tt[32];
    snprintf(tt, sizeof tt, "IBM-3278-2@%04X", devno);
    termtype_ = tt;
    memset(buf_, 0, sizeof buf_);
    for (short &a : attr_)
        a = -1;
    auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons((uint16_t)port);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd_ >= 0 && connect(fd_, (sockaddr *)&sa, sizeof sa) == 0)
            break;
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
        if (Clock::now() > deadline)
            throw std::runtime_error("cannot connect to the 3270 port for " + termtype_);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(fd_, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    // connected once the host has written the first screen
    while (records_ == 0) {
        double left = std::chrono::duration<double>(deadline - Clock::now()).count();
        if (left <= 0 || (!pump(left) && records_ == 0))
            throw std::runtime_error("no screen from the host for " + termtype_);
    }
}

Tn3270Wire::~Tn3270Wire()
{
    close();
}

void Tn3270Wire::close()
{
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = -1;
}

bool Tn3270Wire::pump(double seconds)
{
    if (fd_ < 0)
        throw std::runtime_error(termtype_ + ": connection closed");
    pollfd p{fd_, POLLIN, 0};
    int ms = seconds <= 0 ? 0 : (int)(seconds * 1000) + 1;
    if (poll(&p, 1, ms) <= 0)
        return false;
    unsigned char b[8192];
    ssize_t n = recv(fd_, b, sizeof b, 0);
    if (n <= 0) {
        close();
        throw std::runtime_error(termtype_ + ": the host closed the connection");
    }
    reply_.clear();
    telnet(b, (size_t)n);
    if (!reply_.empty() && send(fd_, reply_.data(), reply_.size(), 0) < 0)
        throw std::runtime_error(termtype_ + ": send failed");
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    return true;
}

// Telnet: commands answered (replies collected in reply_, sent together,
// as Hercules reads each answer in one piece), data gathered into records.
void Tn3270Wire::telnet(const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = b[i];
        switch (state_) {
        case DATA:
            if (c == T_IAC)
                state_ = IAC;
            else
                rec_.push_back(c);
            break;
        case IAC:
            state_ = DATA;
            if (c == T_IAC) {
                rec_.push_back(c);
            } else if (c == T_EOR) {
                records_++;
                record(rec_);
                rec_.clear();
            } else if (c == T_DO || c == T_DONT || c == T_WILL || c == T_WONT) {
                verb_ = c;
                state_ = OPT;
            } else if (c == T_SB) {
                sb_.clear();
                state_ = SB;
            }
            break;
        case OPT: {
            bool ours = c == O_TTYPE || c == O_EOR || c == O_BINARY;
            state_ = DATA;
            if (verb_ == T_DO)
                reply_.insert(reply_.end(), { T_IAC, (unsigned char)(ours ? T_WILL : T_WONT), c });
            else if (verb_ == T_WILL)
                reply_.insert(reply_.end(), { T_IAC, (unsigned char)(ours && c != O_TTYPE ? T_DO : T_DONT), c });
            break;
        }
        case SB:
            if (c == T_IAC)
                state_ = SBIAC;
            else
                sb_.push_back(c);
            break;
        case SBIAC:
            if (c == T_SE) {
                state_ = DATA;
                if (sb_.size() >= 2 && sb_[0] == O_TTYPE && sb_[1] == TTYPE_SEND) {
                    reply_.insert(reply_.end(), { T_IAC, T_SB, O_TTYPE, TTYPE_IS });
                    reply_.insert(reply_.end(), termtype_.begin(), termtype_.end());
                    reply_.insert(reply_.end(), { T_IAC, T_SE });
                }
            } else {
                sb_.push_back(c);
                state_ = SB;
            }
            break;
        }
    }
}

// A record from the host: its first byte is the write command.
void Tn3270Wire::record(const std::vector<unsigned char> &r)
{
    if (r.empty())
        return;
    switch (r[0]) {
    case 0x01: case 0xF1:                       // write
        write3270(r, 1, false);
        break;
    case 0x05: case 0xF5:                       // erase/write
    case 0x0D: case 0x7E:                       // erase/write alternate
        write3270(r, 1, true);
        break;
    case 0x0F: case 0x6F:                       // erase all unprotected
        for (int p = 0; p < SIZE; p++) {
            int f = fieldStart(p);
            if (attr_[p] < 0 && (f < 0 || !(attr_[f] & FA_PROT)))
                buf_[p] = 0;
        }
        for (short &a : attr_)
            if (a >= 0)
                a &= ~FA_MDT;
        cursor_ = 0;
        locked_ = false;
        break;
    default:                                    // structured fields, reads: not offered
        break;
    }
}

int Tn3270Wire::fieldStart(int pos) const
{
    for (int i = 0; i < SIZE; i++) {
        int p = (pos - i + SIZE) % SIZE;
        if (attr_[p] >= 0)
            return p;
    }
    return -1;
}

void Tn3270Wire::write3270(const std::vector<unsigned char> &r, size_t at, bool erase)
{
    if (erase) {
        memset(buf_, 0, sizeof buf_);
        for (short &a : attr_)
            a = -1;
        cursor_ = 0;
    }
    if (at >= r.size())
        return;
    unsigned char wcc = r[at++];
    if (wcc & 0x01)                             // reset modified data tags
        for (short &a : attr_)
            if (a >= 0)
                a &= ~FA_MDT;
    int addr = cursor_;
    if (erase)
        addr = 0;
    auto put = [&](unsigned char c, short a) {
        buf_[addr] = a >= 0 ? 0 : c;
        attr_[addr] = a;
        addr = (addr + 1) % SIZE;
    };
    while (at < r.size()) {
        unsigned char c = r[at++];
        switch (c) {
        case SBA:
            if (at + 1 < r.size()) {
                addr = decodeAddr(r[at], r[at + 1]) % SIZE;
                at += 2;
            } else
                at = r.size();
            break;
        case SF:
            if (at < r.size())
                put(0, (short)(r[at++] & 0x3F));
            break;
        case SFE: {
            unsigned n = at < r.size() ? r[at++] : 0;
            short a = 0;
            for (unsigned k = 0; k < n && at + 1 < r.size(); k++, at += 2)
                if (r[at] == 0xC0)
                    a = (short)(r[at + 1] & 0x3F);
            put(0, a);
            break;
        }
        case SA:
            at += 2;
            break;
        case MF: {
            unsigned n = at < r.size() ? r[at++] : 0;
            at += 2 * n;
            break;
        }
        case IC:
            cursor_ = addr;
            break;
        case PT:
            for (int i = 1; i <= SIZE; i++) {
                int p = (addr + i) % SIZE;
                if (attr_[p] >= 0 && !(attr_[p] & FA_PROT)) {
                    addr = (p + 1) % SIZE;
                    break;
                }
            }
            break;
        case RA: {
            if (at + 2 >= r.size()) {
                at = r.size();
                break;
            }
            int stop = decodeAddr(r[at], r[at + 1]) % SIZE;
            unsigned char ch = r[at + 2];
            at += 3;
            if (ch == GE && at < r.size())
                ch = r[at++];
            do
                put(ch, -1);
            while (addr != stop);
            break;
        }
        case EUA: {
            if (at + 1 >= r.size()) {
                at = r.size();
                break;
            }
            int stop = decodeAddr(r[at], r[at + 1]) % SIZE;
            at += 2;
            do {
                int f = fieldStart(addr);
                if (attr_[addr] < 0 && (f < 0 || !(attr_[f] & FA_PROT)))
                    buf_[addr] = 0;
                addr = (addr + 1) % SIZE;
            } while (addr != stop);
            break;
        }
        case GE:
            if (at < r.size())
                put(r[at++], -1);
            break;
        default:
            put(c, -1);
            break;
        }
    }
    if (wcc & 0x02)                             // keyboard restore
        locked_ = false;
}

std::string Tn3270Wire::screen() const
{
    std::string s;
    s.reserve(SIZE + ROWS);
    // one pass: the field a position is in starts at the last attribute
    // before it (the screen wraps, so at first the last one on it)
    int f = fieldStart(SIZE - 1);
    for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < COLS; c++) {
            int p = r * COLS + c;
            if (attr_[p] >= 0) {
                f = p;
                s += ' ';
                continue;
            }
            bool hidden = f >= 0 && (attr_[f] & FA_HIDDEN) == FA_HIDDEN;
            s += hidden ? ' ' : (char)e2a[buf_[p]];
        }
        s += '\n';
    }
    return s;
}

bool Tn3270Wire::expect(const std::string &re, double seconds, std::string *got)
{
    std::regex rx(re);
    auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        std::string s = screen();
        if (std::regex_search(s, rx)) {
            if (got)
                *got = s;
            return true;
        }
        double left = std::chrono::duration<double>(deadline - Clock::now()).count();
        if (left <= 0) {
            if (got)
                *got = s;
            return false;
        }
        pump(left);
    }
}

std::string Tn3270Wire::waitFor(const std::string &re, double seconds)
{
    std::string s;
    if (!expect(re, seconds, &s))
        throw std::runtime_error("timeout waiting for /" + re + "/ on " + termtype_ + "; screen:\n" + s);
    return s;
}

bool Tn3270Wire::waitOutput(double seconds)
{
    unsigned long before = records_;
    auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    while (records_ == before) {
        double left = std::chrono::duration<double>(deadline - Clock::now()).count();
        if (left <= 0)
            return false;
        pump(left);
    }
    return true;
}

void Tn3270Wire::waitUnlock(double seconds)
{
    auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    while (locked_) {
        double left = std::chrono::duration<double>(deadline - Clock::now()).count();
        if (left <= 0)
            throw std::runtime_error(termtype_ + ": the keyboard stays locked");
        pump(left);
    }
}

void Tn3270Wire::type(const std::string &text)
{
    waitUnlock(10);
    for (char ch : text) {
        int f = fieldStart(cursor_);
        if (attr_[cursor_] >= 0 || f < 0 || (attr_[f] & FA_PROT))
            throw std::runtime_error(termtype_ + ": typing where no input field is");
        buf_[cursor_] = a2e[(unsigned char)ch & 0x7F];
        attr_[f] |= FA_MDT;
        cursor_ = (cursor_ + 1) % SIZE;
    }
}

void Tn3270Wire::send3270(const std::vector<unsigned char> &data)
{
    std::vector<unsigned char> out;
    for (unsigned char c : data) {
        out.push_back(c);
        if (c == T_IAC)
            out.push_back(T_IAC);
    }
    out.push_back(T_IAC);
    out.push_back(T_EOR);
    if (fd_ < 0 || send(fd_, out.data(), out.size(), 0) != (ssize_t)out.size())
        throw std::runtime_error(termtype_ + ": send failed");
    locked_ = true;                             // until the host restores it
}

// The inbound record of a key: the AID alone (short read), or with the
// cursor and every modified field, as Read Modified returns it.
void Tn3270Wire::sendAid(unsigned char aid, bool fields)
{
    std::vector<unsigned char> d = { aid };
    if (fields) {
        d.push_back(code6[(cursor_ >> 6) & 0x3F]);
        d.push_back(code6[cursor_ & 0x3F]);
        for (int p = 0; p < SIZE; p++) {
            if (attr_[p] < 0 || !(attr_[p] & FA_MDT))
                continue;
            int q = (p + 1) % SIZE;
            d.push_back(SBA);
            d.push_back(code6[(q >> 6) & 0x3F]);
            d.push_back(code6[q & 0x3F]);
            for (; attr_[q] < 0 && q != p; q = (q + 1) % SIZE)
                if (buf_[q])
                    d.push_back(buf_[q]);
        }
    }
    send3270(d);
}

void Tn3270Wire::enter(const std::string &text)
{
    type(text);
    sendAid(AID_ENTER, true);
}

void Tn3270Wire::key(const std::string &a)
{
    waitUnlock(10);
    if (a == "Enter")
        sendAid(AID_ENTER, true);
    else if (a == "Clear") {
        memset(buf_, 0, sizeof buf_);
        for (short &x : attr_)
            x = -1;
        cursor_ = 0;
        sendAid(AID_CLEAR, false);
    } else if (a == "PA(1)")
        sendAid(AID_PA1, false);
    else if (a == "PA(2)")
        sendAid(AID_PA2, false);
    else if (a == "PA(3)")
        sendAid(AID_PA3, false);
    else if (a.compare(0, 3, "PF(") == 0) {
        static const unsigned char pf[25] = {
            0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C,
            0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C,
        };
        int n = atoi(a.c_str() + 3);
        if (n < 1 || n > 24)
            throw std::runtime_error("no key " + a);
        sendAid(pf[n], true);
    } else
        throw std::runtime_error("no key " + a);
}
