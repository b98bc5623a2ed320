/* td014.c - DIAGNOSE X'14' (reader files) and X'20' (synchronous I/O on
 * the spooled unit-record devices).
 *
 * PARM:
 *   "READ n seed"  the reader holds one file of n cards punched by
 *                  TSPOOLE PARM PUNCH n seed: find it by its descriptor,
 *                  select it, read it by buffers byte for byte, then
 *                  restart, repeat and backspace, then CLOSE (purged)
 *   "BAD"          bad parameters: every one is refused and changes
 *                  nothing (a later READ still finds the file whole)
 *   "IO20"         X'20' on the punch (to this user's own reader, set by
 *                  the test) and the reader, with its error cases */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ccw.h"
#include "arch370/pgm.h"

#define RDR         0x00C
#define PUN         0x00D
#define CARD        80

static u8 buf[4096 + 64] __attribute__((aligned(8)));
static u8 desc[64] __attribute__((aligned(8)));
static struct ccw0 ccw[4] __attribute__((aligned(8)));
static struct cp370_diag_regs r;
static int cc;
static struct trap t;

static void card(u8 *b, u32 seed, u32 n)
{
    for (int i = 0; i < CARD; i++)
        b[i] = (u8)(seed * 131 + n * 7 + (u32)i * 13 + (n >> 3));
}

static void call14(void *arg)
{
    (void)arg;
    cc = cp370_diag_014_spool_input(&r);
}

/* DIAGNOSE X'14' with rx, subcode; -1 if it took an interruption */
static int d14(u32 rx, u32 rx1, u32 dev, u32 sub)
{
    r.rx = rx;
    r.rx1 = rx1;
    r.ry = dev;
    r.ry1 = sub;
    if (trap_call(call14, NULL, &t) != TRAP_NONE)
        return -1;
    return cc;
}

static void call20(void *arg)
{
    (void)arg;
    cc = cp370_diag_020_general_io(&r);
}

static u8 csw_chan;          /* channel status of the CSW X'20' stored */

static int d20(u32 dev)
{
    r.rx = dev;
    r.ry = (u32)(uintptr_t)ccw;
    r.r15 = 0xDEAD;
    lc_write32(0x44, 0);
    if (trap_call(call20, NULL, &t) != TRAP_NONE)
        return -1;
    csw_chan = lc_read8(0x45);  /* before the console's own I/O stores one */
    return cc;
}

/* the records of one buffer against the deck; returns the next card
 * number or ~0 on a mismatch */
static u32 check_buffer(u32 first, u32 seed, u32 *nrec)
{
    u32 n = *(u32 *)buf, used = *(u32 *)(buf + 4), off = 8;
    u8 want[CARD];

    *nrec = n;
    for (u32 i = 0; i < n; i++) {
        u16 len = (u16)(buf[off + 2] << 8 | buf[off + 3]);
        card(want, seed, first + i);
        if (buf[off] != 0x01 && buf[off] != 0x41)
            return ~0u;
        if (len != CARD || memcmp(buf + off + 4, want, CARD))
            return ~0u;
        off += 4u + len;
    }
    return off == used ? first + n : ~0u;
}

static void read_file(u32 cards, u32 seed)
{
    u32 next = 0, n = 0, buffers = 0, spid;
    bool exact = true;

    CHECK_EQ("next file descriptor", 0, d14((u32)(uintptr_t)desc, 0, RDR, 0x0FFF));
    spid = r.rx1;
    CHECK_EQ("descriptor: spool id", spid, *(u16 *)desc);
    CHECK_EQ("descriptor: records", cards, *(u32 *)(desc + 8));
    CHECK_EQ("descriptor: from a punch", 3, desc[3]);
    CHECK_EQ("no file after it", 2, d14((u32)(uintptr_t)desc, spid, RDR, 0x0FFF));
    CHECK_EQ("select", 0, d14(spid, 0, RDR, 0x000C));
    for (;;) {
        int c = d14((u32)(uintptr_t)buf, 0, RDR, 0x0000);
        if (c != 0) {
            CHECK_EQ("end of file", 1, c);
            break;
        }
        buffers++;
        next = check_buffer(next, seed, &n);
        if (next == ~0u) {
            exact = false;
            break;
        }
    }
    report("every card byte-exact", exact && next == cards, "%u of %u in %u buffers", next,
           cards, buffers);
    CHECK_EQ("end of file again", 1, d14((u32)(uintptr_t)buf, 0, RDR, 0x0000));
    /* restart: the first buffer again; repeat: the same buffer again */
    CHECK_EQ("restart", 0, d14(0, 0, RDR, 0x0014));
    CHECK_EQ("read after restart", 0, d14((u32)(uintptr_t)buf, 0, RDR, 0x0000));
    next = check_buffer(0, seed, &n);
    CHECK("first buffer again", next != ~0u && n > 0);
    CHECK_EQ("repeat", 0, d14(0, 0, RDR, 0x0010));
    CHECK_EQ("read after repeat", 0, d14((u32)(uintptr_t)buf, 0, RDR, 0x0000));
    CHECK_EQ("repeat gives the same cards", next, check_buffer(0, seed, &n));
    /* backspace: the last card of that buffer comes first */
    CHECK_EQ("backspace", 0, d14(0, 0, RDR, 0x0018));
    CHECK_EQ("read after backspace", 0, d14((u32)(uintptr_t)buf, 0, RDR, 0x0000));
    CHECK_EQ("backspace gives one card back", next + n - 1, check_buffer(next - 1, seed, &n));
    /* restart, then backspace at the first record */
    d14(0, 0, RDR, 0x0014);
    CHECK_EQ("backspace at the start", 1, d14(0, 0, RDR, 0x0018));
    {
        char resp[128];
        int rc = -1;
        cp_command("CLOSE RDR", resp, sizeof resp, &rc);
        CHECK_EQ("close", 0, rc);
    }
    CHECK_EQ("file purged: nothing to read", 2, d14((u32)(uintptr_t)buf, 0, RDR, 0x0000));
}

static void bad(void)
{
    CHECK_EQ("buffer not doubleword aligned", -1, d14((u32)(uintptr_t)buf + 4, 0, RDR, 0));
    CHECK_EQ("  specification exception", PGM_SPECIFICATION, t.code);
    CHECK_EQ("buffer beyond storage", -1, d14(0x7FFFF000, 0, RDR, 0));
    CHECK_EQ("  addressing exception", PGM_ADDRESSING, t.code);
    CHECK_EQ("descriptor not aligned", -1, d14((u32)(uintptr_t)desc + 2, 0, RDR, 0x0FFF));
    CHECK_EQ("  specification", PGM_SPECIFICATION, t.code);
    CHECK_EQ("no such device", 3, d14((u32)(uintptr_t)buf, 0, 0x555, 0));
    CHECK_EQ("  reason 1", 1, r.ry1);
    CHECK_EQ("the punch is no reader", 3, d14((u32)(uintptr_t)buf, 0, PUN, 0));
    CHECK_EQ("  reason 1 again", 1, r.ry1);
    CHECK_EQ("device address over X'FFFF'", 3, d14((u32)(uintptr_t)buf, 0, 0x1000C, 0));
    CHECK_EQ("unknown subcode", 3, d14((u32)(uintptr_t)buf, 0, RDR, 0x0020));
    CHECK_EQ("  reason 3", 3, r.ry1);
    CHECK_EQ("select spool id 0", 2, d14(0, 0, RDR, 0x000C));
    CHECK_EQ("select spool id 10000", 2, d14(10000, 0, RDR, 0x000C));
    CHECK_EQ("select a file that is not there", 2, d14(9999, 0, RDR, 0x000C));
    CHECK_EQ("repeat with no file open", 2, d14(0, 0, RDR, 0x0010));
    CHECK_EQ("restart with no file open", 2, d14(0, 0, RDR, 0x0014));
    CHECK_EQ("backspace with no file open", 2, d14(0, 0, RDR, 0x0018));
    CHECK_EQ("descriptor after a spool id not there", 2,
             d14((u32)(uintptr_t)desc, 9999, RDR, 0x0FFF));
    CHECK_EQ("no printer files", 2, d14((u32)(uintptr_t)desc, 0, RDR, 0x0004));
}

static void io20(void)
{
    static u8 c[CARD + 4], back[CARD];
    char resp[128];
    int rc = -1;
    u32 got = 0, good = 0;

    for (u32 i = 0; i < 5; i++) {
        card(c, 9, i);
        ccw0_make(&ccw[0], 0x01, (u32)(uintptr_t)c, 0, CARD);
        if (d20(PUN) == 0 && r.r15 == 0)
            good++;
    }
    CHECK_EQ("five cards punched", 5, good);
    ccw0_make(&ccw[0], 0x01, (u32)(uintptr_t)c, 0, CARD + 4);
    CHECK_EQ("long card: CC 2", 2, d20(PUN));
    CHECK_EQ("  R15 3 incorrect length", 3, r.r15);
    cp_command("CLOSE PUN", resp, sizeof resp, &rc);
    CHECK_EQ("close", 0, rc);
    good = 0;
    for (;;) {
        ccw0_make(&ccw[0], 0x02, (u32)(uintptr_t)back, 0, CARD);
        int x = d20(RDR);
        if (x != 0)
            break;
        card(c, 9, got);
        if (!memcmp(c, back, CARD))
            good++;
        got++;
    }
    CHECK_EQ("end of file: CC 2", 2, cc);
    CHECK_EQ("  R15 2 unit exception", 2, r.r15);
    CHECK_EQ("six cards read back", 6, got);
    CHECK_EQ("the first five as punched", 5, good);
    ccw0_make(&ccw[0], 0x02, (u32)(uintptr_t)back, 0, CARD);
    CHECK_EQ("empty reader: CC 3", 3, d20(RDR));
    CHECK_EQ("  R15 13", 13, r.r15);
    CHECK_EQ("  sense intervention required", 0x40000000, r.ry);
    CHECK_EQ("no such device: CC 1", 1, d20(0x555));
    CHECK_EQ("  R15 1", 1, r.r15);
    CHECK_EQ("the console: CC 1", 1, d20(0x009));
    CHECK_EQ("  R15 5", 5, r.r15);
    ccw0_make(&ccw[0], 0x00, (u32)(uintptr_t)back, 0, CARD);
    CHECK_EQ("invalid command code: CC 3", 3, d20(PUN));
    CHECK_EQ("  program check in the CSW", 0x20, csw_chan);
}

int main(void)
{
    const char *parm = guest_parm(), *p = parm;

    if (!strncmp(parm, "READ", 4)) {
        p += 4;
        u32 n = parm_number(&p, 0), seed = parm_number(&p, 0);
        read_file(n, seed);
    } else if (!strncmp(parm, "BAD", 3)) {
        bad();
    } else if (!strncmp(parm, "IO20", 4)) {
        io20();
    } else {
        report("parm", false, "unknown PARM %s", parm);
    }
    return 0;
}
