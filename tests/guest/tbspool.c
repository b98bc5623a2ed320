/* tbspool.c - spool jobs for `make bench` (tests/bench/spool.cpp): the
 * same cards punched and read the emulated way (SIO, one card each) and
 * the paravirtual way (DIAGNOSE X'20' for the punch, X'14' a buffer at a
 * time for the reader), and the job without I/O.
 *
 * PARM "<job> <n>", job one of NONE, PUNSIO, PUN20, RDRSIO, RDR14.  The
 * punch jobs punch n cards to 00D and CLOSE it; the reader jobs read one
 * file of n cards to its end.  One case: the count came out right. */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ccw.h"

#define RDR     0x00C
#define PUN     0x00D
#define CARD    80

static struct ccw0 ccw[1] __attribute__((aligned(8)));
static u8 card[CARD], buf[4096] __attribute__((aligned(8)));
static volatile u32 sink;

static void make_card(u32 i)
{
    for (int k = 0; k < CARD; k++)
        card[k] = (u8)(i + (u32)k);
}

static bool sio_card(u16 dev, u8 op)
{
    int cc;
    ccw0_make(&ccw[0], op, (u32)(uintptr_t)card, 0, CARD);
    lc_write32(0x48, (u32)(uintptr_t)ccw);
    if (sio(dev) != 0)
        return false;
    while ((cc = tio(dev)) == 2)
        ;
    return (lc_read32(0x44) >> 24) == (UNIT_CE | UNIT_DE);
}

static bool diag20_card(u16 dev, u8 op)
{
    struct cp370_diag_regs r = { .rx = dev, .ry = (u32)(uintptr_t)ccw };
    ccw0_make(&ccw[0], op, (u32)(uintptr_t)card, 0, CARD);
    return cp370_diag_020_general_io(&r) == 0;
}

static void close_punch(void)
{
    char resp[128];
    int rc;
    cp_command("CLOSE PUN", resp, sizeof resp, &rc);
}

static u32 punch(u32 n, bool diag)
{
    u32 ok = 0;
    for (u32 i = 0; i < n; i++) {
        make_card(i);
        ok += diag ? diag20_card(PUN, 0x01) : sio_card(PUN, 0x01);
    }
    close_punch();
    return ok;
}

static u32 read_sio(void)
{
    u32 got = 0;
    while (sio_card(RDR, 0x02))
        got++;
    return got;
}

static u32 read_14(void)
{
    struct cp370_diag_regs r;
    u32 got = 0;
    for (;;) {
        r = (struct cp370_diag_regs){ .rx = (u32)(uintptr_t)buf, .ry = RDR, .ry1 = 0 };
        if (cp370_diag_014_spool_input(&r) != 0)
            break;
        got += *(u32 *)buf;
    }
    {
        char resp[128];
        int rc;
        cp_command("CLOSE RDR", resp, sizeof resp, &rc);
    }
    return got;
}

int main(void)
{
    const char *p = guest_parm();
    char job[8] = "";
    u32 n = 0, got = 0;
    int i = 0;

    while (*p && *p != ' ' && i < 7)
        job[i++] = *p++;
    while (*p == ' ')
        p++;
    for (; *p >= '0' && *p <= '9'; p++)
        n = n * 10 + (u32)(*p - '0');
    if (!strcmp(job, "NONE")) {
        for (u32 k = 0; k < n; k++) {
            make_card(k);
            sink += card[0];
        }
        got = n;
    } else if (!strcmp(job, "PUNSIO")) {
        got = punch(n, false);
    } else if (!strcmp(job, "PUN20")) {
        got = punch(n, true);
    } else if (!strcmp(job, "RDRSIO")) {
        got = read_sio();
    } else if (!strcmp(job, "RDR14")) {
        got = read_14();
    }
    CHECK_EQ(job, n, got);
    return 0;
}
