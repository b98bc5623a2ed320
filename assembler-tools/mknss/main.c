/* mknss - make a saved system or saved segment from a segment file.
 *
 *   mknss VOLUME NAME FILE --at PAGE [--share FIRST-LAST]...
 *
 * VOLUME is a CP volume image with a SAVED area (the saved-system store,
 * cppag1.3350 in the default system); NAME the saved system's name; FILE
 * a segment file (segfile.c); PAGE the guest page (hexadecimal) its first
 * page goes to: 0 for an IPL-able system such as the CMS nucleus, F00 for
 * a segment at X'F00000'.  --share gives guest pages (hexadecimal) that
 * every user shares read-only; the rest are copied into each user's
 * storage.  The PSW, general and control registers and the storage key of
 * each 2K block go with it.  A name already in the store is replaced, the
 * way SAVESYS replaces it: the old copy stays until the directory names
 * the new one.  Run it while CP is not running on the volume: CP reads
 * the store's directory at IPL. */
#include "mknss.h"
#include "cp/mm/nssstore.h"
#include "cp/io/dasd.h"
#include "cp/vm/nss.h"
#include "arch370/ebcdic.h"

#include <stdio.h>
#include <stdlib.h>

#define MAX_RANGES 8

struct request {
    const char *volume, *name, *file;
    u32 at;
    u32 share[2 * MAX_RANGES];
    unsigned nshare;
};

static void usage(void)
{
    fprintf(stderr, "usage: mknss VOLUME NAME FILE --at PAGE [--share FIRST-LAST]...\n"
            "  PAGE, FIRST, LAST: guest page numbers in hexadecimal (F00 = X'F00000')\n");
    exit(2);
}

static bool hex(const char *s, u32 *v)
{
    char *end;
    unsigned long n = strtoul(s, &end, 16);

    if (!*s || *end || n > 0xFFF)
        return false;
    *v = (u32)n;
    return true;
}

static void parse(int argc, char **argv, struct request *rq)
{
    bool at = false;

    if (argc < 4)
        usage();
    rq->volume = argv[1];
    rq->name = argv[2];
    rq->file = argv[3];
    if (!*rq->name || strlen(rq->name) > 8)
        usage();
    for (int i = 4; i < argc; i++) {
        if (!strcmp(argv[i], "--at") && i + 1 < argc && hex(argv[i + 1], &rq->at)) {
            at = true;
            i++;
        } else if (!strcmp(argv[i], "--share") && i + 1 < argc && rq->nshare < MAX_RANGES) {
            char lo[16], *dash = strchr(argv[++i], '-');
            u32 *r = &rq->share[2 * rq->nshare++];
            if (!dash || dash - argv[i] >= (long)sizeof lo)
                usage();
            memcpy(lo, argv[i], (size_t)(dash - argv[i]));
            lo[dash - argv[i]] = 0;
            if (!hex(lo, &r[0]) || !hex(dash + 1, &r[1]) || r[0] > r[1] || r[0] == 0)
                usage();                        /* page 0 is every machine's own */
        } else {
            usage();
        }
    }
    if (!at)
        usage();
}

static bool shared(const struct request *rq, u32 page)
{
    for (unsigned i = 0; i < rq->nshare; i++)
        if (page >= rq->share[2 * i] && page <= rq->share[2 * i + 1])
            return true;
    return false;
}

/* header page, page map and second-half key map of the extent */
static bool build(const struct request *rq, const struct segfile *sf, u8 *h, u8 *map, u8 *key2)
{
    char padded[8];
    u32 nshared = 0;
    bool halves = false;

    for (u32 i = 0; i < sf->npages; i++) {
        map[i] = NSSP_DATA | segfile_key(sf, 2 * i);
        key2[i] = segfile_key(sf, 2 * i + 1);
        if (key2[i] != (map[i] & NSSP_KEY))
            halves = true;
        if (shared(rq, rq->at + i)) {
            map[i] |= NSSP_SHARED;
            nshared++;
        }
    }
    memset(h, 0, 4096);
    ebc_from_ascii(h + SSH_MAGIC, "CP370NSS", 8);
    memset(padded, ' ', sizeof padded);
    for (size_t i = 0; rq->name[i]; i++)
        padded[i] = to_upper(rq->name[i]);
    ebc_from_ascii(h + SSH_NAME, padded, 8);
    put_be32(h + SSH_FIRST, rq->at);
    put_be32(h + SSH_COUNT, sf->npages);
    put_be32(h + SSH_DATA, sf->npages);
    put_be32(h + SSH_SHARED, nshared);
    put_be32(h + SSH_FLAGS, SSH_F_STATE | (halves ? SSH_F_KEYS2 : 0));
    memcpy(h + SSH_PSW, sf->header + SEGF_PSW, 8);
    memcpy(h + SSH_GPRS, sf->header + SEGF_GPRS, 64);
    memcpy(h + SSH_CRS, sf->header + SEGF_CRS, 64);
    return halves;
}

int main(int argc, char **argv)
{
    static u8 h[4096], map[4096], key2[4096];
    struct request rq = { 0 };
    struct segfile sf;
    u32 ext, pages;
    char name[9];
    bool halves;

    parse(argc, argv, &rq);
    if (segfile_read(rq.file, &sf) != 0 || volume_open(rq.volume) != 0)
        return 1;
    if (rq.at + sf.npages > 4096) {
        fprintf(stderr, "mknss: %u pages at page %X go beyond 16M\n", (unsigned)sf.npages,
                (unsigned)rq.at);
        return 1;
    }
    if (!sstore_init()) {
        fprintf(stderr, "mknss: %s has no SAVED area\n", rq.volume);
        return 1;
    }
    for (size_t i = 0; i <= strlen(rq.name); i++)
        name[i] = to_upper(rq.name[i]);
    halves = build(&rq, &sf, h, map, key2);
    pages = 2 + (halves ? 1 : 0) + sf.npages;
    ext = sstore_alloc(pages);
    if (!ext) {
        fprintf(stderr, "mknss: the saved-system store on %s has no room for %u pages\n",
                volume_volser(), (unsigned)pages);
        return 1;
    }
    /* the extent first, the directory (the commit) last */
    if (sstore_write(ext, h) != DASD_OK || sstore_write(ext + 1, map) != DASD_OK ||
        (halves && sstore_write(ext + 2, key2) != DASD_OK))
        goto ioerr;
    for (u32 i = 0; i < sf.npages; i++)
        if (sstore_write(ext + pages - sf.npages + i, sf.pages + (size_t)i * 4096) != DASD_OK)
            goto ioerr;
    if (sstore_commit(name, ext, pages, sf.npages) != 0)
        goto ioerr;
    printf("mknss: %s saved in %s: pages %03X-%03X, %u shared%s, store pages %u-%u\n", name,
           volume_volser(), (unsigned)rq.at, (unsigned)(rq.at + sf.npages - 1),
           (unsigned)get_be32(h + SSH_SHARED), halves ? ", keys per 2K" : "",
           (unsigned)ext, (unsigned)(ext + pages - 1));
    volume_close();
    return 0;
ioerr:
    fprintf(stderr, "mknss: cannot write the store on %s (or its directory is full)\n",
            volume_volser());
    return 1;
}
