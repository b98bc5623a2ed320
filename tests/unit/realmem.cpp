// realmem.cpp - real storage for host unit tests (see realmem.h).
#include "realmem.h"

extern "C" {
#include "cp/kern/freestor.h"
#include "cp/mm/frame.h"
}
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <sys/mman.h>

static unsigned char *arena;
static size_t arena_size;

void realmem_init(size_t mb)
{
    size_t size = mb << 20;
    if (!arena || arena_size != size) {
        if (arena)
            munmap(arena, arena_size);
        void *p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT,
                       -1, 0);
        if (p == MAP_FAILED)
            throw std::runtime_error("cannot map the test arena below 2 GB");
        arena = (unsigned char *)p;
        arena_size = size;
    }
    memset(arena, 0, size);
    size_t fs = 1 << 20;                        // 1 MB of free storage, frames after it
    freestor_init(arena, fs);
    frame_init((u32)(uintptr_t)arena + fs, (u32)(uintptr_t)arena + size);
}
