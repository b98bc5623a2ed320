// test_layercheck.cpp - mk/layercheck.sh finds what it promises to find.
//
// make check trusts the layer check to fail on an include that points up
// the layers of cp/layers.txt or closes a cycle between folders; these
// tests build small trees that break each rule and read what it says.
#include <sys/stat.h>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>
// after the standard headers: CppUTest redefines new for leak checking
#include <CppUTest/TestHarness.h>

static std::string script()
{
    const char *src = getenv("CP370_SRC");
    char path[PATH_MAX];

    if (!realpath(src ? src : ".", path))
        return "mk/layercheck.sh";
    return std::string(path) + "/mk/layercheck.sh";
}

// run the check in dir with its layer list; output in out, true if it passed
static bool check(const std::string &dir, std::string &out, const char *layers = "layers.txt")
{
    std::string cmd = "cd '" + dir + "' && sh '" + script() + "' " + layers + " 2>&1";
    FILE *p = popen(cmd.c_str(), "r");
    char buf[512];

    out.clear();
    if (!p)
        return false;
    while (fgets(buf, sizeof buf, p))
        out += buf;
    return pclose(p) == 0;
}

static void put(const std::string &dir, const std::string &file, const std::string &text)
{
    std::string path = dir + "/" + file;
    for (size_t i = dir.size() + 1; (i = path.find('/', i)) != std::string::npos; i++)
        mkdir(path.substr(0, i).c_str(), 0755);
    FILE *f = fopen(path.c_str(), "w");
    fputs(text.c_str(), f);
    fclose(f);
}

TEST_GROUP(LayerCheck)
{
    std::string dir;

    void setup()
    {
        char tmpl[] = "/tmp/layercheck.XXXXXX";
        dir = mkdtemp(tmpl);
        put(dir, "layers.txt", "arch370\ncp/lib\ncp/low\ncp/a cp/b\ncp/top\n");
        put(dir, "arch370/types.h", "/* facts */\n");
        put(dir, "cp/lib/lib.h", "#include \"arch370/types.h\"\n");
        put(dir, "cp/low/low.c", "#include \"cp/lib/lib.h\"\n");
        put(dir, "cp/a/a.c", "#include \"cp/low/low.c\"\n#include \"cp/b/b.h\"\n");
        put(dir, "cp/b/b.h", "/* b */\n");
        put(dir, "cp/top/top.c", "#include \"cp/a/a.c\"\n#include <stdio.h>\n");
        put(dir, "diag/d.c", "/* not in the list */\n");
    }
    void teardown()
    {
        std::string cmd = "rm -rf '" + dir + "'";
        CHECK(system(cmd.c_str()) == 0);
    }
};

TEST(LayerCheck, IncludesThatPointDownPass)
{
    std::string out;
    put(dir, "layers.txt", "arch370\ncp/lib\ncp/low\ncp/a cp/b\ncp/top\ndiag\n");
    CHECK_TRUE(check(dir, out));
    STRCMP_EQUAL("", out.c_str());
}

TEST(LayerCheck, AnUpwardIncludeIsNamedByFileAndLine)
{
    std::string out;
    put(dir, "layers.txt", "arch370\ncp/lib\ncp/low\ncp/a cp/b\ncp/top\ndiag\n");
    put(dir, "cp/low/low.c", "#include \"cp/lib/lib.h\"\n#include \"cp/top/top.c\"\n");
    CHECK_FALSE(check(dir, out));
    STRCMP_CONTAINS("cp/low/low.c:2: includes \"cp/top/top.c\" from a higher layer", out.c_str());
}

TEST(LayerCheck, ACycleBetweenFoldersOfOneLayerIsNamed)
{
    std::string out;
    put(dir, "layers.txt", "arch370\ncp/lib\ncp/low\ncp/a cp/b\ncp/top\ndiag\n");
    put(dir, "cp/b/b.h", "#include \"cp/a/a.c\"\n");
    CHECK_FALSE(check(dir, out));
    STRCMP_CONTAINS("closes a cycle between folders", out.c_str());
    STRCMP_CONTAINS("cp/b/b.h:1:", out.c_str());
}

TEST(LayerCheck, AFolderMissingFromTheListFails)
{
    std::string out;
    CHECK_FALSE(check(dir, out));
    STRCMP_CONTAINS("diag/d.c:1: folder not in layers.txt", out.c_str());
}

TEST(LayerCheck, TheTreeAsItIsPasses)
{
    const char *src = getenv("CP370_SRC");
    std::string out;
    CHECK_TRUE(check(src ? src : ".", out, "cp/layers.txt"));
    STRCMP_EQUAL("", out.c_str());
}
