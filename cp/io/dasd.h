/* dasd.h - real CKD DASD: volume labels and synchronous record I/O.
 *
 * CP reads and writes whole records by cylinder/head/record with a
 * SEEK, SEARCH ID EQUAL, TIC, READ/WRITE DATA channel program, retrying
 * a few times on errors before reporting them.  Callers sleep while the
 * I/O is in flight (at IPL, CP waits enabled). */
#ifndef CP_IO_DASD_H
#define CP_IO_DASD_H

#include "cp/io/rio.h"

struct dasd {
    char volser[7];             /* from the VOL1 (or CMS=) label, ASCII */
    u16 heads;                  /* tracks per cylinder */
    u16 cyls;                   /* from the CP table of contents, if any */
    bool labelled;
    bool cp_owned;              /* carries a cp370 table of contents */
    u32 reads, writes, errors;
};

#define DASD_OK         0
#define DASD_ENOREC     (-10)   /* no record found */
#define DASD_EIO        (-11)   /* permanent I/O error */
#define DASD_EPROT      (-12)   /* write inhibited */

void dasd_init_all(void);
struct dasd *dasd_of(const struct rdev *d);
struct rdev *dasd_find_volser(const char *volser);

/* read record r of (cyl, head) into buf (len bytes at most); *got = length */
int dasd_read(struct rdev *d, u16 cyl, u16 head, u8 r, void *buf, u16 len, u16 *got);
/* write (update) the data of an existing record */
int dasd_write(struct rdev *d, u16 cyl, u16 head, u8 r, const void *buf, u16 len);
/* geometry of a device type: tracks per cylinder */
u16 dasd_heads_of_type(u16 type);

#endif
