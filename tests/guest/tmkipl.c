/* tmkipl.c - make the user's 191 bootable, for the IPL-from-minidisk test.
 *
 * Record 1 of cylinder 0 track 0 (block 1 of a CMS disk, which CMS leaves
 * for IPL) gets an IPL PSW and a CCW reading record 2; record 2 gets a tiny
 * program that writes "IPL FROM DISK OK" on the console and stops in a
 * disabled wait with code X'B007'.  The tiny program addresses its data
 * relative to itself, so it runs wherever record 2 is read to. */
#include "guest.h"
#include "arch370/ccw.h"
#include "arch370/be.h"

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
    "2:  .byte 0xC9,0xD7,0xD3,0x40,0xC6,0xD9,0xD6,0xD4\n"   /* IPL FROM */
    "    .byte 0x40,0xC4,0xC9,0xE2,0xD2,0x40,0xD6,0xD2\n"   /*  DISK OK */
    "    .align 8\n"
    "3:  .long 0x000A0000, 0x0000B007\n"
    "boot_end:\n");

static struct ccw0 ccw[4] __attribute__((aligned(8)));
static u8 seekarg[8] __attribute__((aligned(8))), search[8];
static u8 rec[800];

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

int main(void)
{
    u32 n = (u32)(boot_end - boot_start);
    int rc;

    /* record 1: IPL PSW (EC, disabled) and a CCW reading record 2 */
    memset(rec, 0, sizeof rec);
    put_be32(rec, 0x00080000u);
    put_be32(rec + 4, BOOT_ADDR);
    ccw0_make((struct ccw0 *)(rec + 8), 0x06, BOOT_ADDR, CCW_SLI, 800);
    rc = write_record(1, rec, 800);
    memset(rec, 0, sizeof rec);
    memcpy(rec, boot_start, n);
    rc |= write_record(2, rec, 800);
    report("The IPL records are written on 191", rc == 0, "rc %d", rc);
    return 0;
}
