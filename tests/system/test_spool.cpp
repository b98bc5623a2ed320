// test_spool.cpp - spooling: the virtual reader, punch and printer
// driven by SIO, files between users with their messages, the queues
// and warm start at IPL.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(Spool) {};


SYSTEM_TEST(Spool, FirstIplFormatsTheAreaAndTheNextOneWarmStarts)
{
    CpSystem sys("spool-ipl", SystemOptions().noIpl());
    sys.herc().command("ipl 0130");
    std::string out = sys.logonOperator(30);
    CHECK_TEXT(out.find("CPX416I") != std::string::npos, out.c_str());
    CHECK_TEXT(out.find("CPX401I") != std::string::npos, out.c_str());
    sys.opcmd("SHUTDOWN", "CPX960I[^\\n]*\\n");
    sys.restart();
    out = sys.opcmd("QUERY FILES", "FILES:[^\\n]*\\n");
    CHECK_TEXT(out.find("FILES: NO RDR, NO PRT, NO PUN") != std::string::npos, out.c_str());
}

SYSTEM_TEST(Spool, FiveHundredCardsFromOneUserToAnotherByteExact)
{
    CpSystem sys("spool-punch");
    auto a = logon(sys, 0x0020, "USER1", "PASS1");
    auto b = logon(sys, 0x0021, "USER2", "PASS2");
    a->sendLine("SPOOL PUNCH TO USER2");
    a->sendLine("QUERY VIRTUAL");
    std::string out = a->readUntil("00D CL A NOCONT NOHOLD COPY 001 TO USER2");
    GuestResult r = runGuest(*a, "TSPOOLE PARM PUNCH 500 7", 60);
    checkAllPassed(r, 2);
    CHECK_TEXT(r.output.find("PUN FILE") != std::string::npos, r.output.c_str());
    out = b->readUntil("RDR FILE [0-9]{4} SENT FROM USER1 +PUN WAS [0-9]{4} RECS 000500 CPY 001 A NOHOLD");
    b->sendLine("QUERY READER");
    out = b->readUntil("USER1 +[0-9]{4} A PUN 00000500 001 NONE[^\\n]*\\n");
    a->sendLine("QUERY FILES");
    out = a->readUntil("FILES:[^\\n]*\\n");
    CHECK_TEXT(out.find("FILES: NO RDR, NO PRT, NO PUN") != std::string::npos, out.c_str());
    checkAllPassed(runGuest(*b, "TSPOOLE PARM READ 500 7", 60), 5);
    b->sendLine("QUERY READER");
    b->readUntil("NO RDR FILES");
}

SYSTEM_TEST(Spool, FilesInTheirQueuesSurviveShutdownAndReIpl)
{
    CpSystem sys("spool-warm");
    {
        auto a = logon(sys, 0x0020, "USER3", "PASS3");
        a->sendLine("SPOOL PUN TO USER4");
        checkAllPassed(runGuest(*a, "TSPOOLE PARM PUNCH 120 3", 60), 1);
        checkAllPassed(runGuest(*a, "TSPOOLE PARM PRINT", 60), 1);
        a->sendLine("QUERY PRINTER");
        a->readUntil("USER3 +[0-9]{4} A PRT 00000011 001 NONE");
    }
    sys.opcmd("SHUTDOWN", "CPX960I[^\\n]*\\n");
    sys.restart();
    auto b = logon(sys, 0x0020, "USER4", "PASS4");
    b->sendLine("QUERY FILES");
    std::string out = b->readUntil("FILES:[^\\n]*\\n");
    CHECK_TEXT(out.find("FILES: 001 RDR, NO PRT, NO PUN") != std::string::npos, out.c_str());
    checkAllPassed(runGuest(*b, "TSPOOLE PARM READ 120 3", 60), 5);
    auto a = logon(sys, 0x0021, "USER3", "PASS3");
    a->sendLine("QUERY PRINTER");
    a->readUntil("USER3 +[0-9]{4} A PRT 00000011 001 NONE");
}

SYSTEM_TEST(Spool, EmptyReaderAndCommandsTheDevicesReject)
{
    CpSystem sys("spool-ccws");
    auto a = logon(sys, 0x0020, "USER5", "PASS5");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM EMPTY"), 4);
    checkAllPassed(runGuest(*a, "TSPOOLE PARM CCWS"), 9);
    a->sendLine("QUERY PUNCH");
    a->readUntil("USER5 +[0-9]{4} A PUN 00000001 001 NONE");
}

SYSTEM_TEST(Spool, SpoolAndCloseRefuseBadOperandsAndChangeNothing)
{
    CpSystem sys("spool-operands");
    auto a = logon(sys, 0x0020, "USER6", "PASS6");
    a->sendLine("SPOOL PUNCH TO NOBODY");
    a->readUntil("CPX109E NOBODY is not in the CP directory");
    a->sendLine("SPOOL PUNCH CLASS AB");
    a->readUntil("CPX431E");
    a->sendLine("SPOOL PUNCH COPY 100");
    a->readUntil("CPX432E");
    a->sendLine("SPOOL 123 CLASS B");
    a->readUntil("CPX430E SPOOL: you have no spool device 123");
    a->sendLine("SPOOL PUNCH HOLD FROB");
    a->readUntil("CPX004E SPOOL: invalid option for PUN: FROB");
    a->sendLine("CLOSE");
    a->readUntil("CPX003E CLOSE needs");
    a->sendLine("QUERY VIRTUAL");
    a->readUntil("00D CL A NOCONT NOHOLD COPY 001\\n");
}

SYSTEM_TEST(Spool, DiagnoseX14ReadsTheDeckByteExactAndRefusesBadParameters)
{
    CpSystem sys("spool-diag14");
    auto a = logon(sys, 0x0020, "USER1", "PASS1");
    auto b = logon(sys, 0x0021, "USER2", "PASS2");
    a->sendLine("SPOOL PUNCH TO USER2");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PUNCH 500 11", 60), 2);
    b->readUntil("RDR FILE [0-9]{4} SENT FROM USER1 ");
    // bad parameters change nothing: the whole deck is still there
    checkAllPassed(runGuest(*b, "TD014E PARM BAD"), 21);
    b->sendLine("QUERY READER");
    b->readUntil("USER1 +[0-9]{4} A PUN 00000500 001 NONE");
    checkAllPassed(runGuest(*b, "TD014E PARM READ 500 11", 60), 20);
    b->sendLine("QUERY READER");
    b->readUntil("NO RDR FILES");
}

SYSTEM_TEST(Spool, DiagnoseX20PunchesAndReadsSynchronously)
{
    CpSystem sys("spool-diag20");
    auto a = logon(sys, 0x0020, "USER5", "PASS5");
    a->sendLine("SPOOL PUNCH TO USER5");
    checkAllPassed(runGuest(*a, "TD014E PARM IO20"), 17);
}

#include <regex>

// the spool ids in a QUERY READER/PRINTER/PUNCH response, in order
static std::vector<int> spoolIds(const std::string &out)
{
    std::vector<int> ids;
    std::regex row("\\n[A-Z0-9$]+ +([0-9]{4}) [A-Z0-9] (RDR|PRT|PUN) ");
    for (std::sregex_iterator it(out.begin(), out.end(), row), end; it != end; ++it)
        ids.push_back(std::stoi((*it)[1]));
    return ids;
}

static std::string queryQueue(Telnet3215 &t, const std::string &q)
{
    t.sendLine("QUERY " + q);
    t.sendLine("QUERY USERID");         // its answer ends the list
    return "\n" + t.readUntil(" AT CP370", 10);
}

SYSTEM_TEST(Spool, SpoolFullClosesTheFileShortAndKeepsEveryOtherFile)
{
    CpSystem sys("spool-full");
    auto a = logon(sys, 0x0020, "USER1", "PASS1");
    auto b = logon(sys, 0x0021, "USER2", "PASS2");
    auto c = logon(sys, 0x0022, "USER3", "PASS3");
    a->sendLine("SPOOL PUNCH TO USER2");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PUNCH 500 5", 60), 2);
    GuestResult full = runGuest(*c, "TSPOOLE PARM FILL", 300);
    checkAllPassed(full, 2);
    CHECK_TEXT(full.output.find("CPX421E Spool space is full; PRT file") != std::string::npos,
               full.output.c_str());
    std::smatch m;
    CHECK_TEXT(std::regex_search(full.output, m, std::regex("LINES ([0-9]+)")), full.output.c_str());
    long lines = std::stol(m[1]);
    CHECK(lines > 10000);
    // the file holds exactly the lines CP took
    char want[64];
    snprintf(want, sizeof want, "PRT %08ld 001 NONE", lines);
    std::string q = queryQueue(*c, "PRINTER");
    CHECK_TEXT(q.find(want) != std::string::npos, q.c_str());
    std::string files = sys.opcmd("QUERY FILES ALL", "SPOOL PAGES[^\\n]*\\n");
    CHECK_TEXT(files.find("FILES: 001 RDR, 001 PRT, NO PUN") != std::string::npos, files.c_str());
    // the deck sent before is whole
    checkAllPassed(runGuest(*b, "TSPOOLE PARM READ 500 5", 60), 5);
    c->sendLine("PURGE PRT ALL");
    c->readUntil("0001 FILE PURGED");
    checkAllPassed(runGuest(*c, "TSPOOLE PARM PRINT", 60), 2);
}

SYSTEM_TEST(Spool, ChangeOrderTransferPurgeAndTheOperatorsView)
{
    CpSystem sys("spool-manage");
    auto a = logon(sys, 0x0020, "USER4", "PASS4");
    auto b = logon(sys, 0x0021, "USER5", "PASS5");
    for (int i = 0; i < 3; i++)
        checkAllPassed(runGuest(*a, "TSPOOLE PARM PRINT", 60), 2);
    std::vector<int> ids = spoolIds(queryQueue(*a, "PRINTER"));
    CHECK_EQUAL(3, (int)ids.size());
    char cmd[128];

    // CHANGE: bad operands change nothing
    a->sendLine("CHANGE PRT 9999 CLASS B");
    a->readUntil("CPX440E CHANGE: no PRT file 9999 for USER4");
    snprintf(cmd, sizeof cmd, "CHANGE PRT %d CLASS BB", ids[1]);
    a->sendLine(cmd);
    a->readUntil("CPX004E CHANGE: invalid option");
    snprintf(cmd, sizeof cmd, "CHANGE PRT %d CLASS B HOLD COPY 3 NAME MY LIST", ids[1]);
    a->sendLine(cmd);
    a->readUntil("0001 FILE CHANGED");
    std::string q = queryQueue(*a, "PRINTER");
    snprintf(cmd, sizeof cmd, "%04d B PRT 00000011 003 USER [0-9/: ]+ MY +LIST", ids[1]);
    CHECK_TEXT(std::regex_search(q, std::regex(cmd)), q.c_str());

    // the operator's HOLD is a system hold: the user cannot release it
    snprintf(cmd, sizeof cmd, "CHANGE USER4 PRT %d HOLD", ids[0]);
    sys.opcmd(cmd, "0001 FILE CHANGED");
    snprintf(cmd, sizeof cmd, "CHANGE PRT %d NOHOLD", ids[0]);
    a->sendLine(cmd);
    a->readUntil("0001 FILE CHANGED");
    q = queryQueue(*a, "PRINTER");
    snprintf(cmd, sizeof cmd, "%04d A PRT 00000011 001 SYS ", ids[0]);
    CHECK_TEXT(q.find(cmd) != std::string::npos, q.c_str());
    snprintf(cmd, sizeof cmd, "CHANGE USER4 PRT %d NOHOLD", ids[0]);
    sys.opcmd(cmd, "0001 FILE CHANGED");
    q = queryQueue(*a, "PRINTER");
    snprintf(cmd, sizeof cmd, "%04d A PRT 00000011 001 NONE", ids[0]);
    CHECK_TEXT(q.find(cmd) != std::string::npos, q.c_str());

    // ORDER: the named files first, in that order
    snprintf(cmd, sizeof cmd, "ORDER PRT %d %d", ids[2], ids[1]);
    a->sendLine(cmd);
    a->readUntil("0002 FILES ORDERED");
    std::vector<int> now = spoolIds(queryQueue(*a, "PRINTER"));
    std::vector<int> want = { ids[2], ids[1], ids[0] };
    CHECK(now == want);

    // TRANSFER to another user's reader, with a message to him
    a->sendLine("TRANSFER PRT 1 TO NOBODY");
    a->readUntil("CPX109E NOBODY is not in the CP directory");
    snprintf(cmd, sizeof cmd, "TRANSFER PRT %d TO USER5", ids[0]);
    a->sendLine(cmd);
    a->readUntil("0001 FILE TRANSFERRED");
    snprintf(cmd, sizeof cmd, "RDR FILE %04d TRANSFERRED FROM USER4 +PRT RECS 000011", ids[0]);
    b->readUntil(cmd);
    std::vector<int> left = spoolIds(queryQueue(*a, "PRINTER"));
    CHECK_EQUAL(2, (int)left.size());
    std::vector<int> got = spoolIds(queryQueue(*b, "READER"));
    CHECK(got == std::vector<int>{ ids[0] });

    // the operator sees every user's files, and purges for them
    std::string all = sys.opcmd("QUERY READER ALL", "USER5 +USER4 [^\\n]*\\n");
    all = sys.opcmd("QUERY PRINTER ALL", "USER4 +USER4 [^\\n]*\\n[^\\n]*\\n");
    b->sendLine("QUERY PRINTER ALL");
    b->readUntil("CPX002E");
    sys.opcmd("PURGE USER5 RDR ALL", "0001 FILE PURGED");
    q = queryQueue(*b, "READER");
    CHECK_TEXT(q.find("NO RDR FILES") != std::string::npos, q.c_str());

    // PURGE by class, then all
    a->sendLine("PURGE PRT 12AB");
    a->readUntil("CPX004E PURGE: invalid spool id: 12AB");
    a->sendLine("PURGE PRT CLASS B");
    a->readUntil("0001 FILE PURGED");
    a->sendLine("PURGE PRT ALL");
    a->readUntil("0001 FILE PURGED");
    q = queryQueue(*a, "PRINTER");
    CHECK_TEXT(q.find("NO PRT FILES") != std::string::npos, q.c_str());
}

SYSTEM_TEST(Spool, SpoolOptionsClassCopyHoldAndContinuous)
{
    CpSystem sys("spool-options");
    auto a = logon(sys, 0x0020, "USER6", "PASS6");
    a->sendLine("SPOOL PRT CLASS C COPY 2 HOLD CONT");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PRINT", 60), 2);
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PRINT", 60), 2);
    // continuous: both runs went into one open file, none in the queue yet
    std::string q = queryQueue(*a, "PRINTER");
    CHECK_TEXT(q.find("NO PRT FILES") != std::string::npos, q.c_str());
    a->sendLine("SPOOL PRT NOCONT");
    a->readUntil("PRT FILE [0-9]{4} TO USER6 +COPY 002 HOLD");
    q = queryQueue(*a, "PRINTER");
    CHECK_TEXT(std::regex_search(q, std::regex("[0-9]{4} C PRT 00000022 002 USER")), q.c_str());
    // a reader spooled HOLD keeps what it read, held
    a->sendLine("SPOOL PUNCH TO USER6");
    a->sendLine("SPOOL READER HOLD");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PUNCH 30 4", 60), 2);
    // read to its end, the file stays, held, so the reader is empty after it
    checkAllPassed(runGuest(*a, "TSPOOLE PARM READ 30 4", 60), 5);
    // a continuous reader reads two files as one deck
    a->sendLine("SPOOL READER NOHOLD CONT");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PUNCH 40 21", 60), 2);
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PUNCH 40 22", 60), 2);
    checkAllPassed(runGuest(*a, "TSPOOLE PARM CONT 40 21 22", 60), 3);
    q = queryQueue(*a, "READER");
    CHECK_TEXT(std::regex_search(q, std::regex("USER6 +[0-9]{4} A PUN 00000030 001 USER")), q.c_str());
}

#include <fstream>
#include <sstream>
#include <unistd.h>

// a Hercules command that (re)loads a device, done before the test goes on
static void devinit(CpSystem &sys, const std::string &args)
{
    size_t from = sys.herc().mark();
    sys.herc().command("devinit " + args);
    sys.herc().waitFor("HHCPN098I Device 0:" + args.substr(0, 4) + " initialized", 10, from);
}

static std::string readFile(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

SYSTEM_TEST(Spool, RealPrinterAndPunchWriteFilesToTheHost)
{
    CpSystem sys("spool-realout");
    auto a = logon(sys, 0x0020, "USER7", "PASS7");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PRINT", 60), 2);
    a->sendLine("SPOOL PUNCH COPY 2");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PUNCH 25 6", 60), 2);
    // drained at IPL: nothing goes out until the operator starts them
    usleep(300000);
    CHECK_EQUAL(0, (int)readFile(sys.dir() + "/printer.txt").size());
    sys.opcmd("START 000E", "PRT 000E STARTED CLASS \\*");
    sys.op().readUntil("CPX452I PRT 000E printed file [0-9]{4} of USER7, 11 records");
    sys.opcmd("START 000D CLASS A", "PUN 000D STARTED CLASS A");
    sys.op().readUntil("CPX452I PUN 000D punched file [0-9]{4} of USER7, 50 records");
    a->sendLine("QUERY FILES");
    std::string out = a->readUntil("FILES:[^\n]*\n");
    CHECK_TEXT(out.find("FILES: NO RDR, NO PRT, NO PUN") != std::string::npos, out.c_str());
    sys.opcmd("DRAIN 000E", "PRT 000E DRAIN[A-Z]*");
    sys.op().readUntil("CPX451I PRT 000E drained");
    sys.opcmd("DRAIN 000D", "PUN 000D DRAIN[A-Z]*");
    out = sys.opcmd("QUERY UR", "PRT 000E[^\n]*\n");
    CHECK_TEXT(out.find("RDR 000C DRAINED  TO ID CARD  0 FILES 0 CARDS") != std::string::npos, out.c_str());
    CHECK_TEXT(out.find("PRT 000E DRAINED  CLASS * 1 FILES 11 RECORDS") != std::string::npos, out.c_str());
    // a drained printer leaves new files in the queue
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PRINT", 60), 2);
    usleep(300000);
    a->sendLine("QUERY FILES");
    out = a->readUntil("FILES:[^\n]*\n");
    CHECK_TEXT(out.find("FILES: NO RDR, 001 PRT, NO PUN") != std::string::npos, out.c_str());

    // the carriage control of every line, as the 1403 did it: no space
    // (CR), space 1-3 after, skip to channel 1 (FF), space and skip at
    // once, skip to channel 9 (lines down to the FCB's channel 9)
    std::string prt = readFile(sys.dir() + "/printer.txt");
    // a separator page names the file; the file starts on the next page
    std::string sep = "*** USER7 FILE ";
    CHECK_TEXT(prt.compare(0, sep.size(), sep) == 0, prt.c_str());
    CHECK_TEXT(std::regex_search(prt, std::regex("^\\*\\*\\* USER7 FILE [0-9]{4} PRT CLASS A "
               "RECORDS 00000011 COPIES 001 FROM USER7 \\*\\*\\*\n\f")), prt.c_str());
    prt = prt.substr(prt.find('\f') + 1);
    std::string head = "LINE 00 OP 09\nLINE 01 OP 01\rLINE 02 OP 11\n\nLINE 03 OP 19\n\n\n"
                       "LINE 04 OP 89\r\f\n\fLINE 07 OP C9\n";
    CHECK_TEXT(prt.compare(0, head.size(), head) == 0, prt.c_str());
    std::string tail = "\n\n\n\n\n\nLINE 10 OP 09\n";
    CHECK_TEXT(prt.size() > head.size() + tail.size() &&
               prt.compare(prt.size() - tail.size(), tail.size(), tail) == 0, prt.c_str());
    std::string pun = readFile(sys.dir() + "/punch.txt");
    CHECK_EQUAL(50, (int)std::count(pun.begin(), pun.end(), '\n'));     // two copies
}

SYSTEM_TEST(Spool, RealReaderSpoolsADeckToTheUserOfItsIdCard)
{
    CpSystem sys("spool-realin");
    auto a = logon(sys, 0x0020, "USER8", "PASS8");
    std::ofstream(sys.dir() + "/deck.txt") << "ID USER8\nFIRST CARD OF THE DECK\nSECOND CARD\n";
    std::ofstream(sys.dir() + "/deck2.txt") << "NO ID CARD HERE\n";
    // the operator starts the reader, then loads a deck
    sys.opcmd("START 000C", "RDR 000C STARTED TO ID CARD");
    usleep(500000);
    devinit(sys, "000C deck.txt ascii eof");
    sys.op().readUntil("CPX455I RDR 000C read file ([0-9]{4}) for USER8, 2 cards");
    a->readUntil("RDR FILE [0-9]{4} SENT FROM SYSTEM +RDR WAS [0-9]{4} RECS 000002 CPY 001 A NOHOLD");
    // without an ID card the deck goes to the operator; the started reader
    // takes the next deck as soon as it is loaded
    usleep(500000);
    devinit(sys, "000C deck2.txt ascii eof");
    sys.op().readUntil("CPX455I RDR 000C read file [0-9]{4} for OPERATOR, 1 cards");
    std::string q = queryQueue(*a, "READER");
    CHECK_TEXT(std::regex_search(q, std::regex("SYSTEM +[0-9]{4} A RDR 00000002 001 NONE")),
               q.c_str());
    // the cards come back out exactly: through the punch queue to the 3525
    std::vector<int> ids = spoolIds(q);
    CHECK_EQUAL(1, (int)ids.size());
    a->sendLine("TRANSFER RDR " + std::to_string(ids[0]) + " TO USER8 PUNCH");
    a->readUntil("0001 FILE TRANSFERRED");
    sys.opcmd("START 000D", "PUN 000D STARTED");
    sys.op().readUntil("CPX452I PUN 000D punched file [0-9]{4} of USER8, 2 records");
    usleep(300000);
    std::string pun = readFile(sys.dir() + "/punch.txt");
    CHECK_TEXT(pun.find("FIRST CARD OF THE DECK") == 0, pun.c_str());
    CHECK_TEXT(pun.find("\nSECOND CARD") != std::string::npos, pun.c_str());
    CHECK_TEXT(pun.find("ID USER8") == std::string::npos, pun.c_str());
    sys.opcmd("START 000X", "CPX460E START: 000X is not a real reader, punch or printer");
    sys.opcmd("START 000C TO NOBODY", "CPX109E NOBODY is not in the CP directory");
}

#include <signal.h>

SYSTEM_TEST(Spool, AfterAKillClosedFilesAreWholeAndTheOpenOneIsDiscarded)
{
    CpSystem sys("spool-kill");
    {
        auto a = logon(sys, 0x0020, "USER1", "PASS1");
        a->sendLine("SPOOL PUNCH TO USER2");
        checkAllPassed(runGuest(*a, "TSPOOLE PARM PUNCH 500 8", 60), 2);
        // a second deck is half punched when the system dies
        a->sendLine("IPL TSPOOLE PARM HANG 300 9");
        a->readUntil("PUNCHED 300", 60);
        ::kill(sys.herc().pid(), SIGKILL);
    }
    sys.restart();
    const std::string &ipl = sys.iplMessages();
    CHECK_TEXT(std::regex_search(ipl, std::regex("CPX403W Spool file [0-9]{4} \\(USER2 RDR\\) was open when the system stopped; discarded")), ipl.c_str());
    CHECK_TEXT(ipl.find("CPX402I Spool warm start: 1 files recovered, 1 discarded") != std::string::npos,
               ipl.c_str());
    std::string files = sys.opcmd("QUERY FILES ALL", "SPOOL PAGES[^\n]*\n");
    CHECK_TEXT(files.find("FILES: 001 RDR, NO PRT, NO PUN") != std::string::npos, files.c_str());
    // the closed deck is whole; new files get pages of their own
    auto a = logon(sys, 0x0020, "USER1", "PASS1");
    a->sendLine("SPOOL PUNCH TO USER2");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PUNCH 400 10", 60), 2);
    auto b = logon(sys, 0x0021, "USER2", "PASS2");
    checkAllPassed(runGuest(*b, "TSPOOLE PARM READ 500 8 1", 60), 3);
    checkAllPassed(runGuest(*b, "TSPOOLE PARM READ 400 10", 60), 5);
}

SYSTEM_TEST(Spool, ColdStartIsTheOperatorsExplicitChoice)
{
    CpSystem sys("spool-cold");
    auto a = logon(sys, 0x0020, "USER3", "PASS3");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PRINT", 60), 2);
    sys.opcmd("START SPOOL", "CPX003E START SPOOL needs COLD");
    sys.opcmd("START 000D", "PUN 000D STARTED");
    sys.opcmd("START SPOOL COLD", "CPX461E START SPOOL COLD refused: PUN 000D is started");
    sys.opcmd("DRAIN 000D", "PUN 000D DRAIN");
    a->sendLine("START SPOOL COLD");
    a->readUntil("CPX002E START is not authorized");
    std::string files = sys.opcmd("QUERY FILES ALL", "SPOOL PAGES[^\n]*\n");
    CHECK_TEXT(files.find("FILES: NO RDR, 001 PRT, NO PUN") != std::string::npos, files.c_str());
    sys.opcmd("START SPOOL COLD", "CPX463I Spool cold started: every spool file is erased");
    files = sys.opcmd("QUERY FILES ALL", "SPOOL PAGES[^\n]*\n");
    CHECK_TEXT(files.find("FILES: NO RDR, NO PRT, NO PUN") != std::string::npos, files.c_str());
    // and the spool works on
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PRINT", 60), 2);
    a->sendLine("QUERY FILES");
    a->readUntil("FILES: NO RDR, 001 PRT, NO PUN");
}

SYSTEM_TEST(Spool, LogoffAndDetachCloseTheOpenFileIntoItsQueue)
{
    CpSystem sys("spool-logoff");
    auto b = logon(sys, 0x0021, "USER2", "PASS2");
    {
        auto a = logon(sys, 0x0020, "USER1", "PASS1");
        a->sendLine("SPOOL PUNCH TO USER2");
        a->sendLine("IPL TSPOOLE PARM HANG 300 12");
        a->readUntil("PUNCHED 300", 60);
        a->sendLine("#CP LOGOFF");
        a->readUntil("LOGOFF AT");
    }
    b->readUntil("RDR FILE [0-9]{4} SENT FROM USER1 +PUN WAS [0-9]{4} RECS 000300 CPY 001 A NOHOLD");
    checkAllPassed(runGuest(*b, "TSPOOLE PARM READ 300 12", 60), 5);
    // DETACH of a punch with a file open closes it the same way
    b->sendLine("SPOOL PUNCH TO USER2");
    b->sendLine("IPL TSPOOLE PARM HANG 20 13");
    b->readUntil("PUNCHED 20", 60);
    b->sendLine("#CP DETACH 00D");
    b->readUntil("RDR FILE [0-9]{4} SENT FROM USER2 +PUN WAS [0-9]{4} RECS 000020");
}

SYSTEM_TEST(Spool, APrinterThatFailsKeepsTheFileAndIsDrained)
{
    CpSystem sys("spool-prtfail");
    auto a = logon(sys, 0x0020, "USER7", "PASS7");
    checkAllPassed(runGuest(*a, "TSPOOLE PARM PRINT", 60), 2);
    devinit(sys, "000E no/such/folder/printer.txt");
    sys.opcmd("START 000E", "PRT 000E STARTED");
    sys.op().readUntil("CPX453E PRT 000E is not ready[^\n]*stays in the queue");
    sys.op().readUntil("CPX451I PRT 000E drained");
    a->sendLine("QUERY FILES");
    a->readUntil("FILES: NO RDR, 001 PRT, NO PUN");
    // ready again: START prints the file from its start
    devinit(sys, "000E printer.txt");
    sys.opcmd("START 000E", "PRT 000E STARTED");
    sys.op().readUntil("CPX452I PRT 000E printed file [0-9]{4} of USER7, 11 records");
    usleep(300000);
    std::string prt = readFile(sys.dir() + "/printer.txt");
    CHECK_TEXT(prt.find("\fLINE 00 OP 09\n") != std::string::npos, prt.c_str());
}
