// test_dir_grammar.cpp - the USER DIRECT language: what each statement
// accepts and stores, and what each mistake is called, with its position.
#include "test_dir_support.h"
#include <CppUTest/TestHarness.h>

TEST_GROUP(DirGrammar) {};

static const char *const every_statement =
    "DIRECTORY 130 3350 CPRES1\n"
    "USER ALICE SECRET 2M 4M BG\n"
    " ACCOUNT 1234 BIN7\n"
    " OPTION ECMODE REALTIMER ISAM VIRT=REAL ACCT SVCOFF BMX LNKNOPAS\n"
    " OPTION CPUID 000611 AFFINITY 1\n"
    " IPL CMS PARM AUTOCR NOPROF\n"
    " CONSOLE 01F 3215 T\n"
    " SPOOL 00C 2540 READER *\n"
    " SPOOL 00D 2540 PUNCH B\n"
    " SPOOL 00E 1403 A\n"
    " SPOOL 00F 3211\n"
    " LINK BOB 190 190 RR\n"
    " MDISK 191 3350 1 10 VOL001 MR RPW WPW MPW\n"
    "USER BOB BOBPW\n"
    " MDISK 190 3350 11 5 VOL001\n";

TEST(DirGrammar, EveryStatementStoresItsOperands)
{
    Compiled c(every_statement);
    STRCMP_EQUAL("", c.messages.c_str());
    const struct dc_user *u = c.user("ALICE");
    CHECK(u != nullptr);
    STRCMP_EQUAL("SECRET", u->password);
    LONGS_EQUAL(2u << 20, u->storage);
    LONGS_EQUAL(4u << 20, u->maxstorage);
    LONGS_EQUAL((1u << 1) | (1u << 6), u->classes);
    STRCMP_EQUAL("1234", u->account);
    STRCMP_EQUAL("BIN7", u->distcode);
    LONGS_EQUAL(DIR_OPT_ALL, u->options);
    LONGS_EQUAL(0x000611, u->cpuid);
    LONGS_EQUAL(1, u->affinity);
    LONGS_EQUAL(DIR_IPL_NAME, u->ipl_kind);
    STRCMP_EQUAL("CMS", u->ipl_name);
    STRCMP_EQUAL("AUTOCR NOPROF", u->ipl_parm);
    LONGS_EQUAL(0x01F, u->cons_cuu);
    LONGS_EQUAL(0x3215, u->cons_type);
    LONGS_EQUAL('T', u->cons_class);
    LONGS_EQUAL(4, u->nspool);
    LONGS_EQUAL(DIR_SPOOL_READER, u->spool[0].kind);
    LONGS_EQUAL('*', u->spool[0].spool_class);
    LONGS_EQUAL(DIR_SPOOL_PUNCH, u->spool[1].kind);
    LONGS_EQUAL(DIR_SPOOL_PRINTER, u->spool[2].kind);
    LONGS_EQUAL(0x3211, u->spool[3].devtype);
    LONGS_EQUAL(1, u->nlink);
    STRCMP_EQUAL("BOB", u->links[0].userid);
    STRCMP_EQUAL("RR", u->links[0].mode);
    LONGS_EQUAL(1, u->nmdisk);
    LONGS_EQUAL(0x191, u->mdisks[0].cuu);
    LONGS_EQUAL(0x3350, u->mdisks[0].devtype);
    LONGS_EQUAL(1, u->mdisks[0].start);
    LONGS_EQUAL(10, u->mdisks[0].cyls);
    STRCMP_EQUAL("VOL001", u->mdisks[0].volser);
    STRCMP_EQUAL("MR", u->mdisks[0].mode);
    LONGS_EQUAL(3, u->mdisks[0].npw);
    STRCMP_EQUAL("MPW", u->mdisks[0].pw[2]);
    LONGS_EQUAL(0x3350, c.dc.res_type);
    STRCMP_EQUAL("CPRES1", c.dc.res_volser);
}

TEST(DirGrammar, OmittedOperandsTakeTheirDefaults)
{
    Compiled c("USER BOB PW\n LINK BOB 191 291\n MDISK 191 3350 1 1 V1\nUSER CAROL PW 512K\n"
               " SPOOL 00C 3505\n CONSOLE 009 3215\n");
    STRCMP_EQUAL("", c.messages.c_str());
    const struct dc_user *bob = c.user("BOB"), *carol = c.user("CAROL");
    LONGS_EQUAL(1u << 20, bob->storage);                // 1M
    LONGS_EQUAL(bob->storage, bob->maxstorage);
    LONGS_EQUAL(1u << ('G' - 'A'), bob->classes);       // class G
    STRCMP_EQUAL("BOB", bob->distcode);                 // the userid
    STRCMP_EQUAL("", bob->account);
    STRCMP_EQUAL("R", bob->links[0].mode);
    STRCMP_EQUAL("R", bob->mdisks[0].mode);
    LONGS_EQUAL(0, bob->mdisks[0].npw);
    LONGS_EQUAL(DIR_IPL_NONE, bob->ipl_kind);
    LONGS_EQUAL(0, bob->cons_type);
    LONGS_EQUAL(512u << 10, carol->storage);
    LONGS_EQUAL(512u << 10, carol->maxstorage);         // the storage given
    LONGS_EQUAL(DIR_SPOOL_READER, carol->spool[0].kind);   // a 3505 can only read
    LONGS_EQUAL('A', carol->spool[0].spool_class);
    LONGS_EQUAL('T', carol->cons_class);                // VM/370's console class
}

TEST(DirGrammar, KeywordsAndOperandsInAnyCaseAndAbbreviated)
{
    Compiled c("dir 130 3350 cpres1\n"
               "User alice Secret 1m 2M bg\n"
               " acc 99\n"
               " opt ec real\n"
               " ipl 190\n"
               " con 009 3215\n"
               " spo 00c 2540 read a\n"
               " SPO 00D 2540 pun\n"
               " spool 00e 1403 prt\n"
               " link alice 191 291 rr\n"
               " m 191 3350 1 1 vol1 mr all\n"
               " o i v a s\n");
    STRCMP_EQUAL("", c.messages.c_str());
    const struct dc_user *u = c.user("ALICE");
    CHECK(u != nullptr);
    STRCMP_EQUAL("SECRET", u->password);               // compared in upper case
    LONGS_EQUAL(DIR_OPT_ECMODE | DIR_OPT_REALTIMER | DIR_OPT_ISAM | DIR_OPT_VIRTREAL | DIR_OPT_ACCT
                | DIR_OPT_SVCOFF, u->options);
    LONGS_EQUAL(DIR_IPL_DEVICE, u->ipl_kind);
    LONGS_EQUAL(0x190, u->ipl_cuu);
    LONGS_EQUAL(DIR_SPOOL_READER, u->spool[0].kind);
    LONGS_EQUAL(DIR_SPOOL_PUNCH, u->spool[1].kind);
    LONGS_EQUAL(DIR_SPOOL_PRINTER, u->spool[2].kind);
    STRCMP_EQUAL("ALICE", u->links[0].userid);
    STRCMP_EQUAL("VOL1", u->mdisks[0].volser);
    STRCMP_EQUAL("ALL", u->mdisks[0].pw[0]);
}

TEST(DirGrammar, AbbreviationShorterThanTheMinimumIsUnknown)
{
    Compiled c("DI 130 3350 CPRES1\nUSER A PW\n M 191 3350 1 1 V\n O E\n");
    STRCMP_EQUAL("user.direct:1:1: unknown statement \"DI\"; expected USER, ACCOUNT, OPTION, IPL, "
                 "CONSOLE, SPOOL, LINK or MDISK\n", c.messages.c_str());
    Compiled longer("USER A PW\n MDISKS 191 3350 1 1 V\n");
    STRCMP_CONTAINS("unknown statement \"MDISKS\"", longer.messages.c_str());
}

TEST(DirGrammar, CommentsBlankLinesTabsAndAMissingLastNewline)
{
    Compiled c("* a comment line\n"
               "   * an indented comment: USER X Y\n"
               "\n"
               "\t\n"
               "USER\tA\tPW\r\n"
               "*\n"
               " MDISK 191 3350 1 1 V");
    STRCMP_EQUAL("", c.messages.c_str());
    LONGS_EQUAL(1, c.dc.nusers);
    LONGS_EQUAL(1, c.user("A")->nmdisk);
}

TEST(DirGrammar, NologUserHasNoPassword)
{
    Compiled c("USER $SYSTEM nolog\n");
    STRCMP_EQUAL("", c.messages.c_str());
    CHECK_TRUE(c.user("$SYSTEM")->nolog);
    STRCMP_EQUAL("", c.user("$SYSTEM")->password);
}

TEST(DirGrammar, StorageSizesInKAndM)
{
    Compiled c("USER A P 4K 16M\nUSER B P 1024K 16384K\n");
    STRCMP_EQUAL("", c.messages.c_str());
    LONGS_EQUAL(4096, c.user("A")->storage);
    LONGS_EQUAL(16u << 20, c.user("A")->maxstorage);
    LONGS_EQUAL(1u << 20, c.user("B")->storage);
    LONGS_EQUAL(16u << 20, c.user("B")->maxstorage);
}

// ---- mistakes: each one names file, line, column, expected and found ----

static void expect_error(const char *source, const char *message)
{
    Compiled c(source);
    STRCMP_EQUAL(message, c.messages.c_str());
    LONGS_EQUAL(1, c.errors);
}

TEST(DirGrammar, MissingOperandSaysWhatWasExpected)
{
    expect_error("USER A\n", "user.direct:1:7: expected a password, found end of line\n");
    expect_error("USER\n", "user.direct:1:5: expected a userid, found end of line\n");
    expect_error("USER A P\n MDISK 191 3350 1 1\n",
                 "user.direct:2:20: expected a volume serial such as CPUSR1, found end of line\n");
    expect_error("USER A P\n LINK B 191\n",
                 "user.direct:2:12: expected a virtual device address such as 191, found end of line\n");
    expect_error("USER A P\n OPTION\n", "user.direct:2:8: expected an option such as ECMODE, found end of line\n");
}

TEST(DirGrammar, StorageThatIsNotASize)
{
    expect_error("USER A P\nUSER B P 1M\n\nUSER C P 1M ABC\n",
                 "user.direct:4:13: expected a storage size such as 1M, found \"ABC\"\n");
    expect_error("USER A P 1.5M\n", "user.direct:1:10: expected a storage size such as 1M, found \"1.5M\"\n");
    expect_error("USER A P 1024\n", "user.direct:1:10: expected a storage size such as 1M, found \"1024\"\n");
}

TEST(DirGrammar, StorageBeyondWhatAS370Addresses)
{
    expect_error("USER A P 1M 32M\n",
                 "user.direct:1:13: storage 32M is more than a S/370 virtual machine can address (16M)\n");
}

TEST(DirGrammar, StorageMustBeWholePages)
{
    expect_error("USER A P 6K\n", "user.direct:1:10: storage 6K is not a positive multiple of 4K\n");
    expect_error("USER A P 0K\n", "user.direct:1:10: storage 0K is not a positive multiple of 4K\n");
}

TEST(DirGrammar, StorageAboveTheMaximum)
{
    expect_error("USER A P 4M 2M\n", "user.direct:1:10: storage 4M is more than the maximum storage 2M\n");
}

TEST(DirGrammar, PrivilegeClassesAreLettersAToH)
{
    expect_error("USER A P 1M 1M GZ\n",
                 "user.direct:1:16: expected privilege classes, letters A to H such as G, found \"GZ\"\n");
}

TEST(DirGrammar, UseridAndPasswordLengths)
{
    expect_error("USER ABCDEFGHI P\n",
                 "user.direct:1:6: expected a userid of 1 to 8 letters, digits, $, # or @, found \"ABCDEFGHI\"\n");
    expect_error("USER A 123456789\n",
                 "user.direct:1:8: expected a password of 1 to 8 characters, found \"123456789\"\n");
}

TEST(DirGrammar, TooManyOperands)
{
    expect_error("USER A P 1M 1M G 99\n", "user.direct:1:18: expected end of line, found \"99\"\n");
    expect_error("USER A P\n MDISK 191 3350 1 1 V MR R W M X\n",
                 "user.direct:2:32: expected end of line, found \"X\"\n");
}

TEST(DirGrammar, UnknownAndUnsupportedStatements)
{
    expect_error("USER A P\n FROB 1 2\n", "user.direct:2:2: unknown statement \"FROB\"; expected USER, "
                 "ACCOUNT, OPTION, IPL, CONSOLE, SPOOL, LINK or MDISK\n");
    expect_error("USER A P\n DEDICATE 181 181\n",
                 "user.direct:2:2: DEDICATE is a VM/370 statement that cp370 does not support\n");
}

TEST(DirGrammar, StatementsBelongToAUser)
{
    expect_error("* no user yet\n MDISK 191 3350 1 1 V\nUSER A P\n",
                 "user.direct:2:2: MDISK statement before the first USER statement\n");
}

TEST(DirGrammar, DirectoryStatementComesFirstAndOnce)
{
    expect_error("USER A P\nDIRECTORY 130 3350 CPRES1\n",
                 "user.direct:2:1: DIRECTORY must be the first statement\n");
    expect_error("DIRECTORY 130 3350 CPRES1\nDIRECTORY 131 3350 CPRES2\nUSER A P\n",
                 "user.direct:2:1: only one DIRECTORY statement is allowed\n");
}

TEST(DirGrammar, UnknownDeviceTypes)
{
    expect_error("USER A P\n MDISK 191 3390 1 1 V\n", "user.direct:2:12: unknown device type 3390 here; "
                 "expected a disk type (2305, 2314, 2319, 3330, 3340 or 3350)\n");
    expect_error("USER A P\n SPOOL 00C 2501\n", "user.direct:2:12: unknown device type 2501 here; "
                 "expected a unit-record type (2540, 3505, 3525, 1403 or 3211)\n");
    expect_error("USER A P\n CONSOLE 009 3270\n", "user.direct:2:14: unknown device type 3270 here; "
                 "expected a console type (3215, 3210 or 1052)\n");
    expect_error("USER A P\n CONSOLE 009 TTY\n", "user.direct:2:14: expected a console type "
                 "(3215, 3210 or 1052), found \"TTY\"\n");
}

TEST(DirGrammar, DeviceAddressesAreThreeHexDigits)
{
    expect_error("USER A P\n MDISK 19G 3350 1 1 V\n", "user.direct:2:8: expected a virtual device address "
                 "such as 191 (hexadecimal, 000 to FFF), found \"19G\"\n");
    expect_error("USER A P\n SPOOL 1000 1403\n", "user.direct:2:8: expected a virtual device address "
                 "such as 191 (hexadecimal, 000 to FFF), found \"1000\"\n");
}

TEST(DirGrammar, AccessModes)
{
    expect_error("USER A P\n MDISK 191 3350 1 1 V RW\n",
                 "user.direct:2:23: expected an access mode (R, RR, W, WR, M, MR or MW), found \"RW\"\n");
}

TEST(DirGrammar, TemporaryMinidisksAreNotOffered)
{
    expect_error("USER A P\n MDISK 191 3350 T-DISK 10\n",
                 "user.direct:2:17: T-DISK (a temporary minidisk) is not supported by cp370\n");
}

TEST(DirGrammar, TheFirstMistakeOfALineIsTheOneShown)
{
    expect_error("USER A P 1M ABC G X\n", "user.direct:1:13: expected a storage size such as 1M, found \"ABC\"\n");
    expect_error("USER A P\n MDISK 191 3350 1 1 V XX P1 P2 P3 P4\n",
                 "user.direct:2:23: expected an access mode (R, RR, W, WR, M, MR or MW), found \"XX\"\n");
}

TEST(DirGrammar, MinidiskMustFitTheVolume)
{
    expect_error("USER A P\n MDISK 191 3350 550 10 V\n", "user.direct:2:21: the minidisk ends at "
                 "cylinder 559, past the last cylinder (554) of a 3350\n");
    expect_error("USER A P\n MDISK 191 3350 1 0 V\n", "user.direct:2:19: expected a number of cylinders, "
                 "a decimal number from 1 to 555, found \"0\"\n");
}

TEST(DirGrammar, SpoolUnitMustSuitTheDeviceType)
{
    expect_error("USER A P\n SPOOL 00C 2540 A\n",
                 "user.direct:2:17: a 2540 is both reader and punch; expected READER or PUNCH after it\n");
    expect_error("USER A P\n SPOOL 00C 3505 PUNCH\n", "user.direct:2:17: a 3505 cannot be a PUNCH\n");
    expect_error("USER A P\n SPOOL 00C 2540 READER AB\n",
                 "user.direct:2:24: expected a spool class (A to Z, 0 to 9 or *), found \"AB\"\n");
}

TEST(DirGrammar, OptionsAndTheirValues)
{
    expect_error("USER A P\n OPTION ECMODE TURBO\n", "user.direct:2:16: expected an option (REALTIMER, "
                 "ECMODE, ISAM, VIRT=REAL, ACCT, SVCOFF, BMX, CPUID, AFFINITY or LNKNOPAS), found \"TURBO\"\n");
    expect_error("USER A P\n OPTION CPUID 12345\n",
                 "user.direct:2:15: expected 6 hexadecimal digits after CPUID, found \"12345\"\n");
    expect_error("USER A P\n OPTION CPUID\n",
                 "user.direct:2:14: expected 6 hexadecimal digits after CPUID, found end of line\n");
}

TEST(DirGrammar, IplParm)
{
    expect_error("USER A P\n IPL CMS AUTOCR\n", "user.direct:2:10: expected PARM or end of line, found \"AUTOCR\"\n");
    expect_error("USER A P\n IPL CMS PARM\n",
                 "user.direct:2:14: expected the text to pass after PARM, found end of line\n");
    std::string longparm = "USER A P\n IPL CMS PARM " + std::string(65, 'X') + "\n";
    expect_error(longparm.c_str(), "user.direct:2:15: the PARM text is longer than 64 characters\n");
    expect_error("USER A P\n IPL CMS PARM ok\x01\n",
                 "user.direct:2:15: the PARM text may hold only printable characters\n");
}

TEST(DirGrammar, OneConsoleOneIplOneAccountPerUser)
{
    expect_error("USER A P\n CONSOLE 009 3215\n CONSOLE 01F 3215\n",
                 "user.direct:3:2: A already has a CONSOLE (line 2)\n");
    expect_error("USER A P\n IPL CMS\n IPL 190\n", "user.direct:3:2: A already has an IPL statement (line 2)\n");
    expect_error("USER A P\n ACCOUNT 1\n ACCOUNT 2\n",
                 "user.direct:3:2: A already has an ACCOUNT statement (line 2)\n");
}

TEST(DirGrammar, VirtualAddressUsedTwiceInOneUser)
{
    expect_error("USER A P\n CONSOLE 009 3215\n SPOOL 009 1403\n",
                 "user.direct:3:8: virtual address 009 of A is already used by the CONSOLE at line 2\n");
    expect_error("USER A P\n MDISK 191 3350 1 1 V\n LINK B 190 191\n",
                 "user.direct:3:13: virtual address 191 of A is already used by the MDISK at line 2\n");
}

TEST(DirGrammar, EveryWrongLineIsReportedOnceAndNothingIsDefined)
{
    Compiled c("USER A\nUSER B P 99X 1M\n MDISK 1 2 3\nUSER C P\n");
    LONGS_EQUAL(3, c.errors);
    STRCMP_EQUAL("user.direct:1:7: expected a password, found end of line\n"
                 "user.direct:2:10: expected a storage size such as 1M, found \"99X\"\n"
                 "user.direct:3:10: expected a disk type (2305, 2314, 2319, 3330, 3340 or 3350), "
                 "found \"2\"\n", c.messages.c_str());
    CHECK(c.image().empty());
}

TEST(DirGrammar, ADirectoryWithoutUsersIsAnError)
{
    expect_error("* nothing here\n", "user.direct:2:1: the directory defines no users; expected a USER statement\n");
}
