// tpage.h - what tests/guest/tpage.c writes and the checksum it reports,
// computed here independently of CP.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

inline uint32_t tpagePattern(uint32_t seed, uint32_t addr, uint32_t pass)
{
    uint32_t x = seed ^ (addr * 2654435761u) ^ (pass * 0x9E3779B9u);
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x ? x : 1;
}

inline std::string tpageChecksum(uint32_t mb, uint32_t passes, uint32_t seed)
{
    uint32_t sum = 0;
    for (uint32_t a = 0x100000; a < 0x100000 + mb * 0x100000; a += 4)
        sum = sum * 31 + tpagePattern(seed, a, passes);
    char buf[16];
    snprintf(buf, sizeof buf, "%08X", sum);
    return buf;
}
