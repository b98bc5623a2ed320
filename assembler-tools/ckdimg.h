/* ckdimg.h - read and write tracks of a Hercules uncompressed CKD image.
 *
 * Layout (as dasdinit 3.13 writes it): a 512-byte header ("CKD_P370",
 * heads and track slot size little-endian, device type byte), then one
 * fixed-size slot per track: home address (5 bytes: 0, CC, HH), R0 count
 * and 8 data bytes, the records as count + key + data, and eight X'FF'
 * bytes marking the end of the track.  All count fields are big-endian. */
#ifndef CKDIMG_H
#define CKDIMG_H

#include <stdint.h>
#include <stdio.h>

struct ckd_image {
    FILE *f;
    const char *path;
    uint32_t heads;         /* tracks per cylinder */
    uint32_t trksize;       /* slot size in the image */
    uint32_t cyls;
    uint8_t devtype;        /* X'50' for a 3350 */
};

struct ckd_record {
    uint8_t r;              /* record number, 1.. */
    uint8_t klen;
    uint16_t dlen;
    const uint8_t *key;
    const uint8_t *data;
};

int ckd_open(struct ckd_image *img, const char *path, int writable);
void ckd_close(struct ckd_image *img);

/* Replace the records of track (cyl, head) with recs[0..n); R0 is written
 * with 8 zero bytes.  Returns 0, or -1 with a message on stderr when the
 * records do not fit the track. */
int ckd_write_track(struct ckd_image *img, unsigned cyl, unsigned head,
                    const struct ckd_record *recs, unsigned n);

/* Find record r on a track; copies up to max data bytes into buf and
 * returns the data length, or -1 if there is no such record.  If key is
 * not NULL the key (up to 8 bytes) is copied there. */
int ckd_read_record(struct ckd_image *img, unsigned cyl, unsigned head,
                    unsigned r, uint8_t *buf, unsigned max, uint8_t *key);

/* Overwrite the data of record r of a track in place; the record must
 * exist with exactly dlen data bytes.  Returns 0 or -1. */
int ckd_update_record(struct ckd_image *img, unsigned cyl, unsigned head,
                      unsigned r, const uint8_t *data, unsigned dlen);

/* The raw slot of a track (trksize bytes). */
int ckd_read_slot(struct ckd_image *img, unsigned cyl, unsigned head, uint8_t *slot);

/* Bytes a record of this key/data length takes on a 3350 track, by the
 * device's capacity formula; the track holds 19254 such bytes. */
unsigned ckd3350_record_bytes(unsigned klen, unsigned dlen);
#define CKD3350_TRACK_CAPACITY 19254u

#endif
