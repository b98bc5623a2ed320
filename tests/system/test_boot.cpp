// test_boot.cpp - CP comes up from the system volume and the operator
// console works: the rules of the foundation.
#include "harness/cpsystem.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(Boot) {};

SYSTEM_TEST(Boot, IplFromDasdShowsLogoStorageAndDevices)
{
    CpSystem sys("boot-logo", SystemOptions().noIpl());
    sys.herc().command("ipl 0130");
    std::string out = sys.logonOperator();
    CHECK(out.find("cp370 1.0, a VM/370-style Control Program") != std::string::npos);
    CHECK(out.find("CPX010I Real storage 65536K") != std::string::npos);
    CHECK(out.find("CPX011I Device 0130 3350 DASD    CPRES1") != std::string::npos);
    CHECK(out.find("CPX011I Device 0009 3215 CONS") != std::string::npos);
    CHECK(out.find("CPX012I System residence 0130 CPRES1") != std::string::npos);
}

SYSTEM_TEST(Boot, StorageSizeFollowsTheMachine)
{
    CpSystem sys("boot-storage", SystemOptions().storage(16).noIpl());
    sys.herc().command("ipl 0130");
    std::string out = sys.logonOperator();
    CHECK(out.find("CPX010I Real storage 16384K") != std::string::npos);
}

SYSTEM_TEST(Boot, TerminalThatConnectsLaterSeesTheLogo)
{
    CpSystem sys("boot-terminal");
    auto t = sys.terminal(0x0020);
    std::string out = t->readUntil("Enter LOGON userid", 10);
    CHECK(out.find("cp370 ONLINE") != std::string::npos);
    CHECK(out.find("terminal 0020") != std::string::npos);
}

SYSTEM_TEST(Boot, OperatorConnectingAfterIplSeesTheIplMessages)
{
    CpSystem sys("boot-late-operator", SystemOptions().noIpl());
    sys.op().close();
    sys.herc().command("ipl 0130");
    sys.herc().waitFor("HHCTE|IPL|ipl", 5);
    // give CP time to come up with nobody on 0009
    Telnet3215 late(sys.port(), 0x0009);
    std::string out = operatorLogon(late);
    CHECK(out.find("CPX010I Real storage") != std::string::npos);
}
