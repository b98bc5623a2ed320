// test_3270.cpp - CP's console on a 3270 display, driven by s3270.
#include "harness/cpsystem.h"
#include "harness/tn3270.h"

#include <CppUTest/TestHarness.h>
#include <chrono>
#include <stdexcept>
#include <thread>

TEST_GROUP(Display3270) {};

static std::unique_ptr<Tn3270> display(CpSystem &sys, int devno)
{
    auto d = std::unique_ptr<Tn3270>(new Tn3270(sys.port(), devno));
    d->waitFor("Enter LOGON userid");
    return d;
}

// a new client at a terminal a client just left: Hercules frees the
// device a moment after the old connection closes, so try for 5 seconds
static std::unique_ptr<Tn3270> reconnect(CpSystem &sys, int devno)
{
    std::unique_ptr<Tn3270> e;
    for (int i = 0; i < 50 && !e; i++) {
        try {
            e.reset(new Tn3270(sys.port(), devno, 2));
        } catch (std::exception &) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    return e;
}

// wait until the status area shows word
static void waitStatus(Tn3270 &d, const std::string &word, double seconds = 10)
{
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    std::string st;
    while ((st = d.status()).find(word) == std::string::npos) {
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("status area shows \"" + st + "\", not " + word);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

static void logon3270(Tn3270 &d, const std::string &user, const std::string &pw,
                      const std::string &opts = "NOIPL")
{
    d.enter("LOGON " + user + (opts.empty() ? "" : " " + opts));
    d.waitFor("ENTER PASSWORD:");
    d.enter(pw);
    d.waitFor("LOGON AT|RECONNECTED AT");
}

SYSTEM_TEST(Display3270, ConnectShowsTheLogoAndTheStatusArea)
{
    CpSystem sys("d3270-logo");
    auto d = display(sys, 0x00C0);
    std::string s = d->screen();
    CHECK_TEXT(s.find("cp370 ONLINE") != std::string::npos, s.c_str());
    CHECK_TEXT(s.find("terminal 00C0") != std::string::npos, s.c_str());
    STRCMP_CONTAINS("CP READ", d->status().c_str());
    STRCMP_CONTAINS("CP370", d->status().c_str());
    std::string q = sys.opcmd("QUERY TERMINALS", "TERM 00CF[^\\n]*\\n");
    CHECK_TEXT(q.find("TERM 00C0 3270-2 CONNECTED") != std::string::npos, q.c_str());
    CHECK_TEXT(q.find("TERM 0020 3215 NOT CONNECTED") != std::string::npos, q.c_str());
}

SYSTEM_TEST(Display3270, LogonHidesThePasswordAndCommandsAnswerInTheOutputArea)
{
    CpSystem sys("d3270-logon");
    auto d = display(sys, 0x00C1);
    d->enter("LOGON USER1 NOIPL");
    d->waitFor("ENTER PASSWORD:");
    d->enter("PASS1");
    std::string s = d->waitFor("LOGON AT");
    CHECK_TEXT(s.find("PASS1") == std::string::npos, s.c_str());
    CHECK_TEXT(s.find("LOGON USER1 NOIPL") != std::string::npos, s.c_str());   // echoed
    d->enter("QUERY USERID");
    d->waitFor("USER1 +AT CP370");
    sys.opcmd("QUERY USER1", "USER1    - 00C1");
}

// A long output fills the output area: MORE..., Enter holds it, PA2
// clears it, and every line arrives.
SYSTEM_TEST(Display3270, LongOutputGoesThroughMoreAndHolding)
{
    CpSystem sys("d3270-more");
    auto d = display(sys, 0x00C2);
    logon3270(*d, "USER2", "PASS2");
    d->enter("DISPLAY 0.400");
    waitStatus(*d, "MORE...");
    std::string first = d->screen();
    CHECK_TEXT(first.find("000000 ") != std::string::npos, first.c_str());
    d->key("Enter()");
    waitStatus(*d, "HOLDING");
    d->key("PA(2)");
    std::string next = d->waitFor("\\n0001[0-9A-F]0 ");
    CHECK_TEXT(next.compare(0, 7, "000000 ") != 0, next.c_str());
    // the rest, a screen at a time with PA2, up to the last line
    for (int i = 0; i < 5 && !d->expect("\\n0003F0 ", 2, nullptr); i++)
        d->key("PA(2)");
    d->waitFor("\\n0003F0 ");
    waitStatus(*d, "CP READ");
}

// PA1 is the attention key: the running guest stops in CP READ; BEGIN
// lets it go on.
SYSTEM_TEST(Display3270, PaOneStopsTheGuestAndBeginResumesIt)
{
    CpSystem sys("d3270-pa1");
    auto d = display(sys, 0x00C3);
    logon3270(*d, "USER3", "PASS3");
    d->enter("IPL TECHOE");
    d->waitFor("TECHO READY");
    waitStatus(*d, "VM READ");
    d->enter("FIRST LINE");
    d->waitFor("ECHO: FIRST LINE");
    waitStatus(*d, "VM READ");
    d->key("PA(1)");
    waitStatus(*d, "CP READ");
    d->enter("BEGIN");
    waitStatus(*d, "VM READ");
    d->enter("HELLO THERE");
    d->waitFor("ECHO: HELLO THERE");
}

SYSTEM_TEST(Display3270, PfKeysDoWhatSetPfSays)
{
    CpSystem sys("d3270-pf");
    auto d = display(sys, 0x00C4);
    logon3270(*d, "USER4", "PASS4");
    d->enter("SET PF3 IMMED QUERY USERID");
    d->enter("SET PF4 DELAYED MSG * FROM A KEY");
    d->enter("QUERY PF");
    d->waitFor("PF04 DELAYED MSG \\* FROM A KEY");
    d->key("Clear()");
    d->waitFor("CP READ");
    d->key("PF(3)");
    d->waitFor("USER4 +AT CP370");
    d->key("PF(4)");
    d->enter();                          // the text the key put into the input area
    d->waitFor("MSG FROM USER4 +: FROM A KEY");
    d->enter("SET PF99 NOTHING");
    d->waitFor("CPX004E");
}

SYSTEM_TEST(Display3270, A3215UserAndA3270UserMessageEachOther)
{
    CpSystem sys("d3270-msg");
    auto d = display(sys, 0x00C5);
    logon3270(*d, "USER5", "PASS5");
    auto t = logon(sys, 0x0020, "USER6", "PASS6");
    t->sendLine("MSG USER5 from the line terminal");
    d->waitFor("MSG FROM USER6 +: from the line terminal");
    d->enter("MSG USER6 and from the display");
    t->readUntil("MSG FROM USER5 +: and from the display");
}

// A 3270 client that goes away in the middle of MORE... leaves a
// disconnected user; the next client gets the logo, not the session.
SYSTEM_TEST(Display3270, DroppedInMoreLeavesADisconnectedUser)
{
    CpSystem sys("d3270-drop");
    auto d = display(sys, 0x00C6);
    logon3270(*d, "USER7", "PASS7");
    d->enter("DISPLAY 0.2000");
    d->waitFor("MORE\\.\\.\\.");
    d->close();
    sys.op().readUntil("CPX122I USER7 DISCONNECTED \\(terminal 00C6");
    std::unique_ptr<Tn3270> e = reconnect(sys, 0x00C6);
    CHECK(e != nullptr);
    std::string s = e->waitFor("Enter LOGON userid");
    CHECK_TEXT(s.find("000000 ") == std::string::npos, s.c_str());
    CHECK_TEXT(s.find("USER7") == std::string::npos, s.c_str());
    logon3270(*e, "USER7", "PASS7");
    sys.opcmd("QUERY USER7", "USER7    - 00C6");
}

// DIAGNOSE X'58' full screen: the guest TFSCR draws its own screen and
// reads the field typed into it; PA1 gives the screen back to CP (CP
// READ), and after BEGIN the guest is told to draw its screen again.
SYSTEM_TEST(Display3270, FullScreenGuestOwnsTheScreenUntilPaOne)
{
    CpSystem sys("d3270-fullscreen");
    auto d = display(sys, 0x00C8);
    logon3270(*d, "USER8", "PASS8");
    d->enter("IPL TFSCRE");
    std::string s = d->waitFor("TFSCR FULL SCREEN");
    CHECK_TEXT(s.find("REDRAWN 0") != std::string::npos, s.c_str());
    CHECK_TEXT(s.find("CP370") == std::string::npos, s.c_str());     // no CP status area
    d->enter("HELLO");
    d->waitFor("YOU TYPED: HELLO\\.");
    d->key("PA(1)");
    waitStatus(*d, "CP READ");
    s = d->screen();
    CHECK_TEXT(s.find("TFSCR FULL SCREEN") == std::string::npos, s.c_str());
    d->enter("BEGIN");
    s = d->waitFor("REDRAWN 1");
    CHECK_TEXT(s.find("YOU TYPED") == std::string::npos, s.c_str());
    d->enter("AGAIN");
    d->waitFor("YOU TYPED: AGAIN\\.");
    d->key("PF(3)");
    d->waitFor("TFSCR DONE");
}

// DIAGNOSE X'58' CCW X'19' with control X'83': the output area is
// cleared (the lines before are gone) and the line starts at line 3.
SYSTEM_TEST(Display3270, DisplayControlByteClearsAndStartsAtALine)
{
    CpSystem sys("d3270-ctl");
    auto d = display(sys, 0x00C9);
    logon3270(*d, "USER9", "PASS9");
    d->enter("IPL TFSCRE");
    d->waitFor("TFSCR FULL SCREEN");
    d->key("PF(5)");
    std::string s = d->waitFor("^( *\\n){3}AT LINE 3");
    CHECK_TEXT(s.find("LINE A") == std::string::npos, s.c_str());
    d->key("PA(2)");                    // seen: the guest's screen again
    d->waitFor("REDRAWN 1");
}

// A message for a user whose guest owns the screen is shown on CP's
// screen at once; the guest's screen comes back after the user's next key.
SYSTEM_TEST(Display3270, MessageTakesTheScreenFromAFullScreenGuest)
{
    CpSystem sys("d3270-fsmsg");
    auto d = display(sys, 0x00C9);
    logon3270(*d, "USER9", "PASS9");
    d->enter("IPL TFSCRE");
    d->waitFor("TFSCR FULL SCREEN");
    sys.opcmd("MSG USER9 look here", "");
    std::string s = d->waitFor("MSG FROM OPERATOR *: look here");
    CHECK_TEXT(s.find("TFSCR FULL SCREEN") == std::string::npos, s.c_str());
    d->key("PA(2)");
    d->waitFor("REDRAWN 1");
    d->enter("STILL HERE");
    d->waitFor("YOU TYPED: STILL HERE\\.");
}

// The same guest at a 3215: X'29' answers CC 2, R15 3.
SYSTEM_TEST(Display3270, FullScreenOnALineTerminalIsRefused)
{
    CpSystem sys("d3270-fs3215");
    auto t = logon(sys, 0x0020, "USER10", "PASS10");
    t->sendLine("IPL TFSCRE");
    t->readUntil("TFSCR: X'29' ERASE/WRITE GAVE CC 2 R15 3");
}

// EDIT on a 3270 shows the file full screen (file area, command line, PF
// keys); lines put in there, changed and filed with PF4 are in the file
// TYPE reads back afterwards.
SYSTEM_TEST(Display3270, EditDisplayModeChangesAFileThatIsThenFiled)
{
    CpSystem sys("d3270-edit");
    auto d = display(sys, 0x00CA);
    logon3270(*d, "USER11", "PASS11", "");
    d->waitFor("CP370 CMS VERSION", 60);
    d->enter("EDIT SCREEN TEST A");
    std::string s = d->waitFor("====>");
    CHECK_TEXT(s.find("EDIT SCREEN TEST A") != std::string::npos, s.c_str());
    CHECK_TEXT(s.find("PF3 QUIT  PF4 FILE") != std::string::npos, s.c_str());
    CHECK_TEXT(s.find("TOP OF FILE") != std::string::npos, s.c_str());
    d->enter("INPUT");
    d->waitFor("LINE 0 OF 0  INPUT");
    d->enter("first line");
    d->enter("second line");
    d->enter("third line");
    d->waitFor("LINE 3 OF 3  INPUT");
    d->enter();                                 // a null line ends input mode
    d->waitFor("LINE 3 OF 3 *\\n");
    d->enter("UP 1");
    d->waitFor("LINE 2 OF 3");
    d->enter("CHANGE /SECOND/2ND/");
    s = d->waitFor("\\n 2ND LINE");
    CHECK_TEXT(s.find("FIRST LINE") != std::string::npos, s.c_str());     // the line before
    d->key("PF(4)");                            // FILE
    d->waitFor("Ready; T=", 20);
    d->key("Clear()");
    d->waitFor("^ *\\n(.*\\n){22}.*(VM READ|CP READ|RUNNING)");
    d->enter("TYPE SCREEN TEST A");
    d->waitFor("FIRST LINE *\\n2ND LINE *\\nTHIRD LINE", 20);
}

// PF3 (QUIT) leaves the file as it was; PF8 and PF7 page through it.
SYSTEM_TEST(Display3270, EditDisplayModePagesAndQuits)
{
    CpSystem sys("d3270-editq");
    auto d = display(sys, 0x00CB);
    logon3270(*d, "USER12", "PASS12", "");
    d->waitFor("CP370 CMS VERSION", 60);
    d->enter("EDIT PAGES TEST A");
    d->waitFor("====>");
    d->enter("INPUT");
    for (int i = 1; i <= 30; i++)
        d->enter("line " + std::to_string(i));
    d->enter();
    d->waitFor("LINE 30 OF 30 *\\n");
    d->enter("TOP");
    d->key("PF(8)");
    d->waitFor("LINE 18 OF 30");
    d->key("PF(8)");
    d->waitFor("LINE 30 OF 30");
    d->key("PF(7)");
    d->waitFor("LINE 13 OF 30");
    d->key("PF(3)");                            // QUIT: nothing written
    d->waitFor("Ready; T=", 20);
    d->key("Clear()");
    d->waitFor("^ *\\n(.*\\n){22}.*(VM READ|CP READ|RUNNING)");
    d->enter("STATE PAGES TEST A");
    d->waitFor("DMSSTT002E|NOT FOUND", 20);
}

// A client that asks for a model 4 (43 x 80) or a model 5 (27 x 132)
// gets CP's screen at that size: CP asks the terminal (Read Partition
// Query) and draws with erase/write alternate; QUERY TERMINALS shows it.
SYSTEM_TEST(Display3270, LargerModelsGetTheirWholeScreen)
{
    CpSystem sys("d3270-models");
    Tn3270 d4(sys.port(), 0x00CC, 10, 4);
    std::string s = d4.waitFor("Enter LOGON userid");
    int rows = 0;
    for (char ch : s)
        rows += ch == '\n';
    LONGS_EQUAL(43, rows);
    STRCMP_CONTAINS("CP READ", d4.status().c_str());
    logon3270(d4, "USER13", "PASS13");
    d4.enter("DISPLAY 0.400");
    waitStatus(d4, "MORE...");
    s = d4.screen();
    CHECK_TEXT(s.find("000220 ") != std::string::npos, s.c_str());    // beyond row 24
    Tn3270 d5(sys.port(), 0x00CD, 10, 5);
    s = d5.waitFor("Enter LOGON userid");
    CHECK_TEXT(s.find('\n') == 132, s.c_str());
    std::string q = sys.opcmd("QUERY TERMINALS", "TERM 00CF[^\\n]*\\n");
    CHECK_TEXT(q.find("TERM 00CC 3270-4 CONNECTED    USER13") != std::string::npos, q.c_str());
    CHECK_TEXT(q.find("TERM 00CD 3270-5 CONNECTED") != std::string::npos, q.c_str());
}

// A client that leaves a full-screen guest leaves a disconnected user;
// keys from the next client at that terminal never reach the guest, and
// when the user logs on again the guest draws its screen anew.
SYSTEM_TEST(Display3270, FullScreenGuestNeverSeesAnotherClientsKeys)
{
    CpSystem sys("d3270-fsdrop");
    auto d = display(sys, 0x00CE);
    logon3270(*d, "USER14", "PASS14");
    d->enter("IPL TFSCRE");
    d->waitFor("TFSCR FULL SCREEN");
    d->close();
    sys.op().readUntil("CPX122I USER14 DISCONNECTED \\(terminal 00CE");
    std::unique_ptr<Tn3270> e = reconnect(sys, 0x00CE);
    CHECK(e != nullptr);
    e->waitFor("Enter LOGON userid");
    e->key("PF(3)");                    // would end TFSCR
    e->enter("SECRET");                 // would be its input
    e->enter("LOGON USER14");
    e->waitFor("ENTER PASSWORD:");
    e->enter("PASS14");
    std::string s = e->waitFor("REDRAWN 1");
    CHECK_TEXT(s.find("YOU TYPED") == std::string::npos, s.c_str());
    e->enter("MINE");
    e->waitFor("YOU TYPED: MINE\\.");
}

// free storage CP has in use now (QUERY STORAGE), in kilobytes
static unsigned freeStorageInUse(CpSystem &sys)
{
    std::string q = sys.opcmd("QUERY STORAGE", "IN USE [0-9]+K");
    std::smatch m;
    if (!std::regex_search(q, m, std::regex("IN USE ([0-9]+)K")))
        throw std::runtime_error("no IN USE in " + q);
    return (unsigned)std::stoul(m[1]);
}

// A screen held by its user stops a guest's long CP command output
// (DIAGNOSE X'08' without a response buffer, 32,768 lines of DISPLAY):
// the guest waits, CP keeps no more than a queue's worth in free storage,
// and FORCE still ends the user at once.
SYSTEM_TEST(Display3270, AHeldScreenKeepsAGuestsLongCpOutputOutOfFreeStorage)
{
    CpSystem sys("d3270-held");
    unsigned before = freeStorageInUse(sys);
    auto d = display(sys, 0x00C5);
    logon3270(*d, "USER3", "PASS3");
    d->enter("IPL TD008E PARM CMD DISPLAY 0-7FFFF");
    waitStatus(*d, "MORE...");
    d->key("Enter()");
    waitStatus(*d, "HOLDING");
    std::this_thread::sleep_for(std::chrono::seconds(3));
    unsigned during = freeStorageInUse(sys);
    CHECK_TEXT(during < before + 256, ("in use " + std::to_string(before) + "K before, " +
                                       std::to_string(during) + "K while held").c_str());
    sys.opcmd("FORCE USER3", "CPX133I USER3 forced off", 30);
}

// Another user's messages to a held screen are refused past a backlog
// (CPX058I) instead of piling up in CP's free storage.
SYSTEM_TEST(Display3270, MessagesToAHeldScreenAreRefusedPastABacklog)
{
    CpSystem sys("d3270-msgs");
    unsigned before = freeStorageInUse(sys);
    auto d = display(sys, 0x00C6);
    logon3270(*d, "USER4", "PASS4");
    d->enter("DISPLAY 0-FFF");
    waitStatus(*d, "MORE...");
    d->key("Enter()");
    waitStatus(*d, "HOLDING");

    // eight messages a line (LINEND #): the first arrive, then the
    // backlog refuses the rest
    Telnet3215 &op = sys.op();
    op.sendLine("TERMINAL LINEND #");
    op.drain(0.5);
    std::string refused;
    for (int line = 0; line < 50 && refused.empty(); line++) {
        std::string cmds;
        for (int i = 0; i < 8; i++)
            cmds += (i ? "#" : "") + std::string("MSG USER4 ") + std::to_string(line * 8 + i);
        op.sendLine(cmds);
        std::string got = op.drain(0.3);
        if (got.find("CPX058I USER4 not receiving; too many lines waiting") != std::string::npos)
            refused = got;
        if (line == 0)
            CHECK_TEXT(got.find("CPX058I") == std::string::npos, got.c_str());
    }
    CHECK_TEXT(!refused.empty(), "no MSG was refused");
    CHECK(freeStorageInUse(sys) < before + 256);
}
