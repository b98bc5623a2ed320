// test_vm370cms.cpp - IBM's VM/370 Release 6 CMS, unmodified, under cp370
// (docs/vm370-cms.md).  The material is read from ../shared/vm370-r6/
// beside the source tree and never copied into it: its nucleus and CMSSEG
// become saved systems in the run folder's copy of the paging volume
// (the host tool mknss), its 191 is converted there with the converter
// that comes with it.  Without that folder the tests say so and pass.
#include "harness/cpsystem.h"

#include <CppUTest/TestHarness.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>
#include <regex>
#include <sys/stat.h>

TEST_GROUP(VM370Cms) {};

static std::string r6Dir()
{
    const char *s = getenv("CP370_SRC");
    return std::string(s ? s : ".") + "/../shared/vm370-r6";
}

static bool haveR6()
{
    struct stat st;
    if (stat((r6Dir() + "/CMS.segment").c_str(), &st) == 0)
        return true;
    printf("\n  skipped: %s is absent (IBM's R6 CMS material)\n", r6Dir().c_str());
    return false;
}

static void sh(const std::string &cmd)
{
    if (system(cmd.c_str()) != 0)
        throw std::runtime_error("command failed: " + cmd);
}

static std::string output(const std::string &cmd)
{
    std::string out;
    char buf[512];
    FILE *p = popen((cmd + " 2>&1; echo rc=$?").c_str(), "r");
    while (p && fgets(buf, sizeof buf, p))
        out += buf;
    if (p)
        pclose(p);
    return out;
}

// the saved systems CMS6 (nucleus, pages 0-X'20', segment 1 shared as
// VM/370 shared it) and CMSSEG (X'F00000', all shared), and the 191 as
// device 0133 of the run
static SystemOptions r6System()
{
    return SystemOptions()
        .before([](const std::string &dir) {
            std::string r6 = r6Dir(), mknss = buildDir() + "/tools/mknss " + dir + "/cppag1.3350 ";
            sh(mknss + "CMS6 " + r6 + "/CMS.segment --at 0 --share 10-1F >/dev/null");
            sh(mknss + "CMSSEG " + r6 + "/CMSSEG.segment --at F00 --share F00-F0F >/dev/null");
            sh("python3 " + r6 + "/ckdc2herc.py " + r6 + "/cmsuser_191.ckdc " + r6 +
               "/cmsuser_191.ckdc.delta " + dir + "/r6-191.3350 >/dev/null");
        })
        .config("0133      3350 r6-191.3350\n");
}

// R6 CMS's abend recovery runs SVCTRACE MODULE (SVCTRACE OFF) from the
// S-disk, which the material does not have.  The stand-in, written to the
// 191 as a V-format MODULE file, is a program that returns 0 (SR 15,15;
// BR 14) at X'20000': a header record (entry point, load address, end
// address twice), the text, and a loader table naming its one section.
static void writeSvctraceStandIn(const std::string &path)
{
    auto word = [](std::vector<unsigned char> &v, unsigned w) {
        for (int i = 24; i >= 0; i -= 8)
            v.push_back((unsigned char)(w >> i));
    };
    auto name = [](std::vector<unsigned char> &v, const char *ebc) {
        for (int i = 0; i < 8; i++)
            v.push_back(i < (int)strlen(ebc) ? (unsigned char)ebc[i] : 0x40);
    };
    std::vector<unsigned char> head, text = { 0x1B, 0xFF, 0x07, 0xFE, 0, 0, 0, 0 }, table;
    word(head, 0x20000);
    word(head, 0x20000);
    word(head, 0x20008);
    word(head, 0x20008);
    head.resize(80, 0);
    name(table, "\x4B\xF0\xF0\xF0\xF2\xF0\xF0");      // ".000200"
    word(table, 0x20000);
    word(table, 0x20000);
    word(table, 0x20000);
    std::ofstream f(path, std::ios::binary);
    for (auto *r : { &head, &text, &table }) {
        f.put((char)(r->size() >> 8));
        f.put((char)r->size());
        f.write((const char *)r->data(), (std::streamsize)r->size());
    }
}

// an EXEC that waits in a console read, so the EXEC processor (CMSSEG)
// stays loaded until a line is typed
static void writePauseExec(const std::string &path)
{
    std::ofstream f(path);
    f << "&CONTROL OFF\n&TYPE PAUSED\n&READ ARGS\n&TYPE RESUMED &1\n";
}

// the same, with files of the tests' own on the 191
static SystemOptions r6SystemWithTestFiles()
{
    SystemOptions o = r6System();
    auto first = o.prepare;
    return o.before([first](const std::string &dir) {
        first(dir);
        std::string disk = buildDir() + "/tools/cmsdisk " + dir + "/r6-191.3350 0 115 write ";
        writeSvctraceStandIn(dir + "/svctrace.module");
        sh(disk + "SVCTRACE MODULE --recfm V --lrecl 80 --binary " + dir + "/svctrace.module >/dev/null");
        writePauseExec(dir + "/pause.exec");
        sh(disk + "PAUSE EXEC " + dir + "/pause.exec >/dev/null");
    });
}

// R6 CMS's ready message: "Ready;" with the times, or "Ready(rc);"
static const char *READY = "(^|\\n)Ready(\\(-?[0-9]+\\))?;[^\\n]*\\n";

static std::string cms(Telnet3215 &t, const std::string &line, double seconds = 20)
{
    t.sendLine(line);
    return t.readUntil(READY, seconds);
}

// the run folder's copy of the 191 after SHUTDOWN: cmsdisk's check
static std::string checkDisk(const std::string &dir)
{
    return output(buildDir() + "/tools/cmsdisk " + dir + "/r6-191.3350 0 115 check");
}

SYSTEM_TEST(VM370Cms, IplsFromItsSavedSystemRunsProfileExecAndCommands)
{
    if (!haveR6())
        return;
    CpSystem sys("vm370cms", r6System());
    auto t = logon(sys, 0x0020, "CMSUSER", "CMSUSER", "");
    t->readUntil("CMS VERSION 6\\.0 - [^\\n]*\\n", 30);

    // the first line typed runs PROFILE EXEC (SET PFnn in it is accepted)
    std::string out = cms(*t, "STATE PROFILE EXEC", 60);
    CHECK_TEXT(out.find("CPX004E") == std::string::npos, out.c_str());
    CHECK_TEXT(std::regex_search(out, std::regex("Ready; T=[0-9.]+/[0-9.]+ [0-9:]{8}")), out.c_str());
    // the nucleus's shared segment stays shared (CMS sets the keys it has
    // already); CMS loads CMSSEG for each command that needs it and purges
    // it afterwards, so it is in nobody's storage now
    std::string q = sys.opcmd("QUERY NSS", "NSS CMSSEG [^\\n]*\\n");
    CHECK_TEXT(std::regex_search(q, std::regex("NSS CMS6 .*IN STORAGE +16 USERS +1")), q.c_str());

    out = cms(*t, "STATE PROFILE EXEC");
    CHECK_TEXT(std::regex_search(out, std::regex("^Ready;")), out.c_str());
    out = cms(*t, "CP QUERY PF12");
    CHECK_TEXT(out.find("PF12 IMMED RETRIEVE") != std::string::npos, out.c_str());
    out = cms(*t, "CP QUERY TIME");
    CHECK_TEXT(out.find("TIME IS ") != std::string::npos, out.c_str());
    // not a CMS command: CMS passes it to CP
    out = cms(*t, "INDICATE USER");
    CHECK_TEXT(out.find("CMSUSER") != std::string::npos, out.c_str());

    out = cms(*t, "STATE HELLO C");
    CHECK_TEXT(std::regex_search(out, std::regex("^Ready;")), out.c_str());
    out = cms(*t, "ERASE HELLO C");
    CHECK_TEXT(std::regex_search(out, std::regex("^Ready;")), out.c_str());
    out = cms(*t, "STATE HELLO C");
    CHECK_TEXT(out.find("File 'HELLO C' not found") != std::string::npos, out.c_str());
    CHECK_TEXT(std::regex_search(out, std::regex("Ready\\(0*28\\);")), out.c_str());

    // the disk CMS wrote is a good R6 disk, as CP left it at SHUTDOWN
    sys.opcmd("SHUTDOWN", "CPX960I[^\\n]*\\n", 30);
    std::string check = checkDisk(sys.dir());
    CHECK_TEXT(check.find(" 0 errors") != std::string::npos && check.find("rc=0") != std::string::npos,
               check.c_str());
    CHECK_TEXT(check.find("8 files") != std::string::npos, check.c_str());
}

// a second user at the same time, the first one's 191 linked read-only:
// both run R6 CMS from one copy of the nucleus's shared segment
SYSTEM_TEST(VM370Cms, TwoUsersRunItAtOnceSharingTheNucleus)
{
    if (!haveR6())
        return;
    CpSystem sys("vm370cms-two", r6System());
    auto t = logon(sys, 0x0020, "CMSUSER", "CMSUSER", "");
    t->readUntil("CMS VERSION 6\\.0 - [^\\n]*\\n", 30);
    auto u = logon(sys, 0x0021, "CMSUSR2", "CMSUSR2", "");
    u->readUntil("CMS VERSION 6\\.0 - [^\\n]*\\n", 30);
    cms(*t, "STATE PROFILE EXEC", 60);
    cms(*u, "STATE PROFILE EXEC", 60);
    std::string out = cms(*u, "STATE TESTCMD MODULE");
    CHECK_TEXT(std::regex_search(out, std::regex("^Ready;")), out.c_str());
    out = cms(*t, "CP QUERY USERS");
    CHECK_TEXT(out.find("USERS") != std::string::npos, out.c_str());
    std::string q = sys.opcmd("QUERY NSS", "NSS CMSSEG [^\\n]*\\n");
    CHECK_TEXT(std::regex_search(q, std::regex("NSS CMS6 .*IN STORAGE +16 USERS +2")), q.c_str());
}

// a program check in a user program: CMS says so (DMSITP141T), its abend
// recovery (which issues DIAGNOSE X'68' UNAUTHORIZE and runs SVCTRACE,
// here the stand-in) takes the next line typed, and CMS goes on without
// a re-IPL
SYSTEM_TEST(VM370Cms, RecoversFromAProgramCheckInAUserProgram)
{
    if (!haveR6())
        return;
    CpSystem sys("vm370cms-abend", r6SystemWithTestFiles());
    auto t = logon(sys, 0x0020, "CMSUSER", "CMSUSER", "");
    t->readUntil("CMS VERSION 6\\.0 - [^\\n]*\\n", 30);
    cms(*t, "STATE PROFILE EXEC", 60);
    // HELLO TEXT calls PRINTF, which lives on the S-disk: undefined, so
    // its first call branches to location 0
    std::string out = cms(*t, "LOAD HELLO");
    CHECK_TEXT(std::regex_search(out, std::regex("Ready\\(0*4\\);")), out.c_str());
    t->sendLine("START");
    out = t->readUntil("DMSITP141T OPERATION EXCEPTION OCCURRED AT [0-9A-F]+ IN ROUTINE USER "
                       "PGM\\.[^\\n]*\\n", 30);
    out = cms(*t, "STATE HELLO C", 30);
    CHECK_TEXT(std::regex_search(out, std::regex("(^|\\n)Ready;")), out.c_str());
    CHECK_TEXT(out.find("DMSABN") == std::string::npos, out.c_str());
    // usable: CMS's own commands, CP's through CMS, the EXEC processor
    out = cms(*t, "STATE TESTCMD MODULE");
    CHECK_TEXT(std::regex_search(out, std::regex("^Ready;")), out.c_str());
    out = cms(*t, "CP QUERY TIME");
    CHECK_TEXT(out.find("TIME IS ") != std::string::npos, out.c_str());
    t->sendLine("PAUSE");
    t->readUntil("PAUSED\\n", 30);
    out = cms(*t, "AGAIN");
    CHECK_TEXT(out.find("RESUMED AGAIN") != std::string::npos, out.c_str());
    CHECK_TEXT(out.find("CPX400W") == std::string::npos && out.find("RE-IPL") == std::string::npos,
               out.c_str());
}

// two users inside an EXEC at once: both have CMSSEG loaded (the EXEC
// processor is in it), from one copy of its 16 pages in real storage
SYSTEM_TEST(VM370Cms, TwoUsersShareOneCopyOfCmsseg)
{
    if (!haveR6())
        return;
    CpSystem sys("vm370cms-cmsseg", r6SystemWithTestFiles());
    auto t = logon(sys, 0x0020, "CMSUSER", "CMSUSER", "");
    t->readUntil("CMS VERSION 6\\.0 - [^\\n]*\\n", 30);
    auto u = logon(sys, 0x0021, "CMSUSR2", "CMSUSR2", "");
    u->readUntil("CMS VERSION 6\\.0 - [^\\n]*\\n", 30);
    cms(*t, "STATE PROFILE EXEC", 60);
    cms(*u, "STATE PROFILE EXEC", 60);
    t->sendLine("PAUSE");
    t->readUntil("PAUSED\\n", 30);
    u->sendLine("PAUSE");
    u->readUntil("PAUSED\\n", 30);
    std::string q = sys.opcmd("QUERY NSS", "NSS CMSSEG [^\\n]*\\n");
    std::smatch m;
    CHECK_TEXT(std::regex_search(q, m, std::regex("NSS CMSSEG .*SHARED +0*16 +IN STORAGE +0*([0-9]+) +USERS +2")),
               q.c_str());
    CHECK_TEXT(std::stol(m[1]) <= 16, q.c_str());           // one copy, not two
    // and both EXECs go on
    std::string out = cms(*t, "ONE");
    CHECK_TEXT(out.find("RESUMED ONE") != std::string::npos, out.c_str());
    out = cms(*u, "TWO");
    CHECK_TEXT(out.find("RESUMED TWO") != std::string::npos, out.c_str());
    q = sys.opcmd("QUERY NSS", "NSS CMSSEG [^\\n]*\\n");
    CHECK_TEXT(std::regex_search(q, std::regex("NSS CMSSEG .*USERS +0")), q.c_str());
}
