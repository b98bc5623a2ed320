/* sysres.c - tables of contents of CP-owned volumes. */
#include "cp/io/sysres.h"
#include "cp/io/cpvol.h"
#include "cp/io/dasd.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"

#define MAX_CP_AREAS    128

static u32 ipl_sid;
static struct rdev *sysres;
static struct cp_area areas[MAX_CP_AREAS];
static unsigned nareas;

void sysres_note_ipl_device(u32 sid)
{
    ipl_sid = sid;
}

struct rdev *sysres_dev(void)
{
    return sysres;
}

static void field(char *dst, const u8 *src, unsigned n)
{
    ebc_to_ascii_buf(dst, src, n);
    dst[n] = 0;
    while (n && dst[n - 1] == ' ')
        dst[--n] = 0;
}

static void read_toc(struct rdev *d)
{
    struct dasd *dd = dasd_of(d);
    u8 *toc = kmalloc(CPVOL_TOC_SIZE, "TOC");
    u8 magic[8];
    u16 got = 0;
    u32 n;

    if (!toc)
        return;
    ebc_from_ascii(magic, CPVOL_MAGIC_TEXT, 8);
    if (dasd_read(d, 0, 0, CPVOL_TOC_RECORD, toc, CPVOL_TOC_SIZE, &got) != DASD_OK ||
        got != CPVOL_TOC_SIZE || memcmp(toc + CPVOL_MAGIC, magic, 8) != 0) {
        kfree(toc);
        return;
    }
    dd->cp_owned = true;
    dd->cyls = get_be16(toc + CPVOL_CYLS);
    if (get_be16(toc + CPVOL_HEADS))
        dd->heads = get_be16(toc + CPVOL_HEADS);
    n = get_be32(toc + CPVOL_NAREAS);
    if (n > CPVOL_MAX_AREAS)
        n = CPVOL_MAX_AREAS;
    for (u32 i = 0; i < n && nareas < MAX_CP_AREAS; i++) {
        const u8 *e = toc + CPVOL_AREAS + i * CPVOL_AREA_SIZE;
        struct cp_area *a = &areas[nareas++];
        a->dev = d;
        field(a->type, e + AREA_TYPE, 8);
        field(a->name, e + AREA_NAME, 8);
        a->cyl0 = get_be16(e + AREA_CYL0);
        a->cyl1 = get_be16(e + AREA_CYL1);
        a->pages = get_be32(e + AREA_PAGES);
        a->bytes = get_be32(e + AREA_BYTES);
        a->load = get_be32(e + AREA_LOAD);
        a->psw = get_be64(e + AREA_PSW);
        a->flags = get_be32(e + AREA_FLAGS);
        a->shr_first = get_be32(e + AREA_SHR_FIRST);
        a->shr_last = get_be32(e + AREA_SHR_LAST);
    }
    kfree(toc);
}

unsigned sysres_scan(void)
{
    nareas = 0;
    for (unsigned i = 0; i < nrdevs; i++) {
        struct rdev *d = &rdevs[i];
        if (d->cls != RDEV_DASD)
            continue;
        if (d->sid == ipl_sid)
            sysres = d;
        read_toc(d);
    }
    return nareas;
}

const struct cp_area *cp_area_find(const char *type, const char *name, unsigned n)
{
    for (unsigned i = 0; i < nareas; i++) {
        if (str_casecmp(areas[i].type, type))
            continue;
        if (name && str_casecmp(areas[i].name, name))
            continue;
        if (n-- == 0)
            return &areas[i];
    }
    return NULL;
}

unsigned cp_area_count(void)
{
    return nareas;
}

const struct cp_area *cp_area_at(unsigned i)
{
    return i < nareas ? &areas[i] : NULL;
}

u32 cp_area_capacity(const struct cp_area *a)
{
    struct dasd *dd = dasd_of(a->dev);
    return (u32)(a->cyl1 - a->cyl0 + 1) * dd->heads * CPVOL_PAGES_PER_TRACK;
}

static int page_addr(const struct cp_area *a, u32 p, u16 *cyl, u16 *head, u8 *r)
{
    struct dasd *dd = dasd_of(a->dev);
    u32 track;

    if (!dd || !dd->heads || p >= cp_area_capacity(a))
        return -1;
    track = a->cyl0 * (u32)dd->heads + p / CPVOL_PAGES_PER_TRACK;
    *cyl = (u16)(track / dd->heads);
    *head = (u16)(track % dd->heads);
    *r = (u8)(p % CPVOL_PAGES_PER_TRACK + 1);
    return 0;
}

int cp_area_read_page(const struct cp_area *a, u32 p, void *buf)
{
    u16 cyl, head, got = 0;
    u8 r;

    if (page_addr(a, p, &cyl, &head, &r) != 0)
        return DASD_ENOREC;
    return dasd_read(a->dev, cyl, head, r, buf, CPVOL_PAGE_SIZE, &got);
}

int cp_area_write_page(const struct cp_area *a, u32 p, const void *buf)
{
    u16 cyl, head;
    u8 r;

    if (page_addr(a, p, &cyl, &head, &r) != 0)
        return DASD_ENOREC;
    return dasd_write(a->dev, cyl, head, r, buf, CPVOL_PAGE_SIZE);
}
