/* sysres.h - the system residence volume and the areas of CP volumes.
 *
 * At IPL CP reads the table of contents (cp/io/cpvol.h) of the volume
 * it was IPLed from and of every other DASD that has one, and keeps their
 * areas here: where the directory, saved systems, spool and paging space
 * are.  Nothing about them is compiled into CP. */
#ifndef CP_IO_SYSRES_H
#define CP_IO_SYSRES_H

#include "cp/io/rio.h"

struct cp_area {
    struct rdev *dev;
    char type[9];               /* NUCLEUS DIRECT NSS SPOOL PAGE TDSK PERM */
    char name[9];
    u16 cyl0, cyl1;
    u32 pages, bytes, load;
    u64 psw;
    u32 flags;                  /* AREA_F_* */
    u32 shr_first, shr_last;    /* NSS: shared guest pages, if AREA_F_SHARED */
};

void sysres_note_ipl_device(u32 sid);
/* read the tables of contents of all CP volumes; returns areas found */
unsigned sysres_scan(void);
struct rdev *sysres_dev(void);
/* the n-th area of a type (n from 0), NULL when there are no more */
const struct cp_area *cp_area_find(const char *type, const char *name, unsigned n);
unsigned cp_area_count(void);
const struct cp_area *cp_area_at(unsigned i);

/* page p of an area: read or write its 4096-byte record */
int cp_area_read_page(const struct cp_area *a, u32 p, void *buf);
int cp_area_write_page(const struct cp_area *a, u32 p, const void *buf);
u32 cp_area_capacity(const struct cp_area *a);     /* pages the area holds */

#endif
