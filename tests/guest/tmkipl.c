/* tmkipl.c - make the user's 191 bootable, or punch an IPL deck, for the
 * IPL tests.
 *
 * PARM (none): record 1 of cylinder 0 track 0 (block 1 of a CMS disk,
 * which CMS leaves for IPL) gets an IPL PSW and a CCW reading record 2;
 * record 2 gets a tiny program that writes its 16 bytes of text ("IPL FROM
 * DISK OK") on the console and stops in a disabled wait with code X'B007'.
 * The tiny program addresses its data relative to itself.
 *
 * "CHAIN": a bootstrap as real ones are, reading its own next CCWs.
 * Record 1's CCW 1 reads record 2 to X'400' and CCW 2 TICs there; record
 * 2 holds CCWs that read record 3 (the tiny program, text blank) by the
 * device's orientation, then SEEK, SEARCH record 4, read it to X'500' and
 * TIC there; record 4's CCW reads record 5, the text "DISK CHAINED OK",
 * into the program.  Only an IPL that fetches each CCW when it reaches it
 * prints that text.
 *
 * "DECK": punch to 00D (spooled to the user's own reader by the test) an
 * IPL deck: card 1 has a BC-mode PSW, a READ of card 2 to X'400' and a TIC
 * there; card 2 holds READs of the program's cards to X'2000' ff. and of
 * a last card, the text "CARD DECK IPL OK", into the program.
 *
 * "BADDISK": record 1's CCW 1 reads to X'FFF000', outside the storage.
 * "BADDECK": card 2 holds a CCW with a command code CCWs cannot have.
 * "LOOPDISK", "LOOPDECK": CCW 1 is a NOP, CCW 2 a TIC back to it: an IPL
 * that would never end. */
#include "guest.h"
#include "arch370/ccw.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"

#define BOOT_ADDR   0x2000

extern const u8 boot_start[], boot_end[];
asm(".text\n"
    ".align 8\n"
    "boot_start:\n"
    "    larl  %r1,1f\n"                /* the CCW, with its data address patched */
    "    larl  %r2,2f\n"
    "    st    %r2,0(%r1)\n"            /* format 0: address in bytes 1-3 */
    "    mvi   0(%r1),0x09\n"           /* write + carriage return */
    "    mvi   4(%r1),0x20\n"           /* flags: SLI */
    "    mvi   5(%r1),0\n"
    "    mvi   6(%r1),0\n"
    "    mvi   7(%r1),16\n"             /* count */
    "    lr    %r3,%r1\n"
    "    la    %r3,0(%r3)\n"            /* 24-bit */
    "    st    %r3,0x48\n"              /* CAW */
    "    la    %r4,0x009\n"
    "    .insn s,0x9c000000,0(%r4)\n"   /* SIO 009 */
    "0:  .insn s,0x9d000000,0(%r4)\n"   /* TIO until done */
    "    jh    0b\n"                    /* CC 2: still busy */
    "    larl  %r1,3f\n"
    "    lpsw  0(%r1)\n"
    "    .align 8\n"
    "1:  .long 0, 0\n"
    "boot_text:\n"
    "2:  .byte 0xC9,0xD7,0xD3,0x40,0xC6,0xD9,0xD6,0xD4\n"   /* IPL FROM */
    "    .byte 0x40,0xC4,0xC9,0xE2,0xD2,0x40,0xD6,0xD2\n"   /*  DISK OK */
    "    .align 8\n"
    "3:  .long 0x000A0000, 0x0000B007\n"
    "boot_end:\n");

static struct ccw0 ccw[4] __attribute__((aligned(8)));
static u8 seekarg[8] __attribute__((aligned(8))), search[8];
static u8 rec[800] __attribute__((aligned(8)));

#define STAGE2      0x400       /* where record 2 / card 2 is read */
#define STAGE3      0x500       /* where record 4 is read */
#define TEXT_LEN    16

static u32 text_offset(void)
{
    extern const u8 boot_text[];
    return (u32)(boot_text - boot_start);
}

static void put_ccw(u8 *at, u8 cmd, u32 addr, u8 flags, u16 count)
{
    ccw0_make((struct ccw0 *)at, cmd, addr, flags, count);
}

/* the IPL record or first card: PSW (EC, disabled; for a card BC, to see
 * the device address in its interruption code) and two CCWs */
static void ipl_record(u8 *b, u8 read_cmd, u32 to, u16 count, bool tic)
{
    put_be32(b, read_cmd == 0x02 ? 0 : 0x00080000u);
    put_be32(b + 4, BOOT_ADDR);
    put_ccw(b + 8, read_cmd, to, (u8)(CCW_SLI | (tic ? CCW_CC : 0)), count);
    if (tic)
        put_ccw(b + 16, CCW_CMD_TIC, to, 0, 0);
}

static int write_record(u8 r, const u8 *data, u16 count)
{
    memset(seekarg, 0, sizeof seekarg);
    memset(search, 0, sizeof search);
    search[4] = r;
    ccw0_make(&ccw[0], 0x07, (u32)(uintptr_t)seekarg, CCW_CC, 6);
    ccw0_make(&ccw[1], 0x31, (u32)(uintptr_t)search, CCW_CC, 5);
    ccw0_make(&ccw[2], 0x08, (u32)(uintptr_t)&ccw[1], 0, 0);
    ccw0_make(&ccw[3], 0x05, (u32)(uintptr_t)data, 0, count);
    lc_write32(0x48, (u32)(uintptr_t)ccw);
    if (sio(0x191) != 0)
        return -1;
    while (tio(0x191) == 2)
        ;
    return (lc_read32(0x44) >> 24) == 0x0C ? 0 : -1;
}

static int make_disk(void)
{
    u32 n = (u32)(boot_end - boot_start);
    int rc;

    memset(rec, 0, sizeof rec);
    ipl_record(rec, 0x06, BOOT_ADDR, 800, false);
    rc = write_record(1, rec, 800);
    memset(rec, 0, sizeof rec);
    memcpy(rec, boot_start, n);
    rc |= write_record(2, rec, 800);
    return rc;
}

static int make_chain(void)
{
    u32 n = (u32)(boot_end - boot_start);
    int rc;

    memset(rec, 0, sizeof rec);
    ipl_record(rec, 0x06, STAGE2, 800, true);
    rc = write_record(1, rec, 800);
    /* record 2, at X'400' when it runs */
    memset(rec, 0, sizeof rec);
    put_ccw(rec + 0x00, 0x06, BOOT_ADDR, CCW_CC | CCW_SLI, 800);        /* record 3 */
    put_ccw(rec + 0x08, 0x07, STAGE2 + 0x40, CCW_CC, 6);                /* SEEK 0,0 */
    put_ccw(rec + 0x10, 0x31, STAGE2 + 0x48, CCW_CC, 5);                /* SEARCH R4 */
    put_ccw(rec + 0x18, CCW_CMD_TIC, STAGE2 + 0x10, 0, 0);
    put_ccw(rec + 0x20, 0x06, STAGE3, CCW_CC | CCW_SLI, 64);            /* record 4 */
    put_ccw(rec + 0x28, CCW_CMD_TIC, STAGE3, 0, 0);
    rec[0x48 + 4] = 4;                                                  /* CCHHR 0,0,4 */
    rc |= write_record(2, rec, 800);
    /* record 3: the program, its text blank */
    memset(rec, 0, sizeof rec);
    memcpy(rec, boot_start, n);
    memset(rec + text_offset(), 0x40, TEXT_LEN);
    rc |= write_record(3, rec, 800);
    /* record 4, at X'500': read record 5 into the program's text */
    memset(rec, 0, sizeof rec);
    put_ccw(rec, 0x06, BOOT_ADDR + text_offset(), CCW_SLI, TEXT_LEN);
    rc |= write_record(4, rec, 800);
    memset(rec, 0x40, sizeof rec);
    ebc_from_ascii(rec, "DISK CHAINED OK", 15);
    rc |= write_record(5, rec, 800);
    return rc;
}

static int make_bad_disk(void)
{
    memset(rec, 0, sizeof rec);
    ipl_record(rec, 0x06, 0xFFF000, 800, false);
    return write_record(1, rec, 800);
}

static void loop_record(u8 *b)
{
    put_be32(b, 0x00080000u);
    put_be32(b + 4, BOOT_ADDR);
    put_ccw(b + 8, CCW_CMD_NOP, 0, CCW_CC | CCW_SLI, 1);
    put_ccw(b + 16, CCW_CMD_TIC, 8, 0, 0);
}

static int make_loop_disk(void)
{
    memset(rec, 0, sizeof rec);
    loop_record(rec);
    return write_record(1, rec, 800);
}

/* punch one card: 80 bytes by SIO to 00D */
static int punch_card(const u8 *b)
{
    ccw0_make(&ccw[0], 0x01, (u32)(uintptr_t)b, 0, 80);
    lc_write32(0x48, (u32)(uintptr_t)ccw);
    if (sio(0x00D) != 0)
        return -1;
    while (tio(0x00D) == 2)
        ;
    return (lc_read32(0x44) >> 24) == 0x0C ? 0 : -1;
}

static int make_deck(bool bad)
{
    u32 n = (u32)(boot_end - boot_start), ncards = (n + 79) / 80, k = 0;
    static u8 prog[800] __attribute__((aligned(8)));
    char resp[128];
    int rc, cprc = -1;

    memset(rec, 0, 80);
    ipl_record(rec, 0x02, STAGE2, 80, true);
    rc = punch_card(rec);
    /* card 2, at X'400' when it runs: a READ for each card that follows */
    memset(rec, 0, 80);
    for (u32 i = 0; i < ncards; i++, k += 8)
        put_ccw(rec + k, 0x02, BOOT_ADDR + 80 * i, CCW_CC | CCW_SLI, 80);
    put_ccw(rec + k, bad ? 0x00 : 0x02, BOOT_ADDR + text_offset(), CCW_SLI, TEXT_LEN);
    rc |= punch_card(rec);
    memset(prog, 0, sizeof prog);
    memcpy(prog, boot_start, n);
    memset(prog + text_offset(), 0x40, TEXT_LEN);
    for (u32 i = 0; i < ncards; i++)
        rc |= punch_card(prog + 80 * i);
    memset(rec, 0x40, 80);
    ebc_from_ascii(rec, "CARD DECK IPL OK", 16);
    rc |= punch_card(rec);
    cp_command("CLOSE 00D", resp, sizeof resp, &cprc);
    return rc | cprc;
}

static int make_loop_deck(void)
{
    char resp[128];
    int rc, cprc = -1;

    memset(rec, 0, 80);
    loop_record(rec);
    rc = punch_card(rec);
    cp_command("CLOSE 00D", resp, sizeof resp, &cprc);
    return rc | cprc;
}

int main(void)
{
    const char *parm = guest_parm();
    int rc;

    if (!strncmp(parm, "CHAIN", 5))
        rc = make_chain();
    else if (!strncmp(parm, "BADDISK", 7))
        rc = make_bad_disk();
    else if (!strncmp(parm, "BADDECK", 7))
        rc = make_deck(true);
    else if (!strncmp(parm, "LOOPDISK", 8))
        rc = make_loop_disk();
    else if (!strncmp(parm, "LOOPDECK", 8))
        rc = make_loop_deck();
    else if (!strncmp(parm, "DECK", 4))
        rc = make_deck(false);
    else
        rc = make_disk();
    report("The IPL records are written", rc == 0, "rc %d", rc);
    return 0;
}
