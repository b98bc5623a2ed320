// test_spoolcons.cpp - console spooling (SPOOL CONSOLE, CLOSE CONSOLE)
// and the FORM and DIST options of SPOOL PRINTER/PUNCH.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include <CppUTest/TestHarness.h>

#include <fstream>
#include <regex>
#include <sstream>

TEST_GROUP(SpoolCons) {};

static std::string readFile(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// the answer of a command after a newline (so a match can anchor at a line start)
static std::string said(Telnet3215 &t, const std::string &cmd)
{
    return "\n" + answer(t, cmd, 10);
}

// where s is in text, checked to be there
static size_t at(const std::string &text, const std::string &s)
{
    size_t p = text.find(s);
    CHECK_TEXT(p != std::string::npos, ("no \"" + s + "\" in:\n" + text).c_str());
    return p;
}

SYSTEM_TEST(SpoolCons, TheSpooledConsoleHoldsWhatWasTypedAndWrittenInOrder)
{
    CpSystem sys("spoolcons-order");
    auto a = logon(sys, 0x0020, "USER7", "PASS7");
    a->sendLine("SPOOL CONSOLE START");
    a->sendLine("QUERY VIRTUAL CONSOLE");
    a->readUntil("009 CL T START FILE OPEN");
    a->sendLine("QUERY USERID");
    a->readUntil("USER7 +AT CP370");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM EMPTY"), 4);
    // STOP: the lines after it are not spooled, the file stays open
    a->sendLine("SPOOL CONSOLE STOP");
    std::string q = said(*a, "QUERY PRINTER");
    CHECK_TEXT(q.find("NO PRT FILES") != std::string::npos, q.c_str());
    a->sendLine("QUERY VIRTUAL CONSOLE");
    a->readUntil("009 CL T STOP FILE OPEN");
    a->sendLine("CLOSE CONSOLE");
    a->readUntil("PRT FILE [0-9]{4} TO USER7 +COPY 001 NOHOLD");
    q = said(*a, "QUERY PRINTER");
    CHECK_TEXT(std::regex_search(q, std::regex("USER7 +[0-9]{4} T PRT [0-9]{8} 001 NONE")),
               q.c_str());
    sys.opcmd("START 000E", "PRT 000E STARTED");
    sys.op().readUntil("CPX452I PRT 000E printed file [0-9]{4} of USER7");
    std::string prt = readFile(sys.dir() + "/printer.txt");
    prt = prt.substr(prt.find('\f') + 1);           // after the separator page
    // the file begins after the command that started it
    CHECK_TEXT(prt.find("SPOOL CONSOLE START") == std::string::npos, prt.c_str());
    size_t p1 = at(prt, "QUERY VIRTUAL CONSOLE\n");
    size_t p2 = at(prt, "CONS 009 ON DEV 0020");
    size_t p3 = at(prt, "009 CL T START");
    size_t p4 = at(prt, "\nQUERY USERID\n");
    size_t p5 = at(prt, "USER7    AT CP370");
    size_t p6 = at(prt, "IPL TSPOOLE PARM EMPTY\n");
    size_t p7 = at(prt, "SUMMARY ");
    size_t p8 = at(prt, "SPOOL CONSOLE STOP\n");
    CHECK_TEXT(p1 < p2 && p2 < p3 && p3 < p4 && p4 < p5 && p5 < p6 && p6 < p7 && p7 < p8,
               prt.c_str());
    // nothing after STOP: the file ends with the line that stopped it
    CHECK_TEXT(prt.find("QUERY PRINTER") == std::string::npos, prt.c_str());
    CHECK_TEXT(prt.find("CLOSE CONSOLE") == std::string::npos, prt.c_str());
}

SYSTEM_TEST(SpoolCons, StopCloseAndLogoffCloseTheFileIntoItsQueue)
{
    CpSystem sys("spoolcons-logoff");
    auto b = logon(sys, 0x0021, "USER2", "PASS2");
    {
        auto a = logon(sys, 0x0020, "USER1", "PASS1");
        // STOP CLOSE: into the printer queue at once
        a->sendLine("SPOOL CONSOLE START");
        a->sendLine("QUERY USERID");
        a->readUntil("USER1 +AT CP370");
        a->sendLine("SPOOL CONSOLE STOP CLOSE");
        a->readUntil("PRT FILE [0-9]{4} TO USER1 +COPY 001 NOHOLD");
        // QUERY USERID, its answer and the STOP CLOSE line
        std::string q = said(*a, "QUERY PRINTER");
        CHECK_TEXT(std::regex_search(q, std::regex("USER1 +[0-9]{4} T PRT 00000003 001 NONE")),
                   q.c_str());
        // TO another user, closed by LOGOFF
        a->sendLine("SPOOL CONSOLE START TO USER2 CLASS K");
        a->sendLine("QUERY VIRTUAL CONSOLE");
        a->readUntil("009 CL K START TO USER2");
        a->sendLine("LOGOFF");
        a->readUntil("LOGOFF AT");
    }
    b->readUntil("RDR FILE [0-9]{4} SENT FROM USER1 +PRT WAS [0-9]{4} RECS [0-9]{6} CPY 001 K NOHOLD");
    std::string q = said(*b, "QUERY READER");
    CHECK_TEXT(std::regex_search(q, std::regex("USER1 +[0-9]{4} K PRT [0-9]{8} 001 NONE")),
               q.c_str());
}

SYSTEM_TEST(SpoolCons, BadOperandsGetMessagesAndChangeNothing)
{
    CpSystem sys("spoolcons-operands");
    auto a = logon(sys, 0x0020, "USER6", "PASS6");
    a->sendLine("SPOOL CONSOLE");
    a->readUntil("CPX003E SPOOL CONSOLE needs");
    a->sendLine("SPOOL CONSOLE START TO NOBODY");
    a->readUntil("CPX109E NOBODY is not in the CP directory");
    a->sendLine("SPOOL CONSOLE START STOP");
    a->readUntil("CPX004E SPOOL CONSOLE: START and STOP conflict");
    a->sendLine("SPOOL CONSOLE START CLASS XY");
    a->readUntil("CPX431E");
    a->sendLine("SPOOL CONSOLE START FROB");
    a->readUntil("CPX004E SPOOL: invalid option for CONSOLE: FROB");
    a->sendLine("CLOSE CONSOLE");
    a->readUntil("CPX434E CLOSE: your console is not spooled");
    std::string q = said(*a, "QUERY VIRTUAL CONSOLE");
    CHECK_TEXT(q.find("CONS 009 ON DEV 0020") != std::string::npos, q.c_str());
    CHECK_TEXT(q.find("009 CL") == std::string::npos, q.c_str());
    // spooled: a bad STOP leaves it started
    a->sendLine("SPOOL CONSOLE START");
    a->sendLine("SPOOL CONSOLE STOP TO NOBODY");
    a->readUntil("CPX109E");
    a->sendLine("CLOSE CONSOLE PURGE");
    a->readUntil("CPX004E CLOSE: invalid option for CONSOLE: PURGE");
    a->sendLine("QUERY VIRTUAL CONSOLE");
    a->readUntil("009 CL T START FILE OPEN");
    q = said(*a, "QUERY PRINTER");
    CHECK_TEXT(q.find("NO PRT FILES") != std::string::npos, q.c_str());
    // an open console file is a file in use: no cold start under it
    sys.opcmd("START SPOOL COLD", "CPX461E START SPOOL COLD refused: 1 spool files are open");
}

SYSTEM_TEST(SpoolCons, FormAndDistGoWithTheNextFileClosed)
{
    CpSystem sys("spoolcons-form");
    auto a = logon(sys, 0x0020, "USER6", "PASS6");
    a->sendLine("SPOOL PRT FORM TOOLONGNAME");
    a->readUntil("CPX433E SPOOL: FORM needs a name of 1 to 8 characters or OFF");
    a->sendLine("SPOOL PUNCH FORM X DIST");
    a->readUntil("CPX433E SPOOL: DIST needs");
    a->sendLine("SPOOL READER FORM X");
    a->readUntil("CPX004E SPOOL: invalid option for RDR: FORM");
    std::string q = said(*a, "QUERY VIRTUAL");
    CHECK_TEXT(q.find("00D CL A NOCONT NOHOLD COPY 001\n") != std::string::npos, q.c_str());
    CHECK_TEXT(q.find("00E CL A NOCONT NOHOLD COPY 001\n") != std::string::npos, q.c_str());
    a->sendLine("SPOOL PRT FORM PAYROLL DIST B12");
    a->sendLine("QUERY VIRTUAL");
    a->readUntil("00E CL A NOCONT NOHOLD COPY 001 FORM PAYROLL DIST B12\n");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PRINT", 60), 2);
    q = said(*a, "QUERY PRINTER");
    CHECK_TEXT(std::regex_search(q, std::regex("USER6 +[0-9]{4} A PRT 00000011 001 NONE "
               "[0-9/]{5} [0-9:]{8} +B12 +PAYROLL\n")), q.c_str());
    // OFF: the next file has none
    a->sendLine("SPOOL PRT FORM OFF DIST OFF");
    a->sendLine("QUERY VIRTUAL");
    a->readUntil("00E CL A NOCONT NOHOLD COPY 001\n");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PRINT", 60), 2);
    q = said(*a, "QUERY PRINTER");
    CHECK_TEXT(std::regex_search(q, std::regex("USER6 +[0-9]{4} A PRT 00000011 001 NONE "
               "[0-9/]{5} [0-9:]{8}\n")), q.c_str());
}

// the DISPLAY lines of storage in a printed file: their addresses in order
static std::vector<unsigned> displayed(const std::string &prt)
{
    std::vector<unsigned> addrs;
    std::regex row("\n([0-9A-F]{6})  [0-9A-F]{8} ");
    for (std::sregex_iterator it(prt.begin(), prt.end(), row), end; it != end; ++it)
        addrs.push_back(std::stoul((*it)[1], nullptr, 16));
    return addrs;
}

SYSTEM_TEST(SpoolCons, ABurstOfLinesIsKeptOrCountedNeverReordered)
{
    CpSystem sys("spoolcons-burst");
    auto a = logon(sys, 0x0020, "USER7", "PASS7");
    a->sendLine("SPOOL CONSOLE START");
    // 96 lines at once: more than the terminal queues, fewer than the spool buffer holds
    said(*a, "DISPLAY 0.600");
    // 256 lines: more than the buffer; what does not fit is counted in the file
    said(*a, "DISPLAY 0.1000");
    a->sendLine("SPOOL CONSOLE STOP CLOSE");
    a->readUntil("PRT FILE [0-9]{4} TO USER7 +COPY 001 NOHOLD");
    sys.opcmd("START 000E", "PRT 000E STARTED");
    sys.op().readUntil("CPX452I PRT 000E printed file [0-9]{4} of USER7");
    std::string prt = readFile(sys.dir() + "/printer.txt");
    std::vector<unsigned> addrs = displayed(prt);
    CHECK_TEXT(addrs.size() >= 96, prt.c_str());
    for (unsigned i = 0; i < 96; i++)
        CHECK_EQUAL(i * 16, addrs[i]);
    // the second DISPLAY: lines in order, and those missing are counted
    unsigned lost = 0;
    std::smatch m;
    if (std::regex_search(prt, m, std::regex("CPX435W ([0-9]+) console lines were not spooled")))
        lost = std::stoul(m[1]);
    CHECK_EQUAL(256u, (unsigned)(addrs.size() - 96) + lost);
    for (size_t i = 97; i < addrs.size(); i++)
        CHECK(addrs[i] > addrs[i - 1]);
}
