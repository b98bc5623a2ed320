/* directory.h - the user directory as CP reads it.
 *
 * The directory is compiled from USER DIRECT by the host tool dircomp
 * (assembler-tools/dircomp) into the image described in cp/dir/dirfmt.h
 * and placed in the DIRECT area of the system volume.  CP hands the image
 * to dir_load(), which checks all of it (magic, version, every checksum,
 * every count and offset) and decodes it into one block of free storage;
 * a damaged image is refused with an error code and the directory in use
 * stays as it was.  Lookups return pointers into that block.  They stay
 * valid until the next successful dir_load() or dir_unload(): LOGON copies
 * what the virtual machine needs, as VM/370 copied the directory entry
 * into the VMBLK.
 *
 * Passwords are never in the image, only salted SHA-256 digests
 * (dir_password_digest in dirfmt.h); typed passwords are compared upper
 * cased, as VM/370 does.
 *
 * To read the image from DASD a page at a time: read page 0, let
 * dir_check_header() say how many pages follow, read them, dir_load(). */
#ifndef CP_DIR_DIRECTORY_H
#define CP_DIR_DIRECTORY_H

#include "arch370/types.h"
#include "cp/dir/dirfmt.h"

/* dir_load() and dir_check_*() results */
#define DIR_OK                  0
#define DIR_E_SHORT             (-1)    /* image shorter than its header says */
#define DIR_E_MAGIC             (-2)    /* not a directory image */
#define DIR_E_VERSION           (-3)    /* a format this CP does not know */
#define DIR_E_CHECKSUM          (-4)    /* a page does not match its checksum */
#define DIR_E_LAYOUT            (-5)    /* counts or page numbers outside the image */
#define DIR_E_INDEX             (-6)    /* index out of order or not matching a record */
#define DIR_E_RECORD            (-7)    /* a user record is malformed */
#define DIR_E_NOMEM             (-8)    /* no free storage for the decoded directory */

/* one SPOOL statement */
struct dir_spool {
    u16 cuu;
    u16 devtype;                /* 0x2540, 0x3505, 0x3525, 0x1403, 0x3211 */
    u8 kind;                    /* DIR_SPOOL_READER / _PUNCH / _PRINTER */
    char spool_class;           /* A-Z, 0-9 or * */
};

/* one LINK statement: another user's minidisk, linked at LOGON */
struct dir_link {
    char userid[9];             /* the owner */
    u16 target;                 /* the owner's address of the minidisk */
    u16 cuu;                    /* the address in this virtual machine */
    char mode[3];               /* R RR W WR M MR MW */
};

struct dir_user;

/* one MDISK statement */
struct dir_mdisk {
    const struct dir_user *owner;
    u16 cuu;
    u16 devtype;                /* 0x3350 ... */
    u16 start, cyls;            /* extent on the real volume, in cylinders */
    char volser[7];
    char mode[3];               /* the owner's access mode */
    u8 pwflags;                 /* DIRM_PW_*: which passwords exist */
    u8 readpw[DIR_DIGEST_SIZE], writepw[DIR_DIGEST_SIZE], multpw[DIR_DIGEST_SIZE];
};

struct dir_user {
    char userid[9];
    bool nolog;                 /* password NOLOG: can never log on */
    u32 storage, maxstorage;    /* bytes */
    u32 classes;                /* CLASS_BIT('A') ... as in cp/cmd/cmd.h */
    u32 options;                /* DIR_OPT_* */
    u32 cpuid;                  /* with DIR_OPT_CPUID */
    u16 affinity;               /* with DIR_OPT_AFFINITY */
    char account[9];            /* blank if no ACCOUNT statement */
    char distcode[9];           /* defaults to the userid */
    struct {
        u8 kind;                /* DIR_IPL_NONE / _DEVICE / _NAME */
        u16 cuu;
        char name[9];
        char parm[DIR_PARM_SIZE + 1];
    } ipl;
    struct {
        u16 devtype;            /* 0: no CONSOLE statement */
        u16 cuu;
        char spool_class;
    } console;
    u16 nspool, nlink, nmdisk;
    const struct dir_spool *spool;
    const struct dir_link *links;
    const struct dir_mdisk *mdisks;
    /* for the reader itself */
    u8 key[DIR_NAME_SIZE];      /* the userid as stored: EBCDIC, blank padded */
    u8 salt[DIR_SALT_SIZE];
    u8 password[DIR_DIGEST_SIZE];
};

/* Check and decode a whole image; on success it replaces the directory in
 * use.  Returns DIR_OK or a DIR_E_* code (the old directory stays). */
int dir_load(const u8 *image, size_t len);
/* forget the directory (every lookup fails until the next dir_load) */
void dir_unload(void);

/* page 0 alone: DIR_E_* or the number of pages of the whole image */
int dir_check_header(const u8 *page0);
/* page n (n >= 1) of an image whose header is page0: DIR_OK or DIR_E_CHECKSUM */
int dir_check_page(const u8 *page0, u32 n, const u8 *page);

/* a user by userid, in any case; NULL if there is none */
const struct dir_user *dir_find(const char *userid);
unsigned dir_count(void);
/* the i-th user in userid order, NULL past the end */
const struct dir_user *dir_at(unsigned i);
/* a user's minidisk by its address, NULL if none */
const struct dir_mdisk *dir_find_mdisk(const struct dir_user *u, u16 cuu);

/* the logon password; always false for a NOLOG user */
bool dir_password_ok(const struct dir_user *u, const char *typed);
/* the minidisk password for a link in mode 'R', 'W' or 'M' (the first
 * letter of the link mode); a read password of ALL lets every 'R' link in */
bool dir_link_password_ok(const struct dir_mdisk *m, char mode, const char *typed);

/* a sentence for a DIR_E_* code, for messages */
const char *dir_strerror(int rc);

#endif
