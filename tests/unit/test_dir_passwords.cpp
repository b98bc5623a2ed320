// test_dir_passwords.cpp - logon and minidisk passwords: stored only as
// salted digests, compared upper-cased, NOLOG never logs on.
#include "test_dir_support.h"
#include <CppUTest/TestHarness.h>
#include <algorithm>
#include <cstring>

TEST_GROUP(DirPasswords)
{
    void setup()
    {
        dir_test_setup();
        image = load_source("USER ALICE Secret7\n"
                            " MDISK 191 3350 1 1 V MR RPASS WPASS MPASS\n"
                            " MDISK 192 3350 2 1 V MR ALL\n"
                            " MDISK 193 3350 3 1 V MR\n"
                            "USER BOB Secret7\n"
                            "USER $SYSTEM NOLOG\n");
    }
    void teardown() { dir_test_teardown(); }
    std::vector<u8> image;
};

TEST(DirPasswords, TheRightPasswordLogsOn)
{
    CHECK_TRUE(dir_password_ok(dir_find("ALICE"), "SECRET7"));
}

TEST(DirPasswords, PasswordsAreComparedInUpperCase)
{
    CHECK_TRUE(dir_password_ok(dir_find("ALICE"), "secret7"));
    CHECK_TRUE(dir_password_ok(dir_find("ALICE"), "SeCrEt7"));
}

TEST(DirPasswords, AWrongPasswordDoesNot)
{
    const struct dir_user *u = dir_find("ALICE");
    CHECK_FALSE(dir_password_ok(u, "SECRET"));
    CHECK_FALSE(dir_password_ok(u, "SECRET77"));
    CHECK_FALSE(dir_password_ok(u, "SECRET7 "));
    CHECK_FALSE(dir_password_ok(u, ""));
    CHECK_FALSE(dir_password_ok(u, nullptr));
    CHECK_FALSE(dir_password_ok(nullptr, "SECRET7"));
}

TEST(DirPasswords, NologNeverLogsOn)
{
    const struct dir_user *u = dir_find("$SYSTEM");
    CHECK_FALSE(dir_password_ok(u, "NOLOG"));
    CHECK_FALSE(dir_password_ok(u, ""));
    CHECK_FALSE(dir_password_ok(u, "X"));
}

TEST(DirPasswords, NoPasswordTextInTheImage)
{
    static const char *const words[] = { "SECRET7", "RPASS", "WPASS", "MPASS" };
    for (const char *w : words) {
        std::vector<u8> ascii(w, w + strlen(w)), ebcdic(ascii);
        for (u8 &c : ebcdic)
            c = ascii_to_ebc[c];
        CHECK(std::search(image.begin(), image.end(), ascii.begin(), ascii.end()) == image.end());
        CHECK(std::search(image.begin(), image.end(), ebcdic.begin(), ebcdic.end()) == image.end());
    }
}

TEST(DirPasswords, EqualPasswordsOfTwoUsersHaveDifferentDigests)
{
    const struct dir_user *a = dir_find("ALICE"), *b = dir_find("BOB");
    CHECK(memcmp(a->salt, b->salt, DIR_SALT_SIZE) != 0);
    CHECK(memcmp(a->password, b->password, DIR_DIGEST_SIZE) != 0);
    CHECK_TRUE(dir_password_ok(b, "secret7"));
}

TEST(DirPasswords, EachLinkModeHasItsPassword)
{
    const struct dir_mdisk *m = dir_find_mdisk(dir_find("ALICE"), 0x191);
    CHECK_TRUE(dir_link_password_ok(m, 'R', "rpass"));
    CHECK_TRUE(dir_link_password_ok(m, 'W', "WPASS"));
    CHECK_TRUE(dir_link_password_ok(m, 'm', "MPASS"));
    CHECK_FALSE(dir_link_password_ok(m, 'R', "WPASS"));
    CHECK_FALSE(dir_link_password_ok(m, 'W', "RPASS"));
    CHECK_FALSE(dir_link_password_ok(m, 'M', "WPASS"));
    CHECK_FALSE(dir_link_password_ok(m, 'X', "RPASS"));
    CHECK_FALSE(dir_link_password_ok(nullptr, 'R', "RPASS"));
}

TEST(DirPasswords, ReadPasswordAllLetsEveryReadLinkIn)
{
    const struct dir_mdisk *m = dir_find_mdisk(dir_find("ALICE"), 0x192);
    CHECK_TRUE(dir_link_password_ok(m, 'R', ""));
    CHECK_TRUE(dir_link_password_ok(m, 'R', "ANYTHING"));
    CHECK_FALSE(dir_link_password_ok(m, 'W', "ALL"));
}

TEST(DirPasswords, WithoutAPasswordThereIsNoLink)
{
    const struct dir_mdisk *m = dir_find_mdisk(dir_find("ALICE"), 0x193);
    CHECK_FALSE(dir_link_password_ok(m, 'R', ""));
    CHECK_FALSE(dir_link_password_ok(m, 'W', "WPASS"));
}

TEST(DirPasswords, TheDigestDependsOnSaltPurposeAndAddress)
{
    u8 salt[DIR_SALT_SIZE] = { 1, 2, 3, 4, 5, 6, 7, 8 }, other[DIR_SALT_SIZE] = { 8 };
    u8 a[DIR_DIGEST_SIZE], b[DIR_DIGEST_SIZE];
    dir_password_digest(salt, 'L', 0, "pw", a);
    dir_password_digest(salt, 'L', 0, "PW", b);
    MEMCMP_EQUAL(a, b, DIR_DIGEST_SIZE);
    dir_password_digest(other, 'L', 0, "PW", b);
    CHECK(memcmp(a, b, DIR_DIGEST_SIZE) != 0);
    dir_password_digest(salt, 'R', 0, "PW", b);
    CHECK(memcmp(a, b, DIR_DIGEST_SIZE) != 0);
    dir_password_digest(salt, 'R', 0x191, "PW", a);
    CHECK(memcmp(a, b, DIR_DIGEST_SIZE) != 0);
}
