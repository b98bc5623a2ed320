// telnet3215.h - a line-mode telnet client for a Hercules 3215 console.
//
// It answers Hercules' terminal-type negotiation with "dumb@DDDD" to ask
// for device DDDD (or "dumb" for any free one), strips telnet commands
// from what it receives, and offers expect-style reading.  TCP_NODELAY
// and TCP_QUICKACK avoid the 40 ms delayed-ACK stall per exchange.
#pragma once

#include <chrono>
#include <string>

class Telnet3215 {
public:
    // connect and negotiate; devno < 0 takes any free 3215
    Telnet3215(int port, int devno = -1, double seconds = 10);
    ~Telnet3215();
    Telnet3215(const Telnet3215 &) = delete;
    Telnet3215 &operator=(const Telnet3215 &) = delete;

    // wait until the received text matches re; returns the text up to and
    // including the match and consumes it.  Throws on timeout/close.
    std::string readUntil(const std::string &re, double seconds = 10);
    // like readUntil, but returns false instead of throwing on timeout
    bool expect(const std::string &re, double seconds = 10, std::string *got = nullptr);
    // collect whatever arrives within the time
    std::string drain(double seconds);
    // Hercules drops a 3215 client that sends a line while the previous
    // one has not been read yet (it sees two lines in one packet), so a
    // line sent without reading any output in between waits a moment.
    void sendLine(const std::string &line);
    // the wait sendLine makes before it sends, alone: a caller that times
    // the answer waits first and then sends with sendLineNow
    void settle();
    void sendLineNow(const std::string &line);
    void sendRaw(const std::string &bytes);
    void sendBreak();                   // telnet IAC IP: the attention key
    void close();
    bool closed() const { return closed_; }
    const std::string &pending() const { return text_; }
    std::string device() const { return device_; }

private:
    bool pump(double seconds);          // false on timeout
    int fd_ = -1;
    std::string text_;
    std::string raw_;
    std::string termtype_;
    std::string device_;
    bool closed_ = false;
    bool read_since_send_ = true;
    std::chrono::steady_clock::time_point last_send_;
};
