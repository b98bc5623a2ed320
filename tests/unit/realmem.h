// realmem.h - a stand-in for real storage in host unit tests.
//
// CP's frame table and page tables hold 31-bit real addresses, so the
// arena is mapped below 2 GB (MAP_32BIT) and CP's own storage code (free
// storage, frames, guest address spaces, gmem) runs on it unchanged.
#pragma once

#include <cstddef>

// (Re)initialise free storage and frames over a fresh arena of `mb` MB.
void realmem_init(size_t mb = 8);
