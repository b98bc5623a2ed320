// test_sessions.cpp - many users at once: LOGON, messages, disconnect and
// reconnect, privilege classes, and terminals that misbehave.
#include "harness/cpsystem.h"

#include <CppUTest/TestHarness.h>
#include <vector>

TEST_GROUP(Sessions) {};

SYSTEM_TEST(Sessions, TwoUsersSeeEachOtherAndExchangeMessages)
{
    CpSystem sys("sess-two");
    auto a = logon(sys, 0x0020, "USER1", "PASS1");
    auto b = logon(sys, 0x0021, "user2", "pass2");      // any case
    a->sendLine("QUERY NAMES");
    std::string names = a->readUntil("OPERATOR - 0009[^\\n]*\\n");
    CHECK(names.find("USER1    - 0020") != std::string::npos);
    CHECK(names.find("USER2    - 0021") != std::string::npos);
    a->sendLine("MSG USER2 Hello from one");
    b->readUntil("MSG FROM USER1   : Hello from one");
    b->sendLine("M user1 and back");
    a->readUntil("MSG FROM USER2   : and back");
    a->sendLine("MSG * to myself");
    a->readUntil("MSG FROM USER1   : to myself");
}

SYSTEM_TEST(Sessions, EightUsersAtOnceAllSeeEachOther)
{
    CpSystem sys("sess-eight");
    std::vector<std::unique_ptr<Telnet3215>> t;
    for (int i = 1; i <= 8; i++)
        t.push_back(logon(sys, 0x001F + i, "USER" + std::to_string(i), "PASS" + std::to_string(i)));
    for (int i = 0; i < 8; i++) {
        t[i]->sendLine("QUERY USERS");
        t[i]->readUntil("  9 USERS,   0 DSC");
    }
    t[7]->sendLine("QUERY NAMES");
    std::string names = t[7]->readUntil("(OPERATOR|USER\\d) +- [0-9A-F]{4}\\n", 10);
    names += t[7]->drain(0.3);
    for (int i = 1; i <= 8; i++) {
        char want[32];
        snprintf(want, sizeof want, "USER%d    - %04X", i, 0x001F + i);
        CHECK_TEXT(names.find(want) != std::string::npos, (std::string(want) + " in " + names).c_str());
    }
    // a message goes around the ring of eight
    for (int i = 0; i < 8; i++) {
        int to = (i + 1) % 8;
        t[i]->sendLine("MSG USER" + std::to_string(to + 1) + " ring " + std::to_string(i));
        t[to]->readUntil("MSG FROM USER" + std::to_string(i + 1) + " +: ring " + std::to_string(i));
    }
}

SYSTEM_TEST(Sessions, DisconnectedUserReconnectsFromAnotherTerminal)
{
    CpSystem sys("sess-reconnect");
    auto a = logon(sys, 0x0020, "USER3", "PASS3");
    a->sendLine("DISCONNECT");
    a->readUntil("DISCONNECT AT");
    a->readUntil("Enter LOGON userid");
    sys.op().readUntil("CPX122I USER3 DISCONNECTED");
    sys.opcmd("QUERY USER3", "USER3    - DSC");
    auto b = sys.terminal(0x0025);
    b->readUntil("Enter LOGON userid");
    b->sendLine("LOGON USER3");
    b->readUntil("ENTER PASSWORD:");
    b->sendLine("PASS3");
    b->readUntil("RECONNECTED AT");
    sys.opcmd("QUERY USER3", "USER3    - 0025");
}

SYSTEM_TEST(Sessions, LogonWhileLoggedOnElsewhereMovesTheSession)
{
    CpSystem sys("sess-move");
    auto a = logon(sys, 0x0020, "USER4", "PASS4");
    auto b = sys.terminal(0x0021);
    b->readUntil("Enter LOGON userid");
    b->sendLine("LOGON USER4");
    b->readUntil("ENTER PASSWORD:");
    b->sendLine("PASS4");
    b->readUntil("RECONNECTED AT");
    a->readUntil("CPX124I Your session moved to another terminal");
    a->readUntil("Enter LOGON userid");
}

SYSTEM_TEST(Sessions, DroppedTerminalLeavesTheUserDisconnected)
{
    CpSystem sys("sess-drop");
    auto a = logon(sys, 0x0020, "USER5", "PASS5");
    a->close();
    sys.op().readUntil("CPX122I USER5 DISCONNECTED \\(terminal 0020: the connection was closed\\)");
    auto b = sys.terminal(0x0020);
    b->readUntil("Enter LOGON userid");
    b->sendLine("LOGON USER5");
    b->readUntil("ENTER PASSWORD:");
    b->sendLine("PASS5");
    b->readUntil("RECONNECTED AT");
}

SYSTEM_TEST(Sessions, LogoffEndsTheUserAndShowsTheTimes)
{
    CpSystem sys("sess-logoff");
    auto a = logon(sys, 0x0020, "USER6", "PASS6");
    a->sendLine("LOGOFF");
    a->readUntil("CONNECT= \\d\\d:\\d\\d:\\d\\d VIRTCPU= ");
    a->readUntil("LOGOFF AT");
    a->readUntil("Enter LOGON userid");
    sys.opcmd("QUERY USER6", "CPX045E USER6 not logged on");
}

TEST_GROUP(Logon) {};

SYSTEM_TEST(Logon, WrongPasswordIsRefusedAndChangesNothing)
{
    CpSystem sys("logon-wrong");
    auto t = sys.terminal(0x0020);
    t->readUntil("Enter LOGON userid");
    t->sendLine("LOGON USER1");
    t->readUntil("ENTER PASSWORD:");
    t->sendLine("NOTIT");
    t->readUntil("CPX107E Password incorrect; LOGON again");
    sys.op().readUntil("CPX123W LOGON of USER1 from 0020 refused: wrong password");
    sys.opcmd("QUERY USERS", "  1 USERS");
}

SYSTEM_TEST(Logon, RepeatedWrongPasswordsAreSlowedDown)
{
    CpSystem sys("logon-slow");
    auto t = sys.terminal(0x0020);
    t->readUntil("Enter LOGON userid");
    for (int i = 0; i < 3; i++) {
        t->sendLine("LOGON USER2");
        t->readUntil("ENTER PASSWORD:");
        t->sendLine("WRONG" + std::to_string(i));
        t->readUntil("CPX107E");
    }
    t->sendLine("LOGON USER2");
    t->readUntil("CPX108W Too many wrong passwords; LOGON again in \\d+ seconds");
}

SYSTEM_TEST(Logon, NologUsersUnknownUsersAndNonsenseAreRefused)
{
    CpSystem sys("logon-refused");
    auto t = sys.terminal(0x0020);
    t->readUntil("Enter LOGON userid");
    t->sendLine("LOGON $SYSTEM");
    t->readUntil("CPX110E \\$SYSTEM cannot log on \\(NOLOG\\)");
    t->sendLine("LOGON NOBODY");
    t->readUntil("CPX109E NOBODY is not in the CP directory");
    t->sendLine("LOGON TOOLONGUSERID");
    t->readUntil("CPX106E");
    t->sendLine("QUERY TIME");
    t->readUntil("CPX105E Enter LOGON userid");
}

TEST_GROUP(Commands) {};

SYSTEM_TEST(Commands, GeneralUserIsRefusedOperatorCommands)
{
    CpSystem sys("cmd-class");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    t->sendLine("SHUTDOWN");
    t->readUntil("CPX002E SHUTDOWN is not authorized for your privilege class");
    t->sendLine("FORCE USER2");
    t->readUntil("CPX002E FORCE is not authorized");
    t->sendLine("WARNING ALL hello");
    t->readUntil("CPX002E WARNING is not authorized");
    t->sendLine("MSG ALL hello");
    t->readUntil("CPX002E MSG ALL is not authorized");
    t->sendLine("QUERY DASD");
    t->readUntil("CPX002E QUERY DASD is not authorized");
}

SYSTEM_TEST(Commands, BadCommandsAndOperandsEachHaveTheirMessage)
{
    CpSystem sys("cmd-bad");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    t->sendLine("XYZZY");
    t->readUntil("CPX001E Unknown CP command: XYZZY");
    t->sendLine("MSG");
    t->readUntil("CPX003E MESSAGE needs a userid and a text");
    t->sendLine("MSG USER2 are you there");
    t->readUntil("CPX045E USER2 not logged on");
    t->sendLine("SET MSG MAYBE");
    t->readUntil("CPX003E SET MSG needs ON or OFF");
    t->sendLine("SET COLOUR RED");
    t->readUntil("CPX004E Unknown SET operand: COLOUR");
    t->sendLine("QUERY VIRTUAL");
    t->readUntil("STORAGE = 01024K");
}

SYSTEM_TEST(Commands, WarningReachesUsersUnlessTheyTurnedItOff)
{
    CpSystem sys("cmd-warning");
    auto a = logon(sys, 0x0020, "USER1", "PASS1");
    auto b = logon(sys, 0x0021, "USER2", "PASS2");
    b->sendLine("SET WNG OFF");
    b->sendLine("QUERY SET");
    b->readUntil("MSG ON, WNG OFF");
    sys.op().sendLine("WARNING ALL system going down soon");
    a->readUntil("WNG FROM OPERATOR: system going down soon");
    CHECK_FALSE(b->expect("WNG FROM", 0.5));
    sys.op().sendLine("WARNING USER2 you too");
    sys.op().readUntil("CPX057I USER2 not receiving; WNG OFF");
}

SYSTEM_TEST(Commands, OperatorForcesAndAutologsUsers)
{
    CpSystem sys("cmd-force");
    auto a = logon(sys, 0x0020, "USER1", "PASS1");
    sys.opcmd("FORCE USER1", "CPX133I USER1 forced off");
    a->readUntil("CPX120I You were forced off by OPERATOR");
    a->readUntil("Enter LOGON userid");
    sys.opcmd("AUTOLOG USER2 WRONG", "CPX107E Password incorrect for USER2");
    sys.opcmd("AUTOLOG USER2 PASS2", "AUTO LOGON \\*\\*\\*  USER2 USERS = 2");
    sys.opcmd("QUERY USER2", "USER2    - DSC");
    sys.opcmd("FORCE NOBODY", "CPX045E NOBODY is not logged on");
}

SYSTEM_TEST(Commands, ShutdownNotifiesEveryUser)
{
    CpSystem sys("cmd-shutdown");
    auto a = logon(sys, 0x0020, "USER1", "PASS1");
    auto b = logon(sys, 0x0021, "USER2", "PASS2");
    sys.op().sendLine("SHUTDOWN");
    a->readUntil("CPX950I SYSTEM SHUTDOWN initiated by OPERATOR");
    b->readUntil("CPX950I SYSTEM SHUTDOWN initiated by OPERATOR");
    LONGS_EQUAL(0x00000006, sys.waitState());
}

TEST_GROUP(Terminals) {};

SYSTEM_TEST(Terminals, ControlCharactersBecomeBlanks)
{
    CpSystem sys("term-control");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    t->sendRaw(std::string("Q\x01\x02TIME\r\n"));
    t->readUntil("TIME IS");
}

SYSTEM_TEST(Terminals, TooLongALineDropsOnlyThatTerminal)
{
    CpSystem sys("term-long");
    auto a = logon(sys, 0x0020, "USER1", "PASS1");
    auto b = logon(sys, 0x0021, "USER2", "PASS2");
    a->sendLine(std::string(400, 'X'));                 // Hercules drops the client
    sys.op().readUntil("CPX122I USER1 DISCONNECTED");
    b->sendLine("QUERY USER1");
    b->readUntil("USER1    - DSC");
    auto c = sys.terminal(0x0020);                      // and the user comes back
    c->readUntil("Enter LOGON userid");
    c->sendLine("LOGON USER1");
    c->readUntil("ENTER PASSWORD:");
    c->sendLine("PASS1");
    c->readUntil("RECONNECTED AT");
}

SYSTEM_TEST(Terminals, AttentionStopsTheVirtualMachineIntoCpRead)
{
    CpSystem sys("term-attention");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    t->sendLine("IPL TECHOE");
    t->readUntil("TECHO READY");
    t->sendLine("#CP QUERY USERID");
    t->readUntil("USER1    AT CP370");
    t->sendLine("through to the guest");
    t->readUntil("ECHO: through to the guest");
    t->sendBreak();
    t->readUntil("CP READ");
    t->sendLine("QUERY USERID");                          // now a CP command
    t->readUntil("USER1    AT CP370");
    t->sendLine("BEGIN");
    t->sendLine("again");
    t->readUntil("ECHO: again");
}
