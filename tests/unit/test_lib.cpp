// test_lib.cpp - CP's library: formatting, strings, command parsing.
extern "C" {
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include "cp/cmd/cmd.h"
}
#include <CppUTest/TestHarness.h>

TEST_GROUP(Format) {};

static std::string f(const char *fmt, ...)
{
    char buf[128];
    va_list ap;
    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}

TEST(Format, IntegersInAllBasesWithWidthAndPadding)
{
    STRCMP_EQUAL("42", f("%d", 42).c_str());
    STRCMP_EQUAL("-42", f("%d", -42).c_str());
    STRCMP_EQUAL("  42", f("%4d", 42).c_str());
    STRCMP_EQUAL("0042", f("%04d", 42).c_str());
    STRCMP_EQUAL("-042", f("%04d", -42).c_str());
    STRCMP_EQUAL("00C0FFEE", f("%08X", 0xC0FFEE).c_str());
    STRCMP_EQUAL("c0ffee", f("%x", 0xC0FFEE).c_str());
    STRCMP_EQUAL("17", f("%o", 15).c_str());
    STRCMP_EQUAL("4294967295", f("%u", 4294967295u).c_str());
    STRCMP_EQUAL("18446744073709551615", f("%llu", 18446744073709551615ull).c_str());
    STRCMP_EQUAL("-9223372036854775808", f("%lld", (long long)(-9223372036854775807ll - 1)).c_str());
}

TEST(Format, StringsWithWidthPrecisionAndLeftAlignment)
{
    STRCMP_EQUAL("ab   |", f("%-5s|", "ab").c_str());
    STRCMP_EQUAL("   ab", f("%5s", "ab").c_str());
    STRCMP_EQUAL("abc", f("%.3s", "abcdef").c_str());
    STRCMP_EQUAL("(null)", f("%s", (char *)NULL).c_str());
    STRCMP_EQUAL("x%y", f("x%%y").c_str());
    STRCMP_EQUAL("[  7]", f("[%*d]", 3, 7).c_str());
}

TEST(Format, TruncatesButReportsTheFullLength)
{
    char buf[5];
    LONGS_EQUAL(10, fmt_snprintf(buf, sizeof buf, "%s", "0123456789"));
    STRCMP_EQUAL("0123", buf);
}

TEST_GROUP(Strings) {};

TEST(Strings, CaseInsensitiveCompareAndCopy)
{
    CHECK_EQUAL(0, str_casecmp("Query", "QUERY"));
    CHECK(str_casecmp("A", "B") < 0);
    CHECK_EQUAL(0, str_ncasecmp("quer", "QUERY", 4));
    char buf[4];
    LONGS_EQUAL(6, strlcpy(buf, "abcdef", sizeof buf));
    STRCMP_EQUAL("abc", buf);
}

TEST_GROUP(CommandParse) {};

TEST(CommandParse, AbbreviationNeedsTheMinimumLength)
{
    CHECK_TRUE(cmd_abbrev("Q", "QUERY", 1));
    CHECK_TRUE(cmd_abbrev("query", "QUERY", 1));
    CHECK_FALSE(cmd_abbrev("QUERYX", "QUERY", 1));
    CHECK_FALSE(cmd_abbrev("SHUT", "SHUTDOWN", 8));
    CHECK_TRUE(cmd_abbrev("SHUTDOWN", "SHUTDOWN", 8));
    CHECK_FALSE(cmd_abbrev("", "QUERY", 1));
}

TEST(CommandParse, SplitsWordsUpperCasesAndKeepsTheRestAsTyped)
{
    struct cmdctx ctx = {};
    char buf[CMD_MAXLINE * 2];
    cmd_split(&ctx, "  msg  alice  Hello there ", buf, sizeof buf);
    LONGS_EQUAL(4, ctx.argc);
    STRCMP_EQUAL("MSG", ctx.argv[0]);
    STRCMP_EQUAL("ALICE", ctx.argv[1]);
    STRCMP_EQUAL("alice", ctx.raw[1]);
    STRCMP_EQUAL("Hello there ", ctx.rest[2]);
}

TEST(CommandParse, EmptyAndBlankLinesHaveNoWords)
{
    struct cmdctx ctx = {};
    char buf[64];
    cmd_split(&ctx, "", buf, sizeof buf);
    LONGS_EQUAL(0, ctx.argc);
    cmd_split(&ctx, "     ", buf, sizeof buf);
    LONGS_EQUAL(0, ctx.argc);
}

TEST(CommandParse, TooManyWordsAreCutNotOverflowed)
{
    struct cmdctx ctx = {};
    char buf[CMD_MAXLINE * 2];
    std::string line;
    for (int i = 0; i < 100; i++)
        line += "w ";
    cmd_split(&ctx, line.c_str(), buf, sizeof buf);
    LONGS_EQUAL(CMD_MAXARGS, ctx.argc);
}
