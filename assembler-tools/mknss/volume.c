/* volume.c - the CP volume an image file holds, as cp/mm/nssstore.c
 * expects to reach it: its areas (from the table of contents,
 * cp/io/cpvol.h) and their pages.  These are host stand-ins for CP's
 * cp/io/sysres.c, cp/io/dasd.c and cp/kern, so that the tool writes the
 * saved-system store with CP's own code and the two cannot disagree. */
#include "mknss.h"
#include "cp/io/cpvol.h"
#include "cp/io/dasd.h"
#include "cp/kern/freestor.h"
#include "cp/kern/kmsg.h"
#include "arch370/ebcdic.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static struct ckd_image img;
static struct rdev dev;
static struct dasd dd;
static struct cp_area areas[CPVOL_MAX_AREAS];
static unsigned nareas;

static void text_of(char *dst, const u8 *src, unsigned n)
{
    ebc_to_ascii_buf(dst, src, n);
    dst[n] = 0;
    for (int i = (int)n - 1; i >= 0 && dst[i] == ' '; i--)
        dst[i] = 0;
}

int volume_open(const char *path)
{
    u8 toc[CPVOL_TOC_SIZE];
    char magic[9];

    if (ckd_open(&img, path, 1) != 0)
        return -1;
    if (ckd_read_record(&img, 0, 0, CPVOL_TOC_RECORD, toc, sizeof toc, NULL) != CPVOL_TOC_SIZE) {
        fprintf(stderr, "mknss: %s has no CP table of contents (not made by mkvol)\n", path);
        return -1;
    }
    text_of(magic, toc + CPVOL_MAGIC, 8);
    if (strcmp(magic, CPVOL_MAGIC_TEXT) != 0) {
        fprintf(stderr, "mknss: %s: record 4 of track 0 is not a CP table of contents\n", path);
        return -1;
    }
    text_of(dd.volser, toc + CPVOL_VOLSER, 6);
    dd.heads = (u16)img.heads;
    dev.priv = &dd;
    nareas = get_be32(toc + CPVOL_NAREAS);
    if (nareas > CPVOL_MAX_AREAS)
        nareas = CPVOL_MAX_AREAS;
    for (unsigned i = 0; i < nareas; i++) {
        const u8 *e = toc + CPVOL_AREAS + i * CPVOL_AREA_SIZE;
        areas[i].dev = &dev;
        text_of(areas[i].type, e + AREA_TYPE, 8);
        text_of(areas[i].name, e + AREA_NAME, 8);
        areas[i].cyl0 = get_be16(e + AREA_CYL0);
        areas[i].cyl1 = get_be16(e + AREA_CYL1);
    }
    return 0;
}

void volume_close(void)
{
    ckd_close(&img);
}

const char *volume_volser(void)
{
    return dd.volser;
}

/* ---- what nssstore.c calls -------------------------------------------- */

struct dasd *dasd_of(const struct rdev *d)
{
    return d ? d->priv : NULL;
}

const struct cp_area *cp_area_find(const char *type, const char *name, unsigned n)
{
    for (unsigned i = 0; i < nareas; i++)
        if (!strcmp(areas[i].type, type) && (!name || !strcmp(areas[i].name, name)) && n-- == 0)
            return &areas[i];
    return NULL;
}

u32 cp_area_capacity(const struct cp_area *a)
{
    return (u32)(a->cyl1 - a->cyl0 + 1) * dd.heads * CPVOL_PAGES_PER_TRACK;
}

/* page p: record p % 4 + 1 of the area's track p / 4 (cp/io/cpvol.h) */
static int locate(const struct cp_area *a, u32 p, unsigned *cyl, unsigned *head, unsigned *r)
{
    u32 track;

    if (p >= cp_area_capacity(a))
        return -1;
    track = a->cyl0 * (u32)dd.heads + p / CPVOL_PAGES_PER_TRACK;
    *cyl = track / dd.heads;
    *head = track % dd.heads;
    *r = p % CPVOL_PAGES_PER_TRACK + 1;
    return 0;
}

int cp_area_read_page(const struct cp_area *a, u32 p, void *buf)
{
    unsigned cyl, head, r;

    if (locate(a, p, &cyl, &head, &r) != 0)
        return DASD_ENOREC;
    return ckd_read_record(&img, cyl, head, r, buf, CPVOL_PAGE_SIZE, NULL) == CPVOL_PAGE_SIZE
        ? DASD_OK : DASD_ENOREC;
}

int cp_area_write_page(const struct cp_area *a, u32 p, const void *buf)
{
    unsigned cyl, head, r;

    if (locate(a, p, &cyl, &head, &r) != 0)
        return DASD_ENOREC;
    return ckd_update_record(&img, cyl, head, r, buf, CPVOL_PAGE_SIZE) == 0 ? DASD_OK : DASD_EIO;
}

void *kmalloc(size_t size, const char *tag)
{
    return malloc(size);
}

void *kzalloc(size_t size, const char *tag)
{
    return calloc(1, size);
}

void kfree(void *p)
{
    free(p);
}

/* CP's operator messages (the store's CPX630I) go to standard output */
void kmsg(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}
