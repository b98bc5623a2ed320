/* info.c - information DIAGNOSE codes: X'00', X'0C', X'24', X'60'.
 * (VM/370 System Programmer's Guide, "DIAGNOSE Instruction in a Virtual
 * Machine") */
#include "diag/diag.h"
#include "cp/vm/user.h"
#include "cp/vm/vdev.h"
#include "cp/vdev/vcons.h"
#include "cp/vm/acct.h"
#include "cp/kern/timer.h"
#include "cp/mm/gmem.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"
#include "arch370/pgm.h"
#include "arch370/be.h"

/* ---- X'00' STORE EXTENDED IDENTIFICATION --------------------------------
 * Rx: doubleword-aligned buffer; Ry: its length.  Stores as much as fits
 * of: system name (8), version, level, modification (3), version code (1),
 * MCEL (2), CPU address (2), userid (8), program-product bitmap (8),
 * time-zone offset (4), release information (4) = 40 bytes. */
#define IDENT_LEN 40

int diag_000_identify(struct diag_args *a)
{
    u8 id[IDENT_LEN];
    u32 addr = a->gpr[a->rx], len = a->gpr[a->ry];

    if (addr & 7)
        return PGM_SPECIFICATION;
    memset(id, 0, sizeof id);
    ebc_from_ascii(id, "CP370   ", 8);
    id[8] = 1;                                  /* version 1 */
    id[9] = 0;                                  /* level 0 */
    id[10] = 0;                                 /* modification 0 */
    id[11] = 0x00;                              /* version code */
    ebc_from_ascii(id + 16, "        ", 8);
    ebc_from_ascii(id + 16, a->vm->user->userid, strlen(a->vm->user->userid));
    put_be32(id + 36, 0x01000000u);             /* release 1.0 */
    if (len > IDENT_LEN)
        len = IDENT_LEN;
    return gmem_write(&a->vm->mem, addr, id, len);
}

/* ---- X'0C' PSEUDO TIMER ---------------------------------------------------
 * Rx: doubleword-aligned 32-byte area: date MM/DD/YY and time HH:MM:SS in
 * EBCDIC, then virtual and total CPU time in microseconds. */
#define D0C_LEN         32
#define D0C_DATETIME    0       /* 16 EBCDIC characters: MM/DD/YYHH:MM:SS */
#define D0C_VIRT_CPU    16      /* virtual CPU time, microseconds (8) */
#define D0C_TOTAL_CPU   24      /* virtual + CP time, microseconds (8) */

int diag_00C_pseudo_timer(struct diag_args *a)
{
    u32 addr = a->gpr[a->rx];
    struct civil c;
    char text[17];
    u8 area[D0C_LEN];

    if (addr & 7)
        return PGM_SPECIFICATION;
    tod_to_civil(tod_now(), &c);
    fmt_snprintf(text, sizeof text, "%02d/%02d/%02d%02d:%02d:%02d", c.month, c.day,
                 c.year % 100, c.hour, c.min, c.sec);
    ebc_from_ascii(area + D0C_DATETIME, text, 16);
    put_be64(area + D0C_VIRT_CPU, acct_virt_usec(a->vm->user));
    put_be64(area + D0C_TOTAL_CPU, acct_total_usec(a->vm->user));
    return gmem_write(&a->vm->mem, addr, area, sizeof area);
}

/* ---- X'24' DEVICE TYPE AND FEATURES ----------------------------------------
 * Rx: a virtual device address, or -1 for the virtual console (whose
 * address is returned in Rx).  Ry: virtual class, type, status, flags;
 * Ry+1 (if Ry is not 15): real class, type, model, features.
 * CC 0 done; CC 2 a virtual device with no real device behind it (spooled
 * unit record, a console without terminal); CC 3 no such device. */
#define DC_TERM     0x80
#define DC_URI      0x20
#define DC_URO      0x10
#define DC_DASD     0x04
#define DS_BUSY     0x20

static const struct { u16 type; u8 cls; u8 code; } devtypes[] = {
    { 0x3215, DC_TERM, 0x00 }, { 0x1052, DC_TERM, 0x00 },
    { 0x2540, DC_URI,  0x08 }, { 0x3505, DC_URI,  0x84 },
    { 0x3525, DC_URO,  0x84 }, { 0x1403, DC_URO,  0x41 }, { 0x3211, DC_URO, 0x42 },
    { 0x2314, DC_DASD, 0x40 }, { 0x3330, DC_DASD, 0x10 }, { 0x3340, DC_DASD, 0x01 },
    { 0x3350, DC_DASD, 0x08 }, { 0x3380, DC_DASD, 0x20 },
};

int diag_024_device_type(struct diag_args *a)
{
    u32 dev = a->gpr[a->rx];
    struct vdev *d;
    u8 cls = 0x02, code = 0x01;                 /* special, unknown */
    u32 vinfo, rinfo;
    bool real = false;

    if (dev == 0xFFFFFFFFu) {
        d = vcons_dev(a->vm);
        if (d)
            a->gpr[a->rx] = d->addr;
    } else {
        d = dev > 0xFFFF ? NULL : vdev_find(a->vm, (u16)dev);
    }
    if (!d) {
        priv_set_cc(a->vm, 3);
        return 0;
    }
    for (unsigned i = 0; i < ARRAY_SIZE(devtypes); i++) {
        if (devtypes[i].type == d->type) {
            cls = devtypes[i].cls;
            code = devtypes[i].code;
        }
    }
    /* the console has a real terminal while the user is connected; a
     * minidisk always has its real volume; spooled devices have none */
    if (d->cls == VDEV_CONSOLE)
        real = a->vm->user->sess != NULL;
    else if (d->cls == VDEV_DASD)
        real = true;
    vinfo = (u32)cls << 24 | (u32)code << 16 | (d->busy ? DS_BUSY : 0) << 8;
    rinfo = real ? ((u32)cls << 24 | (u32)code << 16 | (d->cls == VDEV_CONSOLE ? 0x50 : 0)) : 0;
    a->gpr[a->ry] = vinfo;
    if (a->ry != 15)
        a->gpr[a->ry + 1] = rinfo;
    priv_set_cc(a->vm, real ? 0 : 2);
    return 0;
}

/* ---- X'60' VIRTUAL STORAGE SIZE ----------------------------------------------
 * Rx: the size of the guest's storage in bytes. */
int diag_060_storage_size(struct diag_args *a)
{
    a->gpr[a->rx] = a->vm->mem.size;
    return 0;
}
