// test_cmslib.cpp - the CMS guest's C library, checked against the host C
// library wherever the two promise the same thing.
extern "C" {
#include "cms-guest/lib/cmslib.h"
#include "arch370/ebcdic.h"
}
#include <CppUTest/TestHarness.h>
#include <cctype>
#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <strings.h>

// a small deterministic generator, so a failure can be reproduced
static unsigned long rng_state = 12345;
static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ul + 1442695040888963407ul;
    return (unsigned)((rng_state >> 33) % n);
}

static int sign(int v) { return (v > 0) - (v < 0); }

TEST_GROUP(CmsMem) {};

TEST(CmsMem, CopySetAndCompareMatchTheHostLibrary)
{
    unsigned char a[64], b[64], c[64];
    for (int round = 0; round < 200; round++) {
        for (unsigned i = 0; i < sizeof a; i++)
            a[i] = (unsigned char)rnd(4);
        size_t n = rnd(64);
        memset(b, 0xEE, sizeof b);
        memset(c, 0xEE, sizeof c);
        POINTERS_EQUAL(b, cms_memcpy(b, a, n));
        memcpy(c, a, n);
        MEMCMP_EQUAL(c, b, sizeof b);
        LONGS_EQUAL(sign(memcmp(a, a + 32, n / 2)), sign(cms_memcmp(a, a + 32, n / 2)));
        int v = (int)rnd(256);
        POINTERS_EQUAL(b + 3, cms_memset(b + 3, v, n / 2));
        memset(c + 3, v, n / 2);
        MEMCMP_EQUAL(c, b, sizeof b);
        POINTERS_EQUAL(memchr(a, 3, n), cms_memchr(a, 3, n));
    }
}

TEST(CmsMem, MoveHandlesOverlapInBothDirections)
{
    for (int round = 0; round < 200; round++) {
        char mine[80], host[80];
        for (unsigned i = 0; i < sizeof mine; i++)
            mine[i] = host[i] = (char)('A' + i % 26);
        size_t src = rnd(40), dst = rnd(40), n = rnd(40);
        cms_memmove(mine + dst, mine + src, n);
        memmove(host + dst, host + src, n);
        MEMCMP_EQUAL(host, mine, sizeof mine);
    }
}

TEST(CmsMem, CompareTreatsBytesAsUnsigned)
{
    const unsigned char hi[] = { 0x80 }, lo[] = { 0x7F };
    CHECK(cms_memcmp(hi, lo, 1) > 0);
    CHECK(cms_strcmp("\x80", "\x7F") > 0);
}

TEST_GROUP(CmsString) {};

static const char *const words[] = {
    "", "a", "A", "abc", "ABC", "abd", "ab", "Abc", "x", "xyz", "hello world", "HELLO", "\x80z",
};

TEST(CmsString, ComparisonsHaveTheSignOfTheHostLibrary)
{
    for (const char *x : words)
        for (const char *y : words) {
            LONGS_EQUAL(sign(strcmp(x, y)), sign(cms_strcmp(x, y)));
            LONGS_EQUAL(sign(strcasecmp(x, y)), sign(cms_strcasecmp(x, y)));
            for (size_t n = 0; n < 5; n++) {
                LONGS_EQUAL(sign(strncmp(x, y, n)), sign(cms_strncmp(x, y, n)));
                LONGS_EQUAL(sign(strncasecmp(x, y, n)), sign(cms_strncasecmp(x, y, n)));
            }
        }
}

TEST(CmsString, SearchesFindWhatTheHostLibraryFinds)
{
    const char *s = "the quick brown fox jumps";
    for (int c = 0; c < 128; c++) {
        POINTERS_EQUAL(strchr(s, c), cms_strchr(s, c));
        POINTERS_EQUAL(strrchr(s, c), cms_strrchr(s, c));
    }
    for (const char *n : { "", "the", "fox", "jumps", "jumpsx", "q", "zz", " b" })
        POINTERS_EQUAL(strstr(s, n), cms_strstr(s, n));
    LONGS_EQUAL(strlen(s), cms_strlen(s));
    LONGS_EQUAL(3, cms_strnlen(s, 3));
    LONGS_EQUAL(strlen(s), cms_strnlen(s, 1000));
}

TEST(CmsString, BoundedCopyAndCatenateAlwaysTerminate)
{
    char buf[6];
    LONGS_EQUAL(9, cms_strlcpy(buf, "123456789", sizeof buf));
    STRCMP_EQUAL("12345", buf);
    LONGS_EQUAL(2, cms_strlcpy(buf, "ab", sizeof buf));
    LONGS_EQUAL(5, cms_strlcat(buf, "cde", sizeof buf));
    STRCMP_EQUAL("abcde", buf);
    LONGS_EQUAL(7, cms_strlcat(buf, "fg", sizeof buf));
    STRCMP_EQUAL("abcde", buf);
    LONGS_EQUAL(3, cms_strlcpy(buf, "xyz", 0));     // size 0 touches nothing
    STRCMP_EQUAL("abcde", buf);
    char big[16];
    STRCMP_EQUAL("copy", cms_strcpy(big, "copy"));
}

TEST_GROUP(CmsCtype) {};

TEST(CmsCtype, EveryByteIsClassifiedAsTheCLocaleDoes)
{
    for (int c = -1; c < 256; c++) {
        LONGS_EQUAL(!!isdigit(c), !!cms_isdigit(c));
        LONGS_EQUAL(!!isxdigit(c), !!cms_isxdigit(c));
        LONGS_EQUAL(!!isalpha(c), !!cms_isalpha(c));
        LONGS_EQUAL(!!isalnum(c), !!cms_isalnum(c));
        LONGS_EQUAL(!!isupper(c), !!cms_isupper(c));
        LONGS_EQUAL(!!islower(c), !!cms_islower(c));
        LONGS_EQUAL(!!isspace(c), !!cms_isspace(c));
        LONGS_EQUAL(!!isprint(c), !!cms_isprint(c));
        LONGS_EQUAL(!!ispunct(c), !!cms_ispunct(c));
        LONGS_EQUAL(toupper(c), cms_toupper(c));
        LONGS_EQUAL(tolower(c), cms_tolower(c));
    }
}

TEST_GROUP(CmsNumbers) {};

static void check_strtol(const char *s, int base)
{
    char *e1, *e2;
    long want = strtol(s, &e1, base);
    long got = cms_strtol(s, &e2, base);
    std::string what = std::string("strtol(\"") + s + "\", " + std::to_string(base) + ")";
    CHECK_EQUAL_TEXT(want, got, what.c_str());
    CHECK_EQUAL_TEXT(e1 - s, e2 - s, what.c_str());
    unsigned long uwant = strtoul(s, &e1, base);
    unsigned long ugot = cms_strtoul(s, &e2, base);
    CHECK_EQUAL_TEXT(uwant, ugot, what.c_str());
    CHECK_EQUAL_TEXT(e1 - s, e2 - s, what.c_str());
}

TEST(CmsNumbers, StrtolAndStrtoulAgreeWithTheHostOnEdgeCases)
{
    const char *cases[] = {
        "0", "42", "-42", "+42", "  \t 17xyz", "0x1F", "0X1f", "0x", "0xg", "017", "08", "-0",
        "z", "Zz", "", "   ", "-", "+", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
        "18446744073709551616", "99999999999999999999999", "-1", "111", "7fffffff",
    };
    for (const char *s : cases)
        for (int base : { 0, 2, 8, 10, 16, 36 })
            check_strtol(s, base);
}

TEST(CmsNumbers, RandomDigitStringsAgreeWithTheHost)
{
    const char alphabet[] = " +-0123456789acdefxXzZ";   // no b: newer C libraries read 0b
    for (int round = 0; round < 3000; round++) {
        char s[24];
        size_t n = rnd(22);
        for (size_t i = 0; i < n; i++)
            s[i] = alphabet[rnd(sizeof alphabet - 1)];
        s[n] = 0;
        int base = (int)rnd(37);
        check_strtol(s, base == 1 || base > 36 ? 0 : base);   // the host leaves end unset on a bad base
    }
}

TEST(CmsNumbers, InvalidBaseConvertsNothing)
{
    char *end;
    const char *s = "123";
    LONGS_EQUAL(0, cms_strtol(s, &end, 1));
    POINTERS_EQUAL(s, end);
    LONGS_EQUAL(0, cms_strtoul(s, &end, 37));
    POINTERS_EQUAL(s, end);
}

TEST(CmsNumbers, DecimalAndHexFormattingReportTheFullLength)
{
    char buf[32];
    LONGS_EQUAL(3, cms_itoa(-45, buf, sizeof buf));
    STRCMP_EQUAL("-45", buf);
    LONGS_EQUAL(20, cms_itoa(LLONG_MIN, buf, sizeof buf));
    STRCMP_EQUAL("-9223372036854775808", buf);
    LONGS_EQUAL(8, cms_utoa(0xC0FFEE42, 16, true, buf, sizeof buf));
    STRCMP_EQUAL("C0FFEE42", buf);
    LONGS_EQUAL(8, cms_utoa(0xC0FFEE42, 16, false, buf, 5));
    STRCMP_EQUAL("c0ff", buf);
    LONGS_EQUAL(4, cms_utoa(10, 2, false, buf, sizeof buf));
    STRCMP_EQUAL("1010", buf);
    LONGS_EQUAL(2, cms_itoa(-7, buf, 1));
    STRCMP_EQUAL("", buf);
}

TEST_GROUP(CmsFormat) {};

static std::string mine(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    cms_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}

TEST(CmsFormat, IntegerConversionsWithFlagsWidthAndPrecision)
{
    STRCMP_EQUAL("42|-42|+42| 42|0042|  -42|-042|00042", mine("%d|%i|%+d|% d|%04d|%5d|%04d|%.5d", 42, -42, 42, 42, 42, -42, -42, 42).c_str());
    STRCMP_EQUAL("ff|FF|0xff|0XFF|377|0377|0", mine("%x|%X|%#x|%#X|%o|%#o|%#o", 255, 255, 255, 255, 255, 255, 0).c_str());
    STRCMP_EQUAL("|||   |0|", mine("|%.0d|%.0x|%3.0u|%#.0o|", 0, 0, 0, 0).c_str());
    STRCMP_EQUAL("4294967295|18446744073709551615|-9223372036854775808",
                 mine("%u|%llu|%lld", 4294967295u, 18446744073709551615ull, LLONG_MIN).c_str());
    STRCMP_EQUAL("-1|255|-1|65535", mine("%hhd|%hhu|%hd|%hu", 255, 255, 65535, 65535).c_str());
    STRCMP_EQUAL("[  7][7  ][007]", mine("[%*d][%*d][%.*d]", 3, 7, -3, 7, 3, 7).c_str());
}

TEST(CmsFormat, CharactersStringsAndPointers)
{
    STRCMP_EQUAL("[x][  x][x  ]", mine("[%c][%3c][%-3c]", 'x', 'x', 'x').c_str());
    STRCMP_EQUAL("[abc][  abc][abc  ][ab][(null)]", mine("[%s][%5s][%-5s][%.2s][%s]", "abc", "abc", "abc", "abcdef", (char *)NULL).c_str());
    STRCMP_EQUAL("100%", mine("100%%").c_str());
    STRCMP_EQUAL("0x1234|(nil)", mine("%p|%p", (void *)0x1234, (void *)0).c_str());
    STRCMP_EQUAL("bad %q here", mine("bad %q here").c_str());
}

TEST(CmsFormat, TruncatesButReportsTheFullLength)
{
    char buf[5];
    LONGS_EQUAL(10, cms_snprintf(buf, sizeof buf, "%s", "0123456789"));
    STRCMP_EQUAL("0123", buf);
    LONGS_EQUAL(3, cms_snprintf(NULL, 0, "%d", 123));
    LONGS_EQUAL(6, cms_snprintf(buf, 1, "%06d", 5));
    STRCMP_EQUAL("", buf);
}

// Random conversion specifications, each compared with the host printf.
static std::string random_spec(char conv)
{
    std::string f = "%";
    const char *flags = (conv == 'c' || conv == 's') ? "-" : (conv == 'd' || conv == 'i') ? "-0+ " : "-0#";
    for (int i = (int)rnd(3); i > 0; i--)
        f += flags[rnd((unsigned)strlen(flags))];
    if (rnd(2))
        f += std::to_string(rnd(20));
    if (rnd(2) && conv != 'c')
        f += "." + std::to_string(rnd(12));
    if (conv != 'c' && conv != 's')
        f += (const char *[]){ "", "h", "hh", "l", "ll" }[rnd(5)];
    return f + conv;
}

TEST(CmsFormat, ThousandsOfRandomSpecificationsMatchTheHostPrintf)
{
    const char convs[] = "diuxXocs";
    const char *strs[] = { "", "a", "hello", "CMS EXEC", "0123456789abcdef" };
    for (int round = 0; round < 5000; round++) {
        char conv = convs[rnd(sizeof convs - 1)];
        std::string f = "<" + random_spec(conv) + ">";
        char want[256], got[256];
        long long v = (long long)((unsigned long long)rnd(1u << 31) << rnd(40)) * (rnd(2) ? -1 : 1);
        int wn, gn;
        if (conv == 's') {
            const char *s = strs[rnd(5)];
            wn = snprintf(want, sizeof want, f.c_str(), s);
            gn = cms_snprintf(got, sizeof got, f.c_str(), s);
        } else if (f.find("ll") != std::string::npos) {
            wn = snprintf(want, sizeof want, f.c_str(), v);
            gn = cms_snprintf(got, sizeof got, f.c_str(), v);
        } else if (f.find('l') != std::string::npos) {
            wn = snprintf(want, sizeof want, f.c_str(), (long)v);
            gn = cms_snprintf(got, sizeof got, f.c_str(), (long)v);
        } else {
            wn = snprintf(want, sizeof want, f.c_str(), (int)v);
            gn = cms_snprintf(got, sizeof got, f.c_str(), (int)v);
        }
        STRCMP_EQUAL_TEXT(want, got, f.c_str());
        LONGS_EQUAL_TEXT(wn, gn, f.c_str());
    }
}

TEST_GROUP(CmsHeap)
{
    alignas(8) unsigned char region[4096];
    struct cms_heap heap;
    void setup() { CHECK(cms_heap_init(&heap, region, sizeof region)); }
    struct cms_heap_stats stats()
    {
        struct cms_heap_stats st;
        cms_heap_stats(&heap, &st);
        return st;
    }
};

TEST(CmsHeap, AllocationsAreDistinctAlignedInsideTheRegionAndAccounted)
{
    unsigned char *a = (unsigned char *)cms_malloc(&heap, 10);
    unsigned char *b = (unsigned char *)cms_malloc(&heap, 100);
    CHECK(a && b && a != b);
    LONGS_EQUAL(0, (uintptr_t)a % 8);
    LONGS_EQUAL(0, (uintptr_t)b % 8);
    CHECK(a >= region && b + 100 <= region + sizeof region);
    CHECK(a + 10 <= b || b + 100 <= a);
    struct cms_heap_stats st = stats();
    LONGS_EQUAL(2, st.used_blocks);
    CHECK(st.used >= 110);
    LONGS_EQUAL(sizeof region, st.used + st.free);
}

TEST(CmsHeap, FreedNeighboursCoalesceSoTheWholeRegionIsOneBlockAgain)
{
    size_t whole = stats().largest_free;
    void *p[8];
    for (auto &q : p)
        CHECK((q = cms_malloc(&heap, 200)) != NULL);
    for (int i : { 1, 3, 5, 7, 0, 2, 6, 4 })       // free in an order that needs merges both ways
        cms_free(&heap, p[i]);
    struct cms_heap_stats st = stats();
    LONGS_EQUAL(1, st.free_blocks);
    LONGS_EQUAL(0, st.used_blocks);
    LONGS_EQUAL(whole, st.largest_free);
    CHECK(cms_malloc(&heap, whole) != NULL);
}

TEST(CmsHeap, ExhaustionReturnsNullAndKeepsWhatIsThere)
{
    void *a = cms_malloc(&heap, 1000);
    CHECK(a != NULL);
    POINTERS_EQUAL(NULL, cms_malloc(&heap, sizeof region));
    POINTERS_EQUAL(NULL, cms_malloc(&heap, (size_t)-1));
    POINTERS_EQUAL(NULL, cms_calloc(&heap, (size_t)-1 / 2, 4));
    LONGS_EQUAL(1, stats().used_blocks);
}

TEST(CmsHeap, BadAndDoubleFreesAreRefusedAndCounted)
{
    char *a = (char *)cms_malloc(&heap, 64);
    char outside[16];
    cms_free(&heap, a);
    cms_free(&heap, a);             // double free
    cms_free(&heap, outside);       // not from this heap
    char *b = (char *)cms_malloc(&heap, 64);
    cms_free(&heap, b + 8);         // middle of a block
    LONGS_EQUAL(3, stats().bad_frees);
    LONGS_EQUAL(1, stats().used_blocks);
    cms_free(&heap, NULL);          // allowed, as in C
    LONGS_EQUAL(3, stats().bad_frees);
}

TEST(CmsHeap, CallocZeroesAndReallocKeepsTheContents)
{
    unsigned char *z = (unsigned char *)cms_calloc(&heap, 16, 4);
    for (int i = 0; i < 64; i++)
        LONGS_EQUAL(0, z[i]);
    char *p = (char *)cms_malloc(&heap, 8);
    memcpy(p, "ABCDEFG", 8);
    char *blocker = (char *)cms_malloc(&heap, 8);   // so p cannot grow in place
    char *q = (char *)cms_realloc(&heap, p, 500);
    CHECK(q != NULL);
    STRCMP_EQUAL("ABCDEFG", q);
    cms_free(&heap, blocker);
    char *r = (char *)cms_realloc(&heap, q, 1000);  // the space after q is free now
    POINTERS_EQUAL(q, r);
    STRCMP_EQUAL("ABCDEFG", r);
    char *s = (char *)cms_realloc(&heap, r, 4);     // shrinking gives the tail back
    POINTERS_EQUAL(r, s);
    CHECK(stats().free > sizeof region - 400);
    POINTERS_EQUAL(NULL, cms_realloc(&heap, blocker, 10));   // freed already
}

TEST(CmsHeap, RandomWorkloadNeverOverlapsAndFreesEverything)
{
    struct { unsigned char *p; size_t n; unsigned char fill; } live[32] = {};
    for (int round = 0; round < 4000; round++) {
        auto &slot = live[rnd(32)];
        if (slot.p) {
            for (size_t i = 0; i < slot.n; i++)
                LONGS_EQUAL(slot.fill, slot.p[i]);  // nobody else wrote here
            if (rnd(2)) {
                cms_free(&heap, slot.p);
                slot.p = NULL;
                continue;
            }
            size_t n = rnd(300);
            unsigned char *q = (unsigned char *)cms_realloc(&heap, slot.p, n);
            if (!q)
                continue;           // the old block stays valid
            slot.p = q;
            slot.n = n < slot.n ? n : slot.n;
        } else {
            slot.n = rnd(300);
            slot.p = (unsigned char *)cms_malloc(&heap, slot.n);
            if (!slot.p)
                continue;
        }
        slot.fill = (unsigned char)rnd(256);
        memset(slot.p, slot.fill, slot.n);
    }
    for (auto &slot : live)
        cms_free(&heap, slot.p);
    struct cms_heap_stats st = stats();
    LONGS_EQUAL(0, st.used_blocks);
    LONGS_EQUAL(1, st.free_blocks);
    LONGS_EQUAL(0, st.bad_frees);
}

TEST(CmsHeap, RegionTooSmallIsRefused)
{
    struct cms_heap h;
    CHECK_FALSE(cms_heap_init(&h, region, 8));
    POINTERS_EQUAL(NULL, cms_malloc(&h, 1));
}

TEST_GROUP(CmsEbcdic) {};

TEST(CmsEbcdic, NamesBecomeUpperCaseBlankPaddedFieldsAndBack)
{
    unsigned char field[8];
    CHECK(cms_ebc_field(field, 8, "profile"));
    const unsigned char want[8] = { 0xD7, 0xD9, 0xD6, 0xC6, 0xC9, 0xD3, 0xC5, 0x40 };
    MEMCMP_EQUAL(want, field, 8);
    char back[9];
    LONGS_EQUAL(7, cms_ebc_unfield(back, sizeof back, field, 8));
    STRCMP_EQUAL("PROFILE", back);
    CHECK_FALSE(cms_ebc_field(field, 8, "toolongname"));
    LONGS_EQUAL(8, cms_ebc_unfield(back, sizeof back, field, 8));
    STRCMP_EQUAL("TOOLONGN", back);
    cms_ebc_field(field, 8, "");
    LONGS_EQUAL(0, cms_ebc_unfield(back, sizeof back, field, 8));
    STRCMP_EQUAL("", back);
}
