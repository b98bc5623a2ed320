// test_vmcf.cpp - DIAGNOSE X'68', VMCF: two virtual machines send each
// other messages; every bad parameter list gets its return code or
// program check.
extern "C" {
#include "diag/diag.h"
#include "cp/vm/vmcf.h"
#include "arch370/pgm.h"
#include "arch370/be.h"
#define DIAG(code, name, summary) int diag_##code##_##name(struct diag_args *a);
#include "diag/diag.def"
#undef DIAG
}
#include "fakevm.h"
#include <CppUTest/TestHarness.h>
#include <cstring>


static FakeVm *a, *b;                   // "TESTER" and "OTHER"

#define PARM    0x2000                  // the parameter list, in either machine
#define EXTBUF  0x3000                  // the external interruption buffer
#define DATA    0x4000
#define REPLYB  0x5000

// DIAGNOSE X'68' in machine v with this parameter list; the return code
// in Ry, or the program-interruption code as a negative number
static int vmcf(FakeVm *v, u16 func, const char *user = "", u32 mid = 0, u32 vada = 0,
                u32 lena = 0, u32 vadb = 0, u32 lenb = 0, u8 flags = 0)
{
    u8 p[VMCP_SIZE] = { 0 };
    p[VMCP_FLG1] = flags;
    put_be16(p + VMCP_FUNC, func);
    put_be32(p + VMCP_MID, mid);
    v->put(PARM, p, sizeof p);
    v->putEbcdic(PARM + VMCP_USER, (std::string(user) + "        ").substr(0, 8));
    put_be32(p, vada);
    v->put(PARM + VMCP_VADA, p, 4);
    put_be32(p, lena);
    v->put(PARM + VMCP_LENA, p, 4);
    put_be32(p, vadb);
    v->put(PARM + VMCP_VADB, p, 4);
    put_be32(p, lenb);
    v->put(PARM + VMCP_LENB, p, 4);
    v->vm.cpu.ctx.gpr[2] = PARM;
    struct diag_args args = { &v->vm, 0x68, 2, 3, v->vm.cpu.ctx.gpr };
    int rc = diag_068_vmcf(&args);
    return rc ? -rc : (int)v->vm.cpu.ctx.gpr[3];
}

// take the next X'4001' of machine v: its header's status byte and function
static bool interruption(FakeVm *v, u8 *stat, u16 *func, std::string *user = nullptr)
{
    if (!vmcf_present(&v->vm))
        return false;
    *stat = (u8)(v->get32(EXTBUF) >> 24);
    *func = (u16)(v->get32(EXTBUF) & 0xFFFF);
    if (user)
        *user = v->getEbcdic(EXTBUF + 8, 8);
    return true;
}

TEST_GROUP(Vmcf)
{
    void setup()
    {
        a = new FakeVm(1 << 20);
        b = new FakeVm("OTHER", 1 << 20);
    }
    void teardown()
    {
        delete b;
        delete a;
    }
};

TEST(Vmcf, AMachineThatNeverAuthorizedGetsReturnCode4)
{
    LONGS_EQUAL(VMCF_NOTAUTH, vmcf(a, VMCF_SEND, "OTHER", 1, DATA, 10));
    LONGS_EQUAL(VMCF_NOTAUTH, vmcf(a, VMCF_UNAUTHORIZE));
    LONGS_EQUAL(VMCF_NOTAUTH, vmcf(a, VMCF_RECEIVE, "OTHER", 1, DATA, 10));
}

TEST(Vmcf, BadParameterListsGetTheirReturnCodeOrProgramCheck)
{
    a->vm.cpu.ctx.gpr[2] = PARM + 4;            // not a doubleword
    struct diag_args args = { &a->vm, 0x68, 2, 3, a->vm.cpu.ctx.gpr };
    LONGS_EQUAL(PGM_SPECIFICATION, diag_068_vmcf(&args));
    a->vm.cpu.ctx.gpr[2] = 0x00FFFFF8;          // beyond the storage
    LONGS_EQUAL(PGM_ADDRESSING, diag_068_vmcf(&args));
    LONGS_EQUAL(VMCF_BADFUNC, vmcf(a, 12));
    LONGS_EQUAL(VMCF_BADFUNC, vmcf(a, 0xFFFF));
    LONGS_EQUAL(VMCF_BADBUF, vmcf(a, VMCF_AUTHORIZE, "", 0, EXTBUF + 4, 64));   // not aligned
    LONGS_EQUAL(VMCF_BADBUF, vmcf(a, VMCF_AUTHORIZE, "", 0, EXTBUF, 39));       // too short
    LONGS_EQUAL(VMCF_BADBUF, vmcf(a, VMCF_AUTHORIZE, "", 0, 0xFFFF00, 64));     // beyond storage
    LONGS_EQUAL(VMCF_OK, vmcf(a, VMCF_AUTHORIZE, "", 0, EXTBUF, 256));
    LONGS_EQUAL(VMCF_NOTAVAIL, vmcf(a, VMCF_SEND, "OTHER", 1, DATA, 10));     // not authorized
    LONGS_EQUAL(VMCF_NOTAVAIL, vmcf(a, VMCF_SEND, "NOBODY", 1, DATA, 10));    // not logged on
    LONGS_EQUAL(VMCF_OK, vmcf(b, VMCF_AUTHORIZE, "", 0, EXTBUF, 64));
    LONGS_EQUAL(VMCF_BADBUF, vmcf(a, VMCF_SEND, "OTHER", 1, 0xFFFFF0, 0x100)); // data beyond
    LONGS_EQUAL(VMCF_BADBUF, vmcf(a, VMCF_SEND, "OTHER", 1, DATA, 0xFFFFFFFF));
    LONGS_EQUAL(VMCF_TOOBIG, vmcf(a, VMCF_SENDX, "OTHER", 1, DATA, 64 - 40 + 1));
    LONGS_EQUAL(VMCF_NOTFOUND, vmcf(b, VMCF_RECEIVE, "TESTER", 9, DATA, 10));
    LONGS_EQUAL(VMCF_NOTFOUND, vmcf(a, VMCF_CANCEL, "OTHER", 9));
}

TEST(Vmcf, SendAndReceiveMoveTheDataAndEndInAResponse)
{
    u8 stat;
    u16 func;
    std::string who;
    vmcf(a, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    vmcf(b, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    a->putEbcdic(DATA, "HELLO OTHER");
    LONGS_EQUAL(VMCF_OK, vmcf(a, VMCF_SEND, "OTHER", 7, DATA, 11));
    LONGS_EQUAL(VMCF_DUPLICATE, vmcf(a, VMCF_SEND, "OTHER", 7, DATA, 11));
    CHECK(vmcf_pending(&b->vm));
    CHECK(interruption(b, &stat, &func, &who));
    LONGS_EQUAL(0, stat);
    LONGS_EQUAL(VMCF_SEND, func);
    STRCMP_EQUAL("TESTER  ", who.c_str());
    LONGS_EQUAL(7, b->get32(EXTBUF + VMCP_MID));
    LONGS_EQUAL(11, b->get32(EXTBUF + VMCP_LENA));
    LONGS_EQUAL(VMCF_OK, vmcf(b, VMCF_RECEIVE, "TESTER", 7, DATA + 0x100, 80));
    STRCMP_EQUAL("HELLO OTHER", b->getEbcdic(DATA + 0x100, 11).c_str());
    LONGS_EQUAL(VMCF_NOTFOUND, vmcf(b, VMCF_RECEIVE, "TESTER", 7, DATA + 0x100, 80));
    CHECK(interruption(a, &stat, &func, &who));
    LONGS_EQUAL(VMCM_S_RESP, stat);
    STRCMP_EQUAL("OTHER   ", who.c_str());
    CHECK_FALSE(vmcf_pending(&a->vm));
}

TEST(Vmcf, SendRecvIsAnsweredByReplyIntoTheSourcesBuffer)
{
    u8 stat;
    u16 func;
    vmcf(a, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    vmcf(b, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    a->putEbcdic(DATA, "QUESTION");
    LONGS_EQUAL(VMCF_OK, vmcf(a, VMCF_SENDRECV, "OTHER", 3, DATA, 8, REPLYB, 16));
    CHECK(interruption(b, &stat, &func));
    LONGS_EQUAL(VMCF_SENDRECV, func);
    LONGS_EQUAL(VMCF_PROTOCOL, vmcf(b, VMCF_REPLY, "TESTER", 3, DATA, 6));   // not received
    LONGS_EQUAL(VMCF_OK, vmcf(b, VMCF_RECEIVE, "TESTER", 3, DATA, 8));
    b->putEbcdic(DATA + 0x10, "ANSWER");
    LONGS_EQUAL(VMCF_OK, vmcf(b, VMCF_REPLY, "TESTER", 3, DATA + 0x10, 6));
    STRCMP_EQUAL("ANSWER", a->getEbcdic(REPLYB, 6).c_str());
    CHECK(interruption(a, &stat, &func));
    LONGS_EQUAL(VMCM_S_RESP, stat);
    LONGS_EQUAL(10, a->get32(EXTBUF + VMCP_LENB));          // 16 - 6 not used
}

TEST(Vmcf, SendxCarriesItsDataInTheInterruption)
{
    u8 stat;
    u16 func;
    vmcf(a, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    vmcf(b, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    a->putEbcdic(DATA, "IN THE HEADER");
    LONGS_EQUAL(VMCF_OK, vmcf(a, VMCF_SENDX, "OTHER", 1, DATA, 13));
    CHECK(interruption(b, &stat, &func));
    LONGS_EQUAL(VMCF_SENDX, func);
    STRCMP_EQUAL("IN THE HEADER", b->getEbcdic(EXTBUF + VMCM_HDR, 13).c_str());
    CHECK(interruption(a, &stat, &func));                   // delivered: a RESPONSE
    LONGS_EQUAL(VMCM_S_RESP, stat);
}

TEST(Vmcf, RejectQuiesceCancelAndIdentify)
{
    u8 stat;
    u16 func;
    vmcf(a, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    vmcf(b, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    LONGS_EQUAL(VMCF_OK, vmcf(a, VMCF_SEND, "OTHER", 1, DATA, 4));
    LONGS_EQUAL(VMCF_OK, vmcf(b, VMCF_REJECT, "TESTER", 1));
    CHECK(interruption(b, &stat, &func));                   // the SEND itself
    CHECK(interruption(a, &stat, &func));
    LONGS_EQUAL(VMCM_S_RESP | VMCM_S_RJCT, stat);
    LONGS_EQUAL(VMCF_OK, vmcf(b, VMCF_QUIESCE));
    LONGS_EQUAL(VMCF_QUIESCED, vmcf(a, VMCF_SEND, "OTHER", 2, DATA, 4));
    LONGS_EQUAL(VMCF_OK, vmcf(b, VMCF_RESUME));
    LONGS_EQUAL(VMCF_OK, vmcf(a, VMCF_SEND, "OTHER", 2, DATA, 4));
    LONGS_EQUAL(VMCF_PROTOCOL, vmcf(b, VMCF_CANCEL, "TESTER", 2));    // not b's message
    LONGS_EQUAL(VMCF_OK, vmcf(a, VMCF_CANCEL, "OTHER", 2));
    CHECK_FALSE(vmcf_pending(&b->vm));                      // its SEND went with it
    LONGS_EQUAL(VMCF_OK, vmcf(a, VMCF_IDENTIFY, "OTHER", 5));
    CHECK(interruption(b, &stat, &func));
    LONGS_EQUAL(VMCM_S_RESP, stat);
    LONGS_EQUAL(VMCF_IDENTIFY, func);
}

TEST(Vmcf, AuthorizeSpecificTakesOnlyThatUser)
{
    vmcf(a, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    vmcf(b, VMCF_AUTHORIZE, "SOMEONE", 0, EXTBUF, 256, 0, 0, VMCP_F_SPECIFIC);
    LONGS_EQUAL(VMCF_NOTAVAIL, vmcf(a, VMCF_SEND, "OTHER", 1, DATA, 4));
}

TEST(Vmcf, ASinkThatGoesAwayAnswersItsSendersWithError5)
{
    u8 stat;
    u16 func;
    vmcf(a, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    vmcf(b, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    LONGS_EQUAL(VMCF_OK, vmcf(a, VMCF_SEND, "OTHER", 1, DATA, 4));
    LONGS_EQUAL(VMCF_OK, vmcf(b, VMCF_UNAUTHORIZE));
    CHECK(interruption(a, &stat, &func));
    LONGS_EQUAL(VMCM_S_RESP, stat);
    LONGS_EQUAL(VMCF_NOTAVAIL, (a->get32(EXTBUF) >> 16) & 0xFF);
    LONGS_EQUAL(VMCF_NOTAVAIL, vmcf(a, VMCF_SEND, "OTHER", 2, DATA, 4));
}

TEST(Vmcf, SmsgReachesOnlyAMachineThatTakesIt)
{
    u8 stat;
    u16 func;
    std::string who;
    LONGS_EQUAL(VMCF_SMSG_OFF, vmcf_smsg(&b->vm, "TESTER", "HI"));     // not authorized
    vmcf(b, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    LONGS_EQUAL(VMCF_SMSG_OFF, vmcf_smsg(&b->vm, "TESTER", "HI"));     // SET SMSG OFF
    b->user.smsg_on = true;
    LONGS_EQUAL(VMCF_OK, vmcf_smsg(&b->vm, "TESTER", "HI THERE"));
    CHECK(interruption(b, &stat, &func, &who));
    LONGS_EQUAL(VMCF_SENDX, func);
    STRCMP_EQUAL("SYSTEM  ", who.c_str());
    STRCMP_EQUAL("TESTER  HI THERE", b->getEbcdic(EXTBUF + VMCM_HDR, 16).c_str());
}

// A machine that takes no interruptions is not flooded without end: past
// VMCF_MAXWAITING waiting ones SMSG is refused, and taking one makes room.
TEST(Vmcf, SmsgIsRefusedPastABacklogOfWaitingInterruptions)
{
    u8 stat;
    u16 func;
    vmcf(b, VMCF_AUTHORIZE, "", 0, EXTBUF, 256);
    b->user.smsg_on = true;
    for (int i = 0; i < VMCF_MAXWAITING; i++)
        LONGS_EQUAL(VMCF_OK, vmcf_smsg(&b->vm, "TESTER", "AGAIN"));
    LONGS_EQUAL(VMCF_SMSG_BACKLOG, vmcf_smsg(&b->vm, "TESTER", "ONE TOO MANY"));
    CHECK(interruption(b, &stat, &func));
    LONGS_EQUAL(VMCF_OK, vmcf_smsg(&b->vm, "TESTER", "NOW THERE IS ROOM"));
}
