/* dumpout.h - a spool file that DUMP or VMDUMP writes line by line.
 *
 * The file is made apart from the guest's own devices, so a dump never
 * mixes with a print file the guest has open.  Lines are given in ASCII
 * and stored as EBCDIC records; the file is in nobody's queue until
 * dumpout_close. */
#ifndef CP_CMD_DUMPOUT_H
#define CP_CMD_DUMPOUT_H

#include "cp/spool/spool.h"

struct user;

struct dumpout {
    struct spf *h;
    int rc;                     /* the first spool error, SPOOL_OK while none */
    u8 ccw_op;                  /* the command code of each record */
    u16 reclen;                 /* records padded with blanks to this (cards); 0: as given */
    u32 records;
};

/* open a file with these attributes; SPOOL_OK or a SPOOL_E... code */
int dumpout_open(struct dumpout *o, const struct spool_attrs *a, u8 ccw_op, u16 reclen);
/* one line (after an error: nothing) */
void dumpout_line(struct dumpout *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* close it into its queue and tell its owner (and the user who made
 * it, who is told "what FILE nnnn TO owner"); the spool id or an error */
int dumpout_close(struct dumpout *o, struct user *maker, const char *what);

#endif
