/* gspace.h - a virtual machine's storage: an ESA/390 address space.
 *
 * Guest real address = virtual address in the guest's own address space.
 * CP builds one segment table (up to 16 entries of 1 MB for a S/370 guest
 * of at most 16 MB) and one 256-entry page table per segment; page table
 * entries start invalid and get a frame on first touch (zero-filled), so a
 * guest uses only the real storage it touches.  The guest runs with this
 * segment table in CR1; CP, running with DAT off, walks the same tables in
 * software (gspace_frame) to reach guest storage.  A frame that is not in
 * this guest's page tables cannot be addressed by it.
 *
 * Keys: S/370 keys 2K blocks, the real machine 4K frames; a guest's SSK
 * sets the key of the whole 4K page (documented deviation).  The virtual
 * key of every page is kept here too, so a page that gets a new frame keeps
 * its key. */
#ifndef CP_MM_GSPACE_H
#define CP_MM_GSPACE_H

#include "arch370/types.h"

#define SEG_SIZE        0x100000u               /* 1 MB */
#define PAGES_PER_SEG   256u
#define PTE_INVALID     0x00000400u             /* ESA/390 PTE bit 21 */
#define PTE_PROTECT     0x00000200u             /* bit 22: page protection */
#define PTE_FRAME_MASK  0x7FFFF000u
#define STE_INVALID     0x00000020u             /* bit 26 */

struct gspace {
    u32 size;                   /* bytes, multiple of 4K */
    u32 npages;
    u32 *segtab;                /* real address, 4K aligned */
    u32 *pagetab[16];           /* real addresses, 1K each */
    u8 *keys;                   /* virtual storage key per page */
    u16 owner;                  /* owner tag for the frame table */
    u32 resident;               /* frames in use */
    u32 faults;                 /* first-touch and page-in faults */
};

int gspace_create(struct gspace *gs, u32 size, u16 owner);
void gspace_destroy(struct gspace *gs);
/* change the size (DEFINE STORAGE): contents are lost */
int gspace_resize(struct gspace *gs, u32 size);
/* the primary segment-table designation for CR1 */
u32 gspace_std(const struct gspace *gs);

/* the real address of the guest page holding addr, giving it a frame if
 * it has none (alloc = true) or returning 0 if it has none (alloc = false).
 * Addresses beyond the storage size return 0. */
u32 gspace_frame(struct gspace *gs, u32 addr, bool alloc);
/* For real I/O into guest storage (CCW translation, DIAGNOSE disk I/O):
 * the frame of the page holding addr, given a frame if it has none and
 * pinned so it is neither stolen nor freed until unpinned; 0 if addr is
 * beyond the storage or no frame can be had. */
u32 gspace_pin(struct gspace *gs, u32 addr);
void gspace_unpin(struct gspace *gs, u32 addr);

/* free every frame; the storage reads as zeros afterwards */
void gspace_clear(struct gspace *gs);
/* give back the frames of pages [first, last] (DIAGNOSE X'10') */
u32 gspace_release(struct gspace *gs, u32 first_page, u32 last_page);

/* storage keys of a guest page (key and fetch bit in the high 5 bits,
 * reference and change bits from the real frame when resident) */
u8 gspace_get_key(struct gspace *gs, u32 addr);
void gspace_set_key(struct gspace *gs, u32 addr, u8 key);
/* reset the reference bit; returns the old R (2) and C (1) bits */
int gspace_reset_ref(struct gspace *gs, u32 addr);

#endif
