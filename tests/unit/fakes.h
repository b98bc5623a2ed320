// fakes.h - host stand-ins for the parts of CP that only exist on the
// real machine, used by unit tests.
#pragma once

#include <string>

// cp_abend() on the host throws this instead of stopping the machine
struct CpAbend {
    int reason;
    std::string why;
};
