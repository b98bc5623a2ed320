/* nssstore.h - the saved-system store: where SAVESYS puts what it saves.
 *
 * The store is an area of type SAVED on a CP-owned volume (on the paging
 * volume CPPAG1 in the default system, mk/volume.mk).  Its pages:
 *
 *   0, 1     two copies of the directory; the one with the higher
 *            generation and a good checksum is current
 *   2 ...    saved systems, each a contiguous extent: a header page, a
 *            page map, then the data pages in ascending guest page order
 *
 * Saving never overwrites the copy it replaces: the new extent goes into
 * free space, then the older directory copy is rewritten to name it (one
 * 4096-byte record, the commit).  A crash before the commit leaves the
 * old directory and the old copy; after it, the new one.  Byte layouts
 * are in docs/storage.md; fields are big-endian, names EBCDIC. */
#ifndef CP_MM_NSSSTORE_H
#define CP_MM_NSSSTORE_H

#include "arch370/types.h"

struct cp_area;

#define SSTORE_MAX      60      /* saved systems the directory holds */

/* directory */
#define SSD_MAGIC       0       /* 8: EBCDIC "CP370SSD" */
#define SSD_GEN         8       /* 4: generation, higher is newer */
#define SSD_COUNT       12      /* 4: entries */
#define SSD_SUM         16      /* 4: checksum of the page with this field 0 */
#define SSD_PAGES       20      /* 4: pages of the area */
#define SSD_ENTRIES     32      /* entries of 64 bytes */
#define SSD_ENTRY_SIZE  64
#define SSE_NAME        0       /* 8: EBCDIC, blank padded */
#define SSE_FIRST       8       /* 4: first page of the extent in the area */
#define SSE_PAGES       12      /* 4: pages of the extent */
#define SSE_SERIAL      16      /* 4: the generation that saved it */
#define SSE_DATA        20      /* 4: data pages */

/* extent header page */
#define SSH_MAGIC       0       /* 8: EBCDIC "CP370NSS" */
#define SSH_NAME        8       /* 8 */
#define SSH_FIRST       16      /* 4: first guest page of the image */
#define SSH_COUNT       20      /* 4: guest pages it spans */
#define SSH_DATA        24      /* 4: pages saved */
#define SSH_SHARED      28      /* 4: pages shared */
#define SSH_FLAGS       32      /* 4: SSH_F_* */
#define SSH_PSW         40      /* 8: the PSW to start it with */
#define SSH_GPRS        48      /* 64: general registers */
#define SSH_CRS         112     /* 64: control registers */
#define SSH_F_STATE     0x80000000u     /* registers and CRs are valid */
#define SSH_F_KEYS2     0x40000000u     /* a second-half key map follows the map */
/* page map (the extent's second page): one byte per guest page of the
 * span: NSSP_* flags and the storage key of its first 2K in the high five
 * bits.  With SSH_F_KEYS2 the third page holds, one byte per guest page,
 * the key of its second 2K (S/370 keys 2K blocks), and the data pages
 * follow it; without it both halves have the map's key. */

struct sstore_entry {
    char name[9];
    u32 first, pages, serial, data;
};

/* read the directory of the first SAVED area; false if there is none */
bool sstore_init(void);
const struct cp_area *sstore_area(void);
const struct sstore_entry *sstore_lookup(const char *name);
unsigned sstore_count(void);
const struct sstore_entry *sstore_at(unsigned i);
u32 sstore_capacity(void);      /* pages for extents */
u32 sstore_used(void);

/* page of the area: 4096 bytes */
int sstore_read(u32 page, void *buf);
int sstore_write(u32 page, const void *buf);
/* first page of free room for n pages, 0 if there is none */
u32 sstore_alloc(u32 n);
/* name now means the extent [first, first + pages): the commit.
 * 0 done, -1 directory full, -2 I/O error (the old directory stands) */
int sstore_commit(const char *name, u32 first, u32 pages, u32 data);
u32 sstore_generation(void);

#endif
