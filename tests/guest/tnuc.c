/* tnuc.c - a stand-in for a shared nucleus such as CMS's: code and 192K
 * of read-only tables in pages X'20'-X'5F' (tests/guest/tnuc.ld), which
 * the saved system TNUC shares among its users (unless IPL TNUC NOSHARE),
 * and a little writable storage of its own.  After IPL it says "TNUC READY"
 * and obeys lines typed at its console:
 *   CHECK   show the table's end markers and word 1000
 *   STORE   store into word 1000 (a shared page: CP makes a private copy)
 *   END     end with the summary
 * With PARM "SAVE name" it first saves itself, shared pages and all, by
 * DIAGNOSE X'08' SAVESYS, the way CMS was saved on VM/370: a copy IPLed
 * by name goes on from there, as a program that says "TNUC RESTORED". */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ebcdic.h"

#define TABLE_WORDS     (48 * 1024)
#define MARK_FIRST      0x4E55434Cu
#define MARK_LAST       0x454E4421u
#define STORED          0x5354ED00u

const u32 nuc_table[TABLE_WORDS] = { [0] = MARK_FIRST, [TABLE_WORDS - 1] = MARK_LAST };

static void check(void)
{
    volatile const u32 *t = nuc_table;

    report("the nucleus table is there, end to end", t[0] == MARK_FIRST && t[TABLE_WORDS - 1] == MARK_LAST,
           "%08X ... %08X", (unsigned)t[0], (unsigned)t[TABLE_WORDS - 1]);
    con_printf("TNUC WORD1000 %08X", (unsigned)t[1000]);
}

static void store(void)
{
    volatile u32 *w = (volatile u32 *)(uintptr_t)&nuc_table[1000];

    *w = STORED;
    report("a store into a shared page takes effect for this user", *w == STORED, "read back %08X",
           (unsigned)*w);
}

static void userid(char *id)
{
    static u8 area[40] __attribute__((aligned(8)));
    struct cp370_diag_regs r = { .rx = (u32)(uintptr_t)area, .ry = sizeof area };

    cp370_diag_000_identify(&r);
    for (int i = 0; i < 8; i++)
        id[i] = (char)ebc_to_ascii[area[16 + i]];
    id[8] = 0;
}

static void save_self(const char *name)
{
    static char cmd[64], resp[256];
    static char before[9], after[9];
    int rc = -1;

    userid(before);
    fmt_snprintf(cmd, sizeof cmd, "SAVESYS %s SHARE 20-5F", name);
    cp_command(cmd, resp, sizeof resp, &rc);
    userid(after);
    if (strcmp(before, after))
        con_write("TNUC RESTORED");         /* a copy IPLed by name starts here */
    else
        con_printf("TNUC SAVESYS RC %d: %s", rc, resp);
}

int main(void)
{
    const char *parm = guest_parm();
    char line[80];

    if (!strncmp(parm, "SAVE ", 5))
        save_self(parm + 5);
    for (;;) {
        con_write("TNUC READY");
        con_read(line, sizeof line);
        if (!strcmp(line, "CHECK"))
            check();
        else if (!strcmp(line, "STORE"))
            store();
        else if (!strcmp(line, "END"))
            return 0;
    }
}
