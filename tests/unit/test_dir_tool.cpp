// test_dir_tool.cpp - dircomp as a program: exit status, messages, and
// the output file (written whole, or not at all); and the shipped
// directory cp/dir/user.direct.
#include "test_dir_support.h"
#include <CppUTest/TestHarness.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static std::string build_dir()
{
    const char *b = getenv("CP370_BUILD");
    return b ? b : "build";
}

static std::string source_dir()
{
    const char *s = getenv("CP370_SRC");
    return s ? s : ".";
}

struct Run {
    int status;                 // exit status
    std::string output;         // stdout and stderr
};

static Run dircomp(const std::string &args)
{
    std::string cmd = build_dir() + "/tools/dircomp " + args + " 2>&1";
    Run r;
    char buf[512];
    FILE *p = popen(cmd.c_str(), "r");
    size_t n;

    CHECK(p != nullptr);
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        r.output.append(buf, n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

static bool exists(const std::string &path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0;
}

static std::string slurp(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

TEST_GROUP(DirTool)
{
    std::string dir;
    void setup()
    {
        char tmpl[] = "/tmp/dircomp-test-XXXXXX";
        CHECK(mkdtemp(tmpl) != nullptr);
        dir = tmpl;
        dir_test_setup();
    }
    void teardown()
    {
        dir_test_teardown();
        CHECK(system(("rm -rf " + dir).c_str()) == 0);
    }
    std::string file(const char *name, const std::string &text)
    {
        std::string path = dir + "/" + name;
        std::ofstream(path) << text;
        return path;
    }
};

TEST(DirTool, AGoodSourceGivesExitZeroAndALoadableImage)
{
    std::string src = file("user.direct", "USER A PW\n MDISK 191 3350 1 1 V\n");
    Run r = dircomp(src + " " + dir + "/dir.bin");
    LONGS_EQUAL(0, r.status);
    STRCMP_CONTAINS("1 users", r.output.c_str());
    std::string img = slurp(dir + "/dir.bin");
    LONGS_EQUAL(DIR_OK, dir_load((const u8 *)img.data(), img.size()));
    CHECK_TRUE(dir_password_ok(dir_find("A"), "pw"));
}

TEST(DirTool, AnErrorGivesExitOneTheMessageAndNoFile)
{
    std::string src = file("bad.direct", "USER A PW\nUSER B PW ABC\n");
    Run r = dircomp(src + " " + dir + "/dir.bin");
    LONGS_EQUAL(1, r.status);
    STRCMP_CONTAINS((src + ":2:11: expected a storage size such as 1M, found \"ABC\"\n").c_str(),
                    r.output.c_str());
    STRCMP_CONTAINS("1 error in", r.output.c_str());
    CHECK_FALSE(exists(dir + "/dir.bin"));
    CHECK(system(("ls " + dir + " | grep -q tmp").c_str()) != 0);     // no temporary left
}

TEST(DirTool, AFailedCompileLeavesTheOldImageAlone)
{
    std::string out = dir + "/dir.bin";
    LONGS_EQUAL(0, dircomp(file("good.direct", "USER A PW\n") + " " + out).status);
    std::string before = slurp(out);
    Run r = dircomp(file("bad.direct", "USER A PW\n LINK NOBODY 191 191\n") + " " + out);
    LONGS_EQUAL(1, r.status);
    STRCMP_CONTAINS(":2:7: LINK to user NOBODY, who is not in the directory", r.output.c_str());
    CHECK(before == slurp(out));
}

TEST(DirTool, AMissingSourceOrBadArgumentsGiveExitTwo)
{
    Run r = dircomp(dir + "/nonexistent.direct " + dir + "/dir.bin");
    LONGS_EQUAL(2, r.status);
    STRCMP_CONTAINS("cannot open", r.output.c_str());
    r = dircomp("");
    LONGS_EQUAL(2, r.status);
    STRCMP_CONTAINS("usage: dircomp SOURCE IMAGE", r.output.c_str());
}

TEST(DirTool, AnUnwritableOutputGivesExitTwo)
{
    Run r = dircomp(file("good.direct", "USER A PW\n") + " " + dir + "/no/such/dir.bin");
    LONGS_EQUAL(2, r.status);
    STRCMP_CONTAINS("cannot write", r.output.c_str());
}

// ---- the shipped directory ----------------------------------------------

TEST_GROUP(ShippedDirectory)
{
    void setup()
    {
        dir_test_setup();
        std::string img = slurp(source_dir() + "/cp/dir/user.direct");
        Compiled c(img, "cp/dir/user.direct");
        STRCMP_EQUAL("", c.messages.c_str());
        std::vector<u8> bin = c.image();
        LONGS_EQUAL(DIR_OK, dir_load(bin.data(), bin.size()));
    }
    void teardown() { dir_test_teardown(); }
};

static const u32 classes_a_to_g = 0x7F, class_g = 1u << ('G' - 'A');

TEST(ShippedDirectory, OperatorAndMaintHaveClassesAToG)
{
    LONGS_EQUAL(classes_a_to_g, dir_find("OPERATOR")->classes);
    LONGS_EQUAL(classes_a_to_g, dir_find("MAINT")->classes);
    CHECK_TRUE(dir_password_ok(dir_find("OPERATOR"), "OPERATOR"));
    CHECK_TRUE(dir_password_ok(dir_find("MAINT"), "MAINT"));
}

TEST(ShippedDirectory, GeneralUsersOneToEight)
{
    for (int n = 1; n <= 8; n++) {
        char id[16], pw[16];
        snprintf(id, sizeof id, "USER%d", n);
        snprintf(pw, sizeof pw, "PASS%d", n);
        const struct dir_user *u = dir_find(id);
        CHECK(u != nullptr);
        CHECK_TRUE(dir_password_ok(u, pw));
        LONGS_EQUAL(class_g, u->classes);
        CHECK(u->storage == 1u << 20 || u->storage == 2u << 20);
        LONGS_EQUAL(0x009, u->console.cuu);
        LONGS_EQUAL(0x3215, u->console.devtype);
        LONGS_EQUAL(3, u->nspool);
        LONGS_EQUAL(0x00C, u->spool[0].cuu);
        LONGS_EQUAL(DIR_SPOOL_READER, u->spool[0].kind);
        LONGS_EQUAL(0x00D, u->spool[1].cuu);
        LONGS_EQUAL(DIR_SPOOL_PUNCH, u->spool[1].kind);
        LONGS_EQUAL(0x00E, u->spool[2].cuu);
        LONGS_EQUAL(0x1403, u->spool[2].devtype);
        LONGS_EQUAL(DIR_IPL_NAME, u->ipl.kind);
        STRCMP_EQUAL("CMS", u->ipl.name);
        const struct dir_mdisk *m = dir_find_mdisk(u, 0x191);
        CHECK(m != nullptr);
        LONGS_EQUAL(0x3350, m->devtype);
        STRCMP_EQUAL("CPUSR1", m->volser);
        CHECK(m->cyls >= 3 && m->cyls <= 5);
        LONGS_EQUAL(1, u->nlink);
        STRCMP_EQUAL("MAINT", u->links[0].userid);
        LONGS_EQUAL(0x190, u->links[0].target);
        LONGS_EQUAL(0x190, u->links[0].cuu);
        STRCMP_EQUAL("RR", u->links[0].mode);
    }
}

TEST(ShippedDirectory, UserDisksStartAtCylinderOne)
{
    unsigned lowest = 0xFFFF;
    for (int n = 1; n <= 8; n++) {
        char id[16];
        snprintf(id, sizeof id, "USER%d", n);
        unsigned start = dir_find_mdisk(dir_find(id), 0x191)->start;
        lowest = start < lowest ? start : lowest;
    }
    LONGS_EQUAL(1, lowest);
}

TEST(ShippedDirectory, MaintOwnsTheSystemDiskOnCpusr1)
{
    const struct dir_mdisk *m = dir_find_mdisk(dir_find("MAINT"), 0x190);
    CHECK(m != nullptr);
    STRCMP_EQUAL("CPUSR1", m->volser);
}

TEST(ShippedDirectory, ThereIsANologUser)
{
    bool found = false;
    for (unsigned i = 0; i < dir_count(); i++)
        found |= dir_at(i)->nolog && !dir_password_ok(dir_at(i), "NOLOG");
    CHECK_TRUE(found);
}
