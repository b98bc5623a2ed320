/* psw.h - program status words: S/370 BC mode, S/370 EC mode, ESA/390.
 *
 * A PSW is handled as a u64 whose bit 0 is the most significant bit, the
 * way the Principles of Operation number them.  A guest's PSW is always
 * kept in the S/370 format it was loaded in; CP builds the ESA/390 PSW the
 * real CPU runs from it (psw390_for_guest) and folds the changes the real
 * CPU made back into it (psw370_after_run).
 *
 * S/370 BC mode (GA22-7000, "Program-Status Word"):
 *   0-5 channel masks 0-5, 6 I/O mask (channels 6 and up), 7 external,
 *   8-11 key, 12 EC=0, 13 machine check, 14 wait, 15 problem state,
 *   16-31 interruption code, 32-33 ILC, 34-35 CC, 36-39 program mask,
 *   40-63 instruction address.
 * S/370 EC mode:
 *   1 PER, 5 DAT, 6 I/O, 7 external, 8-11 key, 12 EC=1, 13 M, 14 W, 15 P,
 *   18-19 CC, 20-23 program mask, 40-63 instruction address; bits 0, 2-4,
 *   16-17 and 24-39 must be zero.
 * ESA/390 (SA22-7201):
 *   1 PER, 5 DAT, 6 I/O, 7 external, 8-11 key, 12 must be one, 13 M,
 *   14 W, 15 P, 16-17 address-space control, 18-19 CC, 20-23 program mask,
 *   32 addressing mode (1 = 31-bit), 33-63 instruction address. */
#ifndef ARCH370_PSW_H
#define ARCH370_PSW_H

#include "arch370/types.h"

#define PSW_BIT(n)          ((u64)1 << (63 - (n)))

/* bits common to all three formats */
#define PSW_PER             PSW_BIT(1)
#define PSW_DAT             PSW_BIT(5)
#define PSW_IO              PSW_BIT(6)
#define PSW_EXT             PSW_BIT(7)
#define PSW_EC              PSW_BIT(12)     /* S/370: EC mode; ESA/390: must be one */
#define PSW_MCHECK          PSW_BIT(13)
#define PSW_WAIT            PSW_BIT(14)
#define PSW_PROBLEM         PSW_BIT(15)
#define PSW_KEY_SHIFT       52
#define PSW_KEY_MASK        ((u64)0xF << PSW_KEY_SHIFT)
#define PSW_AMODE31         PSW_BIT(32)     /* ESA/390 only */

/* ESA/390 bits a guest can change natively, without CP seeing it: the
 * addressing mode (SAM31, BSM, BASSM, RESUME PROGRAM) and the
 * address-space control (RESUME PROGRAM to secondary-space mode).  No S/370
 * PSW has room for them; CP keeps them beside the guest's PSW (vcpu
 * esa_mode) for as long as that PSW stays the guest's. */
#define PSW_ESA_ASC         (PSW_BIT(16) | PSW_BIT(17))
#define PSW_ESA_MODE        (PSW_ESA_ASC | PSW_AMODE31)

/* S/370 BC mode: bits 0-6 are channel masks, 0-5 individual, 6 the rest */
#define PSW_BC_CHANMASKS    ((u64)0xFE << 56)

/* S/370 EC mode: bits that must be zero, else specification exception */
#define PSW_EC_MBZ          (PSW_BIT(0) | PSW_BIT(2) | PSW_BIT(3) | PSW_BIT(4) | \
                             PSW_BIT(16) | PSW_BIT(17) | ((u64)0xFFFF << 24))

static inline bool psw370_is_ec(u64 psw)   { return (psw & PSW_EC) != 0; }
static inline u32  psw370_ia(u64 psw)      { return (u32)psw & 0x00FFFFFF; }
static inline u8   psw_key(u64 psw)        { return (u8)((psw >> PSW_KEY_SHIFT) & 0xF); }
static inline bool psw_problem(u64 psw)    { return (psw & PSW_PROBLEM) != 0; }
static inline bool psw_wait(u64 psw)       { return (psw & PSW_WAIT) != 0; }
static inline bool psw_ext_enabled(u64 psw){ return (psw & PSW_EXT) != 0; }
static inline bool psw_mck_enabled(u64 psw){ return (psw & PSW_MCHECK) != 0; }

static inline u64 psw370_set_ia(u64 psw, u32 ia)
{
    return (psw & ~(u64)0x00FFFFFF) | (ia & 0x00FFFFFF);
}

/* Condition code: BC bits 34-35, EC bits 18-19. */
static inline u8 psw370_cc(u64 psw)
{
    return psw370_is_ec(psw) ? (u8)((psw >> 44) & 3) : (u8)((psw >> 28) & 3);
}

static inline u64 psw370_set_cc(u64 psw, u8 cc)
{
    if (psw370_is_ec(psw))
        return (psw & ~((u64)3 << 44)) | ((u64)(cc & 3) << 44);
    return (psw & ~((u64)3 << 28)) | ((u64)(cc & 3) << 28);
}

/* Program mask: BC bits 36-39, EC bits 20-23. */
static inline u8 psw370_pm(u64 psw)
{
    return psw370_is_ec(psw) ? (u8)((psw >> 40) & 0xF) : (u8)((psw >> 24) & 0xF);
}

static inline u64 psw370_set_pm(u64 psw, u8 pm)
{
    if (psw370_is_ec(psw))
        return (psw & ~((u64)0xF << 40)) | ((u64)(pm & 0xF) << 40);
    return (psw & ~((u64)0xF << 24)) | ((u64)(pm & 0xF) << 24);
}

/* I/O enablement of a S/370 PSW for a channel: EC mode has one mask bit
 * (bit 6, refined by the channel masks in control register 2); BC mode has
 * masks for channels 0-5 in bits 0-5 and bit 6 for channels 6 and up. */
static inline bool psw370_io_enabled(u64 psw, u32 cr2, unsigned channel)
{
    if (psw370_is_ec(psw)) {
        if (!(psw & PSW_IO))
            return false;
        return channel < 32 && (cr2 & (0x80000000u >> channel)) != 0;
    }
    if (channel < 6)
        return (psw & PSW_BIT(channel)) != 0;
    return (psw & PSW_BIT(6)) != 0;
}

/* DAT is an EC-mode facility; a BC PSW never has it on. */
static inline bool psw370_dat(u64 psw)
{
    return psw370_is_ec(psw) && (psw & PSW_DAT);
}

/* Would loading this PSW be a specification exception on S/370?  Odd
 * instruction addresses and EC must-be-zero bits are; a BC PSW has no
 * must-be-zero bits (its interruption code and ILC are ignored). */
static inline bool psw370_valid(u64 psw)
{
    if (psw & 1)
        return false;
    if (psw370_is_ec(psw) && (psw & PSW_EC_MBZ))
        return false;
    return true;
}

/* The ESA/390 PSW the real CPU runs a guest with: DAT on in the guest's
 * own address space, problem state, enabled for I/O, external and machine
 * check interruptions (those belong to CP), the guest's key, condition
 * code, program mask and instruction address, 24-bit addressing (the
 * caller adds the ESA/390 mode bits the guest set itself). */
static inline u64 psw390_for_guest(u64 vpsw)
{
    /* in 32-bit halves: on the 31-bit CPU CP runs on, 64-bit shifts and
     * masks cost a register pair each, and this runs at every entry.
     * CC and program mask: EC bits 18-23 as in ESA/390; BC bits 34-39 */
    u32 hi = (u32)(vpsw >> 32), lo = (u32)vpsw;
    u32 r = (u32)((PSW_DAT | PSW_IO | PSW_EXT | PSW_EC | PSW_MCHECK | PSW_PROBLEM) >> 32);

    r |= hi & (u32)(PSW_KEY_MASK >> 32);
    r |= (hi & (u32)(PSW_EC >> 32)) ? hi & 0x3F00u : (lo >> 16) & 0x3F00u;
    return (u64)r << 32 | (lo & 0x00FFFFFFu);
}

/* Fold what the real CPU changed (condition code, program mask,
 * instruction address) back into the guest's S/370 PSW.  The ESA/390 mode
 * bits (PSW_ESA_MODE) have no place there: the caller keeps them apart,
 * and an address beyond 24 bits, which only 31-bit mode reaches, cannot
 * be folded at all (psw390_ia_fits). */
static inline u64 psw370_after_run(u64 vpsw, u64 rpsw)
{
    /* 32-bit halves, as in psw390_for_guest: the real CC and program
     * mask are bits 18-23, the same bits in EC mode, bits 34-39 in BC */
    u32 hi = (u32)(vpsw >> 32), lo = (u32)vpsw, ccpm = (u32)(rpsw >> 32) & 0x3F00u;

    if (hi & (u32)(PSW_EC >> 32))
        hi = (hi & ~0x3F00u) | ccpm;
    else
        lo = (lo & ~0x3F000000u) | ccpm << 16;
    lo = (lo & ~0x00FFFFFFu) | ((u32)rpsw & 0x00FFFFFFu);
    return (u64)hi << 32 | lo;
}

/* Does the instruction address of a real PSW fit a S/370 PSW? */
static inline bool psw390_ia_fits(u64 rpsw)
{
    return ((u32)rpsw & 0x7F000000u) == 0;
}

/* BC mode keeps the interruption code and ILC in the old PSW itself. */
static inline u64 psw370_bc_set_intcode(u64 psw, u16 code, u8 ilc)
{
    psw &= ~((u64)0xFFFF << 32) & ~((u64)3 << 30);
    return psw | (u64)code << 32 | (u64)((ilc >> 1) & 3) << 30;
}

#endif
