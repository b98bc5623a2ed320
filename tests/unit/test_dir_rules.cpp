// test_dir_rules.cpp - the rules that need the whole directory.
#include "test_dir_support.h"
#include <CppUTest/TestHarness.h>

TEST_GROUP(DirRules) {};

TEST(DirRules, UseridsAreUniqueWhateverTheirCase)
{
    Compiled c("USER USER1 P\nUSER USER2 P\nUSER user1 Q\n");
    STRCMP_EQUAL("user.direct:3:6: user USER1 is already defined at line 1\n", c.messages.c_str());
    CHECK(c.image().empty());
}

TEST(DirRules, MinidisksOnOneVolumeMustNotOverlapAcrossUsers)
{
    Compiled c("USER A P\n MDISK 191 3350 1 5 CPUSR1\nUSER B P\n MDISK 191 3350 5 3 CPUSR1\n");
    STRCMP_EQUAL("user.direct:4:17: MDISK 191 of B (cylinders 5-7 of CPUSR1) overlaps MDISK 191 of A "
                 "(cylinders 1-5) at line 2\n", c.messages.c_str());
}

TEST(DirRules, AnExtentInsideAnotherOverlapsIt)
{
    Compiled c("USER A P\n MDISK 191 3350 1 50 V1\n MDISK 192 3350 60 5 V1\nUSER B P\n MDISK 191 3350 10 2 V1\n");
    STRCMP_EQUAL("user.direct:5:17: MDISK 191 of B (cylinders 10-11 of V1) overlaps MDISK 191 of A "
                 "(cylinders 1-50) at line 2\n", c.messages.c_str());
}

TEST(DirRules, AdjacentExtentsAndOtherVolumesDoNotOverlap)
{
    Compiled c("USER A P\n MDISK 191 3350 1 4 V1\n MDISK 192 3350 1 4 V2\n"
               "USER B P\n MDISK 191 3350 5 4 V1\n MDISK 192 3350 0 1 V1\n");
    STRCMP_EQUAL("", c.messages.c_str());
    CHECK(!c.image().empty());
}

TEST(DirRules, AVolumeHasOneDeviceType)
{
    Compiled c("USER A P\n MDISK 191 3350 1 4 V1\nUSER B P\n MDISK 191 3330 10 4 V1\n");
    STRCMP_EQUAL("user.direct:4:17: volume V1 is a 3330 here but a 3350 at line 2\n", c.messages.c_str());
}

TEST(DirRules, LinkNamesAUserThatExists)
{
    Compiled c("USER A P\n LINK MAINT 190 190 RR\n");
    STRCMP_EQUAL("user.direct:2:7: LINK to user MAINT, who is not in the directory\n", c.messages.c_str());
    CHECK(c.image().empty());
}

TEST(DirRules, LinkNamesAMinidiskThatExists)
{
    Compiled c("USER MAINT P\n MDISK 190 3350 1 1 V\nUSER A P\n LINK MAINT 19E 19E RR\n");
    STRCMP_EQUAL("user.direct:4:13: LINK to MAINT 19E: MAINT has no MDISK 19E\n", c.messages.c_str());
}

TEST(DirRules, LinkMayPointForwardToALaterUser)
{
    Compiled c("USER A P\n LINK MAINT 190 190 RR\nUSER MAINT P\n MDISK 190 3350 1 1 V\n");
    STRCMP_EQUAL("", c.messages.c_str());
}

TEST(DirRules, EveryBrokenRuleIsReported)
{
    Compiled c("USER A P\n LINK NOBODY 190 190\n MDISK 191 3350 1 5 V\nUSER A P\n MDISK 191 3350 2 2 V\n");
    LONGS_EQUAL(3, c.errors);
}
