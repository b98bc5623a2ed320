// test_terminals.cpp - terminal sessions nobody can take over, an operator
// who logs on, and output that is never dropped.
#include "harness/cpsystem.h"

#include <CppUTest/TestHarness.h>
#include <chrono>
#include <cstdlib>
#include <random>
#include <regex>
#include <thread>

TEST_GROUP(Connections) {};

// Hercules gives a device to a new client only once it has seen the old
// one go; until then a client asking for that device is turned away.
static std::unique_ptr<Telnet3215> connectTo(CpSystem &sys, int devno)
{
    for (int i = 0;; i++) {
        try {
            return sys.terminal(devno);
        } catch (std::exception &) {
            if (i == 50)
                throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}

static std::string userAt(CpSystem &sys, const std::string &user)
{
    std::string q = sys.opcmd("QUERY " + user, user + " +- [^\\n]*\\n|CPX045E[^\\n]*\\n");
    return q;
}

// What a new client sees first must be Hercules' banner and CP's logo,
// nothing of the session before it.
static void checkCleanStart(Telnet3215 &t, const std::string &context)
{
    std::string got = t.readUntil("Enter LOGON userid[^\\n]*\\n", 10);
    got += t.drain(0.2);
    std::string msg = context + ": " + got;
    CHECK_TEXT(got.find("cp370 ONLINE") != std::string::npos, msg.c_str());
    std::regex foreign("ENTER PASSWORD|LOGON AT|RECONNECTED|CMS|DSPL|^[0-9A-F]{6} |\\n[0-9A-F]{6} |"
                       "CPX1|USER1|Ready");
    CHECK_TEXT(!std::regex_search(got, foreign), msg.c_str());
    t.sendLine("QUERY USERID");
    std::string r = t.readUntil("CPX105E Enter LOGON userid[^\\n]*\\n");
    CHECK_TEXT(r.find("AT CP370") == std::string::npos, (context + ": " + r).c_str());
}

// The way an attacker would try it: a user works at 0020, the client goes
// away at a random moment, and a new client asks for 0020 at once.
SYSTEM_TEST(Connections, HundredReconnectsNeverLandInAnotherSession)
{
    CpSystem sys("term-reconnect");
    if (getenv("CP370_TRACE_0020"))            // Hercules traces 0020's CCWs
        sys.herc().command("t+0020");
    unsigned seed = (unsigned)std::chrono::system_clock::now().time_since_epoch().count();
    std::mt19937 rnd(seed);
    auto t = connectTo(sys, 0x0020);
    t->readUntil("Enter LOGON userid[^\\n]*\\n");
    bool loggedOn = false;
    for (int round = 0; round < 100; round++) {
        int point = (int)(rnd() % 4);
        std::string ctx = "seed " + std::to_string(seed) + " round " + std::to_string(round) +
                          " point " + std::to_string(point);
        switch (point) {
        case 0:                                 // before LOGON
            break;
        case 1:                                 // at the password prompt
            t->sendLine("LOGON USER1");
            t->readUntil("ENTER PASSWORD:");
            break;
        case 2:                                 // while CMS starts
            t->sendLine("LOGON USER1");
            t->readUntil("ENTER PASSWORD:");
            t->sendLine("PASS1");
            t->readUntil("LOGON AT|RECONNECTED AT");
            loggedOn = true;
            break;
        case 3:                                 // in the middle of a long output
            t->sendLine("LOGON USER1 NOIPL");
            t->readUntil("ENTER PASSWORD:");
            t->sendLine("PASS1");
            t->readUntil("LOGON AT|RECONNECTED AT");
            loggedOn = true;
            t->sendLine("#CP DISPLAY 0.FFFF");
            t->readUntil("\\n0003[0-9A-F]0 ");
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(rnd() % 30));
        t->close();
        t = connectTo(sys, 0x0020);
        checkCleanStart(*t, ctx);
        if (loggedOn) {
            std::string q = userAt(sys, "USER1");
            CHECK_TEXT(q.find("USER1    - DSC") != std::string::npos, (ctx + ": " + q).c_str());
        }
    }
    // the disconnected user is still there and comes back with the password
    t->sendLine("LOGON USER1");
    t->readUntil("ENTER PASSWORD:");
    t->sendLine("PASS1");
    t->readUntil(loggedOn ? "RECONNECTED AT" : "LOGON AT");
    t->sendLine("#CP QUERY USERID");
    t->readUntil("USER1 +AT CP370");
}

// A user who leaves at the password prompt leaves nothing behind: the next
// client's LOGON is a LOGON, not a password.
SYSTEM_TEST(Connections, HalfDoneLogonDoesNotCarryOver)
{
    CpSystem sys("term-halfdone");
    auto a = connectTo(sys, 0x0021);
    a->readUntil("Enter LOGON userid");
    a->sendLine("LOGON USER2");
    a->readUntil("ENTER PASSWORD:");
    a->close();
    auto b = connectTo(sys, 0x0021);
    checkCleanStart(*b, "after a password prompt");
    b->sendLine("LOGON USER3");
    b->readUntil("ENTER PASSWORD:");
    b->sendLine("PASS3");
    b->readUntil("LOGON AT");
    sys.op().readUntil("CPX127I USER3 LOGON AT 0021");
}

// Whoever connects to 0009 is nobody until LOGON OPERATOR and the
// password: every command is refused, and nothing has happened.
SYSTEM_TEST(Connections, OperatorConsoleRefusesEverythingBeforeLogon)
{
    CpSystem sys("term-opcon", SystemOptions().noIpl());
    sys.herc().command("ipl 0130");
    sys.op().readUntil("Enter LOGON userid[^\\n]*\\n", 20);
    for (const char *cmd : {"QUERY TIME", "SHUTDOWN", "FORCE USER1", "START SPOOL COLD",
                            "QUERY USERID", "OPERATOR", "#CP SHUTDOWN", "AUTOLOG USER1 PASS1"}) {
        sys.op().sendLine(cmd);
        sys.op().readUntil("CPX105E Enter LOGON userid[^\\n]*\\n");
    }
    // a wrong password is refused too
    sys.op().sendLine("LOGON OPERATOR");
    sys.op().readUntil("ENTER PASSWORD:");
    sys.op().sendLine("NOTTHEPASSWORD");
    sys.op().readUntil("CPX107E Password incorrect[^\\n]*\\n");
    // the messages written meanwhile waited in the operator's log
    sys.op().sendLine("LOGON OPERATOR");
    sys.op().readUntil("ENTER PASSWORD:");
    sys.op().sendLine(OPERATOR_PASSWORD);
    std::string log = sys.op().readUntil("CPX013I .* ready at[^\\n]*\\n");
    CHECK_TEXT(log.find("CPX010I Real storage") != std::string::npos, log.c_str());
    sys.op().readUntil("CPX123W LOGON of OPERATOR from 0009 refused");
    sys.opcmd("QUERY USERS", "  1 USERS");
    // the system still runs: nothing of the above was obeyed
    std::string q = sys.opcmd("QUERY TIME", "TOTCPU=");
    CHECK(q.find("TIME IS") != std::string::npos);
}

// Messages for the operator while OPERATOR is disconnected wait in the log
// and are shown at reconnection, not to whoever sits at 0009 meanwhile.
SYSTEM_TEST(Connections, OperatorMessagesWaitWhileTheOperatorIsAway)
{
    CpSystem sys("term-oplog");
    sys.opcmd("DISCONNECT", "DISCONNECT AT[^\\n]*\\n");
    sys.op().readUntil("Enter LOGON userid");
    auto u = logon(sys, 0x0022, "USER4", "PASS4");
    std::string before = sys.op().drain(0.5);
    CHECK_TEXT(before.find("USER4") == std::string::npos, before.c_str());
    sys.op().sendLine("LOGON OPERATOR");
    sys.op().readUntil("ENTER PASSWORD:");
    sys.op().sendLine(OPERATOR_PASSWORD);
    sys.op().readUntil("RECONNECTED AT[^\\n]*\\n");
    sys.op().readUntil("CPX127I USER4 LOGON AT 0022");
}

// CP's own long output: 4,096 lines of DISPLAY on a 64K machine, every
// one of them, in order.
SYSTEM_TEST(Connections, DisplayOfAWholeSixtyFourKMachineArrivesWhole)
{
    CpSystem sys("term-display");
    auto t = logon(sys, 0x0023, "USER5", "PASS5");
    t->sendLine("DEFINE STORAGE 64K");
    t->readUntil("STORAGE = 00064K");
    t->sendLine("DISPLAY 0.FFFF");
    std::string out = t->readUntil("\\n00FFF0 [^\\n]*\\n", 120);
    std::regex line("(^|\\n)([0-9A-F]{6}) ");
    unsigned expect = 0, count = 0;
    for (auto it = std::sregex_iterator(out.begin(), out.end(), line); it != std::sregex_iterator(); ++it) {
        unsigned a = (unsigned)std::stoul((*it)[2], nullptr, 16);
        LONGS_EQUAL_TEXT(expect, a, ("line " + std::to_string(count)).c_str());
        expect += 16;
        count++;
    }
    LONGS_EQUAL(4096, count);
}

// A guest that writes 5,000 lines as fast as it can waits for the terminal;
// every line arrives, once, in order.
SYSTEM_TEST(Connections, GuestFloodOfFiveThousandLinesArrivesInOrder)
{
    CpSystem sys("term-flood");
    auto t = logon(sys, 0x0024, "USER6", "PASS6");
    t->sendLine("IPL TFLOODE PARM 5000");
    std::string out = t->readUntil("TFLOOD WROTE 5000 LINES", 240);
    std::regex line("FLOOD (\\d{5})");
    unsigned expect = 1;
    for (auto it = std::sregex_iterator(out.begin(), out.end(), line); it != std::sregex_iterator(); ++it) {
        unsigned n = (unsigned)std::stoul((*it)[1]);
        if (n != expect) {
            FAIL(("line " + std::to_string(n) + " where " + std::to_string(expect) + " was due").c_str());
        }
        expect++;
    }
    LONGS_EQUAL(5001, expect);
}

// VM/370 users leave EDIT's input mode by pressing Enter on an empty line.
SYSTEM_TEST(Connections, EnterOnAnEmptyLineEndsEditInputMode)
{
    CpSystem sys("term-null");
    auto t = logon(sys, 0x0025, "USER7", "PASS7", "");
    t->drain(2);
    t->sendLine("EDIT NULL TEST");
    t->readUntil("EDIT:");
    t->sendLine("INPUT");
    t->readUntil("INPUT:");
    t->sendLine("FIRST LINE");
    t->sendLine("SECOND LINE");
    t->drain(0.5);
    t->sendLine("");                    // back to edit mode
    t->drain(1.5);
    t->sendLine("FILE");
    t->readUntil("EDIT:|Ready", 20);
    t->drain(1);
    t->sendLine("TYPE NULL TEST");
    std::string typed = t->readUntil("SECOND LINE[^\\n]*\\n", 20);
    typed += t->drain(1);
    CHECK_TEXT(typed.find("FIRST LINE") != std::string::npos, typed.c_str());
    CHECK_TEXT(typed.find("\nFILE") == std::string::npos, typed.c_str());
}

// Hercules drops a client that types a line longer than it can hold; the
// session survives disconnected, and the user learns why on reconnection.
SYSTEM_TEST(Connections, LineTooLongLeavesTheUserDisconnectedAndSaysWhy)
{
    CpSystem sys("term-long");
    auto t = logon(sys, 0x0026, "USER8", "PASS8");
    t->sendRaw(std::string(200, 'X') + "\r\n");
    sys.op().readUntil("CPX122I USER8 DISCONNECTED \\(terminal 0026: a line longer than 150", 10);
    t->close();
    t = connectTo(sys, 0x0026);
    checkCleanStart(*t, "after a long line");
    t->sendLine("LOGON USER8");
    t->readUntil("ENTER PASSWORD:");
    t->sendLine("PASS8");
    std::string r = t->readUntil("RECONNECTED AT");
    CHECK_TEXT(r.find("CPX128I You were disconnected: a line longer than 150 characters") !=
                   std::string::npos, r.c_str());
}

// Every printable ASCII character a user types comes back as itself.
SYSTEM_TEST(Connections, EveryPrintableCharacterRoundTrips)
{
    CpSystem sys("term-chars");
    auto t = logon(sys, 0x0027, "USER1", "PASS1");
    std::string all;
    for (char c = 0x21; c < 0x7F; c++)
        all += c;
    t->sendLine("MSG * " + all);
    std::string got = t->readUntil("MSG FROM USER1 +: [^\\n]*\\n");
    CHECK_TEXT(got.find(all) != std::string::npos, got.c_str());
}
