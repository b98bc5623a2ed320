/* disk.c - minidisk DIAGNOSE codes: X'18' (VM/370 standard DASD I/O) and
 * X'250' (block I/O). */
#include "diag/diag.h"
#include "cp/vdev/mdisk.h"
#include "cp/vdev/mdiskio.h"
#include "cp/vm/vdev.h"
#include "cp/mm/gmem.h"
#include "cp/kern/freestor.h"
#include "arch370/ccw.h"
#include "arch370/lowcore.h"
#include "arch370/pgm.h"
#include "arch370/psw.h"

/* ---- X'18' STANDARD DASD I/O ------------------------------------------------
 * Rx: the virtual device address of a minidisk.  Ry: the address of a
 * format-0 channel program (SEEK, SET SECTOR, SEARCH, TIC, READ/WRITE of
 * CMS blocks, as CMS builds it).  R15: the number of read/write CCWs in
 * it (1-15).  CP checks the whole program first, then runs it while the
 * virtual machine waits; no I/O interruption is presented.
 *   CC 0  done, R15 = 0
 *   CC 1  R15 = 1 no such device, 2 not a minidisk, 3 a write on a
 *         read-only link, 4 a cylinder outside the minidisk, 5 busy
 *   CC 2  R15 = 5 the program is malformed, 6 R15 was not 1-15, 7 more
 *         read/write CCWs than R15 said, 12 storage protection
 *   CC 3  R15 = 13 I/O error; the CSW is stored at X'40' */
static int d18_result(struct diag_args *a, u8 cc, u32 r15)
{
    a->gpr[15] = r15;
    priv_set_cc(a->vm, cc);
    return 0;
}

int diag_018_dasd_io(struct diag_args *a)
{
    u32 dev = a->gpr[a->rx], ccws = a->gpr[a->ry], count = a->gpr[15];
    struct vdev *d = dev > 0xFFFF ? NULL : vdev_find(a->vm, (u16)dev);
    struct mdisk *md = mdisk_of(d);
    struct mio_result res;

    if (!d)
        return d18_result(a, 1, 1);
    if (!md)
        return d18_result(a, 1, 2);
    if (d->busy || md->active)
        return d18_result(a, 1, 5);
    if (count < 1 || count > 15)
        return d18_result(a, 2, 6);
    if (mdiskio_run(a->vm, d, md, ccws, psw_key(a->vm->cpu.psw), &res) != 0)
        return -1;
    switch (res.stop) {
    case XLAT_COMPLETE:
        break;
    case XLAT_FILE_PROTECT:
        return d18_result(a, 1, 3);
    case XLAT_OUT_OF_EXTENT:
        return d18_result(a, 1, 4);
    case XLAT_PROTECTION:
        return d18_result(a, 2, 12);
    default:
        return d18_result(a, 2, 5);
    }
    if (res.rw_ccws > count)
        return d18_result(a, 2, 7);
    if (res.io_error || res.chan || (res.unit & (UNIT_UC | UNIT_UX))) {
        u8 csw[CSW_SIZE];
        int rc;
        csw_make(csw, 0, res.ccw_next, res.unit, res.chan, res.residual);
        rc = gmem_write(&a->vm->mem, LC370_CSW, csw, CSW_SIZE);
        if (rc)
            return rc;
        return d18_result(a, 3, 13);
    }
    return d18_result(a, 0, 0);
}

/* ---- X'250' BLOCK I/O ---------------------------------------------------------
 * Rx: a 64-byte block I/O parameter list (BIOPL), doubleword aligned.
 * Ry: the function: 0 INIT, 1 I/O, 2 REMOVE.  R(x+1) gets the return code.
 *   INIT   BIOPL +0 device address, +24 block size (must be the disk's:
 *          800).  CP stores +32 first block (1), +36 last block.
 *          RC 0 read/write, 4 read-only; 8 no such minidisk; 12 block size
 *   I/O    BIOPL +0 device, +24 key (high 4 bits), +25 flags (0), +28
 *          number of entries (1-256), +36 address of the entries, 8-aligned.
 *          Entry (16): +0 type 1 write / 2 read, +1 status (CP: 0 ok,
 *          1 block out of range, 2 read-only, 3 I/O error, 4 bad type, 5
 *          storage protection), +4 block number, +12 buffer address.
 *          RC 0 all done; 4 some failed (CC 1); 8 not initialized; 12 bad
 *          list (CC 2)
 *   REMOVE RC 0.
 * The condition code is 0 for RC 0 and 4, 2 for the others, 1 if some
 * entries failed.  (z/VM's interface, 31-bit parameter lists; synchronous
 * only.) */
/* The block I/O parameter list (BIOPL, z/VM CP Programming Services),
 * 64 bytes at Rx, and a block I/O entry (BIOE), 16 bytes, as CP reads
 * them: offsets into the guest's bytes, never a native struct. */
#define BIOPL_LEN       64
#define BIOPL_DEVICE    0       /* halfword: virtual device address */
#define BIOPL_BLKSIZE   24      /* INIT: block size, fullword */
#define BIOPL_KEY       24      /* I/O: storage key in the high 4 bits, low 4 zero */
#define BIOPL_FLAGS     25      /* I/O: must be zero */
#define BIOPL_COUNT     28      /* I/O: number of BIOEs */
#define BIOPL_OFFSET    32      /* INIT answer: number of the first block */
#define BIOPL_LAST      36      /* INIT answer: number of the last block */
#define BIOPL_LIST      36      /* I/O: address of the BIOE list, doubleword aligned */
#define BIOE_LEN        16
#define BIOE_TYPE       0       /* 01 write, 02 read */
#define BIOE_STATUS     1       /* CP's answer per block */
#define BIOE_BLOCK      4       /* block number, fullword */
#define BIOE_BUFFER     12      /* buffer address, fullword */
#define CMS_BLOCK       800
#define MAX_BIOE        256
#define FEW_BIOE        8       /* a list this short is kept on the stack */

static int d250_rc(struct diag_args *a, u32 rc, u8 cc)
{
    if (a->rx != 15)
        a->gpr[a->rx + 1] = rc;
    priv_set_cc(a->vm, cc);
    return 0;
}

static int d250_init(struct diag_args *a, u8 *pl, struct mdisk *md, u32 addr)
{
    if (!md)
        return d250_rc(a, 8, 2);
    int rc;

    if (get_be32(pl + BIOPL_BLKSIZE) != CMS_BLOCK)
        return d250_rc(a, 12, 2);
    md->blk_init = true;
    md->blk_size = CMS_BLOCK;
    md->blk_last = mdisk_blocks(md);
    put_be32(pl + BIOPL_OFFSET, 1);
    put_be32(pl + BIOPL_LAST, md->blk_last);
    rc = gmem_write(&a->vm->mem, addr, pl, BIOPL_LEN);
    if (rc)
        return rc;
    return d250_rc(a, md->write ? 0 : 4, 0);
}

static int d250_io(struct diag_args *a, u8 *pl, struct mdisk *md)
{
    u32 n = get_be32(pl + BIOPL_COUNT), list = get_be32(pl + BIOPL_LIST);
    u8 key = pl[BIOPL_KEY] >> 4;
    struct mio_block few[FEW_BIOE], *b = few;
    unsigned failed = 0;
    int rc;

    if (!md || !md->blk_init)
        return d250_rc(a, 8, 2);
    if (pl[BIOPL_FLAGS] != 0 || (pl[BIOPL_KEY] & 0x0F) || n < 1 || n > MAX_BIOE || (list & 7))
        return d250_rc(a, 12, 2);
    rc = gmem_check(&a->vm->mem, list, n * BIOE_LEN);
    if (rc)
        return rc;
    if (n > FEW_BIOE && !(b = kmalloc(n * sizeof *b, "BIOE")))
        return -1;
    for (u32 i = 0; i < n && rc == 0; i++) {
        u8 e[BIOE_LEN];
        rc = diag_read(a->vm, list + i * BIOE_LEN, e, BIOE_LEN);
        b[i].type = e[BIOE_TYPE];
        b[i].block = get_be32(e + BIOE_BLOCK);
        b[i].buffer = get_be32(e + BIOE_BUFFER);
    }
    if (rc == 0) {
        failed = mdiskio_blocks(a->vm, md, b, n, key);
        for (u32 i = 0; i < n && rc == 0; i++)
            rc = gmem_store8(&a->vm->mem, list + i * BIOE_LEN + BIOE_STATUS, b[i].status);
    }
    if (b != few)
        kfree(b);
    if (rc)
        return rc;
    return failed ? d250_rc(a, 4, 1) : d250_rc(a, 0, 0);
}

int diag_250_block_io(struct diag_args *a)
{
    u32 addr = a->gpr[a->rx], fn = a->gpr[a->ry];
    u8 pl[BIOPL_LEN];
    struct vdev *d;
    int rc;

    if (addr & 7)
        return PGM_SPECIFICATION;
    rc = diag_read(a->vm, addr, pl, BIOPL_LEN);
    if (rc)
        return rc;
    d = vdev_find(a->vm, get_be16(pl + BIOPL_DEVICE));
    switch (fn) {
    case 0:
        return d250_init(a, pl, mdisk_of(d), addr);
    case 1:
        return d250_io(a, pl, mdisk_of(d));
    case 2:
        if (mdisk_of(d))
            mdisk_of(d)->blk_init = false;
        return d250_rc(a, 0, 0);
    default:
        return PGM_SPECIFICATION;
    }
}
