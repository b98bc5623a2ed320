/* mdisk.h - minidisks: ranges of cylinders of a real CKD volume that a
 * virtual machine sees as whole disks of its own.
 *
 * A minidisk is defined by a directory MDISK statement (owner, address,
 * start cylinder, cylinders, volume serial, mode, passwords).  A virtual
 * machine gets it as a virtual DASD either as its owner (at LOGON, with the
 * MDISK mode) or by a link (LOGON for directory LINK statements, or the
 * LINK command).  Every link is registered here, so the VM/370 link modes
 * can be enforced:
 *   R   read; refused if anybody has it for writing
 *   RR  read, whoever has it
 *   W   write; refused if anybody else has it at all
 *   WR  W, else read (RR)
 *   M   write; refused if anybody else has it for writing
 *   MR  M, else read (RR)
 *   MW  write, whoever has it (the user takes the risk)
 * Three paths reach a minidisk: SIO with CCW translation (cp/vdev/ccwxlat.c),
 * DIAGNOSE X'18' (CMS's CCW chains, synchronous) and DIAGNOSE X'250'
 * (block lists); all three keep to the extent and the link's access. */
#ifndef CP_VDEV_MDISK_H
#define CP_VDEV_MDISK_H

#include "cp/io/rio.h"

struct vm;
struct vdev;
struct dir_mdisk;
struct mio;

struct mdisk {
    char owner[9];
    u16 owner_addr;             /* the owner's address of it: its identity */
    u16 vaddr;                  /* address in the linking VM */
    struct rdev *dev;           /* the real volume */
    char volser[7];
    u16 start_cyl, cyls, heads;
    bool write;                 /* this link may write */
    struct vm *vm;              /* the VM holding this link */
    /* the guest's arm (virtual seek address) */
    u16 seek_cyl, seek_head;
    struct mio *active;         /* the program in flight, if any */
    /* DIAGNOSE X'250' state */
    bool blk_init;
    u32 blk_size, blk_last;
    struct mdisk *next;         /* all links */
};

#define LINK_OK         0
#define LINK_ENOMDISK   (-1)    /* no such minidisk */
#define LINK_EPASSWORD  (-2)    /* password wrong or missing */
#define LINK_EINUSE     (-3)    /* the mode cannot be had now */
#define LINK_EADDR      (-4)    /* the address is in use in this VM */
#define LINK_EVOLUME    (-5)    /* the volume is not mounted */
#define LINK_EMODE      (-6)    /* not a link mode */
#define LINK_ENOMEM     (-7)

/* link (or attach for the owner) a directory minidisk at vaddr; *rw tells
 * whether write access was given.  password NULL = none given; nopass =
 * no password needed (owner, directory LINK, OPTION LNKNOPAS). */
int mdisk_link(struct vm *vm, const struct dir_mdisk *m, u16 vaddr, const char *mode,
               const char *password, bool nopass, bool *rw);
const char *mdisk_strerror(int rc);
/* the minidisk behind a virtual device, or NULL */
struct mdisk *mdisk_of(struct vdev *d);
/* visit every link of the minidisk (owner, owner_addr) */
void mdisk_links(const char *owner, u16 owner_addr,
                 void (*fn)(const struct mdisk *md, void *arg), void *arg);
/* init at IPL: register the LOGON/LOGOFF hooks */
void mdisk_init(void);
/* CMS block n (from 1) of a minidisk: its cylinder (relative), head, record */
bool mdisk_block_address(const struct mdisk *md, u32 block, u16 *cyl, u16 *head, u8 *rec);
/* blocks of 800 bytes the minidisk holds */
u32 mdisk_blocks(const struct mdisk *md);

#endif
