/* td000.c - DIAGNOSE X'00' store extended identification.
 * IPL with PARM userid: the program checks the userid CP stores. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ebcdic.h"
#include "arch370/pgm.h"

static u8 buf[48] __attribute__((aligned(8)));
static struct cp370_diag_regs r;
static struct trap t;

static void call(void *arg)
{
    (void)arg;
    cp370_diag_000_identify(&r);
}

int main(void)
{
    char text[9];
    const char *user = guest_parm();
    int cls;

    memset(buf, 0xEE, sizeof buf);
    r.rx = (u32)(uintptr_t)buf;
    r.ry = 40;
    cls = trap_call(call, NULL, &t);
    ebc_to_ascii_buf(text, buf, 8);
    text[8] = 0;
    report("X'00' stores the system name CP370", cls == TRAP_NONE && !strcmp(text, "CP370   "),
           "class %d name '%s'", cls, text);
    ebc_to_ascii_buf(text, buf + 16, 8);
    report("X'00' stores the userid of the virtual machine", !strncmp(text, user, strlen(user)),
           "userid '%s' parm '%s'", text, user);
    CHECK_EQ("X'00' stores version 1", 1, buf[8]);
    CHECK_EQ("X'00' stores 40 bytes and no more", 0xEE, buf[40]);

    memset(buf, 0xEE, sizeof buf);
    r.rx = (u32)(uintptr_t)buf;
    r.ry = 8;
    trap_call(call, NULL, &t);
    report("X'00' with Ry = 8 stores only the system name", buf[7] != 0xEE && buf[8] == 0xEE,
           "byte 8 %02X", buf[8]);

    r.rx = (u32)(uintptr_t)buf + 4;
    r.ry = 40;
    cls = trap_call(call, NULL, &t);
    report("X'00' with a buffer not on a doubleword is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    r.rx = 0x00FFFFF0;
    cls = trap_call(call, NULL, &t);
    report("X'00' with a buffer beyond storage is an addressing exception",
           cls == TRAP_PGM && t.code == PGM_ADDRESSING, "class %d code %X", cls, t.code);
    return 0;
}
