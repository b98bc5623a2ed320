/* tspool.c - the virtual reader, punch and printer driven by SIO.
 *
 * PARM (the system tests run one side each):
 *   "PUNCH n seed"   punch n cards of a pattern with seed to 00D, then
 *                    CLOSE it by DIAGNOSE X'08'; cards go one per SIO,
 *                    in command chains and split by data chaining
 *   "READ n seed [1]" read the reader at 00C by SIO to its end (unit
 *                    exception) and check that exactly those n cards
 *                    come back, byte for byte, and that the reader is
 *                    empty then (not with 1: another file follows)
 *   "CONT n s1 s2"   with SPOOL RDR CONT: two decks of n cards (seeds s1,
 *                    s2) come as one, with one unit exception at the end
 *   "EMPTY"          the reader has nothing: unit check, intervention
 *                    required in the sense byte
 *   "PRINT"          print lines with every kind of carriage control to
 *                    00E, then CLOSE it
 *   "CCWS"           commands the devices must reject, and what they
 *                    must accept without a file changing
 *   "HANG n seed"    punch n cards, say "PUNCHED n" and loop without
 *                    closing the file (the test kills the system)
 *   "FILL"           print 132-byte lines until the spool is full: unit
 *                    check, intervention required; reports "LINES n",
 *                    the lines CP took */
#include "guest.h"
#include "arch370/ccw.h"
#include "arch370/ebcdic.h"

#define RDR         0x00C
#define PUN         0x00D
#define PRT         0x00E
#define CARD        80
#define CHAIN       8

static struct ccw0 ccw[CHAIN + 2] __attribute__((aligned(8)));
static u8 cards[CHAIN][CARD], back[CARD + 8];
static u32 csw0, csw1;

static u8 unit_of(void) { return (u8)(csw1 >> 24); }
static u8 chan_of(void) { return (u8)(csw1 >> 16); }

static void card(u8 *b, u32 seed, u32 n)
{
    for (int i = 0; i < CARD; i++)
        b[i] = (u8)(seed * 131 + n * 7 + (u32)i * 13 + (n >> 3));
}

/* SIO the program at ccw[0] and wait for its ending status by TIO */
static int sio_wait(u16 dev)
{
    int cc;

    lc_write32(0x48, (u32)(uintptr_t)ccw);
    cc = sio(dev);
    if (cc == 0)
        while ((cc = tio(dev)) == 2)
            ;
    else if (cc != 1)
        return cc;
    csw0 = lc_read32(0x40);
    csw1 = lc_read32(0x44);
    return cc == 1 ? 0 : -1;
}

static u8 sense_byte(u16 dev)
{
    static u8 s;
    s = 0xEE;
    ccw0_make(&ccw[0], CCW_CMD_SENSE, (u32)(uintptr_t)&s, 0, 1);
    sio_wait(dev);
    return s;
}

static bool ended_ok(void)
{
    return unit_of() == (UNIT_CE | UNIT_DE) && chan_of() == 0;
}

static void close_dev(const char *what)
{
    char resp[256], cmd[32];
    int rc = -1;

    fmt_snprintf(cmd, sizeof cmd, "CLOSE %s", what);
    cp_command(cmd, resp, sizeof resp, &rc);
    CHECK_EQ("close", 0, rc);
}

/* n cards: single SIOs, then chains of CHAIN, every third chain with
 * its first card in two data-chained pieces */
static void punch(u32 n, u32 seed)
{
    u32 done = 0, bad = 0, chains = 0;

    while (done < n) {
        u32 k = done < 20 ? 1 : (n - done < CHAIN ? n - done : CHAIN), c = 0;
        for (u32 i = 0; i < k; i++)
            card(cards[i], seed, done + i);
        for (u32 i = 0; i < k; i++) {
            u8 fl = i + 1 < k ? CCW_CC : 0;
            if (i == 0 && chains % 3 == 2) {
                ccw0_make(&ccw[c++], 0x01, (u32)(uintptr_t)cards[0], CCW_CD, 30);
                ccw0_make(&ccw[c++], 0x01, (u32)(uintptr_t)cards[0] + 30, fl, CARD - 30);
            } else {
                ccw0_make(&ccw[c++], i & 1 ? 0x41 : 0x01, (u32)(uintptr_t)cards[i], fl, CARD);
            }
        }
        if (sio_wait(PUN) != 0 || !ended_ok())
            bad++;
        chains++;
        done += k;
    }
    CHECK_EQ("punch all cards", 0, bad);
    close_dev("PUN");
}

static void read_deck(u32 n, u32 seed, bool more)
{
    u32 got = 0, wrong = 0, first_wrong = 0;
    u8 want[CARD];

    for (;;) {
        memset(back, 0xEE, sizeof back);
        ccw0_make(&ccw[0], 0x02, (u32)(uintptr_t)back, 0, CARD);
        if (sio_wait(RDR) != 0)
            break;
        if (unit_of() & UNIT_UX)
            break;
        if (!ended_ok()) {
            report("read status", false, "CSW %08X %08X after %u cards", csw0, csw1, got);
            return;
        }
        card(want, seed, got);
        if (memcmp(want, back, CARD) || back[CARD] != 0xEE) {
            if (!wrong++)
                first_wrong = got;
        }
        got++;
    }
    CHECK_EQ("unit exception at the end", UNIT_CE | UNIT_DE | UNIT_UX, unit_of());
    CHECK_EQ("cards read", n, got);
    report("cards byte-exact", wrong == 0, "%u wrong, first %u", wrong, first_wrong);
    if (more)
        return;                     /* another file follows */
    /* the file was purged: the reader is empty now */
    ccw0_make(&ccw[0], 0x02, (u32)(uintptr_t)back, 0, CARD);
    sio_wait(RDR);
    CHECK_EQ("empty after the deck", UNIT_CE | UNIT_DE | UNIT_UC, unit_of());
    CHECK_EQ("empty: intervention required", 0x40, sense_byte(RDR));
}

static void read_cont(u32 n, u32 s1, u32 s2)
{
    u32 got = 0, wrong = 0;
    u8 want[CARD];

    for (;;) {
        ccw0_make(&ccw[0], 0x02, (u32)(uintptr_t)back, 0, CARD);
        if (sio_wait(RDR) != 0 || !ended_ok())
            break;
        card(want, got < n ? s1 : s2, got < n ? got : got - n);
        if (memcmp(want, back, CARD))
            wrong++;
        got++;
    }
    CHECK_EQ("continuous: unit exception only at the end", UNIT_CE | UNIT_DE | UNIT_UX, unit_of());
    CHECK_EQ("continuous: both decks", 2 * n, got);
    CHECK_EQ("continuous: every card", 0, wrong);
}

static void empty(void)
{
    ccw0_make(&ccw[0], 0x02, (u32)(uintptr_t)back, 0, CARD);
    CHECK_EQ("empty reader SIO", 0, sio_wait(RDR));
    CHECK_EQ("empty reader unit check", UNIT_CE | UNIT_DE | UNIT_UC, unit_of());
    CHECK_EQ("empty reader sense", 0x40, sense_byte(RDR));
    CHECK_EQ("sense is reset", 0x00, sense_byte(RDR));
}

/* every carriage control a 1403 takes, one line each */
static const u8 print_ops[] = { 0x09, 0x01, 0x11, 0x19, 0x89, 0x0B, 0x8B, 0xC9, 0x13, 0x1B, 0x09 };

static void print(void)
{
    static char line[40];
    u32 bad = 0;

    for (u32 i = 0; i < sizeof print_ops; i++) {
        u8 op = print_ops[i];
        fmt_snprintf(line, sizeof line, "LINE %02u OP %02X", i, op);
        ebc_from_ascii((u8 *)line, line, strlen(line));
        ccw0_make(&ccw[0], op, (u32)(uintptr_t)line, (op & 3) == 3 ? CCW_SLI : 0,
                  (op & 3) == 3 ? 1 : 13);
        if (sio_wait(PRT) != 0 || !ended_ok())
            bad++;
    }
    CHECK_EQ("print lines", 0, bad);
    close_dev("PRT");
}

static void ccws(void)
{
    /* a read on the punch, a write on the reader: command reject */
    ccw0_make(&ccw[0], 0x02, (u32)(uintptr_t)back, 0, CARD);
    sio_wait(PUN);
    CHECK_EQ("read on punch: unit check", UNIT_CE | UNIT_DE | UNIT_UC, unit_of());
    CHECK_EQ("read on punch: command reject", 0x80, sense_byte(PUN));
    ccw0_make(&ccw[0], 0x01, (u32)(uintptr_t)back, 0, CARD);
    sio_wait(RDR);
    CHECK_EQ("write on reader: unit check", UNIT_CE | UNIT_DE | UNIT_UC, unit_of());
    CHECK_EQ("write on reader: command reject", 0x80, sense_byte(RDR));
    /* a card longer than 80 columns: incorrect length, 80 are punched */
    ccw0_make(&ccw[0], 0x01, (u32)(uintptr_t)back, 0, CARD + 4);
    sio_wait(PUN);
    CHECK_EQ("long card: incorrect length", CHAN_IL, chan_of());
    CHECK_EQ("long card: residual", 4, csw1 & 0xFFFF);
    /* a no-operation punches nothing; the punch file has one card */
    ccw0_make(&ccw[0], CCW_CMD_NOP, 0, CCW_SLI, 1);
    sio_wait(PUN);
    CHECK("nop", ended_ok());
    /* a bad CCW address: channel program check */
    lc_write32(0x48, 0x00FFFFF8);
    sio(PUN);
    while (tio(PUN) == 2)
        ;
    CHECK_EQ("bad CCW address", CHAN_PGM, lc_read32(0x44) >> 16 & 0xFF);
    close_dev("PUN");
}

#define FILL_CHAIN  64

static void fill(void)
{
    static struct ccw0 prog[FILL_CHAIN] __attribute__((aligned(8)));
    static u8 line[132];
    u32 lines = 0, sios = 0;
    static u8 s;

    memset(line, 0xC1, sizeof line);
    for (int i = 0; i < FILL_CHAIN; i++)
        ccw0_make(&prog[i], 0x09, (u32)(uintptr_t)line, i + 1 < FILL_CHAIN ? CCW_CC : 0, 132);
    for (;;) {
        lc_write32(0x48, (u32)(uintptr_t)prog);
        if (sio(PRT) == 0)
            while (tio(PRT) == 2)
                ;
        csw0 = lc_read32(0x40);
        csw1 = lc_read32(0x44);
        sios++;
        if (unit_of() != (UNIT_CE | UNIT_DE) || chan_of()) {
            /* the CSW points after the CCW that was refused */
            lines += ((csw0 & 0xFFFFFF) - 8 - (u32)(uintptr_t)prog) / 8;
            break;
        }
        lines += FILL_CHAIN;
        if (sios > 100000)
            break;
    }
    CHECK_EQ("spool full: unit check", UNIT_CE | UNIT_DE | UNIT_UC, unit_of());
    s = 0;
    ccw0_make(&ccw[0], CCW_CMD_SENSE, (u32)(uintptr_t)&s, 0, 1);
    sio_wait(PRT);
    CHECK_EQ("spool full: intervention required", 0x40, s);
    con_printf("LINES %u", lines);
}

/* punch n cards and never close the file */
static void hang(u32 n, u32 seed)
{
    for (u32 i = 0; i < n; i++) {
        card(cards[0], seed, i);
        ccw0_make(&ccw[0], 0x01, (u32)(uintptr_t)cards[0], 0, CARD);
        sio_wait(PUN);
    }
    con_printf("PUNCHED %u", n);
    for (;;)
        ;
}

int main(void)
{
    const char *parm = guest_parm(), *p = parm;

    if (!strncmp(parm, "PUNCH", 5)) {
        p += 5;
        u32 n = parm_number(&p, 0), seed = parm_number(&p, 0);
        punch(n, seed);
    } else if (!strncmp(parm, "READ", 4)) {
        p += 4;
        u32 n = parm_number(&p, 0), seed = parm_number(&p, 0), more = parm_number(&p, 0);
        read_deck(n, seed, more != 0);
    } else if (!strncmp(parm, "CONT", 4)) {
        p += 4;
        u32 n = parm_number(&p, 0), s1 = parm_number(&p, 0), s2 = parm_number(&p, 0);
        read_cont(n, s1, s2);
    } else if (!strncmp(parm, "EMPTY", 5)) {
        empty();
    } else if (!strncmp(parm, "PRINT", 5)) {
        print();
    } else if (!strncmp(parm, "HANG", 4)) {
        p += 4;
        u32 n = parm_number(&p, 0), seed = parm_number(&p, 0);
        hang(n, seed);
    } else if (!strncmp(parm, "FILL", 4)) {
        fill();
    } else if (!strncmp(parm, "CCWS", 4)) {
        ccws();
    } else {
        report("parm", false, "unknown PARM %s", parm);
    }
    return 0;
}
