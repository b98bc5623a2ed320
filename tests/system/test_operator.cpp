// test_operator.cpp - operator commands on the console 0009.
#include "harness/cpsystem.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(Operator) {};

SYSTEM_TEST(Operator, QueryTimeShowsTimeAndConnectLine)
{
    CpSystem sys("op-qtime");
    std::string out = sys.opcmd("QUERY TIME", "TOTCPU= [0-9:.]+");
    CHECK_TRUE(std::regex_search(out, std::regex("TIME IS \\d\\d:\\d\\d:\\d\\d UTC [A-Z]+ \\d\\d/\\d\\d/\\d\\d")));
    CHECK_TRUE(std::regex_search(out, std::regex("CONNECT= \\d\\d:\\d\\d:\\d\\d VIRTCPU= \\d{3}:\\d\\d\\.\\d\\d")));
}

SYSTEM_TEST(Operator, QueryAbbreviatedAndLowerCase)
{
    CpSystem sys("op-qabbrev");
    std::string out = sys.opcmd("q time", "TOTCPU=");
    CHECK(out.find("TIME IS") != std::string::npos);
}

SYSTEM_TEST(Operator, QueryDasdListsTheSystemVolume)
{
    CpSystem sys("op-qdasd");
    std::string out = sys.opcmd("QUERY DASD", "SYSRES");
    CHECK(out.find("DASD 0130 3350 CPRES1 CP-OWNED SYSRES") != std::string::npos);
}

SYSTEM_TEST(Operator, QueryTerminalsShowsWhoIsConnected)
{
    CpSystem sys("op-qterm");
    std::string out = sys.opcmd("QUERY TERMINALS", "TERM 002F[^\\n]*\\n");
    CHECK(out.find("TERM 0009 3215 CONNECTED    OPERATOR") != std::string::npos);
    CHECK(out.find("TERM 0020 3215 NOT CONNECTED") != std::string::npos);
}

SYSTEM_TEST(Operator, UnknownCommandGetsAMessageAndCpKeepsRunning)
{
    CpSystem sys("op-unknown");
    std::string out = sys.opcmd("FROBNICATE NOW", "CPX001E[^\\n]*\\n");
    CHECK(out.find("CPX001E Unknown CP command: FROBNICATE") != std::string::npos);
    out = sys.opcmd("QUERY CPLEVEL", "Control Program");
    CHECK(out.find("cp370 1.0") != std::string::npos);
}

SYSTEM_TEST(Operator, QueryWithoutOperandIsRefused)
{
    CpSystem sys("op-qnoop");
    std::string out = sys.opcmd("QUERY", "CPX003E[^\\n]*\\n");
    CHECK(out.find("QUERY needs an operand") != std::string::npos);
    out = sys.opcmd("QUERY NONSENSICAL", "CPX004E[^\\n]*\\n");
    CHECK(out.find("Unknown QUERY operand: NONSENSICAL") != std::string::npos);
    out = sys.opcmd("QUERY NOBODY", "CPX045E[^\\n]*\\n");       // a userid
    CHECK(out.find("NOBODY not logged on") != std::string::npos);
}

SYSTEM_TEST(Operator, ShutdownEndsInWaitStateSix)
{
    CpSystem sys("op-shutdown");
    std::string out = sys.opcmd("SHUTDOWN", "CPX960I[^\\n]*\\n");
    CHECK(out.find("SYSTEM SHUTDOWN COMPLETE") != std::string::npos);
    LONGS_EQUAL(0x00000006, sys.waitState());
}

SYSTEM_TEST(Operator, ProgramCheckInCpGivesAbendMessageAndWaitCode)
{
    CpSystem sys("op-abend-pgm");
    std::string out = sys.opcmd("ABEND PGM", "CPX909T[^\\n]*\\n");
    CHECK(out.find("CPX900T CP ABEND PRG0001 (operation exception) PSW") != std::string::npos);
    CHECK(out.find("CPX902I GR  0- 3") != std::string::npos);
    CHECK(out.find("disabled wait code 00010001") != std::string::npos);
    LONGS_EQUAL(0x00010001, sys.waitState());
}

SYSTEM_TEST(Operator, SoftAbendGivesItsReasonAndWaitCode)
{
    CpSystem sys("op-abend-soft");
    std::string out = sys.opcmd("ABEND SOFT", "CPX909T[^\\n]*\\n");
    CHECK(out.find("CPX900T CP ABEND SFT0099") != std::string::npos);
    LONGS_EQUAL(0x00050099, sys.waitState());
}
