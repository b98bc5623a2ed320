/* dirfmt.h - the directory image: what dircomp writes and CP reads.
 *
 * The image is a sequence of 4096-byte pages, so CP can read it from the
 * DIRECT area of its system volume one page at a time:
 *
 *   page 0             header: magic, version, counts, and a checksum of
 *                      every page (a damaged directory is refused whole)
 *   index pages        one 16-byte entry per user, sorted by userid (the
 *                      EBCDIC bytes), so a user is found by binary search
 *   record pages       one variable-length record per user
 *
 * A record of at most one page never crosses a page boundary; a longer
 * one starts a page and continues on the pages that follow.  Finding a
 * user therefore costs the header, one index page and the record's pages.
 *
 * Fields are big-endian and read only through arch370/be.h; text is
 * EBCDIC, upper case, blank padded, like every other CP structure on DASD.
 * Offsets below are bytes from the start of the page, entry or record. */
#ifndef CP_DIR_DIRFMT_H
#define CP_DIR_DIRFMT_H

#include "arch370/be.h"

#define DIR_PAGE_SIZE           4096
#define DIR_VERSION             1
#define DIR_MAGIC_TEXT          "CP370DIR"      /* stored in EBCDIC */
#define DIR_NAME_SIZE           8               /* userids, names, accounts */
#define DIR_VOLSER_SIZE         6
#define DIR_SALT_SIZE           8
#define DIR_DIGEST_SIZE         32              /* SHA-256 */
#define DIR_PARM_SIZE           64              /* IPL ... PARM text */

/* ---- page 0: the header --------------------------------------------- */
#define DIRH_MAGIC              0       /* 8: DIR_MAGIC_TEXT */
#define DIRH_VERSION            8       /* 4: DIR_VERSION */
#define DIRH_PAGES              12      /* 4: pages in the image, page 0 included */
#define DIRH_USERS              16      /* 4: users = index entries */
#define DIRH_INDEX              20      /* 4: first index page (1) */
#define DIRH_INDEX_PAGES        24      /* 4: index pages */
#define DIRH_RECORDS            28      /* 4: first record page */
#define DIRH_RES_VOLSER         32      /* 6: DIRECTORY statement volser, blanks if none */
#define DIRH_RES_CUU            38      /* 2: its device address */
#define DIRH_RES_TYPE           40      /* 2: its device type (0x3350) */
#define DIRH_SUM                44      /* 4: checksum of page 0, this field taken as zero */
#define DIRH_PAGE_SUMS          64      /* 4 per page: checksum of page i (entry 0 unused) */
#define DIR_MAX_PAGES           ((DIR_PAGE_SIZE - DIRH_PAGE_SUMS) / 4)

/* ---- index entry ------------------------------------------------------ */
#define DIRX_USERID             0       /* 8 */
#define DIRX_PAGE               8       /* 4: page where the record starts */
#define DIRX_OFFSET             12      /* 2: offset of the record in that page */
#define DIRX_LENGTH             14      /* 2: record length */
#define DIRX_SIZE               16
#define DIRX_PER_PAGE           (DIR_PAGE_SIZE / DIRX_SIZE)

/* ---- user record: a fixed part, then its spool, link and mdisk entries */
#define DIRU_USERID             0       /* 8 */
#define DIRU_LENGTH             8       /* 2: whole record, entries included */
#define DIRU_FLAGS              10      /* 2: DIRU_F_* */
#define DIRU_STORAGE            12      /* 4: storage at LOGON, bytes */
#define DIRU_MAXSTOR            16      /* 4: most storage DEFINE may give, bytes */
#define DIRU_CLASSES            20      /* 4: privilege classes, CLASS_BIT(c) */
#define DIRU_OPTIONS            24      /* 4: DIR_OPT_* */
#define DIRU_CPUID              28      /* 4: OPTION CPUID value (6 hex digits) */
#define DIRU_AFFINITY           32      /* 2: OPTION AFFINITY processor */
#define DIRU_CONS_CUU           34      /* 2: console address */
#define DIRU_CONS_TYPE          36      /* 2: console type, 0 = no CONSOLE */
#define DIRU_CONS_CLASS         38      /* 1: console spool class */
#define DIRU_IPL_KIND           39      /* 1: DIR_IPL_* */
#define DIRU_IPL_CUU            40      /* 2: IPL device address */
#define DIRU_NSPOOL             42      /* 2: spool entries */
#define DIRU_NLINK              44      /* 2: link entries */
#define DIRU_NMDISK             46      /* 2: mdisk entries */
#define DIRU_IPL_NAME           48      /* 8: IPL system name */
#define DIRU_ACCOUNT            56      /* 8: account number */
#define DIRU_DISTRIB            64      /* 8: distribution code */
#define DIRU_SALT               72      /* 8: salt of all this user's digests */
#define DIRU_PASSWORD           80      /* 32: logon password digest (zero if NOLOG) */
#define DIRU_IPL_PARM           112     /* 64: IPL PARM text, as typed */
#define DIRU_FIXED              176     /* the entries follow */
#define DIR_MAX_RECORD          0xFFFF

#define DIRU_F_NOLOG            0x8000  /* password NOLOG: never logs on */

#define DIR_IPL_NONE            0
#define DIR_IPL_DEVICE          1
#define DIR_IPL_NAME            2

/* spool entry */
#define DIRS_CUU                0       /* 2 */
#define DIRS_TYPE               2       /* 2: 0x2540, 0x3505, 0x1403 ... */
#define DIRS_KIND               4       /* 1: DIR_SPOOL_* */
#define DIRS_CLASS              5       /* 1: spool class */
#define DIRS_SIZE               8

#define DIR_SPOOL_READER        1
#define DIR_SPOOL_PUNCH         2
#define DIR_SPOOL_PRINTER       3

/* link entry: a minidisk of another user, linked at LOGON */
#define DIRL_USERID             0       /* 8: owner */
#define DIRL_TARGET             8       /* 2: the owner's address of the disk */
#define DIRL_CUU                10      /* 2: the address in this machine */
#define DIRL_MODE               12      /* 2: access mode, blank padded */
#define DIRL_SIZE               16

/* mdisk entry */
#define DIRM_CUU                0       /* 2 */
#define DIRM_TYPE               2       /* 2: 0x3350 ... */
#define DIRM_START              4       /* 2: first cylinder */
#define DIRM_CYLS               6       /* 2: cylinders */
#define DIRM_VOLSER             8       /* 6 */
#define DIRM_MODE               14      /* 2: the owner's access mode */
#define DIRM_PWFLAGS            16      /* 1: DIRM_PW_* */
#define DIRM_READPW             32      /* 32: read password digest */
#define DIRM_WRITEPW            64      /* 32: write password digest */
#define DIRM_MULTPW             96      /* 32: multiple-write password digest */
#define DIRM_SIZE               128

#define DIRM_PW_READ            0x80    /* a read password is stored */
#define DIRM_PW_WRITE           0x40
#define DIRM_PW_MULT            0x20
#define DIRM_PW_READ_ALL        0x10    /* read password ALL: no password needed */

/* OPTION bits (VM/370's set, and LNKNOPAS) */
#define DIR_OPT_REALTIMER       (1u << 0)
#define DIR_OPT_ECMODE          (1u << 1)
#define DIR_OPT_ISAM            (1u << 2)
#define DIR_OPT_VIRTREAL        (1u << 3)
#define DIR_OPT_ACCT            (1u << 4)
#define DIR_OPT_SVCOFF          (1u << 5)
#define DIR_OPT_BMX             (1u << 6)
#define DIR_OPT_CPUID           (1u << 7)
#define DIR_OPT_AFFINITY        (1u << 8)
#define DIR_OPT_LNKNOPAS        (1u << 9)
#define DIR_OPT_ALL             0x3FFu

/* ---- rules shared by the writer and the reader (cp/dir/dirfmt.c) ---- */

/* checksum of a page: the first four bytes of its SHA-256, big-endian */
u32 dir_page_sum(const u8 *page);

/* the header checksum: page 0 with DIRH_SUM taken as zero */
u32 dir_header_sum(const u8 *page0);

/* A password digest: SHA-256 of the user's salt, a three-byte label
 * (the purpose, then a device address) and the password in upper case.
 * Purpose 'L' (LOGON, address 0), or 'R', 'W', 'M' for the read, write
 * and multiple-write password of the minidisk at that address: equal
 * passwords never give equal digests. */
void dir_password_digest(const u8 salt[DIR_SALT_SIZE], char purpose, u16 cuu,
                         const char *password, u8 digest[DIR_DIGEST_SIZE]);

#endif
