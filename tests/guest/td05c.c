/* td05c.c - DIAGNOSE X'5C' error-message editing per SET EMSG. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ebcdic.h"

static u8 msg[40];
static struct cp370_diag_regs r;

static void edit(const char *setting)
{
    char cmd[32];
    fmt_snprintf(cmd, sizeof cmd, "SET EMSG %s", setting);
    cp_command(cmd, NULL, 0, NULL);
    r.rx = (u32)(uintptr_t)msg;
    r.ry = 20;                                  /* "DMSABC123E HELLO OK" + 1 */
    cp370_diag_05C_emsg(&r);
}

int main(void)
{
    u32 base = (u32)(uintptr_t)msg;

    ebc_from_ascii(msg, "DMSABC123E HELLO YOU", 20);
    edit("ON");
    report("X'5C' with EMSG ON: the whole message", r.rx == base && r.ry == 20, "rx+%u ry %u",
           r.rx - base, r.ry);
    edit("TEXT");
    report("X'5C' with EMSG TEXT: the text after the code", r.rx == base + 11 && r.ry == 9,
           "rx+%u ry %u", r.rx - base, r.ry);
    edit("CODE");
    report("X'5C' with EMSG CODE: the code only", r.rx == base && r.ry == 10, "rx+%u ry %u",
           r.rx - base, r.ry);
    edit("OFF");
    CHECK_EQ("X'5C' with EMSG OFF: nothing", 0, r.ry);
    cp_command("SET EMSG ON", NULL, 0, NULL);
    return 0;
}
