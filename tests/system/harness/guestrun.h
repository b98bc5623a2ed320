// guestrun.h - run a guest test program under CP and collect its verdicts.
#pragma once

#include "telnet3215.h"

#include <string>
#include <vector>

struct GuestResult {
    std::string output;                 // everything up to the SUMMARY line
    std::vector<std::string> passed, failed;
    int cases = -1, failures = -1;      // from the SUMMARY line
};

// IPL `name` from terminal t and read until its SUMMARY line
GuestResult runGuest(Telnet3215 &t, const std::string &name, double seconds = 30);
// the verdicts of a guest already IPLed at t (two guests running at once)
GuestResult collectGuest(Telnet3215 &t, double seconds = 30);
// the FAIL lines, joined, for a check message
std::string failures(const GuestResult &r);
// fail the current test unless every case passed and at least atLeast ran
void checkAllPassed(const GuestResult &r, int atLeast);
