// tn3270wire.h - a 3270 display for the bench, in the test process itself:
// it speaks telnet and the 3270 data stream to Hercules directly, so 32
// sessions need no 32 s3270 processes beside Hercules on the same cores.
//
// Telnet: it answers DO TERMINAL-TYPE with WILL and the terminal type
// IBM-3278-2@DDDD (device DDDD, model 2, no extended data stream), and
// agrees to BINARY and END-OF-RECORD both ways, the way Hercules' tn3270
// negotiation expects; every record then ends with IAC EOR, a X'FF' in
// it doubled.  The 3270 part keeps a 24x80 buffer: the write commands
// (write, erase/write, erase all unprotected), the orders SBA, SF, SFE,
// SA, MF, IC, PT, RA, EUA and GE, the WCC's keyboard restore and reset
// of modified data tags.  Inbound: the AID, the cursor address and every
// modified field (Enter, PF keys), or the AID alone (PA keys, CLEAR), as
// a Read Modified returns them.  What it does not do: structured fields,
// the extended data stream, larger models, read buffer.
#pragma once

#include <string>
#include <vector>

class Tn3270Wire {
public:
    Tn3270Wire(int port, int devno, double seconds = 10);
    ~Tn3270Wire();
    Tn3270Wire(const Tn3270Wire &) = delete;
    Tn3270Wire &operator=(const Tn3270Wire &) = delete;

    // the screen as Tn3270::screen() gives it: 24 lines of 80, each with
    // a newline; attribute positions and nulls are blanks
    std::string screen() const;
    std::string waitFor(const std::string &re, double seconds = 10);
    bool expect(const std::string &re, double seconds, std::string *got = nullptr);
    // type at the cursor (waits for the keyboard) and press Enter
    void enter(const std::string &text = "");
    void type(const std::string &text);
    // "Enter", "Clear", "PA(n)", "PF(n)"
    void key(const std::string &action);
    // wait until the host writes to the screen; false after the time
    bool waitOutput(double seconds);
    void close();

private:
    bool pump(double seconds);          // read what comes; false on timeout
    void telnet(const unsigned char *b, size_t n);
    void record(const std::vector<unsigned char> &r);
    void write3270(const std::vector<unsigned char> &r, size_t at, bool erase);
    void send3270(const std::vector<unsigned char> &data);
    void sendAid(unsigned char aid, bool fields);
    void waitUnlock(double seconds);
    int fieldStart(int pos) const;      // the attribute position of pos's field, -1 if none

    static const int ROWS = 24, COLS = 80, SIZE = ROWS * COLS;
    int fd_ = -1;
    std::string termtype_;
    enum { DATA, IAC, OPT, SB, SBIAC } state_ = DATA;
    unsigned char verb_ = 0;
    std::vector<unsigned char> sb_, rec_, reply_;
    unsigned char buf_[SIZE];           // EBCDIC characters
    short attr_[SIZE];                  // field attribute at a position, -1 none
    int cursor_ = 0;
    bool locked_ = true;
    unsigned long records_ = 0;
};
