/* ipl.h - IPL of a virtual machine.
 *
 * IPL name: a saved system (cp/vm/nss.h) - an image the build placed on a
 * CP volume (an NSS area: load address, start PSW, pages, shared pages)
 * or one SAVESYS wrote to the saved-system store.  CP resets the VM,
 * clears its storage, loads the pages (mapping the shared ones) and
 * starts the VM with the saved PSW and registers.  PARM text, if given,
 * is put in the guest's general registers 0-15 as EBCDIC, blank padded
 * (at most 64 characters), and its length in ... (see docs/cpcommands.md).
 * IPL cuu (from a virtual disk) comes with minidisks. */
#ifndef CP_VDEV_IPL_H
#define CP_VDEV_IPL_H

#include "cp/vm/vm.h"

#define IPL_OK          0
#define IPL_NOTFOUND    (-1)    /* no such saved image */
#define IPL_TOOBIG      (-2)    /* does not fit the VM's storage */
#define IPL_IOERR       (-3)    /* the system volume could not be read */
#define IPL_NOTDASD     (-4)    /* IPL from a device that is not a minidisk */
#define IPL_NOSTORAGE   (-5)    /* no frame or paging space for its pages */

int ipl_by_name(struct vm *vm, const char *name, const char *parm);
/* share = false: the shared pages are copied too (IPL name NOSHARE) */
int ipl_by_name_share(struct vm *vm, const char *name, const char *parm, bool share);
/* IPL from a virtual disk: its IPL record and channel program, as a real
 * IPL does, then the PSW at location 0 */
int ipl_by_device(struct vm *vm, u16 addr);

#endif
