// test_exec_fuzz.cpp - thousands of random EXECs, made of the language's
// own words and of random bytes: the interpreter always comes back, with
// 0 or one of its error codes, within the step limit, and says why.
#include "exec_env.h"
#include <CppUTest/TestHarness.h>
#include <cstring>
#include <string>
#include <vector>

namespace {

unsigned long state = 20261121;
unsigned rnd(unsigned n)
{
    state = state * 6364136223846793005ul + 1442695040888963407ul;
    return (unsigned)((state >> 33) % n);
}

const char *const vocabulary[] = {
    "&TYPE", "&IF", "&GOTO", "&SKIP", "&LOOP", "&EXIT", "&ERROR", "&CONTINUE", "&CONTROL",
    "&ARGS", "&READ", "&STACK", "&BEGTYPE", "&BEGSTACK", "&BEGEMSG", "&END", "&EMSG", "&SPACE",
    "&TIME", "&HEX", "&PUNCH", "&CONCAT", "&DATATYPE", "&LENGTH", "&SUBSTR", "&LITERAL",
    "&1", "&2", "&*", "&$", "&0", "&INDEX", "&RETCODE", "&LINENUM", "&GLOBAL", "&GLOBAL1",
    "&READFLAG", "&TYPEFLAG", "&EXEC", "&A", "&B", "&X&1", "&A&B", "X'&A", "X'FF",
    "=", "+", "-", "*", "/", "EQ", "NE", "LT", "LE", "GT", "GE", "<", ">=", "\xAC=",
    "-L1", "-L2", "-L3", "TOP", "ARGS", "VARS", "ALL", "OFF", "CMS", "ERROR", "NOPACK", "TIME",
    "ON", "HT", "RT", "FIFO", "LIFO", "0", "1", "2", "3", "-1", "7", "4095", "99999999",
    "-9999999", "(", ")", "%", "LISTFILE", "CP", "Q", ".", "ABCDEFGHIJK", "&", "&&", "",
};

std::string random_line()
{
    std::string l;
    unsigned kind = rnd(10);
    if (kind == 0) {                            // random bytes, NUL excluded
        for (unsigned n = rnd(40); n; n--)
            l += (char)(1 + rnd(255));
        return l;
    }
    if (kind == 1)
        l = "-L" + std::to_string(1 + rnd(3)) + " ";
    if (kind == 2)
        return rnd(2) ? "&END" : "";
    for (unsigned n = 1 + rnd(8); n; n--) {
        l += vocabulary[rnd(sizeof vocabulary / sizeof vocabulary[0])];
        l += rnd(6) ? " " : "";
    }
    return l;
}

struct Fuzz {
    unsigned typed = 0, commands = 0, reads = 0;
    std::string last;
};

int fz_command(void *ctx, const char *line)
{
    static_cast<Fuzz *>(ctx)->commands++;
    return (int)rnd(3) - 1 + (int)strlen(line) % 2;
}
void fz_type(void *ctx, const char *line)
{
    Fuzz *f = static_cast<Fuzz *>(ctx);
    f->typed++;
    f->last = line;
}
int fz_read(void *ctx, char *buf, size_t size)
{
    Fuzz *f = static_cast<Fuzz *>(ctx);
    if (++f->reads % 4 == 0)
        return -1;
    snprintf(buf, size, "%s", random_line().c_str());
    return (int)strlen(buf);
}
void fz_stack(void *, const char *, int) {}

}

TEST_GROUP(ExecFuzz) {};

TEST(ExecFuzz, RandomExecsAlwaysEndWithinTheLimitsAndSayWhy)
{
    int globals[EXEC_GLOBALS] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
    unsigned endings[2] = { 0, 0 };
    for (int round = 0; round < 4000; round++) {
        Fuzz f;
        exec_env env = {};
        env.ctx = &f;
        env.command = fz_command;
        env.type = fz_type;
        env.read = rnd(2) ? fz_read : nullptr;
        env.stack = rnd(4) ? fz_stack : nullptr;
        env.name = "FUZZ";
        env.globals = rnd(2) ? globals : nullptr;
        std::vector<std::string> lines;
        for (unsigned n = rnd(30); n; n--)
            lines.push_back(random_line());
        std::vector<const char *> p;
        for (auto &l : lines)
            p.push_back(l.c_str());
        exec_limits lim = {};
        lim.max_steps = 1 + rnd(500);
        lim.max_line = 40 + rnd(100);
        lim.max_vars = 1 + rnd(20);
        std::string args = random_line();
        int rc = 12345;
        int r = exec_run(&env, p.data(), (unsigned)p.size(), args.c_str(), &lim, &rc);

        CHECK_TEXT(r == 0 || (r > EXEC_RC_BASE && r < EXEC_RC_BASE + 28), args.c_str());
        CHECK(lim.steps <= lim.max_steps + 1);
        if (r) {
            char id[16];
            snprintf(id, sizeof id, "EXT%03dE", r - EXEC_RC_BASE);
            STRCMP_EQUAL(id, f.last.substr(0, 7).c_str());
            LONGS_EQUAL(r, rc);
        }
        endings[r != 0]++;
    }
    CHECK(endings[0] > 100);        // the generator makes both kinds of ending
    CHECK(endings[1] > 100);
}
