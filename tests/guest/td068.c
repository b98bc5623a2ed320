/* td068.c - DIAGNOSE X'68' VMCF between two virtual machines, and SMSG.
 *
 * Run in two machines at once: IPL TD068E PARM SINK userid in one, then
 * IPL TD068E PARM SOURCE userid in the other (userid: the other one).
 * The source SEND/RECVs "PING" (retrying while the sink has not
 * authorized yet), the sink RECEIVEs it and REPLYs "PONG", the source
 * gets its RESPONSE with the reply in its buffer, then sends the sink an
 * SMSG through CP.  Each side also checks its error cases. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ebcdic.h"
#include "arch370/pgm.h"

#define EXT_VMCF        0x4001
#define F_AUTHORIZE     0
#define F_UNAUTHORIZE   1
#define F_SENDRECV      3
#define F_SENDX         4
#define F_RECEIVE       5
#define F_REPLY         7

static u8 parm[48] __attribute__((aligned(8)));
static u8 extbuf[256] __attribute__((aligned(8)));
static u8 data[64], reply[64];
static struct cp370_diag_regs r;
static struct trap t;
static char other[9];

static void put32(u8 *p, u32 v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }
static u32 get32(const u8 *p) { return (u32)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }

static void call(void *arg)
{
    (void)arg;
    cp370_diag_068_vmcf(&r);
}

/* X'68' with a parameter list at addr: the interruption class; Ry in *rc */
static int vmcf_at(u32 addr, u32 *rc)
{
    int cls;

    r.rx = addr;
    r.ry = 0xEEEEEEEEu;
    cls = trap_call(call, NULL, &t);
    *rc = r.ry;
    return cls;
}

static u32 vmcf(u16 func, const char *user, u32 mid, void *a, u32 alen, void *b, u32 blen)
{
    char padded[8];
    u32 rc;

    memset(parm, 0, sizeof parm);
    parm[2] = (u8)(func >> 8);
    parm[3] = (u8)func;
    put32(parm + 4, mid);
    memset(padded, ' ', 8);
    memcpy(padded, user, strlen(user));
    ebc_from_ascii(parm + 8, padded, 8);
    put32(parm + 16, (u32)(uintptr_t)a);
    put32(parm + 20, alen);
    put32(parm + 24, (u32)(uintptr_t)b);
    put32(parm + 28, blen);
    if (vmcf_at((u32)(uintptr_t)parm, &rc) != TRAP_NONE)
        return 0xFFFFFFFFu;
    return rc;
}

static void wait_ext(void *arg)
{
    (void)arg;
    enabled_wait(0x01);                 /* EC mode: external interruptions */
}

/* the next X'4001': true, with the header in extbuf; other external
 * interruptions (the interval timer, enabled by CR0 after reset) pass */
static bool next_vmcf(void)
{
    for (int i = 0; i < 100; i++) {
        if (trap_call(wait_ext, NULL, &t) != TRAP_EXT)
            return false;
        if (t.code == EXT_VMCF)
            return true;
    }
    return false;
}

static u16 hdr_func(void) { return (u16)(extbuf[2] << 8 | extbuf[3]); }

static bool hdr_user(const char *want)
{
    char u[9];

    ebc_to_ascii_buf(u, extbuf + 8, 8);
    u[8] = 0;
    for (int i = 7; i >= 0 && u[i] == ' '; i--)
        u[i] = 0;
    return !strcmp(u, want);
}

static void errors(void)
{
    u32 rc;
    int cls;

    CHECK_EQ("X'68' before AUTHORIZE: return code 4", 4, vmcf(F_SENDRECV, other, 1, data, 4, reply, 4));
    cls = vmcf_at((u32)(uintptr_t)parm + 4, &rc);
    report("X'68' with a parameter list off a doubleword is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    cls = vmcf_at(0x00FFFFF8u, &rc);
    report("X'68' with the parameter list beyond storage is an addressing exception",
           cls == TRAP_PGM && t.code == PGM_ADDRESSING, "class %d code %X", cls, t.code);
    CHECK_EQ("X'68' AUTHORIZE with a buffer beyond storage: return code 1", 1,
             vmcf(F_AUTHORIZE, "", 0, (void *)0x00FFFF00, 256, NULL, 0));
    CHECK_EQ("X'68' subfunction 99: return code 2", 2, vmcf(99, "", 0, NULL, 0, NULL, 0));
}

static void sink(void)
{
    int crc = -1;

    cp_command("SET SMSG ON", NULL, 0, &crc);
    CHECK_EQ("SET SMSG ON: CP return code 0", 0, crc);
    CHECK_EQ("X'68' AUTHORIZE: return code 0", 0, vmcf(F_AUTHORIZE, "", 0, extbuf, sizeof extbuf, NULL, 0));
    con_write("SINK READY");
    report("the SEND/RECV arrives as external interruption X'4001'", next_vmcf(), "code %X", t.code);
    report("... its header names SEND/RECV and the source", hdr_func() == F_SENDRECV && hdr_user(other),
           "func %u", hdr_func());
    CHECK_EQ("X'68' RECEIVE: return code 0", 0,
             vmcf(F_RECEIVE, other, get32(extbuf + 4), data, sizeof data, NULL, 0));
    report("RECEIVE brought the source's data", !memcmp(data, "PING", 4), "%.4s", (char *)data);
    CHECK_EQ("X'68' RECEIVE again: return code 3 (protocol)", 3,
             vmcf(F_RECEIVE, other, get32(extbuf + 4), data, sizeof data, NULL, 0));
    memcpy(reply, "PONG", 4);
    CHECK_EQ("X'68' REPLY: return code 0", 0, vmcf(F_REPLY, other, get32(extbuf + 4), reply, 4, NULL, 0));
    report("an SMSG arrives as a SENDX from SYSTEM", next_vmcf() && hdr_func() == F_SENDX &&
           hdr_user("SYSTEM"), "func %u", hdr_func());
    {
        char text[32];
        ebc_to_ascii_buf(text, extbuf + 40, 18);
        text[18] = 0;
        report("... the sender's userid, then the text", !strncmp(text + 8, "HELLO SINK", 10) &&
               !strncmp(text, other, strlen(other)), "'%s'", text);
    }
    CHECK_EQ("X'68' UNAUTHORIZE: return code 0", 0, vmcf(F_UNAUTHORIZE, "", 0, NULL, 0, NULL, 0));
    CHECK_EQ("X'68' UNAUTHORIZE again: return code 4", 4, vmcf(F_UNAUTHORIZE, "", 0, NULL, 0, NULL, 0));
}

static void source(void)
{
    u32 rc = 5;
    char cmd[40];

    CHECK_EQ("X'68' AUTHORIZE: return code 0", 0, vmcf(F_AUTHORIZE, "", 0, extbuf, sizeof extbuf, NULL, 0));
    memcpy(data, "PING", 4);
    memset(reply, 0, sizeof reply);
    /* until the sink has authorized: return code 5 (not available) */
    for (int i = 0; i < 2000 && rc == 5; i++) {
        rc = vmcf(F_SENDRECV, other, 42, data, 4, reply, sizeof reply);
        if (rc == 5)
            for (u64 t0 = get_tod(); get_tod() - t0 < (10000ull << 12); )
                ;                       /* 10 ms */
    }
    CHECK_EQ("X'68' SEND/RECV: return code 0", 0, rc);
    report("the RESPONSE arrives as external interruption X'4001'", next_vmcf() && (extbuf[0] & 0x80),
           "class %u code %X status %02X", t.cls, t.code, extbuf[0]);
    report("... with the sink's REPLY in the reply buffer", !memcmp(reply, "PONG", 4), "%.4s", (char *)reply);
    CHECK_EQ("... and the residual reply count", sizeof reply - 4, get32(extbuf + 28));
    fmt_snprintf(cmd, sizeof cmd, "SMSG %s HELLO SINK", other);
    int crc = -1;
    cp_command(cmd, NULL, 0, &crc);
    CHECK_EQ("SMSG to the sink: CP return code 0", 0, crc);
}

int main(void)
{
    const char *p = guest_parm();
    bool is_sink;
    int n = 0;

    while (*p == ' ')
        p++;
    is_sink = !strncmp(p, "SINK", 4);
    while (*p && *p != ' ')
        p++;
    while (*p == ' ')
        p++;
    while (*p && *p != ' ' && n < 8)
        other[n++] = *p++;
    errors();
    if (is_sink)
        sink();
    else
        source();
    return 0;
}
