/* nss.h - named saved systems and saved segments.
 *
 * A saved system is a named image of guest pages: which pages it holds,
 * the storage key of each, which of them are shared, and the PSW (and,
 * for one SAVESYS made, the registers) to start it with.  Two places
 * hold them:
 *   - NSS areas the build puts on CP volumes (cp/io/cpvol.h), loaded
 *     at their load address; AREA_F_SHARED marks a range of shared pages;
 *   - the saved-system store that SAVESYS writes (cp/mm/nssstore.h).
 * A name in the store hides the same name on a volume: the newest
 * SAVESYS wins.
 *
 * IPL name resets and clears the virtual machine, loads the pages and
 * starts it.  A saved segment is the same thing loaded into a running
 * machine without a reset (DIAGNOSE X'64').  Shared pages are read once
 * into frames of their own and mapped read-only (ESA/390 page protection)
 * into every virtual machine that loads them; a guest that stores into
 * one gets a private copy of that page (cp/vm/pgfault.c).  Shared frames
 * are never paged out; the last virtual machine to drop one frees it.
 * The other pages are copied into the machine's own storage. */
#ifndef CP_VM_NSS_H
#define CP_VM_NSS_H

#include "arch370/types.h"

struct vm;

#define NSS_PER_VM      4       /* saved systems loaded in one machine */

/* per guest page of a saved system (store page map, in-storage map) */
#define NSSP_DATA       0x01    /* saved: a data page holds it */
#define NSSP_SHARED     0x02    /* shared read-only by every user */
#define NSSP_KEY        0xF8    /* its storage key and fetch bit */

/* results */
#define NSS_OK          0
#define NSS_NOTFOUND    (-1)    /* no saved system of that name */
#define NSS_TOOBIG      (-2)    /* its pages lie beyond the storage */
#define NSS_IOERR       (-3)    /* a page could not be read or written */
#define NSS_NOSTORAGE   (-4)    /* no frame for a page */
#define NSS_FULL        (-5)    /* SAVESYS: no room in the store */
#define NSS_NOSTORE     (-6)    /* SAVESYS: no store on any volume */
#define NSS_NOTLOADED   (-7)    /* purge: the machine does not have it */
#define NSS_TOOMANY     (-8)    /* NSS_PER_VM loaded already */
#define NSS_BADRANGE    (-9)    /* SAVESYS: a shared range is not valid */
#define NSS_DIRFULL     (-10)   /* SAVESYS: the store directory is full */

struct nss_info {
    u32 lo, hi;                 /* first and last byte of storage it fills */
    u32 first, count;           /* guest pages it spans */
    u32 data, shared;           /* pages saved, pages shared */
    u32 in_storage;             /* shared pages now in real frames */
    u32 users;                  /* machines that have it loaded */
    bool from_store;            /* SAVESYS made it */
};

/* read the store's directory (at IPL, after the volumes are scanned) */
void nss_init(void);

/* IPL name: reset and clear the machine, load the image, set its PSW
 * (and the registers SAVESYS saved); the caller starts it.  share =
 * false copies the shared pages into the machine's own storage too. */
int nss_ipl(struct vm *vm, const char *name, bool share);
/* DIAGNOSE X'64': load a saved segment into a running machine (its
 * range is cleared first); shared = false copies even the shared pages */
int nss_load(struct vm *vm, const char *name, bool shared, u32 *first, u32 *last);
/* DIAGNOSE X'64': the machine's pages of the segment are released */
int nss_purge(struct vm *vm, const char *name);
/* what there is to know about a name; *loaded: this machine has it */
int nss_query(struct vm *vm, const char *name, struct nss_info *info, bool *loaded);
/* SAVESYS: the machine's pages, keys, PSW and registers under name;
 * pages [share[2i], share[2i+1]] are shared; *saved = pages saved */
int nss_save(struct vm *vm, const char *name, const u32 *share, unsigned nshare, u32 *saved);
/* the machine's storage was cleared or is going away */
void nss_vm_reset(struct vm *vm);

/* every saved system there is, in the store and on volumes, one call
 * per name (a name both places: the store's) */
void nss_list(void (*fn)(const char *name, const struct nss_info *info, void *arg), void *arg);

/* an address space stopped mapping a shared frame: the last one to do so
 * frees it */
void nss_frame_unmapped(u32 frame);

#endif
