/* tmdisk.c - one minidisk through all three paths: SIO with CCW
 * translation, DIAGNOSE X'18' and DIAGNOSE X'250'.  The same data must
 * come back whichever way it went in, and nothing outside the extent or
 * against the link's mode may get through any of them.
 *
 * PARM: (none) every case, on the user's 191 (4 cylinders, R/W) and a
 * read-only link to MAINT's 190; "WRITE n [cuu]" writes a pattern with
 * seed n on cylinder 3 of the disk at cuu (191 if not given) by SIO;
 * "CHECK n [cuu]" reads it back by X'250' and checks it (for the
 * persistence and sharing tests). */
#include "guest.h"
#include "cp370diag.h"
#include "arch370/ccw.h"
#include "arch370/pgm.h"

#define DISK        0x191
#define RODISK      0x290
#define CYL         2           /* where the tests write: cylinder 2 */
#define BLK(c, h, r) ((c) * 30 * 19 + (h) * 19 + (r))
#define BLOCK       800

static struct ccw0 ccw[8] __attribute__((aligned(8)));
static u8 seekarg[8] __attribute__((aligned(8))), search[8];
static u8 buf[BLOCK], back[BLOCK + 16];
static u8 biopl[64] __attribute__((aligned(8)));
static u8 bioe[16 * 4] __attribute__((aligned(8)));
static struct trap t;

static void pattern(u8 *b, u32 seed)
{
    for (int i = 0; i < BLOCK; i++)
        b[i] = (u8)(seed * 31 + i * 7 + (i >> 8));
}

/* SEEK, SEARCH ID EQ, TIC, then cmd on (cyl, head, rec) */
static void chain(u8 cmd, u16 cyl, u16 head, u8 rec, u8 *data, u16 count)
{
    memset(seekarg, 0, sizeof seekarg);
    seekarg[2] = (u8)(cyl >> 8); seekarg[3] = (u8)cyl;
    seekarg[4] = (u8)(head >> 8); seekarg[5] = (u8)head;
    search[0] = (u8)(cyl >> 8); search[1] = (u8)cyl;
    search[2] = (u8)(head >> 8); search[3] = (u8)head;
    search[4] = rec;
    ccw0_make(&ccw[0], 0x07, (u32)(uintptr_t)seekarg, CCW_CC, 6);
    ccw0_make(&ccw[1], 0x31, (u32)(uintptr_t)search, CCW_CC, 5);
    ccw0_make(&ccw[2], 0x08, (u32)(uintptr_t)&ccw[1], 0, 0);
    ccw0_make(&ccw[3], cmd, (u32)(uintptr_t)data, 0, count);
}

/* SIO the program at ccw[0] and wait for its ending status by TIO */
static int sio_wait(u16 dev, u32 *csw0, u32 *csw1)
{
    int cc;
    lc_write32(0x48, (u32)(uintptr_t)ccw);
    cc = sio(dev);
    if (cc == 1) {
        *csw0 = lc_read32(0x40);
        *csw1 = lc_read32(0x44);
        return 1;
    }
    if (cc)
        return cc;
    while ((cc = tio(dev)) == 2)
        ;
    *csw0 = lc_read32(0x40);
    *csw1 = lc_read32(0x44);
    return cc == 1 ? 0 : -1;
}

static struct cp370_diag_regs r18;
static int cc18;

static void call18(void *arg)
{
    (void)arg;
    cc18 = cp370_diag_018_dasd_io(&r18);
}

static int diag18(u16 dev, u32 rw, u32 *r15)
{
    r18.rx = dev;
    r18.ry = (u32)(uintptr_t)ccw;
    r18.r15 = rw;
    if (trap_call(call18, NULL, &t) != TRAP_NONE)
        return -1;
    *r15 = r18.r15;
    return cc18;
}

static struct cp370_diag_regs r250;
static int cc250;

static void call250(void *arg)
{
    (void)arg;
    cc250 = cp370_diag_250_block_io(&r250);
}

static int diag250(u32 fn, u32 *rc)
{
    r250.rx = (u32)(uintptr_t)biopl;
    r250.ry = fn;
    r250.rx1 = 0xDEAD;
    if (trap_call(call250, NULL, &t) != TRAP_NONE)
        return -1;
    *rc = r250.rx1;
    return cc250;
}

static int bio_init(u16 dev, u32 *rc)
{
    memset(biopl, 0, sizeof biopl);
    biopl[0] = (u8)(dev >> 8); biopl[1] = (u8)dev;
    biopl[24] = 0; biopl[25] = 0; biopl[26] = 800 >> 8; biopl[27] = 800 & 0xFF;
    return diag250(0, rc);
}

static int bio_one(u16 dev, u8 type, u32 block, u8 *data, u32 *rc)
{
    memset(biopl, 0, sizeof biopl);
    biopl[0] = (u8)(dev >> 8); biopl[1] = (u8)dev;
    biopl[31] = 1;
    *(u32 *)(biopl + 36) = (u32)(uintptr_t)bioe;
    memset(bioe, 0, 16);
    bioe[0] = type;
    *(u32 *)(bioe + 4) = block;
    *(u32 *)(bioe + 12) = (u32)(uintptr_t)data;
    return diag250(1, rc);
}

static bool same(void)
{
    return !memcmp(buf, back, BLOCK);
}

/* DIAGNOSE X'24' knows a minidisk: DASD, 3350, with its real volume */
static void device_type(void)
{
    struct cp370_diag_regs r = { .rx = DISK };
    int cc = cp370_diag_024_device_type(&r);

    report("X'24' of the 191: CC 0, class DASD, type 3350, on a real 3350",
           cc == 0 && (r.ry >> 16) == 0x0408 && (r.ry1 >> 16) == 0x0408,
           "cc %d ry %08X ry1 %08X", cc, r.ry, r.ry1);
}

static void three_paths(void)
{
    u32 c0, c1, r15, rc;
    int cc;

    pattern(buf, 1);
    chain(0x05, CYL, 0, 1, buf, BLOCK);
    cc = sio_wait(DISK, &c0, &c1);
    report("SIO writes a block (CE+DE, nothing left over)", cc == 0 && (c1 >> 24) == 0x0C &&
           (c1 & 0xFFFF) == 0, "cc %d csw %08X %08X", cc, c0, c1);
    memset(back, 0, sizeof back);
    chain(0x06, CYL, 0, 1, back, BLOCK);
    cc = diag18(DISK, 1, &r15);
    report("X'18' reads back what SIO wrote", cc == 0 && r15 == 0 && same(), "cc %d r15 %u", cc, r15);

    cc = bio_init(DISK, &rc);
    report("X'250' INIT for 800-byte blocks: RC 0 (read/write), last block stored",
           cc == 0 && rc == 0 && *(u32 *)(biopl + 36) == 4 * 30 * 19, "cc %d rc %u last %u", cc, rc,
           *(u32 *)(biopl + 36));
    memset(back, 0, sizeof back);
    cc = bio_one(DISK, 2, BLK(CYL, 0, 1), back, &rc);
    report("X'250' reads back what SIO wrote", cc == 0 && rc == 0 && bioe[1] == 0 && same(),
           "cc %d rc %u status %u", cc, rc, bioe[1]);

    pattern(buf, 2);
    cc = bio_one(DISK, 1, BLK(CYL, 5, 7), buf, &rc);
    memset(back, 0, sizeof back);
    chain(0x06, CYL, 5, 7, back, BLOCK);
    sio_wait(DISK, &c0, &c1);
    report("SIO reads back what X'250' wrote", cc == 0 && same(), "cc %d", cc);

    pattern(buf, 3);
    chain(0x05, CYL, 9, 19, buf, BLOCK);
    cc = diag18(DISK, 1, &r15);
    memset(back, 0, sizeof back);
    bio_one(DISK, 2, BLK(CYL, 9, 19), back, &rc);
    report("X'250' reads back what X'18' wrote", cc == 0 && same(), "cc %d r15 %u", cc, r15);

    /* a block crossing a page boundary in guest storage */
    {
        u8 *across = (u8 *)(((uintptr_t)back + 0x1000) & ~0xFFFu) - 100;
        static u8 big[8192];
        (void)big;
        across = (u8 *)(((uintptr_t)big + 0x1000) & ~0xFFFu) - 100;
        memset(across, 0, BLOCK);
        chain(0x06, CYL, 9, 19, across, BLOCK);
        cc = sio_wait(DISK, &c0, &c1);
        report("SIO into a buffer that crosses a page boundary", cc == 0 && !memcmp(across, buf, BLOCK),
               "cc %d", cc);
    }
    chain(0x12, CYL, 9, 1, back, 8);                   /* READ COUNT: the record after R1 */
    sio_wait(DISK, &c0, &c1);
    report("READ COUNT gives the minidisk's own cylinder, not the real one",
           back[0] == 0 && back[1] == CYL && back[3] == 9 && back[4] == 2 && back[6] == 3 &&
           back[7] == 0x20,
           "count %02X%02X %02X%02X %02X", back[0], back[1], back[2], back[3], back[4]);
}

static void extent_and_protection(void)
{
    u32 c0, c1, r15, rc;
    int cc;
    char out[256];

    chain(0x06, 4, 0, 1, back, BLOCK);                 /* cylinder 4 of a 4-cylinder disk */
    cc = sio_wait(DISK, &c0, &c1);
    report("SIO seek beyond the extent: unit check", cc == 0 && ((c1 >> 24) & 0x02),
           "cc %d csw %08X %08X", cc, c0, c1);
    ccw0_make(&ccw[0], 0x04, (u32)(uintptr_t)back, CCW_SLI, 24);
    back[0] = 0;
    sio_wait(DISK, &c0, &c1);
    CHECK_EQ("SENSE after it: command reject", 0x80, back[0]);
    chain(0x06, 4, 0, 1, back, BLOCK);
    cc = diag18(DISK, 1, &r15);
    report("X'18' beyond the extent: CC 1, R15 4", cc == 1 && r15 == 4, "cc %d r15 %u", cc, r15);
    cc = bio_one(DISK, 2, 4 * 30 * 19 + 1, back, &rc);
    report("X'250' beyond the last block: CC 1, entry status 1", cc == 1 && rc == 4 && bioe[1] == 1,
           "cc %d rc %u status %u", cc, rc, bioe[1]);

    cp_command("LINK MAINT 190 290 RR", out, sizeof out, NULL);
    report("LINK MAINT 190 290 RR gives a read-only link", !strncmp(out, "DASD 290 LINKED R/O", 19),
           "%s", out);
    pattern(buf, 4);
    chain(0x05, 1, 0, 1, buf, BLOCK);
    cc = sio_wait(RODISK, &c0, &c1);
    report("SIO write on a read-only link: unit check", cc == 0 && ((c1 >> 24) & 0x02),
           "cc %d csw %08X %08X", cc, c0, c1);
    ccw0_make(&ccw[0], 0x04, (u32)(uintptr_t)back, CCW_SLI, 24);
    sio_wait(RODISK, &c0, &c1);
    report("SENSE after it: command reject, file protected", back[0] == 0x80 && back[1] == 0x04,
           "sense %02X %02X", back[0], back[1]);
    chain(0x05, 1, 0, 1, buf, BLOCK);
    cc = diag18(RODISK, 1, &r15);
    report("X'18' write on a read-only link: CC 1, R15 3", cc == 1 && r15 == 3, "cc %d r15 %u", cc, r15);
    cc = bio_init(RODISK, &rc);
    report("X'250' INIT of a read-only link: RC 4", cc == 0 && rc == 4, "cc %d rc %u", cc, rc);
    cc = bio_one(RODISK, 1, 100, buf, &rc);
    report("X'250' write on a read-only link: entry status 2", cc == 1 && bioe[1] == 2,
           "cc %d status %u", cc, bioe[1]);
}

static void malformed(void)
{
    u32 c0, c1, r15, rc;
    int cc;

    ccw0_make(&ccw[0], 0x08, (u32)(uintptr_t)&ccw[1], 0, 0);     /* TIC first */
    cc = sio_wait(DISK, &c0, &c1);
    report("SIO of a program starting with TIC: channel program check",
           (c1 >> 16 & 0xFF) == CHAN_PGM, "cc %d csw %08X", cc, c1);
    chain(0x06, 0, 0, 1, back, 0);                                /* zero count */
    cc = diag18(DISK, 1, &r15);
    report("X'18' with a malformed program: CC 2, R15 5", cc == 2 && r15 == 5, "cc %d r15 %u", cc, r15);
    chain(0x06, 0, 0, 1, back, BLOCK);
    cc = diag18(DISK, 0, &r15);
    report("X'18' with R15 = 0: CC 2, R15 6", cc == 2 && r15 == 6, "cc %d r15 %u", cc, r15);
    cc = diag18(0x777, 1, &r15);
    report("X'18' of a device that does not exist: CC 1, R15 1", cc == 1 && r15 == 1, "cc %d r15 %u", cc, r15);
    cc = diag18(0x009, 1, &r15);
    report("X'18' of a device that is not a minidisk: CC 1, R15 2", cc == 1 && r15 == 2, "cc %d r15 %u", cc, r15);
    memset(biopl, 0, sizeof biopl);
    biopl[0] = DISK >> 8; biopl[1] = DISK & 0xFF;
    biopl[27] = 0x40;                                               /* 512: not the disk's */
    cc = diag250(0, &rc);
    report("X'250' INIT with a block size the disk does not have: RC 12", cc == 2 && rc == 12,
           "cc %d rc %u", cc, rc);
    r250.rx = (u32)(uintptr_t)biopl + 4;
    r250.ry = 0;
    cc = trap_call(call250, NULL, &t);
    report("X'250' with a parameter list not on a doubleword: specification exception",
           cc == TRAP_PGM && t.code == PGM_SPECIFICATION, "class %d code %X", cc, t.code);
}

static void persistence(bool write, u32 seed, u16 disk)
{
    u32 c0, c1, rc;
    int bad = 0, cc;

    cc = bio_init(disk, &rc);
    if (cc != 0 || rc > 4) {
        report("X'250' INIT of the disk", false, "cc %d rc %u", cc, rc);
        return;
    }
    for (u32 b = 0; b < 16; b++) {
        pattern(buf, seed + b);
        if (write) {
            chain(0x05, 3, (u16)b, 1, buf, BLOCK);
            if (sio_wait(disk, &c0, &c1) != 0 || (c1 >> 24) != 0x0C)
                bad++;
        } else {
            memset(back, 0, sizeof back);
            bad += bio_one(disk, 2, BLK(3, b, 1), back, &rc) != 0 || !same();
        }
    }
    if (write)
        report("16 blocks written", bad == 0, "%d failed", bad);
    else
        report("Blocks written before are all there", bad == 0, "%d bad", bad);
}

int main(void)
{
    const char *parm = guest_parm();

    if (!strncmp(parm, "WRITE ", 6) || !strncmp(parm, "CHECK ", 6)) {
        const char *p = parm + 6;
        u32 seed = 0, disk = 0;
        for (; *p >= '0' && *p <= '9'; p++)
            seed = seed * 10 + (u32)(*p - '0');
        while (*p == ' ')
            p++;
        for (; (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'F'); p++)
            disk = disk * 16 + (u32)(*p <= '9' ? *p - '0' : *p - 'A' + 10);
        persistence(parm[0] == 'W', seed, disk ? (u16)disk : DISK);
        return 0;
    }
    device_type();
    three_paths();
    extent_and_protection();
    malformed();
    return 0;
}
