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
    std::string out = sys.op().readUntil("CPX013I .* ready at", 30);
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
