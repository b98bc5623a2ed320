// test_lineedit.cpp - VM/370's logical line editing of typed lines.
#include <CppUTest/TestHarness.h>
#include <string>
#include <vector>

extern "C" {
#include "cp/term/lineedit.h"
}

static void collect(void *arg, const char *line)
{
    static_cast<std::vector<std::string> *>(arg)->push_back(line);
}

static std::vector<std::string> edit(const struct lineedit &e, const char *line)
{
    std::vector<std::string> out;
    unsigned n = lineedit_apply(&e, line, collect, &out);
    LONGS_EQUAL(out.size(), n);
    return out;
}

TEST_GROUP(LineEdit) {};

TEST(LineEdit, AllOffLeavesTheLineAsTyped)
{
    struct lineedit off = {0, 0, 0, 0};
    auto out = edit(off, "a#b@c\"d");
    LONGS_EQUAL(1, out.size());
    STRCMP_EQUAL("a#b@c\"d", out[0].c_str());
}

TEST(LineEdit, LinendSplitsIntoLogicalLines)
{
    struct lineedit e = {'#', 0, 0, 0};
    auto out = edit(e, "q time#q users##last");
    LONGS_EQUAL(4, out.size());
    STRCMP_EQUAL("q time", out[0].c_str());
    STRCMP_EQUAL("q users", out[1].c_str());
    STRCMP_EQUAL("", out[2].c_str());
    STRCMP_EQUAL("last", out[3].c_str());
}

TEST(LineEdit, ChardelDeletesTheCharacterBefore)
{
    struct lineedit e = {0, '@', 0, 0};
    auto out = edit(e, "qu@@q time@@@@time");
    STRCMP_EQUAL("q time", out[0].c_str());
    out = edit(e, "@@@x");                    // nothing to delete: harmless
    STRCMP_EQUAL("x", out[0].c_str());
}

TEST(LineEdit, LinedelDeletesTheLogicalLineSoFar)
{
    struct lineedit e = {'#', 0, '[', 0};
    auto out = edit(e, "wrong[q time#abc[");
    LONGS_EQUAL(2, out.size());
    STRCMP_EQUAL("q time", out[0].c_str());
    STRCMP_EQUAL("", out[1].c_str());
}

TEST(LineEdit, EscapeTakesTheNextCharacterAsItIs)
{
    struct lineedit e = {'#', '@', '[', '"'};
    auto out = edit(e, "msg * \"#1 \"@home \"\"");
    LONGS_EQUAL(1, out.size());
    STRCMP_EQUAL("msg * #1 @home \"", out[0].c_str());
}

TEST(LineEdit, AVeryLongLineIsCutNotOverrun)
{
    struct lineedit off = {0, 0, 0, 0};
    std::string big(1000, 'x');
    auto out = edit(off, big.c_str());
    LONGS_EQUAL(256, out[0].size());
}
