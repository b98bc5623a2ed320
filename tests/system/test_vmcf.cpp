// test_vmcf.cpp - VMCF (DIAGNOSE X'68') and SMSG between two virtual
// machines that talk: tests/guest/td068.c runs in both, one the sink,
// one the source.
#include "harness/cpsystem.h"
#include "harness/guestrun.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(Vmcf) {};

SYSTEM_TEST(Vmcf, TwoMachinesSendReceiveReplyAndSmsg)
{
    CpSystem sys("vmcf");
    auto sink = logon(sys, 0x0020, "USER1", "PASS1");
    auto source = logon(sys, 0x0021, "USER2", "PASS2");
    sink->sendLine("IPL TD068E PARM SINK USER2");
    sink->readUntil("SINK READY");
    GuestResult s = runGuest(*source, "TD068E PARM SOURCE USER1", 60);
    GuestResult k = collectGuest(*sink, 30);
    checkAllPassed(s, 9);
    checkAllPassed(k, 15);
    // QUERY SET shows the sink's SET SMSG ON
    sink->sendLine("QUERY SET");
    sink->readUntil("SMSG ON");
}

SYSTEM_TEST(Vmcf, SmsgToAMachineThatDidNotAuthorizeIsRefused)
{
    CpSystem sys("smsg-refused");
    auto u = logon(sys, 0x0020, "USER1", "PASS1");
    sys.op().sendLine("SMSG USER1 ANYBODY THERE");
    sys.op().readUntil("CPX057I USER1 not receiving; SMSG OFF or not authorized");
    sys.op().sendLine("SMSG NOBODY HELLO");
    sys.op().readUntil("CPX045E NOBODY not logged on");
}
