/* ckd.h - CKD DASD command codes and their kinds (3330/3350 family). */
#ifndef CP_IO_CKD_H
#define CP_IO_CKD_H

#include "arch370/types.h"

#define CKD_READ_IPL        0x02
#define CKD_WRITE_DATA      0x05
#define CKD_READ_DATA       0x06
#define CKD_SEEK            0x07
#define CKD_SEEK_CYL        0x0B
#define CKD_WRITE_KEY_DATA  0x0D
#define CKD_READ_KEY_DATA   0x0E
#define CKD_ERASE           0x11
#define CKD_READ_COUNT      0x12
#define CKD_RECALIBRATE     0x13
#define CKD_WRITE_R0        0x15
#define CKD_READ_R0         0x16
#define CKD_WRITE_HA        0x19
#define CKD_READ_HA         0x1A
#define CKD_SEEK_HEAD       0x1B
#define CKD_WRITE_CKD       0x1D
#define CKD_READ_CKD        0x1E
#define CKD_SET_FILE_MASK   0x1F
#define CKD_READ_SECTOR     0x22
#define CKD_SET_SECTOR      0x23
#define CKD_SEARCH_ID_EQ    0x31
#define CKD_SEARCH_HA       0x39
#define CKD_SEARCH_ID_HI    0x51
#define CKD_SEARCH_ID_HE    0x71
#define CKD_MT              0x80    /* multitrack bit of read/search commands */

static inline bool ckd_cmd_is_seek(u8 c)
{
    return c == CKD_SEEK || c == CKD_SEEK_CYL || c == CKD_SEEK_HEAD;
}

/* SEARCH ID equal/high/high-or-equal, with or without multitrack */
static inline bool ckd_cmd_is_search_id(u8 c)
{
    u8 b = c & 0x7F;
    return b == CKD_SEARCH_ID_EQ || b == CKD_SEARCH_ID_HI || b == CKD_SEARCH_ID_HE;
}

/* commands that change what is on the track */
static inline bool ckd_cmd_is_write(u8 c)
{
    return c == CKD_WRITE_DATA || c == CKD_WRITE_KEY_DATA || c == CKD_WRITE_CKD ||
           c == CKD_WRITE_R0 || c == CKD_WRITE_HA || c == CKD_ERASE ||
           c == 0x01 || c == 0x0C;      /* write special count/key/data, 3880 format */
}

/* reads that bring a count field (CCHHR KL DL) first */
static inline bool ckd_cmd_reads_count(u8 c)
{
    u8 b = c & 0x7F;
    return b == CKD_READ_COUNT || b == CKD_READ_CKD || b == CKD_READ_R0;
}

#endif
