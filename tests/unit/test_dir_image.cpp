// test_dir_image.cpp - the binary directory through CP's reader: what was
// compiled is what dir_load and dir_find give back; passwords; damage.
#include "test_dir_support.h"
#include <CppUTest/TestHarness.h>
#include <cstring>

TEST_GROUP(DirImage)
{
    void setup() { dir_test_setup(); }
    void teardown() { dir_test_teardown(); }
};

static const char *const sample =
    "DIRECTORY 130 3350 CPRES1\n"
    "USER OPERATOR OPERATOR 2M 16M ABCDEFG\n"
    " ACCOUNT SYSTEM OPS\n"
    " OPTION ECMODE CPUID 000611\n"
    " IPL CMS PARM AUTOCR\n"
    " CONSOLE 009 3215\n"
    " SPOOL 00C 2540 READER *\n"
    " SPOOL 00E 1403 B\n"
    " LINK MAINT 190 190 RR\n"
    "USER MAINT MAINT 4M 16M ABCDEFG\n"
    " MDISK 190 3350 33 20 CPUSR1 MR ALL WPASS MPASS\n"
    " MDISK 191 3350 53 5 CPUSR1 MR RPASS\n"
    "USER USER1 PASS1 1M 2M G\n"
    " IPL 190\n"
    "USER USER2 PASS1 1M 2M G\n"
    "USER $SYSTEM NOLOG\n";

TEST(DirImage, TheImageIsWholePagesWithAHeader)
{
    Compiled c(sample);
    std::vector<u8> img = c.image();
    LONGS_EQUAL(0, img.size() % DIR_PAGE_SIZE);
    LONGS_EQUAL(img.size() / DIR_PAGE_SIZE, (size_t)dir_check_header(img.data()));
    LONGS_EQUAL(5, get_be32(&img[DIRH_USERS]));
    for (u32 p = 1; p < img.size() / DIR_PAGE_SIZE; p++)
        LONGS_EQUAL(DIR_OK, dir_check_page(img.data(), p, &img[(size_t)p * DIR_PAGE_SIZE]));
}

TEST(DirImage, WhatWasCompiledIsWhatCpReads)
{
    load_source(sample);
    LONGS_EQUAL(5, dir_count());
    const struct dir_user *u = dir_find("operator");
    CHECK(u != nullptr);
    STRCMP_EQUAL("OPERATOR", u->userid);
    CHECK_FALSE(u->nolog);
    LONGS_EQUAL(2u << 20, u->storage);
    LONGS_EQUAL(16u << 20, u->maxstorage);
    LONGS_EQUAL(0x7F, u->classes);                     // A to G
    STRCMP_EQUAL("SYSTEM", u->account);
    STRCMP_EQUAL("OPS", u->distcode);
    LONGS_EQUAL(DIR_OPT_ECMODE | DIR_OPT_CPUID, u->options);
    LONGS_EQUAL(0x000611, u->cpuid);
    LONGS_EQUAL(DIR_IPL_NAME, u->ipl.kind);
    STRCMP_EQUAL("CMS", u->ipl.name);
    STRCMP_EQUAL("AUTOCR", u->ipl.parm);
    LONGS_EQUAL(0x009, u->console.cuu);
    LONGS_EQUAL(0x3215, u->console.devtype);
    LONGS_EQUAL(2, u->nspool);
    LONGS_EQUAL(0x00C, u->spool[0].cuu);
    LONGS_EQUAL(0x2540, u->spool[0].devtype);
    LONGS_EQUAL(DIR_SPOOL_READER, u->spool[0].kind);
    LONGS_EQUAL('*', u->spool[0].spool_class);
    LONGS_EQUAL(DIR_SPOOL_PRINTER, u->spool[1].kind);
    LONGS_EQUAL('B', u->spool[1].spool_class);
    LONGS_EQUAL(1, u->nlink);
    STRCMP_EQUAL("MAINT", u->links[0].userid);
    LONGS_EQUAL(0x190, u->links[0].target);
    LONGS_EQUAL(0x190, u->links[0].cuu);
    STRCMP_EQUAL("RR", u->links[0].mode);

    const struct dir_user *m = dir_find("Maint");
    LONGS_EQUAL(2, m->nmdisk);
    const struct dir_mdisk *d = dir_find_mdisk(m, 0x190);
    CHECK(d != nullptr);
    POINTERS_EQUAL(m, d->owner);
    LONGS_EQUAL(0x3350, d->devtype);
    LONGS_EQUAL(33, d->start);
    LONGS_EQUAL(20, d->cyls);
    STRCMP_EQUAL("CPUSR1", d->volser);
    STRCMP_EQUAL("MR", d->mode);
    STRCMP_EQUAL("MAINT", m->distcode);                // defaults to the userid
    POINTERS_EQUAL(nullptr, dir_find_mdisk(m, 0x192));

    const struct dir_user *u1 = dir_find("USER1");
    LONGS_EQUAL(DIR_IPL_DEVICE, u1->ipl.kind);
    LONGS_EQUAL(0x190, u1->ipl.cuu);
    LONGS_EQUAL(0, u1->console.devtype);               // no CONSOLE statement
    CHECK_TRUE(dir_find("$system")->nolog);
}

TEST(DirImage, UnknownAndImpossibleUseridsAreNotFound)
{
    load_source(sample);
    POINTERS_EQUAL(nullptr, dir_find("USER3"));
    POINTERS_EQUAL(nullptr, dir_find(""));
    POINTERS_EQUAL(nullptr, dir_find("OPERATORX"));    // nine characters
    POINTERS_EQUAL(nullptr, dir_find("OPERATO"));
    POINTERS_EQUAL(nullptr, dir_find(nullptr));
}

TEST(DirImage, UsersComeInStoredOrder)
{
    load_source(sample);
    for (unsigned i = 1; i < dir_count(); i++)
        CHECK(memcmp(dir_at(i - 1)->key, dir_at(i)->key, DIR_NAME_SIZE) < 0);
    POINTERS_EQUAL(nullptr, dir_at(dir_count()));
}

TEST(DirImage, ManyUsersAcrossSeveralIndexPagesAreAllFound)
{
    std::string src;
    char line[64];
    for (int i = 0; i < 700; i++) {                     // three index pages
        snprintf(line, sizeof line, "USER U%d PW%d\n MDISK 191 3350 %d 1 V%d\n", i, i, i % 500, i / 500);
        src += line;
    }
    load_source(src);
    LONGS_EQUAL(700, dir_count());
    for (int i = 0; i < 700; i++) {
        snprintf(line, sizeof line, "u%d", i);
        const struct dir_user *u = dir_find(line);
        CHECK(u != nullptr);
        snprintf(line, sizeof line, "PW%d", i);
        CHECK_TRUE(dir_password_ok(u, line));
        LONGS_EQUAL(i % 500, u->mdisks[0].start);
    }
}

TEST(DirImage, AUserLongerThanAPageSpansPages)
{
    std::string src = "USER SHORT P\nUSER BIG P\n";
    char line[64];
    for (int i = 0; i < 60; i++) {                      // 60 x 128 bytes of MDISK entries
        snprintf(line, sizeof line, " MDISK %03X 3350 %d 1 VOLA MR R%d\n", 0x100 + i, i, i);
        src += line;
    }
    std::vector<u8> img = load_source(src);
    CHECK(img.size() >= 4 * DIR_PAGE_SIZE);
    const struct dir_user *big = dir_find("BIG");
    LONGS_EQUAL(60, big->nmdisk);
    LONGS_EQUAL(59, big->mdisks[59].start);
    CHECK_TRUE(dir_link_password_ok(&big->mdisks[59], 'R', "r59"));
    CHECK(dir_find("SHORT") != nullptr);
}

TEST(DirImage, ADamagedImageLeavesTheDirectoryInUse)
{
    load_source(sample);
    Compiled other("USER OTHER P\n");
    std::vector<u8> img = other.image();
    img[DIR_PAGE_SIZE + 3] ^= 0x01;
    CHECK(dir_load(img.data(), img.size()) < 0);
    CHECK(dir_find("OPERATOR") != nullptr);
    POINTERS_EQUAL(nullptr, dir_find("OTHER"));
}

TEST(DirImage, ANewImageReplacesTheOldOne)
{
    load_source(sample);
    load_source("USER OTHER P\n");
    LONGS_EQUAL(1, dir_count());
    POINTERS_EQUAL(nullptr, dir_find("OPERATOR"));
    CHECK(dir_find("OTHER") != nullptr);
}

TEST(DirImage, ImageTooBigForFreeStorageIsRefused)
{
    dir_test_setup(512);
    Compiled c(sample);
    std::vector<u8> img = c.image();
    LONGS_EQUAL(DIR_E_NOMEM, dir_load(img.data(), img.size()));
    LONGS_EQUAL(0, dir_count());
}

TEST(DirImage, EveryErrorCodeHasASentence)
{
    for (int rc = DIR_E_NOMEM; rc <= DIR_OK; rc++)
        STRCMP_CONTAINS("director", dir_strerror(rc));
    STRCMP_EQUAL("unknown directory error", dir_strerror(-99));
}
