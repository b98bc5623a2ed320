// test_cms_commands.cpp - the CMS core and its commands on the host, over
// the fake machine of fakesys.h: what a user types and what CMS answers,
// return codes in the ready message, and disks that pass the file
// system's consistency check after everything, random input included.
#include "fakesys.h"

#include <random>
#include <regex>

#include <CppUTest/TestHarness.h>

using namespace fakesys;

static const std::regex ready("Ready(\\((-?[0-9]+)\\))?; T=");

// the return code of the last ready message in out
static int rcOf(const std::string &out)
{
    std::string last;
    for (auto it = std::sregex_iterator(out.begin(), out.end(), ready);
         it != std::sregex_iterator(); ++it)
        last = (*it)[2].matched ? (*it)[2].str() : "0";
    return last.empty() ? 99999 : std::stoi(last);
}

static bool has(const std::string &out, const std::string &s) { return out.find(s) != std::string::npos; }
#define HAS(out, s) CHECK_TEXT(has(out, s), (std::string("missing \"") + (s) + "\" in:\n" + (out)).c_str())

static std::string cmd(const std::string &line) { return type({line}); }

static void makeFile(const std::string &fid, std::vector<std::string> lines)
{
    std::vector<std::string> in = {"EDIT " + fid, "INPUT"};
    in.insert(in.end(), lines.begin(), lines.end());
    in.push_back("");
    in.push_back("FILE");
    std::string out = type(in);
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
}

TEST_GROUP(CmsCommands)
{
    void setup() override
    {
        reset();
        addDisk(0x191, 2, "USR191");
        addDisk(0x190, 1, "MNT190", true);
        ipl();
    }
    void teardown() override
    {
        STRCMP_EQUAL("", check(0x191).c_str());
        release();
    }
};

TEST(CmsCommands, IplAccessesTheUserAndSystemDisks)
{
    HAS(output, "CP370 CMS VERSION");
    // ready after IPL, with no PROFILE EXEC too, as R6 CMS is
    CHECK_TEXT(std::regex_search(output, std::regex("VERSION[^\\n]*\\nReady; T=[0-9.]+/[0-9.]+ ")),
               output.c_str());
    std::string out = cmd("QUERY SEARCH");
    HAS(out, "USR191 191 A   R/W");
    HAS(out, "MNT190 190 S   R/O");
    LONGS_EQUAL(0, rcOf(out));
}

TEST(CmsCommands, UnknownCommandsGoToCpAndThenFail)
{
    std::string out = cmd("NOSUCH THING");
    STRCMP_EQUAL("NOSUCH THING", cpCommands.back().c_str());
    HAS(out, "DMSINT015E UNKNOWN CP/CMS COMMAND");
    LONGS_EQUAL(-3, rcOf(out));
    out = cmd("QUERY TIME");
    HAS(out, "TIME IS 12:00:00");
    LONGS_EQUAL(0, rcOf(out));
    cmd("SET IMPCP OFF");
    size_t n = cpCommands.size();
    out = cmd("NOSUCH THING");
    LONGS_EQUAL(n, cpCommands.size());
    LONGS_EQUAL(-3, rcOf(out));
}

TEST(CmsCommands, FilesAreMadeCopiedRenamedAndErased)
{
    makeFile("A B", {"one", "two"});
    std::string out = cmd("TYPE A B");
    HAS(out, "ONE\nTWO\n");
    LONGS_EQUAL(0, rcOf(cmd("COPYFILE A B A C D A")));
    LONGS_EQUAL(28, rcOf(cmd("COPYFILE A B A C D A")));
    LONGS_EQUAL(0, rcOf(cmd("COPYFILE A B A C D A (REPLACE")));
    LONGS_EQUAL(0, rcOf(cmd("COPYFILE A B A C D A (APPEND")));
    out = cmd("LISTFILE C D A (FORMAT");
    HAS(out, "C        D        A1 F         80       4");
    LONGS_EQUAL(0, rcOf(cmd("RENAME C D A E F A")));
    LONGS_EQUAL(28, rcOf(cmd("STATE C D")));
    LONGS_EQUAL(0, rcOf(cmd("STATE E F")));
    LONGS_EQUAL(0, rcOf(cmd("ERASE * F A")));
    LONGS_EQUAL(28, rcOf(cmd("STATE E F")));
    LONGS_EQUAL(0, rcOf(cmd("STATE A B")));
}

// each bad command: a message, a return code, and the disk as it was
TEST(CmsCommands, BadOperandsChangeNothing)
{
    makeFile("KEEP ME", {"data"});
    std::vector<uint8_t> before = disks[0x191].data;
    struct { const char *line; int rc; } cases[] = {
        {"TYPE", 24}, {"TYPE KEEP", 24}, {"TYPE KEEP ME Q", 36}, {"TYPE K.EEP ME", 20},
        {"TYPE KEEPKEEPKEEP ME", 20}, {"TYPE NO FILE", 28}, {"COPYFILE KEEP ME A", 24},
        {"COPYFILE KEEP ME A KEEP ME S", 36}, {"COPYFILE KEEP ME A X Y A (BOGUS", 24},
        {"RENAME KEEP ME A", 24}, {"RENAME * * * A B A", 24}, {"ERASE", 24}, {"ERASE NO FILE", 28},
        {"ERASE KEEP ME S", 36}, {"LISTFILE * * A (NOSUCH", 24}, {"LISTFILE NO FILE", 28},
        {"ACCESS 999 B", 100}, {"ACCESS 191", 24}, {"ACCESS 191 AB", 24}, {"RELEASE Q", 36},
        {"FORMAT 190 S", 36}, {"FORMAT", 24}, {"FORMAT 191 A (BLKSIZE 1024", 24}, {"STATE", 24},
        {"EXEC", 24}, {"EXEC NOSUCH", 28}, {"QUERY", 24}, {"QUERY DISK Q", 36}, {"SET", 24},
        {"SET RDYMSG MAYBE", 24}, {"EDIT", 24}, {"EDIT ONLYNAME", 24}, {"PUNCH NO FILE", 28},
        {"PRINT", 24}, {"READCARD", 24}, {"DISK", 24}, {"DISK FOO", 24}, {"DISK DUMP NO FILE", 28},
    };
    for (auto &c : cases) {
        std::string out = cmd(c.line);
        LONGS_EQUAL_TEXT(c.rc, rcOf(out), (std::string(c.line) + "\n" + out).c_str());
        CHECK_TEXT(has(out, "DMS"), (std::string(c.line) + ": no message\n" + out).c_str());
    }
    CHECK(before == disks[0x191].data);
}

TEST(CmsCommands, EditorSubcommands)
{
    std::string out = type({"EDIT T X", "INPUT", "alpha", "beta", "gamma", "", "TOP", "L /BETA/",
                            "C /BETA/B/", "N", "D", "TOP", "T *", "=", "UP 9", "BOTTOM",
                            "I last", "CASE M", "I Mixed", "B", "R replaced", "TOP", "T *",
                            "XYZ", "FILE"});
    // TYPE at TOF shows TOF: first; = types from the line TYPE ended on
    HAS(out, "NEW FILE:\nEDIT:\nINPUT:\nEDIT:\nTOF:\nBETA\nB\nGAMMA\nEOF:\nTOF:\nTOF:\nALPHA\nB\n"
             "B\nTOF:\nB\nMixed\n");
    HAS(out, "ALPHA\nB\nLAST\nreplaced\n");
    HAS(out, "?EDIT: XYZ");
    LONGS_EQUAL(0, rcOf(out));
    out = type({"EDIT T X", "L /NOPE/", "QUIT"});
    HAS(out, "NOT FOUND\nEOF:");
    out = cmd("TYPE T X");
    HAS(out, "ALPHA\nB\nLAST\nreplaced\n");
    // a record EDIT could not write back whole is refused, not cut
    LONGS_EQUAL(0, rcOf(cmd("COPYFILE T X A WIDE X A (LRECL 300")));
    out = cmd("EDIT WIDE X");
    HAS(out, "TOO LONG TO EDIT");
    LONGS_EQUAL(24, rcOf(out));
}

TEST(CmsCommands, ExecRunsCommandsWithArguments)
{
    makeFile("T EXEC", {"&CONTROL OFF", "&IF &1 = GO &GOTO -GO", "&EXIT 5", "-GO STATE T EXEC",
                        "&TYPE RC &RETCODE ARGS &INDEX", "&EXIT &RETCODE"});
    std::string out = cmd("T go now");
    HAS(out, "RC 0 ARGS 2");
    LONGS_EQUAL(0, rcOf(out));
    LONGS_EQUAL(5, rcOf(cmd("EXEC T STOP")));
}

// &READ takes a line typed at the terminal; &STACK feeds the commands an
// EXEC runs (here EDIT) before the terminal
TEST(CmsCommands, ExecReadsTheTerminalAndStacksLinesForCommands)
{
    makeFile("ASK EXEC", {"&READ ARGS", "&TYPE GOT &1 AND &2", "&STACK INPUT FROM THE STACK",
                          "&STACK FILE", "EDIT STACKED FILE", "&EXIT &RETCODE"});
    std::string out = type({"ASK", "first second"});
    HAS(out, "GOT first AND second");               // as typed: &READ does not translate
    LONGS_EQUAL(0, rcOf(out));
    HAS(cmd("TYPE STACKED FILE"), "FROM THE STACK\n");
}

TEST(CmsCommands, FormatAsksAndEmptiesTheDisk)
{
    makeFile("GONE SOON", {"x"});
    std::string out = type({"FORMAT 191 A", "NO"});
    LONGS_EQUAL(0, rcOf(cmd("STATE GONE SOON")));
    out = type({"FORMAT 191 A", "YES", "NEWLAB"});
    HAS(out, "DMSFOR732I");
    LONGS_EQUAL(28, rcOf(cmd("STATE GONE SOON")));
    HAS(cmd("QUERY SEARCH"), "NEWLAB 191 A");
    out = type({"FORMAT 191 A", "YES", "TOO.LONG.LABEL"});
    LONGS_EQUAL(24, rcOf(out));
}

TEST(CmsCommands, AFullDiskFailsTheCopyAndKeepsTheDisk)
{
    std::vector<std::string> lines(300, std::string(70, 'x'));
    makeFile("BIG FILE", lines);
    int rc = 0;
    for (int i = 0; i < 40 && rc == 0; i++)
        rc = rcOf(cmd("COPYFILE BIG FILE A C" + std::to_string(i) + " FILE A"));
    LONGS_EQUAL(13, rc);
    HAS(output, "DISK IS FULL");
}

TEST(CmsCommands, PunchReadcardAndDiskDumpLoadRoundTrip)
{
    makeFile("SEND ME", {"card one", "card two"});
    std::string out = cmd("PUNCH SEND ME");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    LONGS_EQUAL(1, reader.size());
    out = cmd("READCARD GOT IT");
    HAS(out, "FILE 'GOT IT A1' READ: 2 RECORDS");
    HAS(cmd("TYPE GOT IT"), "CARD ONE\nCARD TWO\n");
    LONGS_EQUAL(0, reader.size());
    LONGS_EQUAL(8, rcOf(cmd("READCARD *")));
    cmd("COPYFILE SEND ME A VAR ME A (RECFM V");
    cmd("ERASE SEND ME");
    LONGS_EQUAL(0, rcOf(cmd("DISK DUMP VAR ME")));
    cmd("ERASE VAR ME");
    out = cmd("DISK LOAD");
    HAS(out, "FILE 'VAR ME A1' LOADED: 2 RECORDS");
    HAS(cmd("LISTFILE VAR ME A (FORMAT"), "VAR      ME       A1 V          8       2");
    LONGS_EQUAL(0, rcOf(cmd("PRINT VAR ME")));
    CHECK(printed.size() == 2 && printed[0] == "CARD ONE");
}

// random lines, commands and editor subcommands mixed: CMS answers,
// never crashes, and its disk stays consistent
TEST(CmsCommands, RandomInputKeepsTheDiskConsistent)
{
    static const char *words[] = {
        "LISTFILE", "TYPE", "COPYFILE", "RENAME", "ERASE", "STATE", "ACCESS", "RELEASE", "QUERY",
        "SET", "EXEC", "EDIT", "INPUT", "FILE", "QUIT", "DELETE", "CHANGE", "LOCATE", "TOP", "/A/B/",
        "*", "%", "=", "A", "S", "B", "191", "190", "(", ")", "X", "Y", "EXEC", "REPLACE", "APPEND",
        "RECFM", "V", "F", "LRECL", "0", "5", "99999", "A*", "&1", "&IF", "&GOTO", "-L", "&LOOP",
        "PUNCH", "READCARD", "DISK", "DUMP", "LOAD", "PRINT", "IMPCP", "OFF", "", "G", "T"};
    std::mt19937 rng(10);
    makeFile("X Y", {"&IF &1 = A &EXIT 1", "&TYPE &1 &2", "STATE X Y"});
    cmd("SET IMPCP OFF");
    for (int i = 0; i < 3000; i++) {
        std::string line;
        int n = rng() % 6;
        for (int w = 0; w < n; w++)
            line += std::string(w ? " " : "") + words[rng() % (sizeof words / sizeof *words)];
        input.push_back(line);
        if (i % 20 == 19) {             // out of input mode and the editor now and then
            input.push_back("");
            input.push_back("QUIT");
        }
    }
    std::string out = type({"", "QUIT", "SET IMPCP ON"});   // ends an EDIT left open
    CHECK(input.empty());
    CHECK_FALSE(has(out, "ABEND"));
    size_t ready = 0;
    for (size_t at = 0; (at = out.find("\nReady", at)) != std::string::npos; at++)
        ready++;
    CHECK_TEXT(ready > 1000, "most random lines must have been CMS commands");
    HAS(cmd("ACCESS 191 A"), "Ready;");
}
