/* nssstore.c - the saved-system store on DASD (nssstore.h). */
#include "cp/mm/nssstore.h"
#include "cp/io/sysres.h"
#include "cp/io/dasd.h"
#include "cp/kern/freestor.h"
#include "cp/kern/kmsg.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"
#include "arch370/be.h"

#define DIR_PAGES       2       /* the two directory copies */

static const struct cp_area *area;
static struct sstore_entry entries[SSTORE_MAX];
static unsigned nentries;
static u32 generation;          /* of the current directory copy */

static u32 checksum(const u8 *page)
{
    u32 a = 1, b = 0;

    /* Fletcher-style over the page, the checksum field counted as zero */
    for (u32 i = 0; i < 4096; i++) {
        u8 v = (i >= SSD_SUM && i < SSD_SUM + 4) ? 0 : page[i];
        a = (a + v) % 65521;
        b = (b + a) % 65521;
    }
    return b << 16 | a;
}

static void name_to_ascii(char *dst, const u8 *src)
{
    ebc_to_ascii_buf(dst, src, 8);
    dst[8] = 0;
    for (int i = 7; i >= 0 && dst[i] == ' '; i--)
        dst[i] = 0;
}

static void name_to_ebcdic(u8 *dst, const char *src)
{
    char padded[8];
    size_t n = strlen(src);

    memset(padded, ' ', sizeof padded);
    memcpy(padded, src, n > 8 ? 8 : n);
    ebc_from_ascii(dst, padded, 8);
}

/* a directory copy: its generation, or 0 if it is not a valid one */
static u32 parse_dir(const u8 *p, bool take)
{
    u8 magic[8];
    u32 n = get_be32(p + SSD_COUNT);

    ebc_from_ascii(magic, "CP370SSD", 8);
    if (memcmp(p + SSD_MAGIC, magic, 8) != 0 || get_be32(p + SSD_SUM) != checksum(p) ||
        n > SSTORE_MAX)
        return 0;
    if (take) {
        for (u32 i = 0; i < n; i++) {
            const u8 *e = p + SSD_ENTRIES + i * SSD_ENTRY_SIZE;
            name_to_ascii(entries[i].name, e + SSE_NAME);
            entries[i].first = get_be32(e + SSE_FIRST);
            entries[i].pages = get_be32(e + SSE_PAGES);
            entries[i].serial = get_be32(e + SSE_SERIAL);
            entries[i].data = get_be32(e + SSE_DATA);
        }
        nentries = n;
    }
    return get_be32(p + SSD_GEN);
}

bool sstore_init(void)
{
    u8 *p = kmalloc(4096, "SSTORE");
    u32 gen[DIR_PAGES] = { 0, 0 };

    area = cp_area_find("SAVED", NULL, 0);
    nentries = 0;
    generation = 0;
    if (!area || !p) {
        kfree(p);
        return false;
    }
    for (u32 c = 0; c < DIR_PAGES; c++)
        if (cp_area_read_page(area, c, p) == DASD_OK)
            gen[c] = parse_dir(p, false);
    if (gen[0] || gen[1]) {
        u32 c = gen[1] > gen[0];
        if (cp_area_read_page(area, c, p) == DASD_OK)
            generation = parse_dir(p, true);
    }
    kfree(p);
    kmsg("CPX630I Saved-system store %04X %s cylinders %u-%u: %u saved, %u of %u pages used",
           area->dev->devno, dasd_of(area->dev)->volser, area->cyl0, area->cyl1, nentries,
           (unsigned)sstore_used(), (unsigned)sstore_capacity());
    return true;
}

const struct cp_area *sstore_area(void)     { return area; }
unsigned sstore_count(void)                 { return nentries; }
u32 sstore_generation(void)                 { return generation; }

const struct sstore_entry *sstore_at(unsigned i)
{
    return i < nentries ? &entries[i] : NULL;
}

const struct sstore_entry *sstore_lookup(const char *name)
{
    for (unsigned i = 0; i < nentries; i++)
        if (!str_casecmp(entries[i].name, name))
            return &entries[i];
    return NULL;
}

u32 sstore_capacity(void)
{
    return area ? cp_area_capacity(area) - DIR_PAGES : 0;
}

u32 sstore_used(void)
{
    u32 n = 0;

    for (unsigned i = 0; i < nentries; i++)
        n += entries[i].pages;
    return n;
}

int sstore_read(u32 page, void *buf)
{
    return area ? cp_area_read_page(area, page, buf) : DASD_ENOREC;
}

int sstore_write(u32 page, const void *buf)
{
    return area ? cp_area_write_page(area, page, buf) : DASD_ENOREC;
}

/* is [first, first + n) clear of every extent? */
static bool room_at(u32 first, u32 n, u32 *next)
{
    for (unsigned i = 0; i < nentries; i++) {
        const struct sstore_entry *e = &entries[i];
        if (first < e->first + e->pages && e->first < first + n) {
            *next = e->first + e->pages;
            return false;
        }
    }
    return true;
}

u32 sstore_alloc(u32 n)
{
    u32 end = area ? cp_area_capacity(area) : 0;
    u32 first = DIR_PAGES, next;

    while (n && first + n <= end) {
        if (room_at(first, n, &next))
            return first;
        first = next;
    }
    return 0;
}

static void put_entry(u8 *e, const struct sstore_entry *s)
{
    name_to_ebcdic(e + SSE_NAME, s->name);
    put_be32(e + SSE_FIRST, s->first);
    put_be32(e + SSE_PAGES, s->pages);
    put_be32(e + SSE_SERIAL, s->serial);
    put_be32(e + SSE_DATA, s->data);
}

int sstore_commit(const char *name, u32 first, u32 pages, u32 data)
{
    struct sstore_entry next[SSTORE_MAX];
    unsigned n = 0;
    u8 *p;
    int rc;

    for (unsigned i = 0; i < nentries; i++)
        if (str_casecmp(entries[i].name, name))
            next[n++] = entries[i];
    if (n == SSTORE_MAX)
        return -1;
    strlcpy(next[n].name, name, sizeof next[n].name);
    next[n].first = first;
    next[n].pages = pages;
    next[n].serial = generation + 1;
    next[n].data = data;
    n++;
    p = kzalloc(4096, "SSTORE");
    if (!p)
        return -2;
    ebc_from_ascii(p + SSD_MAGIC, "CP370SSD", 8);
    put_be32(p + SSD_GEN, generation + 1);
    put_be32(p + SSD_COUNT, n);
    put_be32(p + SSD_PAGES, cp_area_capacity(area));
    for (unsigned i = 0; i < n; i++)
        put_entry(p + SSD_ENTRIES + i * SSD_ENTRY_SIZE, &next[i]);
    put_be32(p + SSD_SUM, checksum(p));
    /* the copy that is not current: the current one stays if this fails */
    rc = cp_area_write_page(area, (generation + 1) % DIR_PAGES, p);
    kfree(p);
    if (rc != DASD_OK)
        return -2;
    memcpy(entries, next, n * sizeof next[0]);
    nentries = n;
    generation++;
    return 0;
}
