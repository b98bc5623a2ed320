// test_history_map.cpp - docs/history points at code that exists.
//
// The history chapters and map.md promise a reader that every idea can be
// followed to the file and function of cp370 that carries it, and to the
// test that shows it.  These tests read the hand-written chapters and
// check each promise against the source tree, so renaming a function or
// a test without updating the map fails `make check`:
//   `path/to/file.c` (`function`, `other`)   file exists, names occur in it
//   `Group.TestName`                         such a CppUTest test exists
//   [text](other.md)                         the linked file exists
// A file name alone, build output and other projects' paths in the
// sources are prose, not promises, and are not checked.
#include <dirent.h>
#include <sys/stat.h>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <set>
#include <string>
#include <vector>
// after the standard headers: CppUTest redefines new for leak checking
#include <CppUTest/TestHarness.h>

static std::string src_root()
{
    const char *src = getenv("CP370_SRC");
    return src ? src : ".";
}

static bool read_file(const std::string &path, std::string &out)
{
    FILE *f = fopen(path.c_str(), "r");
    char buf[4096];
    size_t n;

    if (!f)
        return false;
    out.clear();
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        out.append(buf, n);
    fclose(f);
    return true;
}

static bool exists(const std::string &path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0;
}

static std::vector<std::string> files_in(const std::string &dir, const std::string &suffix)
{
    std::vector<std::string> names;
    DIR *d = opendir(dir.c_str());

    if (!d)
        return names;
    while (struct dirent *e = readdir(d)) {
        std::string n = e->d_name;
        if (n.size() > suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
            names.push_back(n);
    }
    closedir(d);
    return names;
}

// The chapters a person wrote; sensitivity.md is generated and has tests of its own.
static std::vector<std::string> chapters()
{
    std::vector<std::string> out;

    for (const std::string &n : files_in(src_root() + "/docs/history", ".md"))
        if (n != "sensitivity.md")
            out.push_back(n);
    return out;
}

static std::string chapter_text(const std::string &name)
{
    std::string text;
    CHECK_TEXT(read_file(src_root() + "/docs/history/" + name, text),
               ("cannot read docs/history/" + name).c_str());
    return text;
}

// A path into the repository: its first folder is one of the repository's
// own (cp/, arch370/, ...), not build output and not another project's
// source named among the references.
static bool is_source_path(const std::string &p)
{
    size_t slash = p.find('/');

    if (slash == std::string::npos || slash == 0 || p.compare(0, 6, "build/") == 0)
        return false;
    return exists(src_root() + "/" + p.substr(0, slash) + "/.");
}

static bool has_identifier(const std::string &text, const std::string &name)
{
    std::regex word("\\b" + name + "\\b");
    return std::regex_search(text, word);
}

// every TEST(Group, Name) and SYSTEM_TEST(Group, Name) in the test sources
static std::set<std::string> test_names()
{
    const std::regex def("\\b(?:SYSTEM_TEST|TEST)\\(\\s*(\\w+)\\s*,\\s*(\\w+)\\s*\\)");
    std::set<std::string> names;

    for (const char *dir : { "/tests/unit", "/tests/system" }) {
        std::string d = src_root() + dir;
        for (const std::string &f : files_in(d, ".cpp")) {
            std::string text;
            if (!read_file(d + "/" + f, text))
                continue;
            for (std::sregex_iterator m(text.begin(), text.end(), def), end; m != end; ++m)
                names.insert((*m)[1].str() + "." + (*m)[2].str());
        }
    }
    return names;
}

TEST_GROUP(HistoryMap) {};

TEST(HistoryMap, EverySourceFileTheChaptersNameExists)
{
    const std::regex path("`([A-Za-z0-9_.-]+/[A-Za-z0-9_./-]*)`");
    std::string missing;

    for (const std::string &ch : chapters()) {
        std::string text = chapter_text(ch);
        for (std::sregex_iterator m(text.begin(), text.end(), path), end; m != end; ++m) {
            std::string p = (*m)[1].str();
            if (is_source_path(p) && !exists(src_root() + "/" + p))
                missing += "\n  " + ch + ": " + p;
        }
    }
    if (!missing.empty())
        FAIL(("docs/history names files that do not exist:" + missing).c_str());
}

TEST(HistoryMap, EveryFunctionTheChaptersNameIsInTheFileNamedBeforeIt)
{
    // `file` (`name`, `name`: comment, ...) - the names are what the map promises
    const std::regex pair("`([A-Za-z0-9_.-]+/[A-Za-z0-9_./-]*)` \\(([^)]*)\\)");
    const std::regex ident("`([A-Za-z_][A-Za-z0-9_]*)`");
    std::string missing;
    unsigned checked = 0;

    for (const std::string &ch : chapters()) {
        std::string text = chapter_text(ch);
        for (std::sregex_iterator m(text.begin(), text.end(), pair), end; m != end; ++m) {
            std::string p = (*m)[1].str(), names = (*m)[2].str(), source;
            if (!is_source_path(p) || !read_file(src_root() + "/" + p, source))
                continue;
            for (std::sregex_iterator n(names.begin(), names.end(), ident), e2; n != e2; ++n) {
                checked++;
                if (!has_identifier(source, (*n)[1].str()))
                    missing += "\n  " + ch + ": " + (*n)[1].str() + " is not in " + p;
            }
        }
    }
    CHECK_TEXT(checked > 50, "the map names too few functions to be a map");
    if (!missing.empty())
        FAIL(("docs/history names functions where they are not:" + missing).c_str());
}

TEST(HistoryMap, EveryTestTheChaptersNameExists)
{
    const std::regex test("`([A-Z][A-Za-z0-9]*\\.[A-Z][A-Za-z0-9]*)`");
    std::set<std::string> known = test_names();
    std::string missing;

    for (const std::string &ch : chapters()) {
        std::string text = chapter_text(ch);
        for (std::sregex_iterator m(text.begin(), text.end(), test), end; m != end; ++m)
            if (!known.count((*m)[1].str()))
                missing += "\n  " + ch + ": " + (*m)[1].str();
    }
    if (!missing.empty())
        FAIL(("docs/history names tests that do not exist:" + missing).c_str());
}

TEST(HistoryMap, EveryLinkBetweenDocumentsLeadsToAFile)
{
    const std::regex link("\\]\\(([^)#:]+\\.md)(#[^)]*)?\\)");
    std::string missing;

    for (const std::string &ch : chapters()) {
        std::string text = chapter_text(ch);
        for (std::sregex_iterator m(text.begin(), text.end(), link), end; m != end; ++m)
            if (!exists(src_root() + "/docs/history/" + (*m)[1].str()))
                missing += "\n  " + ch + ": " + (*m)[1].str();
    }
    if (!missing.empty())
        FAIL(("docs/history links to documents that do not exist:" + missing).c_str());
}

// The x86 contrast covers every instruction Robin and Irvine found
// sensitive but unprivileged on the Pentium, each in a row of its own.
TEST(HistoryMap, X86ContrastHasARowForEveryInstructionRobinAndIrvineFound)
{
    static const char *const found[] = {
        "SGDT", "SIDT", "SLDT", "SMSW", "PUSHF", "POPF", "LAR", "LSL", "VERR", "VERW",
        "POP", "PUSH", "CALL", "JMP", "INT n", "RET", "STR", "MOV to/from segment registers",
    };
    std::string text = chapter_text("x86.md"), missing;

    for (const char *insn : found) {
        std::regex row("\\n\\| " + std::string(insn) + " \\|[^|\\n]+\\|[^|\\n]+\\|");
        if (!std::regex_search(text, row))
            missing += std::string("\n  ") + insn;
    }
    if (!missing.empty())
        FAIL(("docs/history/x86.md has no row (instruction | problem | S/370 counterpart) for:" +
              missing).c_str());
}
