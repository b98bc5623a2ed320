// guestrun.cpp - IPL a guest test program and parse its PASS/FAIL lines.
#include "guestrun.h"

#include <regex>
#include <sstream>

#include <CppUTest/TestHarness.h>

static void parse(GuestResult &r)
{
    std::istringstream in(r.output);
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
        if (line.rfind("PASS ", 0) == 0)
            r.passed.push_back(line.substr(5));
        else if (line.rfind("FAIL ", 0) == 0)
            r.failed.push_back(line.substr(5));
        else if (std::regex_search(line, m, std::regex("SUMMARY (\\d+) cases, (\\d+) failed"))) {
            r.cases = std::stoi(m[1]);
            r.failures = std::stoi(m[2]);
        }
    }
}

GuestResult runGuest(Telnet3215 &t, const std::string &name, double seconds)
{
    t.sendLine("IPL " + name);
    return collectGuest(t, seconds);
}

GuestResult collectGuest(Telnet3215 &t, double seconds)
{
    GuestResult r;
    r.output = t.readUntil("SUMMARY [^\\n]*\\n", seconds);
    // the guest stops after its summary (tests/guest/rt); until CP says so
    // a line typed now would go to the guest, not to CP
    r.output += t.readUntil("CPX400W [^\\n]*VM stopped\\n", seconds);
    parse(r);
    return r;
}

std::string failures(const GuestResult &r)
{
    std::string s;
    for (auto &f : r.failed)
        s += "\n  FAIL " + f;
    return s;
}

void checkAllPassed(const GuestResult &r, int atLeast)
{
    CHECK_TEXT(r.failures == 0, ("failed cases:" + failures(r) + "\n" + r.output).c_str());
    CHECK_TEXT(r.cases >= atLeast, ("too few cases ran:\n" + r.output).c_str());
}
