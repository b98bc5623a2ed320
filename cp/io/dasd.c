/* dasd.c - CKD volumes: labels and synchronous record I/O. */
#include "cp/io/dasd.h"
#include "cp/io/sense.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "cp/kern/kmsg.h"
#include "arch370/ebcdic.h"

#define CMD_SEEK        0x07
#define CMD_SEARCH_EQ   0x31
#define CMD_READ_DATA   0x06
#define CMD_WRITE_DATA  0x05
#define CMD_SENSE       0x04
#define RETRIES         3

static const struct { u16 type; u16 heads; } geometry[] = {
    { 0x2311, 10 }, { 0x2314, 20 }, { 0x3330, 19 }, { 0x3340, 12 },
    { 0x3350, 30 }, { 0x3375, 12 }, { 0x3380, 15 }, { 0x3390, 15 },
};

u16 dasd_heads_of_type(u16 type)
{
    for (unsigned i = 0; i < ARRAY_SIZE(geometry); i++)
        if (geometry[i].type == type)
            return geometry[i].heads;
    return 0;
}

struct dasd *dasd_of(const struct rdev *d)
{
    return d && d->cls == RDEV_DASD ? d->priv : NULL;
}

/* The channel program and its arguments, in one block so a request
 * needs a single allocation. */
struct dasd_io {
    struct ccw1 ccw[5];
    u8 seek[8];
    u8 search[8];
    struct ioreq req;
};

static int record_io(struct rdev *d, u16 cyl, u16 head, u8 r, u8 cmd,
                     void *buf, u16 len, u16 *got)
{
    struct dasd_io *io = kzalloc(sizeof *io, "DASDIO");
    struct dasd *dd = dasd_of(d);
    int rc = DASD_EIO;

    if (!io)
        return DASD_EIO;
    put_be16(io->seek + 2, cyl);
    put_be16(io->seek + 4, head);
    put_be16(io->search, cyl);
    put_be16(io->search + 2, head);
    io->search[4] = r;
    ccw1_make(&io->ccw[0], CMD_SEEK, CCW_CC, 6, (u32)(uintptr_t)io->seek);
    ccw1_make(&io->ccw[1], CMD_SEARCH_EQ, CCW_CC, 5, (u32)(uintptr_t)io->search);
    ccw1_make(&io->ccw[2], CCW_CMD_TIC, 0, 0, (u32)(uintptr_t)&io->ccw[1]);
    ccw1_make(&io->ccw[3], cmd, CCW_SLI, len, (u32)(uintptr_t)buf);
    for (int attempt = 0; attempt < RETRIES; attempt++) {
        io->req = (struct ioreq){ .dev = d, .cp = io->ccw };
        if (rio_run(&io->req) != 0) {
            rc = DASD_EIO;
            break;
        }
        if (!(io->req.dstat & (UNIT_UC | UNIT_UX)) && !io->req.cstat) {
            if (got)
                *got = (u16)(len - io->req.residual);
            rc = DASD_OK;
            break;
        }
        if (io->req.dstat & UNIT_UC) {
            /* read the sense bytes: no record found and write inhibit
             * are answers, not errors worth retrying */
            ccw1_make(&io->ccw[4], CMD_SENSE, CCW_SLI, sizeof d->sense, (u32)(uintptr_t)d->sense);
            io->req = (struct ioreq){ .dev = d, .cp = &io->ccw[4] };
            rio_run(&io->req);
            if (d->sense[1] & 0x08) {           /* no record found */
                rc = DASD_ENOREC;
                break;
            }
            if (d->sense[1] & 0x02) {           /* write inhibited */
                rc = DASD_EPROT;
                break;
            }
        }
        rc = DASD_EIO;
    }
    if (rc == DASD_EIO)
        kmsg("CPX150E DASD %04X permanent I/O error at CYL %u HEAD %u REC %u, status %02X%02X "
               "sense %02X%02X", d->devno, cyl, head, r, io->req.dstat, io->req.cstat,
               d->sense[0], d->sense[1]);
    if (dd) {
        if (rc == DASD_OK && cmd == CMD_READ_DATA)
            dd->reads++;
        else if (rc == DASD_OK)
            dd->writes++;
        else
            dd->errors++;
    }
    kfree(io);
    return rc;
}

int dasd_read(struct rdev *d, u16 cyl, u16 head, u8 r, void *buf, u16 len, u16 *got)
{
    return record_io(d, cyl, head, r, CMD_READ_DATA, buf, len, got);
}

int dasd_write(struct rdev *d, u16 cyl, u16 head, u8 r, const void *buf, u16 len)
{
    return record_io(d, cyl, head, r, CMD_WRITE_DATA, (void *)buf, len, NULL);
}

static void read_label(struct rdev *d, struct dasd *dd)
{
    u8 *vol1 = kzalloc(80, "DASDLBL");
    u16 got = 0;

    if (!vol1)
        return;
    /* "VOL1", or "CMS=": a whole volume formatted by CMS (a VM/370 user's
     * full-pack minidisk) is known by the label CMS gave it */
    if (dasd_read(d, 0, 0, 3, vol1, 80, &got) == DASD_OK && got >= 10 &&
        ((vol1[0] == 0xE5 && vol1[1] == 0xD6 && vol1[2] == 0xD3 && vol1[3] == 0xF1) ||
         (vol1[0] == 0xC3 && vol1[1] == 0xD4 && vol1[2] == 0xE2 && vol1[3] == 0x7E))) {
        ebc_to_ascii_buf(dd->volser, vol1 + 4, 6);
        dd->volser[6] = 0;
        dd->labelled = true;
    }
    kfree(vol1);
}

void dasd_init_all(void)
{
    for (unsigned i = 0; i < nrdevs; i++) {
        struct rdev *d = &rdevs[i];
        struct dasd *dd;
        if (d->cls != RDEV_DASD)
            continue;
        dd = kzalloc(sizeof *dd, "DASD");
        if (!dd)
            continue;
        dd->heads = dasd_heads_of_type(d->dev_type);
        d->priv = dd;
        read_label(d, dd);
    }
}

struct rdev *dasd_find_volser(const char *volser)
{
    for (unsigned i = 0; i < nrdevs; i++) {
        struct dasd *dd = dasd_of(&rdevs[i]);
        if (dd && dd->labelled && !str_casecmp(dd->volser, volser))
            return &rdevs[i];
    }
    return NULL;
}
