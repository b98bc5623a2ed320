/* ipl.h - IPL of a virtual machine.
 *
 * IPL name: a saved system (cp/vm/nss.h) - an image the build placed on a
 * CP volume (an NSS area: load address, start PSW, pages, shared pages)
 * or one SAVESYS wrote to the saved-system store.  CP resets the VM,
 * clears its storage, loads the pages (mapping the shared ones) and
 * starts the VM with the saved PSW and registers.  PARM text, if given,
 * is put in the guest's general registers 0-15 as EBCDIC, blank padded
 * (at most 64 characters), and its length in ... (see docs/cpcommands.md).
 * IPL cuu: from a minidisk or the virtual reader, as S/370 IPL does it
 * (vdev_ops.ipl): 24 bytes to location 0, the channel program from
 * location 8 with each CCW fetched when the channel reaches it, then the
 * PSW at location 0 loaded, with the device address in its interruption
 * code (BC mode) or at locations 186-187 (EC mode). */
#ifndef CP_VDEV_IPL_H
#define CP_VDEV_IPL_H

#include "cp/vm/vm.h"

#define IPL_OK          0
#define IPL_NOTFOUND    (-1)    /* no such saved image */
#define IPL_TOOBIG      (-2)    /* does not fit the VM's storage */
#define IPL_IOERR       (-3)    /* the system volume could not be read */
#define IPL_NOTDASD     (-4)    /* IPL from a device that cannot be IPLed */
#define IPL_NOSTORAGE   (-5)    /* no frame or paging space for its pages */
#define IPL_FAILED      (-6)    /* the IPL channel program failed: see *r */

int ipl_by_name(struct vm *vm, const char *name, const char *parm);
/* share = false: the shared pages are copied too (IPL name NOSHARE) */
int ipl_by_name_share(struct vm *vm, const char *name, const char *parm, bool share);
/* IPL from a virtual device; *r says how the channel program failed */
struct vdev_ipl;
int ipl_by_device(struct vm *vm, u16 addr, struct vdev_ipl *r);

#endif
