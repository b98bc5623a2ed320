// test_cms.cpp - the CMS guest: IPL CMS at logon, the ready message,
// commands of CMS and of CP, files on the user's disks, EDIT and EXEC.
// The files CMS writes must pass the consistency check of the host tool
// cmsdisk (the rules of docs/cmsfs.md) on a copy of the volume.
#include "harness/cpsystem.h"

#include <CppUTest/TestHarness.h>

#include <cstdio>
#include <random>
#include <regex>
#include <vector>

TEST_GROUP(Cms) {};

// the ready message ends every command: Ready; or Ready(rc); with the times
static const char *READY = "(^|\\n)Ready(\\(-?[0-9]+\\))?; T=[0-9]+\\.[0-9]{2}/[0-9]+\\.[0-9]{2} [0-9:]{8}\\n";

// log on with the directory's IPL CMS and wait for CMS to be ready
static std::unique_ptr<Telnet3215> cmsLogon(CpSystem &sys, int devno, const std::string &user,
                                            const std::string &pw)
{
    auto t = logon(sys, devno, user, pw, "");
    t->readUntil("CP370 CMS VERSION [^\\n]*\\n([^\\n]*\\n)*?Ready[^\\n]*\\n");
    return t;
}

// one command line; the output up to and including the ready message
static std::string cms(Telnet3215 &t, const std::string &line)
{
    t.sendLine(line);
    return t.readUntil(READY, 20);
}

// the return code in the ready message at the end of out
static int rcOf(const std::string &out)
{
    std::smatch m;
    if (!std::regex_search(out, m, std::regex("Ready(\\((-?[0-9]+)\\))?; T=[^\\n]*\\n$")))
        return 99999;
    return m[2].matched ? std::stoi(m[2]) : 0;
}

static bool has(const std::string &out, const std::string &s)
{
    return out.find(s) != std::string::npos;
}

#define HAS(out, s) CHECK_TEXT(has(out, s), (std::string("missing \"") + (s) + "\" in:\n" + (out)).c_str())

// lines in EDIT's input mode; a line of one blank is the null line that
// ends input mode (the 3215 terminal sends no empty lines)
static void editInput(Telnet3215 &t, const std::vector<std::string> &lines)
{
    t.sendLine("INPUT");
    t.readUntil("INPUT:\\n");
    for (auto &l : lines)
        t.sendLine(l);
    t.sendLine(" ");
    t.readUntil("EDIT:\\n");
}

static void makeFile(Telnet3215 &t, const std::string &fid, const std::vector<std::string> &lines)
{
    t.sendLine("EDIT " + fid);
    t.readUntil("EDIT:\\n");
    editInput(t, lines);
    std::string out = cms(t, "FILE");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
}

// the consistency check of cmsdisk on the user's 191 (cylinders c0..c0+n-1)
static std::string checkDisk(CpSystem &sys, int c0, int n)
{
    std::string cmd = buildDir() + "/tools/cmsdisk " + sys.dir() + "/cpusr1.3350 " +
                      std::to_string(c0) + " " + std::to_string(n) + " check 2>&1; echo rc=$?";
    std::string out;
    FILE *p = popen(cmd.c_str(), "r");
    char buf[512];
    while (p && fgets(buf, sizeof buf, p))
        out += buf;
    if (p)
        pclose(p);
    return out;
}

// LOGON runs the directory's IPL CMS: banner, 191 as A (R/W), 190 as S (R/O)
SYSTEM_TEST(Cms, IplAccessesTheDisksAndPassesOtherCommandsToCp)
{
    CpSystem sys("cms-ipl");
    auto t = cmsLogon(sys, 0x0020, "USER1", "PASS1");
    std::string out = cms(*t, "QUERY SEARCH");
    HAS(out, "USR191 191 A   R/W");
    HAS(out, "MNT190 190 S   R/O");
    out = cms(*t, "QUERY DISK *");
    HAS(out, "A (191): 0 FILES;");
    HAS(out, "S (190): 0 FILES;");
    out = cms(*t, "CP QUERY TIME");                 // CP by the CP command
    HAS(out, "TIME IS ");
    LONGS_EQUAL(0, rcOf(out));
    out = cms(*t, "QUERY VIRTUAL");                 // CP's: CMS passes it on
    HAS(out, "DASD 191 3350 CPUSR1 R/W");
    out = cms(*t, "NOSUCHCMD ANY");                 // neither CMS's nor CP's
    HAS(out, "UNKNOWN CP/CMS COMMAND");
    LONGS_EQUAL(-3, rcOf(out));
    t->sendLine("SET RDYMSG SMSG");
    t->readUntil("(^|\\n)Ready;\\n");
    t->sendLine("QUERY RDYMSG");
    out = t->readUntil("(^|\\n)Ready;\\n");
    HAS(out, "RDYMSG = SMSG");
}

// a file's life: EDIT makes it, LISTFILE/TYPE/STATE/COPYFILE/RENAME/ERASE;
// every wrong operand gets a message and a return code
SYSTEM_TEST(Cms, FilesAreEditedListedTypedCopiedRenamedAndErased)
{
    CpSystem sys("cms-files");
    auto t = cmsLogon(sys, 0x0020, "USER1", "PASS1");
    makeFile(*t, "NOTES TEXT", {"first line", "second line", "third line"});
    std::string out = cms(*t, "LISTFILE * * A (LABEL");
    HAS(out, "NOTES    TEXT     A1 F         80       3      1 USR191");
    out = cms(*t, "TYPE NOTES TEXT");
    HAS(out, "FIRST LINE\nSECOND LINE\nTHIRD LINE\n");
    out = cms(*t, "TYPE NOTES TEXT A 2 2");
    CHECK_TEXT(!has(out, "FIRST") && has(out, "SECOND LINE") && !has(out, "THIRD"), out.c_str());
    LONGS_EQUAL(0, rcOf(cms(*t, "STATE NOTES TEXT")));
    out = cms(*t, "COPYFILE NOTES TEXT A COPY TEXT A");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    out = cms(*t, "COPYFILE NOTES TEXT A COPY TEXT A");      // NEWFILE: it exists now
    LONGS_EQUAL_TEXT(28, rcOf(out), out.c_str());
    out = cms(*t, "RENAME COPY TEXT A SECOND TEXT A");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    out = cms(*t, "TYPE SECOND TEXT");
    HAS(out, "THIRD LINE");
    out = cms(*t, "LISTFILE * TEXT");
    HAS(out, "NOTES    TEXT     A1");
    HAS(out, "SECOND   TEXT     A1");
    CHECK_TEXT(!has(out, "COPY"), out.c_str());
    out = cms(*t, "ERASE SECOND TEXT");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    out = cms(*t, "STATE SECOND TEXT");
    HAS(out, "NOT FOUND");
    LONGS_EQUAL(28, rcOf(out));

    // errors: each has a message and a return code, and changes nothing
    out = cms(*t, "TYPE NOTES");
    HAS(out, "INCOMPLETE FILEID");
    LONGS_EQUAL(24, rcOf(out));
    out = cms(*t, "TYPE NO.TES TEXT");
    HAS(out, "INVALID CHARACTER");
    LONGS_EQUAL(20, rcOf(out));
    out = cms(*t, "TYPE NOTES TEXT Q");
    LONGS_EQUAL_TEXT(36, rcOf(out), out.c_str());
    out = cms(*t, "LISTFILE NOSUCH FILE");
    LONGS_EQUAL(28, rcOf(out));
    out = cms(*t, "COPYFILE NOTES TEXT A NOTES TEXT S");     // S is read-only
    HAS(out, "READ/ONLY");
    LONGS_EQUAL(36, rcOf(out));
    out = cms(*t, "ERASE");
    LONGS_EQUAL(24, rcOf(out));
    out = cms(*t, "RENAME NOTES TEXT A");
    LONGS_EQUAL(24, rcOf(out));
    out = cms(*t, "LISTFILE * * A (BOGUS");
    HAS(out, "INVALID OPTION");
    LONGS_EQUAL(24, rcOf(out));
    out = cms(*t, "LISTFILE * * A");
    HAS(out, "NOTES    TEXT     A1");

    // the files are there after LOGOFF and a new LOGON (and IPL CMS)
    t->sendLine("#CP LOGOFF");
    t->readUntil("LOGOFF AT");
    auto again = cmsLogon(sys, 0x0021, "USER1", "PASS1");
    out = cms(*again, "TYPE NOTES TEXT");
    HAS(out, "FIRST LINE\nSECOND LINE\nTHIRD LINE\n");
    // what CMS wrote passes the file system's consistency rules
    again->sendLine("#CP LOGOFF");
    again->readUntil("LOGOFF AT");
    out = sys.opcmd("SHUTDOWN", "CPX960I[^\\n]*\\n");
    out = checkDisk(sys, 1, 4);
    HAS(out, "rc=0");
}

// the line editor: moving, locating, changing, deleting, FILE and QUIT
SYSTEM_TEST(Cms, EditLocatesChangesInsertsAndDeletes)
{
    CpSystem sys("cms-edit");
    auto t = cmsLogon(sys, 0x0020, "USER3", "PASS3");
    t->sendLine("EDIT PLAN SCRIPT");
    t->readUntil("NEW FILE:\\nEDIT:\\n");
    editInput(*t, {"alpha one", "beta two", "gamma three", "delta four"});
    t->sendLine("TOP");
    t->readUntil("TOF:\\n");
    t->sendLine("LOCATE /GAMMA/");
    t->readUntil("GAMMA THREE\\n");
    t->sendLine("CHANGE /THREE/3/");
    t->readUntil("GAMMA 3\\n");
    t->sendLine("UP 1");
    t->readUntil("BETA TWO\\n");
    t->sendLine("DELETE");
    t->readUntil("GAMMA 3\\n");
    t->sendLine("INPUT inserted");
    t->sendLine("BOTTOM");
    t->readUntil("DELTA FOUR\\n");
    t->sendLine("LOCATE /NOWHERE/");
    t->readUntil("NOT FOUND\\nEOF:\\n");
    t->sendLine("BOGUS");
    t->readUntil("\\?EDIT: BOGUS\\n");
    t->sendLine("TOP");
    t->readUntil("TOF:\\n");
    t->sendLine("TYPE *");
    std::string out = t->readUntil("DELTA FOUR\\n");
    HAS(out, "ALPHA ONE\nGAMMA 3\nINSERTED\nDELTA FOUR\n");
    out = cms(*t, "FILE");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    // QUIT leaves the file as it was
    t->sendLine("EDIT PLAN SCRIPT");
    t->readUntil("EDIT:\\n");
    t->sendLine("DELETE *");
    out = cms(*t, "QUIT");
    out = cms(*t, "TYPE PLAN SCRIPT");
    HAS(out, "ALPHA ONE\nGAMMA 3\nINSERTED\nDELTA FOUR\n");
    out = cms(*t, "EDIT PLAN");
    LONGS_EQUAL(24, rcOf(out));
}

// EXECs run CMS and CP commands; PROFILE EXEC runs at IPL; FORMAT empties
// a disk after asking (the answers come from the EXEC's stack)
SYSTEM_TEST(Cms, ExecRunsCommandsAndProfileRunsAtIpl)
{
    CpSystem sys("cms-exec");
    auto t = cmsLogon(sys, 0x0020, "USER4", "PASS4");
    makeFile(*t, "COUNT EXEC", {"&CONTROL OFF", "&I = 0", "-LOOP &I = &I + 1",
                                "&IF &I < &1 &GOTO -LOOP", "&TYPE COUNTED &I", "STATE COUNT EXEC",
                                "&TYPE STATE RC &RETCODE", "CP QUERY TIME", "&EXIT 7"});
    std::string out = cms(*t, "COUNT 5");
    HAS(out, "COUNTED 5");
    HAS(out, "STATE RC 0");
    HAS(out, "TIME IS ");
    LONGS_EQUAL(7, rcOf(out));
    out = cms(*t, "EXEC COUNT 2");
    HAS(out, "COUNTED 2");
    out = cms(*t, "EXEC NOSUCH");
    LONGS_EQUAL(28, rcOf(out));
    makeFile(*t, "PROFILE EXEC", {"&TYPE PROFILE HERE FOR &1 USER4"});
    t->sendLine("#CP IPL CMS");
    out = t->readUntil(READY, 20);
    HAS(out, "CP370 CMS VERSION");
    HAS(out, "PROFILE HERE FOR USER4");
    // FORMAT asks, takes YES and a label, and leaves an empty disk
    makeFile(*t, "FMT EXEC", {"&STACK YES", "&STACK NEWLBL", "FORMAT 191 A"});
    out = cms(*t, "FMT");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    HAS(out, "CYLINDERS FORMATTED");
    out = cms(*t, "QUERY SEARCH");
    HAS(out, "NEWLBL 191 A   R/W");
    out = cms(*t, "LISTFILE * * A");
    LONGS_EQUAL(28, rcOf(out));
    out = cms(*t, "FORMAT 190 S");
    CHECK_TEXT(rcOf(out) != 0, out.c_str());
    out = cms(*t, "RELEASE S");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    out = cms(*t, "ACCESS 190 B");
    HAS(out, "B (190) R/O");
    out = cms(*t, "QUERY SEARCH");
    HAS(out, "MNT190 190 B   R/O");
    CHECK_TEXT(!has(out, " S "), out.c_str());
    out = cms(*t, "ACCESS 999 C");
    CHECK_TEXT(rcOf(out) != 0, out.c_str());
    t->sendLine("#CP LOGOFF");
    t->readUntil("LOGOFF AT");
    sys.opcmd("SHUTDOWN", "CPX960I[^\\n]*\\n");
    HAS(checkDisk(sys, 13, 4), "rc=0");
}

// files move in and out with the host tool cmsdisk: a file it wrote is
// read by CMS, one CMS wrote is read by the tool, and the disk passes the
// consistency check
SYSTEM_TEST(Cms, HostToolAndCmsReadEachOthersFiles)
{
    CpSystem sys("cms-host", SystemOptions().noIpl());
    std::string img = sys.dir() + "/cpusr1.3350", tool = buildDir() + "/tools/cmsdisk ";
    std::string in = sys.dir() + "/greet.txt";
    FILE *f = fopen(in.c_str(), "w");
    fputs("Hello from the host\nsecond record\n", f);
    fclose(f);
    CHECK(system((tool + img + " 17 4 write GREET DATA " + in + " >/dev/null").c_str()) == 0);
    sys.ipl();
    auto t = cmsLogon(sys, 0x0020, "USER5", "PASS5");
    std::string out = cms(*t, "TYPE GREET DATA");
    HAS(out, "Hello from the host\nsecond record\n");
    out = cms(*t, "COPYFILE GREET DATA A BACK DATA A (UPCASE");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    t->sendLine("#CP LOGOFF");
    t->readUntil("LOGOFF AT");
    sys.opcmd("SHUTDOWN", "CPX960I[^\\n]*\\n");
    std::string back;
    FILE *p = popen((tool + img + " 17 4 read BACK DATA 2>&1").c_str(), "r");
    char buf[256];
    while (p && fgets(buf, sizeof buf, p))
        back += buf;
    if (p)
        pclose(p);
    HAS(back, "HELLO FROM THE HOST");
    HAS(back, "SECOND RECORD");
    HAS(checkDisk(sys, 17, 4), "rc=0");
}

// random command lines and random EXECs: CMS answers every one with a
// ready message and stays usable; what it wrote passes the check
SYSTEM_TEST(Cms, FuzzedCommandsAndExecsNeverStopCms)
{
    static const char *words[] = {
        "LISTFILE", "TYPE", "COPYFILE", "RENAME", "ERASE", "STATE", "ACCESS", "RELEASE",
        "QUERY", "SET", "EXEC", "DISK", "SEARCH", "RDYMSG", "*", "%", "=", "A", "S", "B", "Z",
        "191", "190", "FFFF", "(", ")", "FILE", "DATA", "EXEC", "RND1", "X", "12345678901",
        "REPLACE", "APPEND", "TYPE", "LABEL", "RECFM", "V", "F", "LRECL", "0", "99999",
        "A*", "*B", "%%", "A.B", "&1", "-1", "HEX", "1", "2", "*", "SMSG", "LMSG", "ABBREV", "OFF"};
    static const char *execlines[] = {
        "&TYPE HELLO &1 &2", "&I = &I + 1", "&IF &I > 3 &GOTO -END", "&IF &RETCODE = 0 &TYPE OK",
        "STATE RND1 EXEC", "LISTFILE * EXEC A", "&LOOP 2 2", "&ARGS X Y Z", "&CONTROL OFF",
        "&CONTROL ALL", "&EXIT &I", "&GOTO -END", "-END &CONTINUE",
        "&J = &I * 1000000", "&K = &J / 0", "&IF", "&GOTO", "&LOOP", "&TYPE", "& = 1",
        "&X&Y = 2", "&SKIP 1", "&BEGTYPE", "&END", "BOGUSCMD", "&ERROR &GOTO -END", "&$ = &0"};
    CpSystem sys("cms-fuzz", SystemOptions().noIpl());
    std::mt19937 rng(370);
    std::string tool = buildDir() + "/tools/cmsdisk " + sys.dir() + "/cpusr1.3350 25 4 write ";
    for (int e = 1; e <= 12; e++) {
        std::string name = sys.dir() + "/rnd.exec", text;
        for (int i = 0; i < 12; i++)
            text += std::string(execlines[rng() % (sizeof execlines / sizeof *execlines)]) + "\n";
        FILE *f = fopen(name.c_str(), "w");
        fputs(text.c_str(), f);
        fclose(f);
        std::string cmd = tool + "RND" + std::to_string(e) + " EXEC --recfm F --lrecl 80 " + name +
                          " >/dev/null";
        CHECK(system(cmd.c_str()) == 0);
    }
    sys.ipl();
    auto t = cmsLogon(sys, 0x0020, "USER7", "PASS7");
    cms(*t, "SET IMPCP OFF");                      // random words must not reach CP
    for (int i = 0; i < 150; i++) {
        std::string line;
        if (i % 5 == 4) {
            line = "RND" + std::to_string(1 + rng() % 12) + " A B";
        } else {
            int n = 1 + rng() % 6;
            for (int w = 0; w < n; w++)
                line += std::string(w ? " " : "") + words[rng() % (sizeof words / sizeof *words)];
        }
        if (line.rfind("SET", 0) == 0 || line.rfind("QUERY", 0) == 0)
            line = "STATE " + line;                // SET and QUERY may go to CP
        std::string out;
        t->sendLine(line);
        CHECK_TEXT(t->expect(READY, 20, &out), ("no ready message after: " + line + "\n" + out).c_str());
        CHECK_TEXT(!has(out, "ABEND"), ("after: " + line + "\n" + out).c_str());
    }
    cms(*t, "SET IMPCP ON");
    std::string out = cms(*t, "QUERY DISK A");
    HAS(out, "A (191):");
    t->sendLine("#CP LOGOFF");
    t->readUntil("LOGOFF AT");
    sys.opcmd("SHUTDOWN", "CPX960I[^\\n]*\\n");
    HAS(checkDisk(sys, 25, 4), "rc=0");
}

// the saved system CMS shares its code pages: every user who IPLs CMS
// runs the same frames, and IPL CMS NOSHARE gives a user copies instead
SYSTEM_TEST(Cms, UsersOfCmsShareItsCodePages)
{
    CpSystem sys("cms-share");
    std::vector<std::unique_ptr<Telnet3215>> t;
    for (int i = 1; i <= 3; i++)
        t.push_back(cmsLogon(sys, 0x001F + i, "USER" + std::to_string(i), "PASS" + std::to_string(i)));
    for (auto &u : t)
        cms(*u, "LISTFILE * * *");
    std::string q = sys.opcmd("QUERY NSS", "NSS CMS [^\\n]*\\n");
    std::smatch m;
    CHECK_TEXT(std::regex_search(q, m, std::regex("NSS CMS .*SHARED +0*([0-9]+).*IN STORAGE +0*([0-9]+) +USERS +3")),
               q.c_str());
    long shared = std::stol(m[1]);
    CHECK_TEXT(shared >= 16, q.c_str());
    std::string ind = cms(*t[0], "CP INDICATE USER");
    CHECK_TEXT(std::regex_search(ind, m, std::regex("SHR=0*([0-9]+)")) && std::stol(m[1]) > 0, ind.c_str());
    t[1]->sendLine("#CP IPL CMS NOSHARE");
    t[1]->readUntil("CP370 CMS VERSION [^\\n]*\\n([^\\n]*\\n)*?Ready[^\\n]*\\n");
    ind = cms(*t[1], "CP INDICATE USER");
    CHECK_TEXT(std::regex_search(ind, m, std::regex("SHR=0*([0-9]+)")) && std::stol(m[1]) == 0, ind.c_str());
}

// files travel between users through the spool: PUNCH to another user's
// reader and READCARD there; DISK DUMP and DISK LOAD keep any format;
// PRINT queues a printer file
SYSTEM_TEST(Cms, PunchReadcardDiskDumpAndLoadMoveFilesBetweenUsers)
{
    CpSystem sys("cms-spool");
    auto a = cmsLogon(sys, 0x0020, "USER1", "PASS1");
    auto b = cmsLogon(sys, 0x0021, "USER2", "PASS2");
    std::string out = cms(*b, "READCARD *");                // nothing there yet
    HAS(out, "NO FILE IN THE READER");
    LONGS_EQUAL(8, rcOf(out));
    LONGS_EQUAL(8, rcOf(cms(*b, "DISK LOAD")));

    makeFile(*a, "LETTER TEXT", {"dear user2", "here is the file", "user1"});
    out = cms(*a, "CP SPOOL PUNCH TO USER2");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    out = cms(*a, "PUNCH LETTER TEXT");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    HAS(out, "TO USER2");
    out = cms(*b, "READCARD *");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    HAS(out, "FILE 'LETTER TEXT A1' READ: 3 RECORDS");
    out = cms(*b, "TYPE LETTER TEXT");
    HAS(out, "DEAR USER2\nHERE IS THE FILE\nUSER1\n");

    // a variable-length file with a record longer than a card
    out = cms(*a, "COPYFILE LETTER TEXT A LONG DATA A (RECFM V");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    a->sendLine("EDIT LONG DATA");
    a->readUntil("EDIT:\\n");
    a->sendLine("LOCATE /HERE/");
    a->readUntil("HERE IS THE FILE\\n");
    a->sendLine("CHANGE /HERE/" + std::string(40, 'X') + "/");   // a 3215 line is short
    a->readUntil("THE FILE\\n");
    a->sendLine("CHANGE /X/XXXXX/ 1 G");
    a->readUntil("THE FILE\\n");
    LONGS_EQUAL(0, rcOf(cms(*a, "FILE")));
    out = cms(*a, "PUNCH LONG DATA");                      // too long for a card
    CHECK_TEXT(rcOf(out) != 0, out.c_str());
    out = cms(*a, "DISK DUMP LONG DATA");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    out = cms(*b, "DISK LOAD");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    HAS(out, "FILE 'LONG DATA A1' LOADED: 3 RECORDS");
    out = cms(*b, "LISTFILE LONG DATA A (FORMAT");
    HAS(out, "LONG     DATA     A1 V        212       3");
    out = cms(*b, "TYPE LONG DATA");
    HAS(out, std::string(130, 'X'));

    // a deck that is not DISK DUMP's stays in the reader
    cms(*a, "PUNCH LETTER TEXT");
    out = cms(*b, "DISK LOAD");
    HAS(out, "NOT A DISK DUMP DECK");
    CHECK_TEXT(rcOf(out) != 0, out.c_str());

    out = cms(*a, "PRINT LETTER TEXT");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    out = cms(*a, "QUERY PRINTER");
    HAS(out, "USER1");
    HAS(out, "00000003");
    out = cms(*a, "PUNCH NOSUCH FILE");
    LONGS_EQUAL(28, rcOf(out));
    a->sendLine("#CP LOGOFF");
    a->readUntil("LOGOFF AT");
    b->sendLine("#CP LOGOFF");
    b->readUntil("LOGOFF AT");
    sys.opcmd("SHUTDOWN", "CPX960I[^\\n]*\\n");
    HAS(checkDisk(sys, 5, 4), "rc=0");
}

// LOGON userid NOIPL skips the directory's IPL CMS; another word is refused
SYSTEM_TEST(Cms, LogonNoiplStartsInCp)
{
    CpSystem sys("cms-noipl");
    auto t = sys.terminal(0x0020);
    t->readUntil("Enter LOGON userid");
    t->sendLine("LOGON USER1 NOW");
    t->readUntil("CPX106E LOGON takes NOIPL after the userid, not NOW");
    t->sendLine("LOGON USER1 NOIPL");
    t->readUntil("ENTER PASSWORD:");
    t->sendLine("PASS1");
    t->readUntil("LOGON AT [^\\n]*\\n");
    t->sendLine("QUERY TIME");                     // CP answers: no CMS is running
    std::string out = t->readUntil("TIME IS [^\\n]*\\n");
    CHECK_TEXT(!has(out, "CP370 CMS"), out.c_str());
    t->sendLine("IPL CMS");
    t->readUntil("CP370 CMS VERSION [^\\n]*\\n([^\\n]*\\n)*?Ready[^\\n]*\\n");
    HAS(cms(*t, "QUERY SEARCH"), "USR191 191 A   R/W");
}

// a program check inside CMS is an abend that CMS survives: zeros stored
// over the STATE command's code make STATE fail with an operation
// exception; CMS says so, recovers, and every other command still works
SYSTEM_TEST(Cms, AProgramCheckInCmsIsAnAbendItRecoversFrom)
{
    std::string nm = "s390x-linux-gnu-nm " + buildDir() + "/cms-guest/cms.elf";
    std::string syms;
    FILE *p = popen(nm.c_str(), "r");
    char buf[256];
    while (p && fgets(buf, sizeof buf, p))
        syms += buf;
    if (p)
        pclose(p);
    std::smatch m;
    CHECK_TEXT(std::regex_search(syms, m, std::regex("([0-9a-f]{8}) T cmd_state\\n")), syms.c_str());
    std::string addr = m[1];
    addr.erase(0, addr.find_first_not_of('0'));

    CpSystem sys("cms-abend");
    auto t = cmsLogon(sys, 0x0020, "USER6", "PASS6");
    std::string out = cms(*t, "CP STORE " + addr + " 00000000");
    LONGS_EQUAL_TEXT(0, rcOf(out), out.c_str());
    out = cms(*t, "STATE ANY FILE");
    HAS(out, "SYSTEM ABEND 0C1");
    LONGS_EQUAL(256, rcOf(out));
    out = cms(*t, "QUERY SEARCH");
    HAS(out, "USR191 191 A   R/W");
    makeFile(*t, "AFTER ABEND", {"still here"});
    HAS(cms(*t, "TYPE AFTER ABEND"), "STILL HERE");
}
