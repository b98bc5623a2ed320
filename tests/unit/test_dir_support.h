// test_dir_support.h - helpers for the directory tests: compile a source
// held in a string, build its image, load it with CP's reader.
#pragma once

extern "C" {
#include "dircomp.h"
#include "cp/dir/directory.h"
#include "cp/kern/freestor.h"
#include "arch370/ebcdic.h"
}
#include <string>
#include <vector>

// a source compiled in this process: its messages and what it defined
struct Compiled {
    struct dc_compile dc;
    int errors;
    std::string messages;       // every line the compiler reported

    explicit Compiled(const std::string &source, const char *file = "user.direct");
    ~Compiled();
    Compiled(const Compiled &) = delete;
    Compiled &operator=(const Compiled &) = delete;

    const struct dc_user *user(const char *userid) const;
    std::vector<u8> image();    // the binary directory (empty on errors)
};

// free storage for dir_load(), and no directory left over between tests
void dir_test_setup(size_t arena_bytes = 1 << 20);
void dir_test_teardown();

// compile and load in one step (CHECKs that both work)
std::vector<u8> load_source(const std::string &source);

// the image's checksums recomputed after a test has changed it on purpose
void reseal(std::vector<u8> &image);
