/* td024.c - DIAGNOSE X'24' device type and features. */
#include "guest.h"
#include "cp370diag.h"

static struct cp370_diag_regs r;

int main(void)
{
    int cc;

    r.rx = 0xFFFFFFFFu;
    r.ry1 = 0xDEADBEEFu;
    cc = cp370_diag_024_device_type(&r);
    report("X'24' with Rx = -1 gives the console's address and class terminal, CC 0",
           cc == 0 && r.rx == 0x009 && (r.ry >> 24) == 0x80 && (r.ry1 >> 24) == 0x80,
           "cc %d rx %X ry %08X ry1 %08X", cc, r.rx, r.ry, r.ry1);
    r.rx = 0x009;
    cc = cp370_diag_024_device_type(&r);
    CHECK_EQ("X'24' of the console by its address: CC 0", 0, cc);
    r.rx = 0x0ABC;
    cc = cp370_diag_024_device_type(&r);
    CHECK_EQ("X'24' of a device that does not exist: CC 3", 3, cc);
    r.rx = 0x12345678u;
    cc = cp370_diag_024_device_type(&r);
    CHECK_EQ("X'24' of an address beyond X'FFFF': CC 3", 3, cc);
    return 0;
}
