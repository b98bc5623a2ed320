/* td058.c - DIAGNOSE X'58' console write and read.  The system test types
 * a line when asked. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ccw.h"
#include "arch370/ebcdic.h"
#include "arch370/pgm.h"

static struct ccw0 ccw __attribute__((aligned(8)));
static u8 data[200];
static struct cp370_diag_regs r;
static struct trap t;
static int last_cc;

static void call(void *arg)
{
    (void)arg;
    last_cc = cp370_diag_058_console(&r);
}

/* one X'58' call; returns its condition code, or -1 if it trapped */
static int console(u8 cmd, u16 count, u32 dev)
{
    ccw0_make(&ccw, cmd, (u32)(uintptr_t)data, 0, count);
    r.rx = (u32)(uintptr_t)&ccw;
    r.ry = dev;
    r.r15 = 0xFFFF;
    return trap_call(call, NULL, &t) == TRAP_NONE ? last_cc : -1;
}

int main(void)
{
    static const char two[] = "FIRST LINE\x15SECOND LINE";
    char line[80];
    int cls;

    ebc_from_ascii(data, two, sizeof two - 1);
    data[10] = 0x15;
    CHECK_EQ("X'58' write with Ry = -1: CC 0 (the system test sees two lines)", 0,
             console(0x19, sizeof two - 1, 0xFFFFFFFFu));

    ebc_from_ascii(data, "TYPE A LINE", 11);
    console(0x19, 11, 0x009);
    memset(data, 0, sizeof data);
    cls = console(0x0A, 80, 0x009);
    ebc_to_ascii_buf(line, data, r.r15 < 80 ? r.r15 : 79);
    line[r.r15 < 80 ? r.r15 : 79] = 0;
    con_printf("READ BACK: %s", line);
    report("X'58' read waits for the user and gives the line and its length", cls == 0 && r.r15 == 11 &&
           !strcmp(line, "hello there"), "r15 %u line '%s'", r.r15, line);

    ebc_from_ascii(data, "TYPE A LONG LINE", 16);
    console(0x19, 16, 0x009);
    cls = console(0x0A, 4, 0x009);
    report("X'58' read of a longer line: CC 1, the first bytes stored",
           cls == 1 && r.r15 == 4, "cc %d r15 %u", cls, r.r15);

    cls = console(0x02, 10, 0x009);
    report("X'58' with a command other than X'19' or X'0A': CC 2, R15 = 1", cls == 2 && r.r15 == 1,
           "cc %d r15 %u", cls, r.r15);
    cls = console(0x19, 0, 0x009);
    report("X'58' with a zero count: CC 2, R15 = 2", cls == 2 && r.r15 == 2, "cc %d r15 %u", cls, r.r15);
    cls = console(0x19, 2000, 0x009);
    report("X'58' with a count above 1760: CC 2, R15 = 2", cls == 2 && r.r15 == 2, "cc %d r15 %u",
           cls, r.r15);
    ccw0_make(&ccw, 0x29, (u32)(uintptr_t)data, 0, 5);
    ccw.b[5] = 0x80;                    /* erase/write */
    r.rx = (u32)(uintptr_t)&ccw;
    r.ry = 0x009;
    r.r15 = 0xFFFF;
    cls = trap_call(call, NULL, &t);
    report("X'58' full-screen write on a 3215: CC 2, R15 = 3", cls == TRAP_NONE && last_cc == 2 &&
           r.r15 == 3, "class %d cc %d r15 %u", cls, last_cc, r.r15);
    ccw0_make(&ccw, 0x2A, (u32)(uintptr_t)data, 0, 5);
    ccw.b[5] = 0x80;                    /* read modified */
    r.r15 = 0xFFFF;
    cls = trap_call(call, NULL, &t);
    report("X'58' full-screen read on a 3215: CC 2, R15 = 3", cls == TRAP_NONE && last_cc == 2 &&
           r.r15 == 3, "class %d cc %d r15 %u", cls, last_cc, r.r15);
    ccw0_make(&ccw, 0x19, (u32)(uintptr_t)data, 0, 5);
    r.rx = (u32)(uintptr_t)&ccw;
    r.ry = 0x00E;
    r.r15 = 0xFFFF;
    cls = trap_call(call, NULL, &t);
    report("X'58' to a device that is not the console: CC 3", cls == TRAP_NONE && last_cc == 3,
           "class %d cc %d", cls, last_cc);
    r.rx = (u32)(uintptr_t)&ccw + 4;
    r.ry = 0x009;
    cls = trap_call(call, NULL, &t);
    report("X'58' with a CCW not on a doubleword is a specification exception",
           cls == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cls, t.code);
    return 0;
}
