/* td008.c - DIAGNOSE X'08' CP commands from a virtual machine.
 * IPL with PARM userid; or with PARM CMD text: that one command, its
 * output on the terminal, then "TD008 CMD RC n". */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ebcdic.h"
#include "arch370/pgm.h"

static struct cp370_diag_regs r;
static struct trap t;
static u8 cmd[200], resp[64];

static void call(void *arg)
{
    (void)arg;
    cp370_diag_008_cp_command(&r);
}

static bool contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncmp(hay, needle, n))
            return true;
    return false;
}

/* Rx = 3, Ry = 5 with the response flag: the pairs would be 3-4, 5-6 */
static void odd_pair(void *arg)
{
    register u32 r3 asm("3") = (u32)(uintptr_t)cmd, r5 asm("5") = 0x40000000u | 4;
    (void)arg;
    asm volatile("diag 3,5,0x008" : "+d"(r3), "+d"(r5) : : "cc", "memory");
}

static int raw(const char *text, u32 flags, u32 respsize)
{
    unsigned n = strlen(text);
    ebc_from_ascii(cmd, text, n);
    r.rx = (u32)(uintptr_t)cmd;
    r.rx1 = (u32)(uintptr_t)resp;
    r.ry = flags | n;
    r.ry1 = respsize;
    return trap_call(call, NULL, &t);
}

int main(void)
{
    char out[512], want[40];
    const char *user = guest_parm();
    int rc, cc;

    if (!strncmp(user, "CMD ", 4)) {
        raw(user + 4, 0, 0);
        con_printf("TD008 CMD RC %u", r.ry);
        return 0;
    }
    cc = cp_command("QUERY USERID", out, sizeof out, &rc);
    fmt_snprintf(want, sizeof want, "%-8s AT CP370\n", user);
    report("X'08' QUERY USERID answers in the buffer, CC 0, RC 0",
           cc == 0 && rc == 0 && !strcmp(out, want), "cc %d rc %d '%s'", cc, rc, out);

    cc = cp_command("QUERY USERID\nQUERY USERID", out, sizeof out, &rc);   /* NL is X'15' */
    report("X'08' runs several commands separated by X'15'",
           cc == 0 && strlen(out) == 2 * strlen(want), "cc %d '%s'", cc, out);

    cc = cp_command("NOSUCHCMD", out, sizeof out, &rc);
    report("X'08' of an unknown command: RC 1 and the message in the buffer",
           cc == 0 && rc == 1 && contains(out, "CPX001E"), "cc %d rc %d '%s'", cc, rc, out);

    cc = cp_command("SHUTDOWN", out, sizeof out, &rc);
    report("X'08' keeps the user's privilege classes: SHUTDOWN is refused (RC 2)",
           rc == 2 && contains(out, "CPX002E"), "cc %d rc %d '%s'", cc, rc, out);

    raw("QUERY USERID", 0x40000000u, 5);
    report("X'08' with a short buffer: CC 1, R(y+1) = the bytes that did not fit",
           t.cls == TRAP_NONE && (r.ry1 == strlen(want) - 5), "ry1 %u", r.ry1);
    cc = raw("QUERY USERID", 0, 0);
    report("X'08' without the response flag writes on the terminal", cc == TRAP_NONE && r.ry == 0,
           "class %d rc %u", cc, r.ry);

    cc = raw("QUERY USERID", 0x20000000u, 64);
    report("X'08' with an unknown flag is a specification exception",
           cc == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cc, t.code);
    memset(out, 'Q', 140);
    out[140] = 0;
    cc = raw(out, 0, 0);
    report("X'08' with more than 132 bytes is a specification exception",
           cc == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cc, t.code);
    r.rx = 0x00FFFF00;
    r.ry = 0x40000000u | 12;
    r.rx1 = (u32)(uintptr_t)resp;
    r.ry1 = 64;
    cc = trap_call(call, NULL, &t);
    report("X'08' with the command beyond storage is an addressing exception",
           cc == TRAP_PGM && t.code == PGM_ADDRESSING, "class %d code %X", cc, t.code);
    cc = trap_call(odd_pair, NULL, &t);
    report("X'08' with a response in odd registers is a specification exception",
           cc == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cc, t.code);
    con_write("ENTERING CP READ");
    r.ry = 0;
    cc = raw("", 0, 0);
    report("X'08' with length 0 enters CP READ and comes back after BEGIN", cc == TRAP_NONE,
           "class %d", cc);
    return 0;
}
