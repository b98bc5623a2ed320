/* spfmt.h - the layout of the SPOOL area on DASD, byte by byte.
 *
 * The area is an array of 4096-byte pages (cp/io/cpvol.h).  Page 0 is
 * the label; then come the directory pages, each kept twice; every other
 * page holds file data.  Every page of every kind ends with a CRC-32 of
 * its first 4092 bytes, so a page torn by a crash in the middle of its
 * write, or damaged later, is recognised and never believed.
 *
 *   page 0                      label
 *   page 1 + 2*d + c            directory page d, copy c (c = 0, 1)
 *   page 1 + 2*ndir ... end     data pages
 *
 * A directory update is written to the copy that does not hold the
 * current version, with a write sequence number higher than any before;
 * warm start takes the valid copy with the higher number.  So a torn
 * update leaves the previous version readable, and the last completed
 * update always wins.  docs/spool-format.md explains the rules.
 *
 * All numbers are big-endian (arch370/be.h); names are EBCDIC, blank
 * padded to 8 bytes. */
#ifndef CP_SPOOL_SPFMT_H
#define CP_SPOOL_SPFMT_H

#define SPF_PAGE_SIZE           4096
#define SPF_CRC                 4092    /* 4: CRC-32 of bytes 0..4091, every page */
#define SPF_FORMAT_VERSION      1

/* ---- page 0: the label --------------------------------------------- */
#define SPL_MAGIC               0       /* 8: EBCDIC "CPSPOOL " */
#define SPL_VERSION             8       /* 4: SPF_FORMAT_VERSION */
#define SPL_PAGES               12      /* 4: pages in the area when formatted */
#define SPL_NDIR                16      /* 4: directory pages (each kept twice) */
#define SPL_SLOTS               20      /* 4: entries per directory page */
#define SPL_DATA0               24      /* 4: first data page */
#define SPL_STAMP               28      /* 4: format stamp, new at each cold start */
#define SPL_FORMATTED           32      /* 8: TOD of the cold start (0 if unknown) */
                                        /* 40..4091 zero */
#define SPL_MAGIC_TEXT          "CPSPOOL "

/* ---- directory page ------------------------------------------------ */
#define SPD_MAGIC               0       /* 8: EBCDIC "SPOOLDIR" */
#define SPD_STAMP               8       /* 4: format stamp of the label */
#define SPD_INDEX               12      /* 4: directory page number d */
#define SPD_COPY                16      /* 4: 0 or 1 */
#define SPD_SEQ                 20      /* 8: write sequence, grows by 1 per write */
#define SPD_NEXT_ID             28      /* 4: next spool id to try */
#define SPD_NEXT_SERIAL         32      /* 4: next file serial */
#define SPD_ORDER_LO            36      /* 4: lowest queue key handed out by ORDER */
#define SPD_ORDER_HI            40      /* 4: next queue key for an arriving file */
                                        /* 44..63 zero */
#define SPD_ENTRIES             64      /* first entry */
#define SPD_ENTRY_SIZE          128
#define SPD_SLOTS               31      /* 64 + 31 * 128 = 4032; 4032..4091 zero */
#define SPD_MAGIC_TEXT          "SPOOLDIR"

/* ---- directory entry, 128 bytes ------------------------------------ */
#define SPE_STATE               0       /* 1: SPE_FREE, SPE_OPEN, SPE_CLOSED */
#define SPE_TYPE                1       /* 1: queue: 1 RDR, 2 PRT, 3 PUN */
#define SPE_ORIGTYPE            2       /* 1: device that made it, same codes */
#define SPE_CLASS               3       /* 1: EBCDIC A-Z, 0-9 */
#define SPE_SPID                4       /* 2: spool id 1-9999 */
#define SPE_COPIES              6       /* 1: 1-99 */
#define SPE_FLAGS               7       /* 1: X'80' user hold, X'40' system hold */
#define SPE_SERIAL              8       /* 4: file serial, never 0 */
#define SPE_ORDER               12      /* 4: queue key: smaller comes first */
#define SPE_CREATED             16      /* 8: TOD clock at creation */
#define SPE_ORIGIN              24      /* 8: userid that made the file */
#define SPE_OWNER               32      /* 8: userid whose queue holds it */
#define SPE_FORM                40      /* 8 */
#define SPE_FNAME               48      /* 8 */
#define SPE_FTYPE               56      /* 8 */
#define SPE_DIST                64      /* 8: distribution code */
#define SPE_RECORDS             72      /* 4 */
#define SPE_PAGES               76      /* 4: data pages */
#define SPE_FIRST               80      /* 4: first data page, 0 when empty */
#define SPE_LAST                84      /* 4: last data page, 0 when empty */
#define SPE_BYTES               88      /* 4: sum of the record lengths */
                                        /* 92..127 zero */
#define SPE_FREE                0
#define SPE_OPEN                1       /* being written; no data is recorded */
#define SPE_CLOSED              2

/* ---- data page ----------------------------------------------------- */
#define SPP_MAGIC               0       /* 4: EBCDIC "SPDA" */
#define SPP_STAMP               4       /* 4: format stamp of the label */
#define SPP_SERIAL              8       /* 4: serial of the owning file */
#define SPP_INDEX               12      /* 4: page number within the file, from 0 */
#define SPP_PREV                16      /* 4: previous data page, 0 on the first */
#define SPP_NEXT                20      /* 4: next data page, 0 on the last */
#define SPP_FIRSTREC            24      /* 4: number of the first record here, from 0 */
#define SPP_NREC                28      /* 2: records on this page, at least 1 */
#define SPP_USED                30      /* 2: bytes of records from SPP_RECORDS */
#define SPP_RECORDS             32      /* records, then zero up to SPF_CRC */
#define SPP_CAPACITY            (SPF_CRC - SPP_RECORDS)
#define SPP_MAGIC_TEXT          "SPDA"

/* ---- record on a data page ----------------------------------------- */
#define SPR_OP                  0       /* 1: CCW command code, kept exactly */
#define SPR_FLAGS               1       /* 1: zero */
#define SPR_LEN                 2       /* 2: data length */
#define SPR_DATA                4       /* data, not padded */
#define SPR_HDR                 4

#endif
