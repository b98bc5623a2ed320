// fakes.cpp - host stand-ins: an abend becomes a C++ exception the test
// can expect.  (CP's C code is built with -fexceptions on the host.)
#include "fakes.h"

extern "C" {
#include "cp/kern/abend.h"
}

extern "C" void cp_abend(enum abend_reason reason, const char *why)
{
    throw CpAbend{(int)reason, why};
}
