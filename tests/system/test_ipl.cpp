// test_ipl.cpp - IPL from a device as S/370 does it (docs/virtual-machine.md):
// 24 bytes to location 0, then the channel program from location 8 with
// each CCW fetched when the channel reaches it, so bootstraps that read
// their own next CCWs and TIC into them work, from a minidisk and from the
// virtual reader.  The bootstraps are made by the guest TMKIPLE.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(Ipl) {};

SYSTEM_TEST(Ipl, ADiskBootstrapReadsItsOwnNextCcws)
{
    CpSystem sys("ipl-chain");
    auto t = logon(sys, 0x0020, "USER3", "PASS3");
    checkAllPassed(runGuest(*t, "TMKIPLE PARM CHAIN"), 1);
    t->sendLine("IPL 191");
    // the text comes from record 5, read by a CCW of record 4, which a
    // CCW of record 2 read and TICed to
    t->readUntil("DISK CHAINED OK");
    t->readUntil("CPX400W Disabled wait state, PSW 000A0000 0000B007");
    // an EC-mode IPL PSW: the device address is at locations 186-187
    t->sendLine("DISPLAY B8.8");
    std::string d = t->readUntil("0000B8 [^\\n]*\\n");
    CHECK_TEXT(d.find("0000B8  00000191 ") != std::string::npos, d.c_str());
    t->sendLine("IPL 191");                         // the same again: nothing left over
    t->readUntil("DISK CHAINED OK");
}

SYSTEM_TEST(Ipl, AReaderDeckIplsFromTheVirtualReader)
{
    CpSystem sys("ipl-deck");
    auto t = logon(sys, 0x0020, "USER3", "PASS3");
    t->sendLine("IPL 00C");                         // nothing in the reader
    t->readUntil("CPX038E IPL from 00C failed: nothing to read \\(intervention required\\)");
    t->sendLine("SPOOL PUNCH TO USER3");
    checkAllPassed(runGuest(*t, "TMKIPLE PARM DECK"), 1);
    t->sendLine("IPL 00C");
    t->readUntil("CARD DECK IPL OK");
    t->readUntil("CPX400W Disabled wait state, PSW 000A0000 0000B007");
    // a BC-mode IPL PSW: the device address is its interruption code
    t->sendLine("DISPLAY 0.8");
    std::string d = t->readUntil("000000 [^\\n]*\\n");
    CHECK_TEXT(d.find("000000  0000000C 00002000") != std::string::npos, d.c_str());
    // the deck was read: the reader is empty again
    t->sendLine("IPL 00C");
    t->readUntil("CPX038E IPL from 00C failed: nothing to read");
}

SYSTEM_TEST(Ipl, BadIplRecordsAreClearMessagesAndCpGoesOn)
{
    CpSystem sys("ipl-bad");
    auto t = logon(sys, 0x0020, "USER3", "PASS3");
    // a wild data address in CCW 1 of the IPL record
    checkAllPassed(runGuest(*t, "TMKIPLE PARM BADDISK"), 1);
    t->sendLine("IPL 191");
    t->readUntil("CPX038E IPL from 191 failed: channel program check at CCW 000008 "
                 "\\(a bad CCW, or an address outside storage\\)");
    // a CCW with command code 00 in the deck's second card
    t->sendLine("SPOOL PUNCH TO USER3");
    checkAllPassed(runGuest(*t, "TMKIPLE PARM BADDECK"), 1);
    t->sendLine("IPL 00C");
    t->readUntil("CPX038E IPL from 00C failed: channel program check at CCW 0004[0-9A-F]{2}");
    // bootstraps that would never end: CP stops them
    checkAllPassed(runGuest(*t, "TMKIPLE PARM LOOPDISK"), 1);
    t->sendLine("IPL 191");
    t->readUntil("CPX038E IPL from 191 failed: its channel program does not end "
                 "\\(stopped at CCW 0000(08|10)\\)");
    checkAllPassed(runGuest(*t, "TMKIPLE PARM LOOPDECK"), 1);
    t->sendLine("IPL 00C");
    t->readUntil("CPX038E IPL from 00C failed: its channel program does not end");
    t->sendLine("IPL 009");
    t->readUntil("CPX037E Device 009 cannot be IPLed: not a minidisk or reader");
    t->sendLine("IPL 00D");
    t->readUntil("CPX037E Device 00D cannot be IPLed");
    t->sendLine("IPL 190");                         // a CMS disk whose record 1 is empty
    t->readUntil("CPX038E IPL from 190 failed: [^\\n]*\\n");
    // CP and the user's machine go on: a good bootstrap still runs
    checkAllPassed(runGuest(*t, "TMKIPLE"), 1);
    t->sendLine("IPL 191");
    t->readUntil("IPL FROM DISK OK");
    sys.opcmd("QUERY NAMES", "USER3[^\\n]*\\n");
}
