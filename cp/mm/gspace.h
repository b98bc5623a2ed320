/* gspace.h - a virtual machine's storage: an ESA/390 address space.
 *
 * Guest real address = virtual address in the guest's own address space.
 * CP builds one segment table (up to 16 entries of 1 MB for a S/370 guest
 * of at most 16 MB) and one 256-entry page table per segment.  The guest
 * runs with this segment table in CR1; CP, running with DAT off, walks
 * the same tables in software (gspace_frame) to reach guest storage.  A
 * frame that is not in this guest's page tables cannot be addressed by it.
 *
 * Each page is in one of these states (struct gpage and its PTE):
 *   empty      never touched, or released: reads as zeros; no frame, no slot
 *   resident   the PTE holds a private frame; a slot may hold a copy too
 *   paged out  the PTE is invalid and a page slot holds the contents
 *   shared     the PTE holds a frame of a saved system, page-protected
 *   in transit a page-in or page-out is in flight: whoever needs the
 *              page sleeps on its struct gpage until it is over
 * The pager (cp/mm/pager.c) moves pages between frames and slots; any
 * function here that brings a page in may sleep for that I/O, so a
 * caller must not keep a frame address across a call that may sleep
 * unless the frame is pinned.
 *
 * Keys: S/370 keys 2K blocks, the real machine 4K frames.  The virtual
 * key of each 2K half is kept here (struct gpage), with the reference and
 * change bits the guest has seen (one pair per 4K page: the real frame
 * records them per frame), so a page keeps its keys and bits across
 * page-out and page-in; the real frame's bits belong to the pager.  The
 * real frame carries the key of the half SSK set last (GP_KEY_HI says
 * which): when the halves differ, a program in that key may store into
 * the other half too (docs/storage.md, "Storage keys").
 *
 * Storage above the machine's: a saved segment may lie beyond the defined
 * storage (VM/370 put shared segments there).  Its pages are marked
 * GP_SEGMENT and are addressable like storage while it is loaded; the
 * machine's size (DIAGNOSE X'60') stays what was defined. */
#ifndef CP_MM_GSPACE_H
#define CP_MM_GSPACE_H

#include "arch370/types.h"

#define SEG_SIZE        0x100000u               /* 1 MB */
#define PAGES_PER_SEG   256u
#define PTE_INVALID     0x00000400u             /* ESA/390 PTE bit 21 */
#define PTE_PROTECT     0x00000200u             /* bit 22: page protection */
#define PTE_FRAME_MASK  0x7FFFF000u
#define STE_INVALID     0x00000020u             /* bit 26 */

/* storage-key bits */
#define KEY_ACC_FETCH   0xF8                    /* access key and fetch bit */
#define KEY_REF         0x04
#define KEY_CHANGE      0x02

struct gpage {
    u32 slot;                   /* page slot holding a copy, 0 = none */
    u8 key;                     /* first 2K: key, fetch bit; R and C seen */
    u8 flags;                   /* GP_* */
    u8 key2;                    /* second 2K: key and fetch bit */
    u8 pad;
};

#define GP_SLOT_CURRENT 0x01    /* the slot holds what the page holds */
#define GP_TRANSIT      0x02    /* page-in or page-out in flight */
#define GP_SHARED       0x04    /* mapped to a saved system's frame */
#define GP_SEGMENT      0x08    /* beyond the storage, in a loaded segment */
#define GP_KEY_HI       0x10    /* the real key is the second half's */

/* the key the real frame of a page carries (see "Keys" above) */
static inline u8 gpage_real_key(const struct gpage *gp)
{
    return (gp->flags & GP_KEY_HI ? gp->key2 : gp->key) & 0xF8;
}

enum gpage_state { GPS_EMPTY, GPS_RESIDENT, GPS_PAGED, GPS_SHARED, GPS_TRANSIT };

struct gspace {
    u32 size;                   /* bytes, multiple of 4K: the defined storage */
    u32 npages;                 /* pages the tables cover (segments above too) */
    u32 *segtab;                /* real address, 4K aligned */
    u32 *pagetab[16];           /* real addresses, 1K each */
    struct gpage *pages;
    u16 owner;                  /* owner tag for the frame table */
    u32 resident;               /* private frames in use */
    u32 shared;                 /* pages mapped to shared frames */
    u32 slots;                  /* page slots held */
    u32 transit;                /* pages with I/O in flight */
    u32 holds;                  /* tasks inside a page-in or copy for it */
    u32 faults;                 /* translation exceptions CP resolved */
    u32 pageins, pageouts;      /* pages read from and written to slots */
};

int gspace_create(struct gspace *gs, u32 size, u16 owner);
void gspace_destroy(struct gspace *gs);
/* change the size (DEFINE STORAGE): contents are lost */
int gspace_resize(struct gspace *gs, u32 size);
/* can the guest address addr: inside its storage, or in a loaded
 * segment above it */
bool gspace_addressable(const struct gspace *gs, u32 addr);
/* pages [first, first + count) beyond the storage become addressable for
 * a saved segment (tables and page array grow as needed; may sleep);
 * 0 done, -1 no frame or free storage for the tables */
int gspace_extend(struct gspace *gs, u32 first, u32 count);
/* ... and stop being addressable (their contents must be released) */
void gspace_retract(struct gspace *gs, u32 first, u32 count);
/* the primary segment-table designation for CR1 */
u32 gspace_std(const struct gspace *gs);

/* The real address of the guest page holding addr.  For a store
 * (alloc = true) the page gets a frame of its own: an empty page a zeroed
 * one, a paged-out page is read in, a shared page is copied.  For a
 * fetch (alloc = false) a paged-out page is read in and a shared frame is
 * fine; an empty page gives 0 (it reads as zeros).  0 also for an address
 * beyond the storage or when no frame can be had (see gspace_has_data). */
u32 gspace_frame(struct gspace *gs, u32 addr, bool alloc);
/* does the page hold anything (resident, paged out, shared, in transit)? */
bool gspace_has_data(struct gspace *gs, u32 addr);
enum gpage_state gspace_state(struct gspace *gs, u32 addr);
/* For real I/O into guest storage (CCW translation, DIAGNOSE disk I/O):
 * the frame of the page holding addr, made private and resident as for
 * a store, and pinned so it is neither stolen nor freed until unpinned;
 * 0 if addr is beyond the storage or no frame can be had. */
u32 gspace_pin(struct gspace *gs, u32 addr);
void gspace_unpin(struct gspace *gs, u32 addr);

/* free every frame and slot; the storage reads as zeros afterwards */
void gspace_clear(struct gspace *gs);
/* give back the frames and slots of pages [first, last] (DIAGNOSE X'10');
 * returns how many pages held something */
u32 gspace_release(struct gspace *gs, u32 first_page, u32 last_page);

/* storage key of the 2K block holding addr (key and fetch bit in the
 * high 5 bits, reference and change bits of its page as the guest sees
 * them); set_key sets that block's key and the page's R and C bits */
u8 gspace_get_key(struct gspace *gs, u32 addr);
void gspace_set_key(struct gspace *gs, u32 addr, u8 key);
/* reset the reference bit; returns the old R (2) and C (1) bits */
int gspace_reset_ref(struct gspace *gs, u32 addr);

/* ---- for the pager and saved systems ---------------------------------- */
u32 *gspace_pte(struct gspace *gs, u32 page);
/* map page to a shared frame, read-only, with the guest's keys of its
 * two halves (what it
 * held is released); the caller has counted the mapping in the frame's
 * shares, so the frame cannot go away while this waits for the page */
void gspace_map_shared(struct gspace *gs, u32 page, u32 frame, u8 key, u8 key2);
/* who owns shared frames (saved systems, cp/vm/nss.c) registers the
 * function told when a space stops mapping one; the last unmapping frees
 * it there */
void gspace_shared_register(void (*unmapped)(u32 frame));
/* a store into a shared page: give the page a private copy; 0 done,
 * -1 no frame to be had, 1 the page was not shared */
int gspace_unshare(struct gspace *gs, u32 page);
/* sleep until page is not in transit; true if it had to wait */
bool gspace_wait_page(struct gspace *gs, u32 page);

#endif
