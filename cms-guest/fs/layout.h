/* layout.h - the VM/370 Release 6 CMS minidisk format, byte by byte.
 *
 * Offsets of every field of the 800-byte blocks the file system reads and
 * writes, as /work/shared/CMS-DISK-FORMAT.md (cited as "FMT §n") records
 * them from real Release 6 disks.  All fields are big-endian and read only
 * through arch370/be.h; text is EBCDIC. */
#ifndef CMS_FS_LAYOUT_H
#define CMS_FS_LAYOUT_H

#define CMS_BLKSIZE             800

/* fixed block numbers (FMT §2.2, §2.3); 0 means "no block" */
#define CMS_BLK_IPL1            1
#define CMS_BLK_IPL2            2
#define CMS_BLK_LABEL           3
#define CMS_BLK_MFD             4
#define CMS_BLK_FIRST_FST       5       /* where format puts the first FST block */

/* label block (FMT §2.2) */
#define LBL_MAGIC               0       /* 4: EBCDIC "CMS=" */
#define LBL_VOLID               4       /* 6: volume id, blank padded */
#define LBL_VOLID_LEN           6

/* master file directory, block 4 (FMT §2.3) */
#define MFD_LIST                0       /* halfwords: FST blocks, sentinel, QMSK extensions */
#define MFD_LIST_LEN            364
#define MFD_LIST_SLOTS          (MFD_LIST_LEN / 2)
#define MFD_ADTNUM              364     /* 4: usable blocks */
#define MFD_ADTUSED             368     /* 4: blocks in use */
#define MFD_ADTLEFT             372     /* 4: ADTNUM - ADTUSED */
#define MFD_ADTLAST             376     /* 4: index of the last non-zero QMSK byte */
#define MFD_ADTCYL              380     /* 4: cylinders */
#define MFD_QMSK                384     /* 215: bit map of blocks 1..1720 */
#define MFD_QMSK_LEN            215
#define MFD_DEVCODE             599     /* 1: X'0B' on every 3350 disk */
#define MFD_QQMSK               600     /* 200: 2314 only; written as zeros */

#define MFD_END_NOEXT           0xFFFFu /* list ends, no QMSK extensions */
#define MFD_END_EXT             0xFFFDu /* QMSK extension block numbers follow */
#define CMS_DEVCODE_3350        0x0B

/* QMSK extensions (FMT §2.4): each covers 800 bytes = 6400 blocks */
#define QMSK_EXT_BITS           (CMS_BLKSIZE * 8)
#define CMS_MAX_QMSK_EXT        10      /* 215 + 10 * 800 bytes >= 65535 bits */

/* FST block: 20 entries of 40 bytes (FMT §2.5) */
#define FST_PER_BLOCK           20
#define FST_SIZE                40
#define FST_FNAME               0x00    /* 8 */
#define FST_FTYPE               0x08    /* 8 */
#define FST_DATE                0x10    /* 4: BCD month, day, hour, minute */
#define FST_WRPNT               0x14    /* 2: write pointer = items + 1 */
#define FST_RDPNT               0x16    /* 2: read pointer = 1 */
#define FST_FMODE               0x18    /* 2: EBCDIC letter and digit */
#define FST_ITEMS               0x1A    /* 2: record count */
#define FST_FCL                 0x1C    /* 2: first chain link block */
#define FST_RECFM               0x1E    /* 1: X'C6' F or X'E5' V */
#define FST_FLAG                0x1F    /* 1: 0 */
#define FST_LRECL               0x20    /* 4 */
#define FST_BLOCKS              0x24    /* 2: data blocks */
#define FST_YEAR                0x26    /* 2: EBCDIC digits */

/* chain links (FMT §2.6) */
#define FCL_NTH                 0       /* 40 halfwords: Nth chain links 2..41 */
#define FCL_NTH_SLOTS           40
#define FCL_DATA                80      /* 60 halfwords: data blocks 1..60 */
#define FCL_DATA_SLOTS          60
#define FCL_USED                200     /* bytes 200..799 are zero */
#define NCL_SLOTS               400     /* an Nth chain link: 400 data blocks */

#define CMS_MAX_FILE_BLOCKS     (FCL_DATA_SLOTS + FCL_NTH_SLOTS * NCL_SLOTS)   /* 16060 */

/* 3350 geometry (FMT §2.1) */
#define CMS3350_BLOCKS_PER_TRACK 19
#define CMS3350_TRACKS_PER_CYL  30
#define CMS3350_BLOCKS_PER_CYL  (CMS3350_BLOCKS_PER_TRACK * CMS3350_TRACKS_PER_CYL)
#define CMS_MAX_ADTNUM          65531u  /* 3449 whole tracks: block numbers are halfwords */

#endif
