// test_termset.cpp - TERMINAL and SET RUN: how a terminal takes lines.
#include "harness/cpsystem.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(TerminalSettings) {};

SYSTEM_TEST(TerminalSettings, LinendSplitsOneTypedLineIntoCommands)
{
    CpSystem sys("tset-linend");
    auto t = logon(sys, 0x0020, "USER1", "PASS1");
    t->sendLine("QUERY TERMINAL");
    t->readUntil("LINEND OFF, LINEDEL OFF, CHARDEL OFF, ESCAPE OFF");
    t->sendLine("TERMINAL LINEND # CHARDEL @");
    t->sendLine("QUERY TERM");
    t->readUntil("LINEND #, LINEDEL OFF, CHARDEL @, ESCAPE OFF");
    t->sendLine("QUERY USERIX@D#QUERY SET");
    t->readUntil("USER1 +AT CP370");
    t->readUntil("MSG ON, WNG ON, IMSG ON, EMSG [A-Z]+, [^\\n]*RUN OFF");
    // a bad operand is refused and changes nothing of the line
    t->sendLine("TERMINAL LINEND OFF CHARDEL TOOLONG");
    t->readUntil("CPX004E Invalid TERMINAL operand: CHARDEL TOOLONG");
    t->sendLine("QUERY TERM");
    t->readUntil("LINEND #, LINEDEL OFF, CHARDEL @");
    // ... and settings start afresh at the next LOGON
    t->sendLine("LOGOFF");
    t->readUntil("Enter LOGON userid");
    t->sendLine("LOGON USER1 NOIPL");
    t->readUntil("ENTER PASSWORD:");
    t->sendLine("PASS1");
    t->readUntil("LOGON AT");
    t->sendLine("QUERY TERMINAL");
    t->readUntil("LINEND OFF, LINEDEL OFF, CHARDEL OFF, ESCAPE OFF");
}

SYSTEM_TEST(TerminalSettings, ModeCpSendsEveryLineToCpWhileTheGuestRuns)
{
    CpSystem sys("tset-modecp");
    auto t = logon(sys, 0x0021, "USER2", "PASS2");
    t->sendLine("IPL TECHOE");
    t->readUntil("TECHO READY");
    t->sendLine("#CP TERMINAL MODE CP");
    t->sendLine("QUERY USERID");
    t->readUntil("USER2 +AT CP370");
    t->sendLine("TERMINAL MODE VM");
    t->sendLine("now for the guest");
    std::string got = t->readUntil("ECHO: now for the guest");
    CHECK_TEXT(got.find("ECHO: QUERY USERID") == std::string::npos, got.c_str());
}

SYSTEM_TEST(TerminalSettings, RunOnKeepsTheGuestRunningAfterTheAttentionKey)
{
    CpSystem sys("tset-run");
    auto t = logon(sys, 0x0022, "USER3", "PASS3");
    t->sendLine("SET RUN ON");
    t->sendLine("IPL TECHOE");
    t->readUntil("TECHO READY");
    t->sendBreak();
    t->readUntil("CP READ");
    t->sendLine("QUERY USERID");            // one line for CP
    t->readUntil("USER3 +AT CP370");
    t->sendLine("no begin needed");         // and the guest never stopped
    t->readUntil("ECHO: no begin needed");
    t->sendLine("#CP SET RUN OFF");
    t->sendLine("#CP QUERY SET");
    t->readUntil("RUN OFF");
    t->sendBreak();                         // now the attention key stops it
    t->readUntil("CP READ");
    t->sendLine("not for the guest");
    t->readUntil("CPX001E Unknown CP command: not");
}

// INDICATE RESPONSE: each line answered is one response, counted when CP
// waits for the next line (after a CP command, or when the guest reads
// its console again); a general user sees his own terminal only.
SYSTEM_TEST(TerminalSettings, IndicateResponseCountsEachAnsweredLine)
{
    CpSystem sys("tset-resp");
    auto t = logon(sys, 0x0023, "USER4", "PASS4");
    t->sendLine("INDICATE RESPONSE RESET");
    t->readUntil("RESPONSE TIMES RESET FOR TERMINAL 0023");
    for (const char *cmd : { "QUERY TIME", "QUERY USERID", "QUERY TERMINAL" }) {
        t->sendLine(cmd);
        t->readUntil("(TIME IS|AT CP370|LINEND)[^\\n]*\\n");
    }
    t->sendLine("INDICATE RESPONSE");
    std::string got = t->readUntil("RESPONSE 0023 USER4 +COUNT +3 P50 +[0-9.]+ P95 +[0-9.]+ "
                                   "MAX +[0-9.]+ MEAN +[0-9.]+ MS");
    // a line for the guest ends when the guest reads again
    t->sendLine("IPL TECHOE");
    t->readUntil("TECHO READY");
    t->sendLine("#CP INDICATE RESPONSE RESET");
    t->readUntil("RESPONSE TIMES RESET");
    t->sendLine("for the guest");
    t->readUntil("ECHO: for the guest");
    t->sendLine("#CP INDICATE RESPONSE");
    t->readUntil("RESPONSE 0023 USER4 +COUNT +1 ");
    // everybody's figures are the operators'
    t->sendLine("#CP INDICATE RESPONSE ALL");
    t->readUntil("CPX002E INDICATE RESPONSE ALL is not authorized for your privilege class");
    t->sendLine("#CP INDICATE RESPONSE EVERYTHING");
    t->readUntil("CPX003E INDICATE RESPONSE takes ALL and RESET, not EVERYTHING");
    std::string all = sys.opcmd("INDICATE RESPONSE ALL", "RESPONSE TOTAL +COUNT[^\\n]*\\n");
    HAS_MATCH(all, "RESPONSE 0023 USER4 +COUNT +[1-9]");
    HAS_MATCH(all, "RESPONSE 0009 OPERATOR +COUNT");
    sys.opcmd("INDICATE RESPONSE ALL RESET", "RESPONSE TIMES RESET FOR ALL TERMINALS");
    all = sys.opcmd("INDICATE RESPONSE ALL", "RESPONSE TOTAL +COUNT[^\\n]*\\n");
    HAS_MATCH(all, "RESPONSE 0023 USER4 +COUNT +0 ");
}
