/* ckdimg.c - read and write tracks of a Hercules uncompressed CKD image. */
#include "ckdimg.h"

#include <stdlib.h>
#include <string.h>

static uint32_t get_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int ckd_open(struct ckd_image *img, const char *path, int writable)
{
    uint8_t hdr[512];
    long size;

    memset(img, 0, sizeof *img);
    img->path = path;
    img->f = fopen(path, writable ? "r+b" : "rb");
    if (!img->f) {
        perror(path);
        return -1;
    }
    if (fread(hdr, 1, sizeof hdr, img->f) != sizeof hdr || memcmp(hdr, "CKD_P370", 8) != 0) {
        fprintf(stderr, "%s: not an uncompressed Hercules CKD image\n", path);
        fclose(img->f);
        return -1;
    }
    img->heads = get_le32(hdr + 8);
    img->trksize = get_le32(hdr + 12);
    img->devtype = hdr[16];
    fseek(img->f, 0, SEEK_END);
    size = ftell(img->f);
    if (img->heads == 0 || img->trksize < 64) {
        fprintf(stderr, "%s: bad geometry in header\n", path);
        fclose(img->f);
        return -1;
    }
    img->cyls = (uint32_t)((size - 512) / ((long)img->trksize * img->heads));
    return 0;
}

void ckd_close(struct ckd_image *img)
{
    if (img->f)
        fclose(img->f);
    img->f = NULL;
}

static long slot_offset(const struct ckd_image *img, unsigned cyl, unsigned head)
{
    return 512 + ((long)cyl * img->heads + head) * (long)img->trksize;
}

unsigned ckd3350_record_bytes(unsigned klen, unsigned dlen)
{
    /* 3350: 185 bytes of gaps and count per record, 82 more with a key */
    return 185 + dlen + (klen ? klen + 82 : 0);
}

static void put_count(uint8_t *p, unsigned cyl, unsigned head, unsigned r, unsigned klen, unsigned dlen)
{
    p[0] = (uint8_t)(cyl >> 8);
    p[1] = (uint8_t)cyl;
    p[2] = (uint8_t)(head >> 8);
    p[3] = (uint8_t)head;
    p[4] = (uint8_t)r;
    p[5] = (uint8_t)klen;
    p[6] = (uint8_t)(dlen >> 8);
    p[7] = (uint8_t)dlen;
}

int ckd_write_track(struct ckd_image *img, unsigned cyl, unsigned head,
                    const struct ckd_record *recs, unsigned n)
{
    uint8_t *slot = calloc(1, img->trksize);
    unsigned pos = 0, cap = 0;
    int rc = -1;

    if (!slot)
        return -1;
    if (cyl >= img->cyls || head >= img->heads) {
        fprintf(stderr, "%s: track %u/%u outside the volume\n", img->path, cyl, head);
        goto out;
    }
    slot[pos++] = 0;                            /* home address */
    slot[pos++] = (uint8_t)(cyl >> 8);
    slot[pos++] = (uint8_t)cyl;
    slot[pos++] = (uint8_t)(head >> 8);
    slot[pos++] = (uint8_t)head;
    put_count(slot + pos, cyl, head, 0, 0, 8);  /* R0 */
    pos += 16;
    for (unsigned i = 0; i < n; i++) {
        const struct ckd_record *r = &recs[i];
        cap += ckd3350_record_bytes(r->klen, r->dlen);
        if (pos + 8u + r->klen + r->dlen + 8u > img->trksize ||
            (img->devtype == 0x50 && cap > CKD3350_TRACK_CAPACITY)) {
            fprintf(stderr, "%s: records do not fit track %u/%u\n", img->path, cyl, head);
            goto out;
        }
        put_count(slot + pos, cyl, head, r->r, r->klen, r->dlen);
        pos += 8;
        if (r->klen)
            memcpy(slot + pos, r->key, r->klen);
        pos += r->klen;
        if (r->dlen && r->data)
            memcpy(slot + pos, r->data, r->dlen);
        pos += r->dlen;
    }
    memset(slot + pos, 0xFF, 8);                /* end of track */
    if (fseek(img->f, slot_offset(img, cyl, head), SEEK_SET) != 0 ||
        fwrite(slot, 1, img->trksize, img->f) != img->trksize) {
        perror(img->path);
        goto out;
    }
    rc = 0;
out:
    free(slot);
    return rc;
}

int ckd_read_slot(struct ckd_image *img, unsigned cyl, unsigned head, uint8_t *slot)
{
    if (cyl >= img->cyls || head >= img->heads)
        return -1;
    if (fseek(img->f, slot_offset(img, cyl, head), SEEK_SET) != 0 ||
        fread(slot, 1, img->trksize, img->f) != img->trksize)
        return -1;
    return 0;
}

/* Offset in the slot of the count field of record r, or -1. */
static long find_record(const struct ckd_image *img, const uint8_t *slot, unsigned r)
{
    unsigned pos = 5;

    while (pos + 8 <= img->trksize) {
        const uint8_t *c = slot + pos;
        unsigned klen = c[5], dlen = (unsigned)c[6] << 8 | c[7];

        if (memcmp(c, "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", 8) == 0)
            break;
        if (pos + 8 + klen + dlen > img->trksize)
            break;
        if (c[4] == r)
            return (long)pos;
        pos += 8 + klen + dlen;
    }
    return -1;
}

int ckd_read_record(struct ckd_image *img, unsigned cyl, unsigned head,
                    unsigned r, uint8_t *buf, unsigned max, uint8_t *key)
{
    uint8_t *slot = malloc(img->trksize);
    long pos;
    int rc = -1;

    if (!slot || ckd_read_slot(img, cyl, head, slot) != 0)
        goto out;
    pos = find_record(img, slot, r);
    if (pos >= 0) {
        const uint8_t *c = slot + pos;
        unsigned klen = c[5], dlen = (unsigned)c[6] << 8 | c[7];
        if (key)
            memcpy(key, c + 8, klen > 8 ? 8 : klen);
        memcpy(buf, c + 8 + klen, dlen < max ? dlen : max);
        rc = (int)dlen;
    }
out:
    free(slot);
    return rc;
}

int ckd_update_record(struct ckd_image *img, unsigned cyl, unsigned head,
                      unsigned r, const uint8_t *data, unsigned dlen)
{
    uint8_t *slot = malloc(img->trksize);
    long pos;
    int rc = -1;

    if (!slot || ckd_read_slot(img, cyl, head, slot) != 0)
        goto out;
    pos = find_record(img, slot, r);
    if (pos < 0 || ((unsigned)slot[pos + 6] << 8 | slot[pos + 7]) != dlen)
        goto out;
    pos += 8 + slot[pos + 5];
    if (fseek(img->f, slot_offset(img, cyl, head) + pos, SEEK_SET) != 0 ||
        fwrite(data, 1, dlen, img->f) != dlen || fflush(img->f) != 0) {
        perror(img->path);
        goto out;
    }
    rc = 0;
out:
    free(slot);
    return rc;
}
