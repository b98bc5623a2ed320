/* sys.h - what CMS asks of the machine it runs on.
 *
 * Everything CMS does outside its own storage goes through these
 * functions.  In the guest (cms-guest/nucleus/) each is a DIAGNOSE: the
 * console is X'58', CP commands X'08', the clock X'0C', disks X'250',
 * the reader X'14' and the punch and printer X'20'; CMS never issues an
 * SIO.  The host unit tests link a fake with the same names
 * (tests/unit/cms/fakesys.cpp), so every command runs on the host too.
 *
 * Text crosses this interface in ASCII; the guest side translates to and
 * from EBCDIC.  Disk blocks and cards are passed as they are (EBCDIC). */
#ifndef CMS_CORE_SYS_H
#define CMS_CORE_SYS_H

#include "arch370/types.h"

/* results besides 0 */
#define SYS_ENODEV      (-1)    /* no such virtual device */
#define SYS_EIO         (-2)    /* the device reported an error */
#define SYS_ERDONLY     (-3)    /* write to a read-only disk */
#define SYS_ERANGE      (-4)    /* block number outside the disk */
#define SYS_ENOTSUP     (-5)    /* CP does not offer the service */
#define SYS_EFORMAT     (-6)    /* the disk's block size is not 800 */
#define SYS_EREDRAW     (-7)    /* CP took the screen: draw it again */

/* ---- console --------------------------------------------------------------- */
/* Write one line (no newline) on the user's terminal. */
void sys_write(const char *line);
/* Wait for a line typed by the user; returns its length (stored
 * NUL-terminated, cut to size - 1), or -1 when no more input will come
 * (only the host fake has an end). */
int sys_read(char *buf, size_t size);
/* The part of an error message to show, per CP's SET EMSG: *off and *len
 * select it inside msg (len 0: show nothing). */
void sys_emsg(const char *msg, size_t *off, size_t *len);

/* A 3270 screen of CMS's own (DIAGNOSE X'58' full screen).  ds is a
 * 3270 write data stream (WCC, orders, EBCDIC text).  erase: erase/write,
 * which takes the screen from CP.  0, SYS_ENOTSUP (the terminal is not a
 * 3270), SYS_EREDRAW (a plain write after CP took the screen). */
int sys_screen_write(const u8 *ds, size_t n, bool erase);
/* Wait for a key on that screen; the record the 3270 sent (AID, cursor
 * address, SBA address text for each modified field) goes to buf.
 * Returns its length, SYS_EREDRAW, or SYS_ENOTSUP. */
int sys_screen_read(u8 *buf, size_t size);

/* ---- CP ---------------------------------------------------------------------- */
/* Run a CP command.  resp NULL: CP writes the response on the terminal.
 * Otherwise the response lines, each ended by '\n', go to resp (NUL-
 * terminated, cut to fit; *lost is the number of bytes that did not fit).
 * An empty command stops the virtual machine in CP READ until BEGIN.
 * Returns CP's return code. */
int sys_cp(const char *cmd, char *resp, size_t size, size_t *lost);

/* ---- identity and time ------------------------------------------------------- */
struct sys_clock {
    char date[9];               /* MM/DD/YY */
    char time[9];               /* HH:MM:SS */
    u64 virt_us, total_us;      /* CPU time of the virtual machine, and with CP's */
};
void sys_clock(struct sys_clock *c);
void sys_userid(char userid[9]);
u32 sys_storage_size(void);

/* ---- disks: 800-byte blocks numbered from 1 ------------------------------------ */
struct sys_disk_info {
    u32 blocks;                 /* last block number */
    bool rdonly;                /* the link is read-only */
};
int sys_disk_open(u16 cuu, struct sys_disk_info *info);
int sys_disk_read(u16 cuu, u32 block, u8 *buf);
int sys_disk_write(u16 cuu, u32 block, const u8 *buf);
void sys_disk_close(u16 cuu);

/* ---- unit record ------------------------------------------------------------------ */
/* One record to the virtual punch or printer at cuu, written with CCW
 * command code op (punch X'01'; printer X'09' write and space 1, ...).
 * 0, SYS_ENODEV, SYS_EIO. */
int sys_ur_write(u16 cuu, u8 op, const u8 *data, u16 len);

#define SYS_RDR_EOF     1       /* end of the file */
#define SYS_RDR_EMPTY   2       /* no file in the reader */
/* The next card of the reader file being read (the first call takes the
 * next file of the reader queue).  *len gets the card's length (data cut
 * to size).  0, SYS_RDR_EOF (the file is finished and gone from the
 * reader), SYS_RDR_EMPTY, or SYS_ENODEV / SYS_EIO / SYS_ENOTSUP. */
int sys_rdr_read(u16 cuu, u8 *card, u16 size, u16 *len);
/* end the reader file being read: CP purges it, or keeps it in the
 * reader, held, if keep (a file CMS cannot take) */
void sys_rdr_close(u16 cuu, bool keep);

#endif
