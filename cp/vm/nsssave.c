/* nsssave.c - SAVESYS: a virtual machine's storage and state become a
 * saved system in the store (cp/mm/nssstore.h).
 *
 * Saved are the pages that hold anything (resident, paged out or shared
 * from another saved system) and every page of the shared ranges, each
 * with its storage key; the PSW, general and control registers.  Pages
 * never touched are not saved: they read as zeros after IPL anyway. */
#include "cp/vm/nss.h"
#include "cp/vm/nssint.h"
#include "cp/mm/nssstore.h"
#include "cp/mm/gmem.h"
#include "cp/mm/frame.h"
#include "cp/kern/freestor.h"
#include "cp/io/dasd.h"
#include "cp/vm/vm.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"
#include "arch370/be.h"

static bool in_ranges(u32 page, const u32 *share, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (page >= share[2 * i] && page <= share[2 * i + 1])
            return true;
    return false;
}

static bool ranges_valid(const struct vm *vm, const u32 *share, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (share[2 * i] == 0 || share[2 * i] > share[2 * i + 1] ||
            share[2 * i + 1] >= vm->mem.size / PAGE_SIZE)
            return false;               /* page 0 is every machine's own */
    return true;
}

/* the page map and its span; returns pages saved */
static u32 build_map(struct vm *vm, const u32 *share, unsigned nshare, u8 *map,
                     u32 *first, u32 *count)
{
    u32 lo = 0xFFFFFFFFu, hi = 0, n = 0;

    for (u32 p = 0; p < vm->mem.size / PAGE_SIZE; p++)     /* not segments above it */
        if (gspace_has_data(&vm->mem, p * PAGE_SIZE) || in_ranges(p, share, nshare)) {
            if (lo == 0xFFFFFFFFu)
                lo = p;
            hi = p;
        }
    if (lo == 0xFFFFFFFFu)
        lo = hi = 0;                    /* an empty machine: page 0 of zeros */
    for (u32 p = lo; p <= hi; p++) {
        u8 m = 0;
        if (gspace_has_data(&vm->mem, p * PAGE_SIZE) || in_ranges(p, share, nshare) || p == lo)
            m = NSSP_DATA | (gspace_get_key(&vm->mem, p * PAGE_SIZE) & NSSP_KEY);
        if (m && in_ranges(p, share, nshare))
            m |= NSSP_SHARED;
        if (m)
            n++;
        map[p - lo] = m;
    }
    *first = lo;
    *count = hi - lo + 1;
    return n;
}

static void build_header(struct vm *vm, const char *name, u8 *h, u32 first, u32 count,
                         u32 data, const u8 *map)
{
    char padded[8];
    u32 shared = 0;

    for (u32 i = 0; i < count; i++)
        if (map[i] & NSSP_SHARED)
            shared++;
    memset(h, 0, PAGE_SIZE);
    ebc_from_ascii(h + SSH_MAGIC, "CP370NSS", 8);
    memset(padded, ' ', sizeof padded);
    memcpy(padded, name, strlen(name));
    ebc_from_ascii(h + SSH_NAME, padded, 8);
    put_be32(h + SSH_FIRST, first);
    put_be32(h + SSH_COUNT, count);
    put_be32(h + SSH_DATA, data);
    put_be32(h + SSH_SHARED, shared);
    put_be32(h + SSH_FLAGS, SSH_F_STATE);
    put_be64(h + SSH_PSW, vm->cpu.psw);
    for (int r = 0; r < 16; r++) {
        put_be32(h + SSH_GPRS + 4 * r, vm->cpu.ctx.gpr[r]);
        put_be32(h + SSH_CRS + 4 * r, vm->cpu.cr[r]);
    }
}

/* the key of each saved page's second 2K; true if one differs from its
 * first half's (only then is the map written) */
static bool build_key2(struct vm *vm, const u8 *map, u32 first, u32 count, u8 *key2)
{
    bool differ = false;

    for (u32 i = 0; i < count; i++) {
        if (!(map[i] & NSSP_DATA))
            continue;
        key2[i] = gspace_get_key(&vm->mem, (first + i) * PAGE_SIZE + 0x800) & NSSP_KEY;
        if (key2[i] != (map[i] & NSSP_KEY))
            differ = true;
    }
    return differ;
}

/* header, map, [second-half keys,] then the data pages, into the extent at ext */
static int write_extent(struct vm *vm, u32 ext, const u8 *h, const u8 *map, const u8 *key2,
                        u32 first, u32 count, u8 *buf)
{
    u32 di = key2 ? 1 : 0;

    if (sstore_write(ext, h) != DASD_OK || sstore_write(ext + 1, map) != DASD_OK ||
        (key2 && sstore_write(ext + 2, key2) != DASD_OK))
        return NSS_IOERR;
    for (u32 i = 0; i < count; i++) {
        if (!(map[i] & NSSP_DATA))
            continue;
        if (gmem_read(&vm->mem, (first + i) * PAGE_SIZE, buf, PAGE_SIZE) != 0)
            return NSS_NOSTORAGE;       /* a page that could not be brought in */
        if (sstore_write(ext + 2 + di++, buf) != DASD_OK)
            return NSS_IOERR;
    }
    return NSS_OK;
}

int nss_save(struct vm *vm, const char *name, const u32 *share, unsigned nshare, u32 *saved)
{
    u8 *h = kmalloc(PAGE_SIZE, "NSSHDR"), *map = kzalloc(PAGE_SIZE, "NSSMAP");
    u8 *buf = kmalloc(PAGE_SIZE, "NSSPAGE"), *key2 = kzalloc(PAGE_SIZE, "NSSKEY2");
    u32 first, count, data, ext, pages = 0;
    bool halves = false;
    int rc;

    if (!h || !map || !buf || !key2)
        rc = NSS_NOSTORAGE;
    else if (!sstore_area())
        rc = NSS_NOSTORE;
    else if (!ranges_valid(vm, share, nshare))
        rc = NSS_BADRANGE;
    else
        rc = NSS_OK;
    if (rc == NSS_OK) {
        nss_lock();
        data = build_map(vm, share, nshare, map, &first, &count);
        halves = build_key2(vm, map, first, count, key2);
        pages = 2 + (halves ? 1 : 0) + data;
        ext = sstore_alloc(pages);
        if (!ext) {
            rc = NSS_FULL;
        } else {
            build_header(vm, name, h, first, count, data, map);
            if (halves)
                put_be32(h + SSH_FLAGS, get_be32(h + SSH_FLAGS) | SSH_F_KEYS2);
            rc = write_extent(vm, ext, h, map, halves ? key2 : NULL, first, count, buf);
        }
        if (rc == NSS_OK) {
            int c = sstore_commit(name, ext, pages, data);
            rc = c == -1 ? NSS_DIRFULL : c ? NSS_IOERR : NSS_OK;
        }
        if (rc == NSS_OK) {
            nss_forget(name);           /* the next IPL takes the new copy */
            *saved = data;
        }
        nss_unlock();
    }
    kfree(h);
    kfree(map);
    kfree(buf);
    kfree(key2);
    return rc;
}
