// test_debug.cpp - debugging a virtual machine from the terminal, as
// VM/370 users did: ADSTOP and BEGIN (docs/cpcommands.md).
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include <CppUTest/TestHarness.h>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>
#include <regex>

TEST_GROUP(Adstop) {};

// the address of a function of a guest program, from its ELF file
static std::string symbol(const std::string &elf, const std::string &name)
{
    std::string nm = "s390x-linux-gnu-nm " + buildDir() + "/" + elf, syms;
    FILE *p = popen(nm.c_str(), "r");
    char buf[256];
    while (p && fgets(buf, sizeof buf, p))
        syms += buf;
    if (p)
        pclose(p);
    std::smatch m;
    if (!std::regex_search(syms, m, std::regex("([0-9a-f]{8}) T " + name + "\\n")))
        throw std::runtime_error("no symbol " + name + " in " + elf);
    std::string a = m[1];
    for (auto &c : a)
        c = (char)toupper(c);
    return a.substr(2);                                 // six digits
}

SYSTEM_TEST(Adstop, StopsBeforeTheInstructionOnceAndBeginRunsIt)
{
    std::string at = symbol("guest/techo-bc.elf", "con_printf");
    CpSystem sys("adstop-stop");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    t->sendLine("IPL TECHOB");
    t->readUntil("TECHO READY");
    t->sendLine("#CP ADSTOP " + at);
    t->sendLine("first");
    // the echo calls con_printf: the machine stops before its first instruction
    std::string out = t->readUntil("ADSTOP AT " + at + "\n");
    CHECK_TEXT(out.find("ECHO: first") == std::string::npos, out.c_str());
    HAS_MATCH(answer(*t, "DISPLAY PSW"), "PSW = [0-9A-F]{8} [0-9A-F]{2}" + at + "\n");
    t->sendLine("BEGIN");
    t->readUntil("ECHO: first \\(5\\)");
    // one shot: the next echo runs through
    t->sendLine("second");
    out = t->readUntil("ECHO: second \\(6\\)");
    CHECK_TEXT(out.find("ADSTOP") == std::string::npos, out.c_str());
}

SYSTEM_TEST(Adstop, OffPutsTheInstructionBackAndBadAddressesAreRefused)
{
    std::string at = symbol("guest/techo-bc.elf", "con_printf");
    CpSystem sys("adstop-off");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    t->sendLine("IPL TECHOB");
    t->readUntil("TECHO READY");
    t->sendBreak();
    t->readUntil("CP READ");
    std::string before = answer(*t, "DISPLAY " + at);
    answer(*t, "ADSTOP " + at);
    // the user sees the instruction, not the overlay the guest would find
    STRCMP_EQUAL(before.c_str(), answer(*t, "DISPLAY " + at).c_str());
    HAS_MATCH(answer(*t, "ADSTOP 20001"), "CPX004E Invalid ADSTOP address 20001: an even address");
    HAS_MATCH(answer(*t, "ADSTOP 100000"), "CPX036E Address 100000 is beyond your storage");
    HAS_MATCH(answer(*t, "ADSTOP"), "CPX003E ADSTOP needs one operand");
    answer(*t, "ADSTOP OFF");
    std::string after = answer(*t, "DISPLAY " + at);
    STRCMP_EQUAL(before.c_str(), after.c_str());
    t->sendLine("BEGIN");
    t->sendLine("third");
    std::string out = t->readUntil("ECHO: third \\(5\\)");
    CHECK_TEXT(out.find("ADSTOP AT") == std::string::npos, out.c_str());
}

TEST_GROUP(Dump) {};

static std::string readFile(const std::string &path)
{
    std::string s;
    FILE *f = fopen(path.c_str(), "r");
    char buf[4096];
    size_t n;
    while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
        s.append(buf, n);
    if (f)
        fclose(f);
    return s;
}

static std::string run(const std::string &cmd)
{
    std::string out;
    FILE *p = popen((cmd + " 2>&1").c_str(), "r");
    char buf[4096];
    size_t n;
    while (p && (n = fread(buf, 1, sizeof buf, p)) > 0)
        out.append(buf, n);
    int st = p ? pclose(p) : -1;
    return out + "EXIT " + std::to_string(WIFEXITED(st) ? WEXITSTATUS(st) : -1) + "\n";
}

// what a machine holds before it is dumped
static void prepare(Telnet3215 &t)
{
    answer(t, "STORE S2000 C8C5D3D3D6");                // "HELLO"
    answer(t, "STORE 80000 1 2 3 4");
    answer(t, "STORE G3 12345678");
    answer(t, "STORE PSW 070C0000 2000");
}

SYSTEM_TEST(Dump, PrintsRegistersKeysAndStorageOnTheVirtualPrinter)
{
    CpSystem sys("dump-print");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    prepare(*t);
    HAS_MATCH(answer(*t, "DUMP 2000.20 *BEFORE THE FIX"), "PRT FILE [0-9]{4} TO USER1 +RECS [0-9]{6}\n");
    HAS_MATCH(answer(*t, "DUMP G3"), "CPX004E Invalid DUMP operand G3");
    HAS_MATCH(answer(*t, "DUMP 100000"), "CPX036E Address 100000 is beyond your storage");
    sys.opcmd("START 000E", "PRT 000E STARTED");
    sys.op().readUntil("CPX452I PRT 000E printed file [0-9]{4} of USER1", 60);
    usleep(300000);
    std::string prt = readFile(sys.dir() + "/printer.txt");
    HAS_MATCH(prt, "CP370 DUMP OF USER1 +[0-9:]{8} UTC [0-9/]{8}  BEFORE THE FIX\n");
    HAS_MATCH(prt, "PSW = 070C0000 00002000\n");
    HAS_MATCH(prt, "GPR  0 = 00000000 00000000 00000000 12345678\n");
    HAS_MATCH(prt, "STORAGE KEYS\n000000  KEY 00 00");
    HAS_MATCH(prt, "STORAGE 002000-00201F\n002000  C8C5D3D3 D6000000 00000000 00000000  \\*HELLO");
    HAS_MATCH(prt, "002010  00000000 00000000 00000000 00000000 [^\n]*\n\nEND OF DUMP");
}

SYSTEM_TEST(Dump, VmdumpGoesToTheReaderAndTheHostToolFormatsIt)
{
    CpSystem sys("dump-vmdump");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    prepare(*t);
    std::string r = answer(*t, "VMDUMP *AT THE ADSTOP");
    HAS_MATCH(r, "VMDUMP FILE [0-9]{4} TO USER1 +RECS [0-9]{6}\n");
    HAS_MATCH(r, "RDR FILE [0-9]{4} SENT FROM USER1 +PUN WAS [0-9]{4} RECS [0-9]{6} CPY 001 V NOHOLD");
    HAS_MATCH(answer(*t, "QUERY READER"), "USER1 +[0-9]{4} V PUN [0-9]{8} 001 NONE .*VMDUMP +FILE");
    HAS_MATCH(answer(*t, "VMDUMP TO NOBODY"), "CPX109E NOBODY is not in the CP directory");
    HAS_MATCH(answer(*t, "VMDUMP T0-FF"), "CPX004E Invalid VMDUMP operand T0-FF");
    std::smatch m;
    std::regex_search(r, m, std::regex("VMDUMP FILE ([0-9]{4})"));
    t->sendLine("TRANSFER RDR " + m[1].str() + " TO USER1 PUNCH");
    t->readUntil("0001 FILE TRANSFERRED");
    sys.opcmd("START 000D", "PUN 000D STARTED");
    sys.op().readUntil("CPX452I PUN 000D punched file [0-9]{4} of USER1", 60);
    usleep(300000);
    std::string fmt = run(buildDir() + "/tools/vmdumpfmt " + sys.dir() + "/punch.txt");
    HAS_MATCH(fmt, "^VMDUMP OF USER1 STORAGE 1024K TAKEN [0-9/]{8} [0-9:]{8}  AT THE ADSTOP\n");
    HAS_MATCH(fmt, "PSW = 070C0000 00002000\n");
    HAS_MATCH(fmt, "GPR  0 = 00000000 00000000 00000000 12345678\n");
    HAS_MATCH(fmt, "\n002000  C8C5D3D3 D6000000 00000000 00000000  \\*HELLO");
    HAS_MATCH(fmt, "\n002020 TO 07FFFF SUPPRESSED LINE\\(S\\) SAME AS ABOVE\n080000 ");
    HAS_MATCH(fmt, "\n080000  00000001 00000002 00000003 00000004  ");
    HAS_MATCH(fmt, "\nEND OF DUMP\nEXIT 0\n");
    // a damaged copy is refused
    std::string pun = readFile(sys.dir() + "/punch.txt");
    pun.erase(pun.find("\nEND "));
    FILE *f = fopen((sys.dir() + "/short.txt").c_str(), "w");
    fputs(pun.c_str(), f);
    fclose(f);
    HAS_MATCH(run(buildDir() + "/tools/vmdumpfmt " + sys.dir() + "/short.txt"),
        "the dump ends before its END card[^\n]*\nEXIT 1\n");
}

TEST_GROUP(Trace) {};

// TINTR to its end: the EXTERNAL and RESTART it waits for, typed as a
// user would; the output up to its SUMMARY line
static std::string runTintr(Telnet3215 &t, const std::string &name)
{
    t.sendLine("IPL " + name);
    std::string out = t.readUntil("WAITING FOR EXTERNAL\\n", 60);
    t.sendLine("#CP EXTERNAL");
    out += t.readUntil("WAITING FOR RESTART\\n", 60);
    t.sendLine("#CP SYSTEM RESTART");
    out += t.readUntil("SUMMARY [^\\n]*\\n", 60);
    out += t.readUntil("CPX400W [^\\n]*VM stopped\\n", 60);
    return out;
}

// the PASS and FAIL lines of a guest's output, in order
static std::string verdicts(const std::string &out)
{
    std::string v;
    std::regex line("(PASS|FAIL|SUMMARY)[^\n]*\n");
    for (std::sregex_iterator it(out.begin(), out.end(), line), end; it != end; ++it)
        v += it->str();
    return v;
}

// what the real printer printed, once the user's printer file is closed
static std::string printed(CpSystem &sys, Telnet3215 &t)
{
    HAS_MATCH(answer(t, "CLOSE 00E"), "PRT FILE [0-9]{4} TO USER1");
    sys.opcmd("START 000E", "PRT 000E STARTED");
    sys.op().readUntil("CPX452I PRT 000E printed file [0-9]{4} of USER1", 60);
    usleep(300000);
    return readFile(sys.dir() + "/printer.txt");
}

SYSTEM_TEST(Trace, EveryClassGivesItsLinesForAKnownGuest)
{
    CpSystem sys("trace-classes");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    answer(*t, "TRACE ALL PRINTER RUN");
    HAS_MATCH(answer(*t, "TRACE"), "TRACE SVC PROGRAM EXTERNAL I/O SIO CCW PRIVILEGED CSW PRINTER RUN\n");
    std::string out = runTintr(*t, "TINTRB");
    HAS_MATCH(out, "SUMMARY [0-9]+ cases, 0 failed");
    answer(*t, "TRACE END");
    std::string prt = printed(sys, *t);
    // SVC 42, with the PSWs
    HAS_MATCH(prt, "\nSVC      [0-9A-F]{6}  0A2A          OLD [0-9A-F]{8} [0-9A-F]{8}  NEW [0-9A-F]{8} [0-9A-F]{8}\n");
    // the program interruptions TINTR causes on purpose
    HAS_MATCH(prt, "\nPROGRAM  [0-9A-F]{6}  CODE 00[0-9A-F]{2}     OLD ");
    // the interrupt key (EXTERNAL) and the timers
    HAS_MATCH(prt, "\nEXTERNAL         CODE 0040     OLD ");
    HAS_MATCH(prt, "\nEXTERNAL         CODE 1004     OLD ");
    // the console write: SIO, its CCW, the I/O interruption and its CSW
    HAS_MATCH(prt, "\nSIO      [0-9A-F]{6}  9C00[0-9A-F]{4}      SIO       CC 0 ");
    HAS_MATCH(prt, "\nCCW      [0-9A-F]{6}  09[0-9A-F]{6} 20000002\n");
    HAS_MATCH(prt, "\nI/O      DEVICE 009            OLD ");
    HAS_MATCH(prt, "\nCSW      DEVICE 009            CSW [0-9A-F]{8} 0C000000\n");
    // instructions CP simulates: SSM, SCKC, LPSW ...
    HAS_MATCH(prt, "\nPRIV     [0-9A-F]{6}  80[0-9A-F]{6}      SSM       CC [0-3] +PSW ");
    HAS_MATCH(prt, "\nPRIV     [0-9A-F]{6}  B206[0-9A-F]{4}      SCKC      CC [0-3] +PSW ");
}

SYSTEM_TEST(Trace, ATracedGuestSeesExactlyWhatItWouldUntraced)
{
    CpSystem sys("trace-same");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    std::string plain = verdicts(runTintr(*t, "TINTRE"));
    GuestResult p = runGuest(*t, "TPRIVE");
    answer(*t, "TRACE ALL PRINTER RUN");
    std::string traced = verdicts(runTintr(*t, "TINTRE"));
    GuestResult q = runGuest(*t, "TPRIVE", 120);
    STRCMP_EQUAL(plain.c_str(), traced.c_str());
    HAS_MATCH(traced, "SUMMARY [0-9]+ cases, 0 failed");
    CHECK_TEXT(p.passed == q.passed, failures(q).c_str());
    LONGS_EQUAL(0, q.failures);
    LONGS_EQUAL(p.cases, q.cases);
}

SYSTEM_TEST(Trace, NorunStopsAfterEachLineAndBeginGoesOn)
{
    CpSystem sys("trace-norun");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    answer(*t, "TRACE SVC");                               // TERMINAL, NORUN
    HAS_MATCH(answer(*t, "TRACE"), "TRACE SVC TERMINAL NORUN\n");
    t->sendLine("IPL TINTRB");
    std::string line = t->readUntil("SVC      [0-9A-F]{6}  0A2A [^\n]*\n", 30);
    std::smatch m;
    CHECK(std::regex_search(line, m, std::regex("NEW ([0-9A-F]{8} [0-9A-F]{8})\n")));
    // stopped at the SVC's new PSW, in CP mode
    HAS_MATCH(answer(*t, "DISPLAY PSW"), "PSW = " + m[1].str() + "\n");
    answer(*t, "TRACE END");
    t->sendLine("BEGIN");
    std::string out = t->readUntil("WAITING FOR EXTERNAL\\n", 30);
    HAS_MATCH(out, "PASS SVC is reflected with its code and ILC 2");
}

SYSTEM_TEST(Trace, TerminalLinesAndEveryBadOperand)
{
    CpSystem sys("trace-terminal");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    answer(*t, "TRACE SVC PROG TERM RUN");
    HAS_MATCH(answer(*t, "TRACE"), "TRACE SVC PROGRAM TERMINAL RUN\n");
    answer(*t, "TRACE PROG OFF");                         // where and RUN stay
    HAS_MATCH(answer(*t, "TRACE"), "TRACE SVC TERMINAL RUN\n");
    std::string out = runTintr(*t, "TINTRB");
    HAS_MATCH(out, "\nSVC      [0-9A-F]{6}  0A2A ");
    CHECK_TEXT(out.find("\nPROGRAM ") == std::string::npos, out.c_str());
    HAS_MATCH(out, "SUMMARY [0-9]+ cases, 0 failed");
    // each class goes where its TRACE command said, as in VM/370
    answer(*t, "TRACE SVC PRINTER");
    answer(*t, "TRACE EXT I/O BOTH RUN");
    HAS_MATCH(answer(*t, "TRACE"), "TRACE SVC PRINTER NORUN\nTRACE EXTERNAL I/O BOTH RUN\n");
    HAS_MATCH(answer(*t, "TRACE FOO"), "CPX004E Invalid TRACE operand FOO");
    HAS_MATCH(answer(*t, "TRACE RUN"), "CPX003E TRACE needs a class");
    HAS_MATCH(answer(*t, "TRACE END"), "TRACE ENDED\n");
    HAS_MATCH(answer(*t, "TRACE"), "TRACE OFF\n");
}

// BRANCH and INSTRUCT come from the real machine's program-event
// recording, which CP turns on for the guest's runs only: with NORUN
// they step the guest a branch or an instruction at a time
SYSTEM_TEST(Trace, InstructAndBranchStepTheGuest)
{
    CpSystem sys("trace-step");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    answer(*t, "TRACE INSTRUCT");
    t->sendLine("IPL TECHOB");
    // the IPL PSW starts the program at X'20000': stopped before it runs
    t->readUntil("INSTRUCT 020000  [0-9A-F]{4,12} +[A-Z]+\n", 30);
    std::smatch m;
    HAS_MATCH(answer(*t, "DISPLAY PSW"), "PSW = [0-9A-F]{8} [0-9A-F]{2}020000\n");
    // BEGIN runs it, and stops before the next
    t->sendLine("BEGIN");
    t->readUntil("INSTRUCT 02000[2-6]  [0-9A-F]{4,12} +[A-Z]+\n");
    HAS_MATCH(answer(*t, "DISPLAY PSW"), "PSW = [0-9A-F]{8} [0-9A-F]{2}02000[2-6]\n");
    answer(*t, "TRACE BRANCH");
    HAS_MATCH(answer(*t, "TRACE"), "TRACE BRANCH INSTRUCT TERMINAL NORUN\n");
    answer(*t, "TRACE INSTRUCT OFF");
    t->sendLine("BEGIN");
    std::string b = t->readUntil("BRANCH   [0-9A-F]{6}  -> [0-9A-F]{6}\n");
    CHECK(std::regex_search(b, m, std::regex("-> ([0-9A-F]{6})\n")));
    HAS_MATCH(answer(*t, "DISPLAY PSW"), "PSW = [0-9A-F]{8} [0-9A-F]{2}" + m[1].str() + "\n");
    answer(*t, "TRACE END");
    t->sendLine("BEGIN");
    t->readUntil("TECHO READY");
    // with RUN every instruction has its line, and the program works as ever
    t->sendLine("#CP TRACE INSTRUCT BRANCH PRINTER RUN");
    t->sendLine("hello");
    t->readUntil("ECHO: hello \\(5\\)");
    t->sendLine("#CP TRACE END");
    t->readUntil("TRACE ENDED");
    t->sendBreak();
    t->readUntil("CP READ");
    std::string prt = printed(sys, *t);
    HAS_MATCH(prt, "\nINSTRUCT [0-9A-F]{6}  [0-9A-F]{4,12} +[A-Z]+\nINSTRUCT ");
    HAS_MATCH(prt, "\nBRANCH   [0-9A-F]{6}  -> [0-9A-F]{6}\n");
}

// a guest traced branch by branch gets the same results
SYSTEM_TEST(Trace, ABranchTracedGuestSeesTheSame)
{
    CpSystem sys("trace-per-same");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    GuestResult plain = runGuest(*t, "TPRIVB");
    answer(*t, "TRACE BRANCH PRINTER RUN");
    GuestResult traced = runGuest(*t, "TPRIVB", 120);
    answer(*t, "TRACE END");
    CHECK_TEXT(plain.passed == traced.passed, failures(traced).c_str());
    LONGS_EQUAL(0, traced.failures);
    LONGS_EQUAL(plain.cases, traced.cases);
    // the lines went to the printer file (their form: InstructAndBranchStepTheGuest)
    HAS_MATCH(answer(*t, "CLOSE 00E"), "PRT FILE [0-9]{4} TO USER1");
    HAS_MATCH(answer(*t, "QUERY PRINTER"), "USER1 +[0-9]{4} A PRT 0*[1-9][0-9]* ");
}

// a VMDUMP taken from the spool by the guest itself: CMS reads the
// reader file onto its disk, the host tool cmsdisk copies it out, and
// vmdumpfmt formats that copy
SYSTEM_TEST(Dump, VmdumpReadFromTheSpoolByCmsFormatsOnTheHost)
{
    static const char *ready = "(^|\\n)Ready(\\(-?[0-9]+\\))?; T=[0-9.]+/[0-9.]+ [0-9:]{8}\\n";
    CpSystem sys("dump-readcard");
    auto t = logon(sys, 0x0020, "USER6", "PASS6", "");
    t->readUntil("CP370 CMS VERSION [^\\n]*\\n([^\\n]*\\n)*?Ready[^\\n]*\\n");
    t->sendLine("CP STORE S1F0000 C6D9D6D440E3C8C540E2D7D6D6D3");    // "FROM THE SPOOL"
    t->readUntil(ready);
    t->sendLine("CP VMDUMP *FROM THE SPOOL");
    std::string out = t->readUntil(ready);
    HAS_MATCH(out, "VMDUMP FILE [0-9]{4} TO USER6 +RECS ([0-9]{6})");
    t->sendLine("CP SPOOL 00C CLASS V");                   // the reader takes class V files
    t->readUntil(ready);
    t->sendLine("READCARD VMDUMP FILE A");
    HAS_MATCH(t->readUntil(ready, 30), "FILE 'VMDUMP FILE A1' READ: [0-9]+ RECORDS");
    t->sendLine("#CP LOGOFF");
    t->readUntil("LOGOFF AT");
    sys.opcmd("SHUTDOWN", "CPX960I[^\\n]*\\n");
    std::string fmt = run(buildDir() + "/tools/cmsdisk " + sys.dir() + "/cpusr1.3350 21 4 read VMDUMP FILE | " +
                          buildDir() + "/tools/vmdumpfmt -r 1F0000-1F000F -");
    HAS_MATCH(fmt, "^VMDUMP OF USER6 STORAGE 2048K TAKEN [0-9/]{8} [0-9:]{8}  FROM THE SPOOL\n");
    HAS_MATCH(fmt, "\n1F0000  C6D9D6D4 40E3C8C5 40E2D7D6 D6D30000  \\*FROM THE SPOOL..\\*\n");
    HAS_MATCH(fmt, "\nEND OF DUMP\nEXIT 0\n");
}
