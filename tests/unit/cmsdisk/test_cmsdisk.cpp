// test_cmsdisk.cpp - the cmsdisk tool on volumes made by Hercules
// dasdinit: format an extent, move text and binary files in and out, and
// refuse bad input with a message, leaving the volume as it was.
extern "C" {
#include "assembler-tools/ckdimg.h"
}

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <unistd.h>
#include <CppUTest/TestHarness.h>

namespace {

struct Run {
    int status;
    std::string out, err;
};

std::string slurp(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

void spill(const std::string &path, const std::string &data)
{
    std::ofstream(path, std::ios::binary) << data;
}

std::string tool()
{
    const char *b = std::getenv("CP370_BUILD");
    char *abs = realpath((std::string(b ? b : "build") + "/tools/cmsdisk").c_str(), nullptr);
    std::string s = abs ? abs : "cmsdisk-not-built";
    std::free(abs);
    return s;
}

} // namespace

TEST_GROUP(Cmsdisk)
{
    std::string dir, vol;
    void setup() override
    {
        char tmpl[] = "/tmp/cmsdisk_test.XXXXXX";
        CHECK(mkdtemp(tmpl) != nullptr);
        dir = tmpl;
        vol = dir + "/vol.3350";
        std::string cmd = "dasdinit " + vol + " 3350 TEST01 10 >/dev/null 2>&1";
        LONGS_EQUAL(0, std::system(cmd.c_str()));
    }
    void teardown() override
    {
        std::string cmd = "rm -rf " + dir;
        CHECK(std::system(cmd.c_str()) == 0);
    }
    // cmsdisk VOL args, in the test directory
    Run run(const std::string &args)
    {
        std::string cmd = "cd " + dir + " && " + tool() + " " + vol + " " + args +
                          " >out.txt 2>err.txt </dev/null";
        int st = std::system(cmd.c_str());
        return Run{ WIFEXITED(st) ? WEXITSTATUS(st) : -1, slurp(dir + "/out.txt"),
                    slurp(dir + "/err.txt") };
    }
    Run ok(const std::string &args)
    {
        Run r = run(args);
        LONGS_EQUAL_TEXT(0, r.status, (args + ": " + r.err).c_str());
        return r;
    }
    void format() { ok("1 3 format CMS191"); }
};

TEST(Cmsdisk, TextFileGoesInAndComesBackIdentical)
{
    const std::string text = "* a CMS file\n"
                             "  indented [with brackets] and {braces}   \n"
                             "\n"
                             "last line\n";
    spill(dir + "/in.txt", text);
    format();
    ok("1 3 write PROFILE EXEC --recfm V in.txt");
    ok("1 3 write notes text in.txt");

    Run l = ok("1 3 list");                     // LRECL of V = the longest line
    STRCMP_CONTAINS("PROFILE  EXEC     A1 V         42     4      1", l.out.c_str());
    STRCMP_CONTAINS("NOTES    TEXT     A1 F         80     4      1", l.out.c_str());
    STRCMP_EQUAL(text.c_str(), ok("1 3 read PROFILE EXEC").out.c_str());
    ok("1 3 read notes text A -o back.txt");
    // F records lose the trailing blanks they were padded with
    std::string unpadded = text;
    unpadded.replace(unpadded.find("}   \n"), 5, "}\n");
    STRCMP_EQUAL(unpadded.c_str(), slurp(dir + "/back.txt").c_str());
    Run c = ok("1 3 check");
    STRCMP_CONTAINS("0 errors", c.out.c_str());
}

// FMT 2.1: every track R0 + R1..R19 of 800 bytes; block 3 (C1 H0 R3 for
// an extent starting at cylinder 1) is the label.
TEST(Cmsdisk, FormatWritesNineteen800ByteRecordsOnTheExtentsTracksOnly)
{
    format();
    ckd_image img;
    LONGS_EQUAL(0, ckd_open(&img, vol.c_str(), 0));
    std::vector<uint8_t> buf(800);
    uint8_t key[8];
    for (unsigned c = 1; c <= 3; c++)
        for (unsigned h = 0; h < 30; h++) {
            for (unsigned r = 1; r <= 19; r++)
                LONGS_EQUAL(800, ckd_read_record(&img, c, h, r, buf.data(), 800, nullptr));
            LONGS_EQUAL(-1, ckd_read_record(&img, c, h, 20, buf.data(), 800, nullptr));
        }
    LONGS_EQUAL(-1, ckd_read_record(&img, 4, 0, 1, buf.data(), 800, nullptr));
    LONGS_EQUAL(80, ckd_read_record(&img, 0, 0, 3, buf.data(), 800, key));
    MEMCMP_EQUAL("\xE5\xD6\xD3\xF1", key, 4);                  // VOL1 untouched
    LONGS_EQUAL(800, ckd_read_record(&img, 1, 0, 3, buf.data(), 800, nullptr));
    MEMCMP_EQUAL("\xC3\xD4\xE2\x7E\xC3\xD4\xE2\xF1\xF9\xF1", buf.data(), 10);  // CMS=CMS191
    ckd_close(&img);
}

TEST(Cmsdisk, FixedTextIsBlankPaddedAndVariableKeepsTrailingBlanks)
{
    spill(dir + "/in.txt", "ab  \n");
    format();
    ok("1 3 write F TEST --lrecl 6 in.txt");
    ok("1 3 write V TEST --recfm V in.txt");
    STRCMP_EQUAL("\x81\x82\x40\x40\x40\x40", ok("1 3 read F TEST --binary").out.c_str());
    std::string v = ok("1 3 read V TEST --binary").out;
    LONGS_EQUAL(6, v.size());
    MEMCMP_EQUAL("\x00\x04\x81\x82\x40\x40", v.data(), 6);
}

TEST(Cmsdisk, BinaryRecordsRoundTripExactly)
{
    std::string f;
    for (int i = 0; i < 80 * 30; i++)
        f += (char)(i * 7);
    std::string v;
    for (int len : { 1, 799, 800, 2000, 3 }) {
        v += (char)(len >> 8);
        v += (char)len;
        for (int i = 0; i < len; i++)
            v += (char)(i ^ len);
    }
    spill(dir + "/f.bin", f);
    spill(dir + "/v.bin", v);
    format();
    ok("1 3 write OBJ TEXT --binary f.bin");
    ok("1 3 write CORE MODULE --binary --recfm V v.bin");
    ok("1 3 read OBJ TEXT --binary -o f.back");
    ok("1 3 read CORE MODULE --binary -o v.back");
    CHECK(f == slurp(dir + "/f.back"));
    CHECK(v == slurp(dir + "/v.back"));
    STRCMP_CONTAINS("CORE     MODULE   A1 V       2000     5", ok("1 3 list").out.c_str());
    ok("1 3 check");
}

TEST(Cmsdisk, EraseAndRename)
{
    spill(dir + "/in.txt", "x\n");
    format();
    ok("1 3 write ONE FILE in.txt");
    ok("1 3 write TWO FILE in.txt");
    ok("1 3 rename one file three file");
    ok("1 3 erase TWO FILE");
    std::string l = ok("1 3 list").out;
    STRCMP_CONTAINS("THREE    FILE", l.c_str());
    CHECK(l.find("ONE ") == std::string::npos && l.find("TWO ") == std::string::npos);
    Run r = run("1 3 erase TWO FILE");
    LONGS_EQUAL(1, r.status);
    STRCMP_CONTAINS("DSK009E TWO FILE: file not found", r.err.c_str());
    ok("1 3 check");
}

TEST(Cmsdisk, BadInputGetsAMessageAndLeavesTheVolumeAsItWas)
{
    spill(dir + "/long.txt", "short\n" + std::string(81, 'x') + "\n");
    spill(dir + "/odd.bin", "12345");
    format();
    const std::string before = slurp(vol);

    struct { const char *args; int status; const char *msg; } t[] = {
        { "1 3 write LONG LINE long.txt", 1, "DSK007E line 2 is 81 characters long" },
        { "1 3 write ODD BIN --binary odd.bin", 1, "DSK008E" },
        { "1 3 write BAD.ID X long.txt", 1, "DSK010E" },
        { "1 3 write NO INPUT missing.txt", 1, "DSK012E cannot read missing.txt" },
        { "1 3 read F X -o nodir/out.txt", 1, "DSK009E F X: file not found" },
        { "1 3 read NOSUCH FILE", 1, "DSK009E NOSUCH FILE: file not found" },
        { "1 3 format TOOLONGLABEL", 1, "DSK010E" },
        { "0 3 format CMS191", 1, "DSK005E" },
        { "9 3 list", 1, "DSK004E" },
        { "5 2 list", 1, "DSK006E" },
        { "1 3 frobnicate", 2, "DSK002E" },
        { "1 3 write A B --recfm X long.txt", 2, "DSK002E" },
    };
    for (auto &x : t) {
        Run r = run(x.args);
        LONGS_EQUAL_TEXT(x.status, r.status, x.args);
        STRCMP_CONTAINS_TEXT(x.msg, r.err.c_str(), x.args);
    }
    CHECK_TEXT(before == slurp(vol), "a refused command changed the volume");
}
