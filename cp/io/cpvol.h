/* cpvol.h - the table of contents of a CP-owned volume.
 *
 * A volume CP owns (system residence, spool, paging) carries, besides the
 * standard IPL records and VOL1 label on cylinder 0 track 0, a table of
 * contents in record 4 of that track: which cylinders hold what.  CP reads
 * it at IPL to learn where its nucleus, directory, saved systems, spool
 * and paging areas are, so adding an area needs no rebuild of CP.  The
 * host tool assembler-tools/mkvol writes it with these same definitions.
 *
 * Areas are addressed in 4096-byte pages, four to a track (a 3350 track
 * holds four 4096-byte records: 4 x (185 + 4096) <= 19254).  Page p of an
 * area starting at cylinder c is record p % 4 + 1 of track c * heads + p / 4.
 * Every field is big-endian; text is EBCDIC, blank padded. */
#ifndef CP_IO_CPVOL_H
#define CP_IO_CPVOL_H

#include "arch370/be.h"

#define CPVOL_TOC_RECORD        4       /* C0 H0 R4 */
#define CPVOL_TOC_SIZE          4096
#define CPVOL_PAGE_SIZE         4096
#define CPVOL_PAGES_PER_TRACK   4

/* header */
#define CPVOL_MAGIC             0       /* 8: EBCDIC "CP370TOC" */
#define CPVOL_VERSION           8       /* 4: 1 */
#define CPVOL_VOLSER            12      /* 6 */
#define CPVOL_CYLS              18      /* 2 */
#define CPVOL_HEADS             20      /* 2 */
#define CPVOL_PPT               22      /* 2: pages per track */
#define CPVOL_NAREAS            24      /* 4 */
#define CPVOL_AREAS             64      /* first area entry */

/* area entry, 64 bytes */
#define CPVOL_AREA_SIZE         64
#define CPVOL_MAX_AREAS         ((CPVOL_TOC_SIZE - CPVOL_AREAS) / CPVOL_AREA_SIZE)
#define AREA_TYPE               0       /* 8: NUCLEUS DIRECT NSS SPOOL PAGE TDSK PERM */
#define AREA_NAME               8       /* 8 */
#define AREA_CYL0               16      /* 2: first cylinder */
#define AREA_CYL1               18      /* 2: last cylinder, inclusive */
#define AREA_PAGES              20      /* 4: pages holding data */
#define AREA_BYTES              24      /* 4: exact data length */
#define AREA_LOAD               28      /* 4: load address (NUCLEUS, NSS) */
#define AREA_PSW                32      /* 8: start PSW (NUCLEUS, NSS) */
#define AREA_FLAGS              40      /* 4: AREA_F_* */
#define AREA_SHR_FIRST          44      /* 4: NSS: first shared page (guest page number) */
#define AREA_SHR_LAST           48      /* 4: NSS: last shared page */

#define AREA_F_SHARED           0x80000000u     /* NSS with a shared page range */

#define CPVOL_MAGIC_TEXT        "CP370TOC"

#endif
