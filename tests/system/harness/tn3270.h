// tn3270.h - a 3270 display for a system test: s3270 driven through pipes.
//
// s3270 (Debian package s3270) is the scripting member of the x3270
// family: it takes actions on its standard input (Connect, String, Enter,
// PA, PF, Clear, Ascii ...) and answers each with "data:" lines, a status
// line and "ok" or "error".  The terminal type IBM-3278-2@DDDD asks
// Hercules for device DDDD.
#pragma once

#include <string>
#include <sys/types.h>

class Tn3270 {
public:
    // model 2, 3, 4 or 5 (24x80, 32x80, 43x80, 27x132)
    Tn3270(int port, int devno, double seconds = 10, int model = 2);
    ~Tn3270();
    Tn3270(const Tn3270 &) = delete;
    Tn3270 &operator=(const Tn3270 &) = delete;

    // the screen, its lines (24 of 80 characters on a model 2) joined by newlines
    std::string screen();
    // wait until the screen matches re; returns the screen; throws on timeout
    std::string waitFor(const std::string &re, double seconds = 10);
    bool expect(const std::string &re, double seconds, std::string *got = nullptr);
    // the status area: the last row, its 19th to 2nd last columns
    std::string status();
    // type into the input area (waits for the keyboard) and press Enter
    void enter(const std::string &text = "");
    void type(const std::string &text);
    void key(const std::string &action);            // "PA(1)", "Clear", "PF(3)", "Enter"
    void close();                                   // the client goes away
    // wait until the host writes to the screen; false after the time
    bool waitOutput(double seconds);

private:
    std::string action(const std::string &a, bool *ok = nullptr);
    pid_t pid_ = -1;
    int in_ = -1, out_ = -1;
    std::string buf_;
};
