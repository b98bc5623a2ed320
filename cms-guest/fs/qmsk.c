/* qmsk.c - the allocation bit map (QMSK, FMT §2.4).
 *
 * One bit per block, most significant bit first, 1 = in use: block n is
 * bit X'80' >> ((n-1) mod 8) of byte (n-1) div 8.  The first 215 bytes live
 * in the MFD, the rest in extension blocks of 800 bytes each. */
#include "cms-guest/fs/fsint.h"

bool qmsk_test(const u8 *map, u32 block)
{
    return (map[(block - 1) / 8] & (0x80u >> ((block - 1) % 8))) != 0;
}

void qmsk_set(u8 *map, u32 block)
{
    map[(block - 1) / 8] |= (u8)(0x80u >> ((block - 1) % 8));
}

void qmsk_clear(u8 *map, u32 block)
{
    map[(block - 1) / 8] &= (u8)~(0x80u >> ((block - 1) % 8));
}

/* The map bytes that cover adtnum blocks: the MFD part plus whole
 * extension blocks. */
u32 qmsk_bytes_for(u32 adtnum)
{
    u32 bytes = div_up(adtnum, 8);

    if (bytes <= MFD_QMSK_LEN)
        return MFD_QMSK_LEN;
    return MFD_QMSK_LEN + CMS_BLKSIZE * div_up(bytes - MFD_QMSK_LEN, CMS_BLKSIZE);
}

/* Extension blocks needed so that byte `last` of the map is on disk. */
u32 qmsk_ext_needed(u32 last)
{
    if (last < MFD_QMSK_LEN)
        return 0;
    return (last - MFD_QMSK_LEN) / CMS_BLKSIZE + 1;
}

/* Take the lowest block that is free both in the working map and on disk.
 * Within one operation blocks only become used, never free-in-both, so
 * the scan can go on from where the last one stopped. */
int qmsk_take(struct cms_fs *fs, u16 *block)
{
    u32 b = fs->cursor ? fs->cursor : 1;

    while (b <= fs->adtnum) {
        u32 i = (b - 1) / 8;
        if ((b - 1) % 8 == 0 && (fs->qmsk[i] | fs->qmsk_disk[i]) == 0xFF) {
            b += 8;
            continue;
        }
        if (!qmsk_test(fs->qmsk, b) && !qmsk_test(fs->qmsk_disk, b)) {
            qmsk_set(fs->qmsk, b);
            fs->cursor = b + 1;
            *block = (u16)b;
            return CMS_OK;
        }
        b++;
    }
    fs->cursor = b;
    return CMS_EFULL;
}

void qmsk_release(struct cms_fs *fs, u32 block)
{
    if (blk_valid(fs, block))
        qmsk_clear(fs->qmsk, block);
}

/* Set bits for blocks 1..ADTNUM. */
u32 qmsk_count(const struct cms_fs *fs, const u8 *map)
{
    u32 n = 0;

    for (u32 b = 1; b <= fs->adtnum; b++)
        if ((b - 1) % 8 == 0 && b + 7 <= fs->adtnum && map[(b - 1) / 8] == 0) {
            b += 7;
        } else if (qmsk_test(map, b)) {
            n++;
        }
    return n;
}

/* ADTLAST: index of the last non-zero byte of the whole map. */
u32 qmsk_last(const struct cms_fs *fs, const u8 *map)
{
    for (u32 i = fs->qbytes; i > 0; i--)
        if (map[i - 1])
            return i - 1;
    return 0;
}
