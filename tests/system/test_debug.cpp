// test_debug.cpp - debugging a virtual machine from the terminal, as
// VM/370 users did: ADSTOP and BEGIN (docs/cpcommands.md).
#include "harness/cpsystem.h"

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

static std::string answer(Telnet3215 &t, const std::string &cmd)
{
    t.sendLine(cmd);
    t.sendLine("QUERY USERID");
    return t.readUntil(" AT CP370", 10);
}

#define HAS(text, re)                                                   \
    CHECK_TEXT(std::regex_search(text, std::regex(re)),                 \
               (std::string("no /") + (re) + "/ in:\n" + (text)).c_str())

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
    HAS(answer(*t, "DISPLAY PSW"), "PSW = [0-9A-F]{8} [0-9A-F]{2}" + at + "\n");
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
    HAS(answer(*t, "ADSTOP 20001"), "CPX004E Invalid ADSTOP address 20001: an even address");
    HAS(answer(*t, "ADSTOP 100000"), "CPX036E Address 100000 is beyond your storage");
    HAS(answer(*t, "ADSTOP"), "CPX003E ADSTOP needs one operand");
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
    HAS(answer(*t, "DUMP 2000.20 *BEFORE THE FIX"), "PRT FILE [0-9]{4} TO USER1 +RECS [0-9]{6}\n");
    HAS(answer(*t, "DUMP G3"), "CPX004E Invalid DUMP operand G3");
    HAS(answer(*t, "DUMP 100000"), "CPX036E Address 100000 is beyond your storage");
    sys.opcmd("START 000E", "PRT 000E STARTED");
    sys.op().readUntil("CPX452I PRT 000E printed file [0-9]{4} of USER1");
    usleep(300000);
    std::string prt = readFile(sys.dir() + "/printer.txt");
    HAS(prt, "CP370 DUMP OF USER1 +[0-9:]{8} UTC [0-9/]{8}  BEFORE THE FIX\n");
    HAS(prt, "PSW = 070C0000 00002000\n");
    HAS(prt, "GPR  0 = 00000000 00000000 00000000 12345678\n");
    HAS(prt, "STORAGE KEYS\n000000  KEY 00 00");
    HAS(prt, "STORAGE 002000-00201F\n002000  C8C5D3D3 D6000000 00000000 00000000  \\*HELLO");
    HAS(prt, "002010  00000000 00000000 00000000 00000000 [^\n]*\n\nEND OF DUMP");
}

SYSTEM_TEST(Dump, VmdumpGoesToTheReaderAndTheHostToolFormatsIt)
{
    CpSystem sys("dump-vmdump");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    prepare(*t);
    std::string r = answer(*t, "VMDUMP *AT THE ADSTOP");
    HAS(r, "VMDUMP FILE [0-9]{4} TO USER1 +RECS [0-9]{6}\n");
    HAS(r, "RDR FILE [0-9]{4} SENT FROM USER1 +PUN WAS [0-9]{4} RECS [0-9]{6} CPY 001 V NOHOLD");
    HAS(answer(*t, "QUERY READER"), "USER1 +[0-9]{4} V PUN [0-9]{8} 001 NONE .*VMDUMP +FILE");
    HAS(answer(*t, "VMDUMP TO NOBODY"), "CPX109E NOBODY is not in the CP directory");
    HAS(answer(*t, "VMDUMP T0-FF"), "CPX004E Invalid VMDUMP operand T0-FF");
    std::smatch m;
    std::regex_search(r, m, std::regex("VMDUMP FILE ([0-9]{4})"));
    t->sendLine("TRANSFER RDR " + m[1].str() + " TO USER1 PUNCH");
    t->readUntil("0001 FILE TRANSFERRED");
    sys.opcmd("START 000D", "PUN 000D STARTED");
    sys.op().readUntil("CPX452I PUN 000D punched file [0-9]{4} of USER1");
    usleep(300000);
    std::string fmt = run(buildDir() + "/tools/vmdumpfmt " + sys.dir() + "/punch.txt");
    HAS(fmt, "^VMDUMP OF USER1 STORAGE 1024K TAKEN [0-9/]{8} [0-9:]{8}  AT THE ADSTOP\n");
    HAS(fmt, "PSW = 070C0000 00002000\n");
    HAS(fmt, "GPR  0 = 00000000 00000000 00000000 12345678\n");
    HAS(fmt, "\n002000  C8C5D3D3 D6000000 00000000 00000000  \\*HELLO");
    HAS(fmt, "\n002020 TO 07FFFF SUPPRESSED LINE\\(S\\) SAME AS ABOVE\n080000 ");
    HAS(fmt, "\n080000  00000001 00000002 00000003 00000004  ");
    HAS(fmt, "\nEND OF DUMP\nEXIT 0\n");
    // a damaged copy is refused
    std::string pun = readFile(sys.dir() + "/punch.txt");
    pun.erase(pun.find("\nEND "));
    FILE *f = fopen((sys.dir() + "/short.txt").c_str(), "w");
    fputs(pun.c_str(), f);
    fclose(f);
    HAS(run(buildDir() + "/tools/vmdumpfmt " + sys.dir() + "/short.txt"),
        "the dump ends before its END card[^\n]*\nEXIT 1\n");
}
