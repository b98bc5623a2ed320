/* dat370.h - S/370 dynamic address translation: the guest's own tables.
 *
 * System/370 Principles of Operation (GA22-7000-10), "Dynamic Address
 * Translation".  Pure architecture: the caller supplies the fetch of a
 * table entry from real storage, so the same walk serves LRA, the shadow
 * tables CP builds for a guest with DAT on (cp/vm/shadow.c), CP's own
 * access to a DAT guest's operands (cp/vm/vmem.c) and host unit tests.
 *
 *   CR0 bits 8-9    page size: 01 2K, 10 4K
 *   CR0 bits 11-12  segment size: 00 64K, 10 1M
 *                   (bits 8-12 other than 01000, 01010, 10000, 10010:
 *                   translation specification)
 *   CR1 bits 0-7    segment-table length, in units of 16 entries, minus 1
 *   CR1 bits 8-25   segment-table origin (64-byte boundary)
 *   STE (4 bytes)   0-3 page-table length (units of 1/16 of a full
 *                   table), 4-7 zero, 8-28 page-table origin (8-byte
 *                   boundary), 29 segment protection, 30 common segment,
 *                   31 invalid
 *   PTE (2 bytes)   4K: 0-11 frame address, 12 invalid, 13-14 zero
 *                   2K: 0-12 frame address, 13 invalid, 14 zero
 * A table length that the index exceeds is a segment- or page-translation
 * exception (LRA: condition code 3); ones where zeros belong are a
 * translation specification; a table entry beyond storage an addressing
 * exception. */
#ifndef ARCH370_DAT370_H
#define ARCH370_DAT370_H

#include "arch370/types.h"

#define CR0_370_XLATE       0x00F80000u     /* bits 8-12 */
#define CR1_370_STL         0xFF000000u
#define CR1_370_STO         0x00FFFFC0u
#define STE370_PTL          0xF0000000u
#define STE370_ZERO         0x0F000000u
#define STE370_PTO          0x00FFFFF8u
#define STE370_PROTECT      0x00000004u
#define STE370_COMMON       0x00000002u
#define STE370_INVALID      0x00000001u

/* the translation format CR0 selects */
struct dat370_fmt {
    u8 page_bits;               /* 11 (2K) or 12 (4K) */
    u8 seg_bits;                /* 16 (64K) or 20 (1M) */
};

/* true and *f filled, or false for a format that is a translation
 * specification */
bool dat370_format(u32 cr0, struct dat370_fmt *f);

enum dat370_rc {
    DAT370_OK = 0,
    DAT370_SEG_LENGTH,          /* segment index beyond the table */
    DAT370_SEG_INVALID,         /* STE invalid bit */
    DAT370_PAGE_LENGTH,         /* page index beyond the page table */
    DAT370_PAGE_INVALID,        /* PTE invalid bit */
    DAT370_SPEC,                /* translation specification */
    DAT370_ADDRESSING,          /* a table entry beyond real storage */
};

/* fetch len (2 or 4) bytes at real address addr, big-endian, into *out;
 * false if addr is not in real storage */
typedef bool (*dat370_fetch_fn)(void *ctx, u32 addr, unsigned len, u32 *out);

struct dat370_walk {
    u32 real;                   /* DAT370_OK: the real address */
    u32 entry;                  /* the STE or PTE address last formed
                                   (LRA puts it in R1 when it is not OK) */
    bool protect;               /* the segment is protected (bit 29) */
    bool common;                /* the segment is common (bit 30) */
};

/* Translate the 24-bit virtual address va with the guest's CR0 and CR1. */
enum dat370_rc dat370_translate(u32 cr0, u32 cr1, u32 va, dat370_fetch_fn fetch, void *ctx,
                                struct dat370_walk *w);

/* the program-interruption code of a result (0 for DAT370_OK) */
u16 dat370_pgm(enum dat370_rc rc);

#endif
