// test_debug.cpp - debugging a virtual machine from the terminal, as
// VM/370 users did: ADSTOP and BEGIN (docs/cpcommands.md).
#include "harness/cpsystem.h"

#include <CppUTest/TestHarness.h>
#include <cstdio>
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
