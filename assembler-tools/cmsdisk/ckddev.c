/* ckddev.c - block I/O on a CMS minidisk inside a CKD image. */
#include "assembler-tools/cmsdisk/ckddev.h"
#include "cms-guest/fs/layout.h"

#include <stdio.h>
#include <string.h>

#define DEVTYPE_3350    0x50

static void locate(const struct ckd_minidisk *md, u32 block, u32 *cyl, u32 *head, u32 *rec)
{
    cms3350_locate(block, cyl, head, rec);
    *cyl += md->cyl0;
}

static int block_read(void *ctx, u32 block, u8 *buf)
{
    struct ckd_minidisk *md = ctx;
    u32 c, h, r;

    if (block == 0 || block > md->dev.blocks)
        return -1;
    locate(md, block, &c, &h, &r);
    if (ckd_read_record(&md->img, c, h, r, buf, CMS_BLKSIZE, NULL) != CMS_BLKSIZE) {
        snprintf(md->why, sizeof md->why,
                 "block %u (cylinder %u head %u record %u) is not an 800-byte record", block, c,
                 h, r);
        return -1;
    }
    return 0;
}

static int block_write(void *ctx, u32 block, const u8 *buf)
{
    struct ckd_minidisk *md = ctx;
    u32 c, h, r;

    if (block == 0 || block > md->dev.blocks)
        return -1;
    locate(md, block, &c, &h, &r);
    if (ckd_update_record(&md->img, c, h, r, buf, CMS_BLKSIZE) != 0) {
        snprintf(md->why, sizeof md->why,
                 "block %u (cylinder %u head %u record %u) could not be written", block, c, h, r);
        return -1;
    }
    return 0;
}

int mdisk_open(struct ckd_minidisk *md, const char *path, unsigned cyl0, unsigned ncyls,
               int writable)
{
    memset(md, 0, sizeof *md);
    if (ckd_open(&md->img, path, writable) != 0)
        return -1;
    if (md->img.devtype != DEVTYPE_3350 || md->img.heads != CMS3350_TRACKS_PER_CYL) {
        fprintf(stderr, "DSK003E %s is a device of type X'%02X' with %u heads, not a 3350; "
                        "only 3350 images are supported\n", path, md->img.devtype, md->img.heads);
        ckd_close(&md->img);
        return -1;
    }
    if (ncyls == 0 || cyl0 + ncyls > md->img.cyls || cyl0 + ncyls < cyl0) {
        fprintf(stderr, "DSK004E cylinders %u-%u are outside %s, which has cylinders 0-%u\n",
                cyl0, cyl0 + ncyls - 1, path, md->img.cyls - 1);
        ckd_close(&md->img);
        return -1;
    }
    md->cyl0 = cyl0;
    md->ncyls = ncyls;
    md->dev.ctx = md;
    md->dev.read = block_read;
    md->dev.write = writable ? block_write : NULL;
    md->dev.blocks = cms3350_adtnum(ncyls);
    md->dev.cyls = (u16)(ncyls > 0xFFFF ? 0xFFFF : ncyls);
    return 0;
}

void mdisk_close(struct ckd_minidisk *md)
{
    ckd_close(&md->img);
}

int mdisk_format_tracks(struct ckd_minidisk *md)
{
    static const u8 zeros[CMS_BLKSIZE];
    struct ckd_record recs[CMS3350_BLOCKS_PER_TRACK];

    for (unsigned i = 0; i < CMS3350_BLOCKS_PER_TRACK; i++) {
        recs[i].r = (u8)(i + 1);
        recs[i].klen = 0;
        recs[i].key = NULL;
        recs[i].dlen = CMS_BLKSIZE;
        recs[i].data = zeros;
    }
    for (unsigned c = md->cyl0; c < md->cyl0 + md->ncyls; c++)
        for (unsigned h = 0; h < CMS3350_TRACKS_PER_CYL; h++)
            if (ckd_write_track(&md->img, c, h, recs, CMS3350_BLOCKS_PER_TRACK) != 0)
                return -1;
    return fflush(md->img.f) == 0 ? 0 : -1;
}
