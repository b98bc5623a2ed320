/* mkvol - make a CKD volume (created by Hercules dasdinit) a cp370
 * system volume: write IPL records that load the CP nucleus, the table
 * of contents (cp/io/cpvol.h), and the contents of file areas.
 *
 *   mkvol IMAGE [--ipl NAME] AREA...
 *   AREA:  --file TYPE NAME CYL FILE [LOADADDR [PSW [SHARED P0-P1]]]
 *                                                       data from FILE
 *          --area TYPE NAME CYL0 CYL1                   an empty area
 *
 * SHARED P0-P1 (hex page numbers) marks the pages of a saved system that
 * every user who IPLs it shares read-only; the load address must then be
 * on a page boundary and the range inside the image, without page 0.
 * CYL may be "+": the cylinder after the previous area's last one.
 * --ipl names the NUCLEUS area the IPL records load; its LOADADDR is where
 * the pages go and PSW (16 hex digits) is the IPL PSW.  Areas may not
 * overlap, may not use cylinder 0 and must fit the volume. */
#include "ckdimg.h"
#include "cp/io/cpvol.h"
#include "arch370/ebcdic.h"
#include "arch370/ccw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_AREAS       CPVOL_MAX_AREAS
#define IPL2_ADDR       0x1000u         /* where IPL1 reads the IPL2 chain */
#define IPL2_MAX        0xE000u         /* the chain must stay below 0xF000 */

struct area {
    char type[9], name[9];
    unsigned cyl0, cyl1;
    const char *file;
    uint8_t *data;
    size_t len;
    uint32_t load;
    uint64_t psw;
    uint32_t flags, shr_first, shr_last;
};

static struct area areas[MAX_AREAS];
static unsigned nareas;

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "mkvol: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static unsigned long num(const char *s, int base)
{
    char *end;
    unsigned long v = strtoul(s, &end, base);
    if (*s == 0 || *end != 0)
        die("not a number", s);
    return v;
}

static void ebcdic_field(uint8_t *dst, const char *src, size_t n)
{
    size_t l = strlen(src);
    for (size_t i = 0; i < n; i++)
        dst[i] = ascii_to_ebc[(uint8_t)(i < l ? src[i] : ' ')];
}

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    long n;

    if (!f)
        die("cannot open", path);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = calloc(1, (size_t)n + CPVOL_PAGE_SIZE);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
        die("cannot read", path);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static unsigned pages_of(const struct area *a)
{
    return (unsigned)((a->len + CPVOL_PAGE_SIZE - 1) / CPVOL_PAGE_SIZE);
}

/* Write the pages of an area, four 4096-byte records a track. */
static void write_area(struct ckd_image *img, const struct area *a)
{
    unsigned np = pages_of(a);
    unsigned track0 = a->cyl0 * img->heads;
    unsigned ntracks = (a->cyl1 - a->cyl0 + 1) * img->heads;

    if ((np + CPVOL_PAGES_PER_TRACK - 1) / CPVOL_PAGES_PER_TRACK > ntracks)
        die("file does not fit its area", a->file);
    for (unsigned t = 0; t < ntracks; t++) {
        struct ckd_record recs[CPVOL_PAGES_PER_TRACK];
        unsigned trk = track0 + t;
        for (unsigned r = 0; r < CPVOL_PAGES_PER_TRACK; r++) {
            unsigned p = t * CPVOL_PAGES_PER_TRACK + r;
            recs[r].r = (uint8_t)(r + 1);
            recs[r].klen = 0;
            recs[r].key = NULL;
            recs[r].dlen = CPVOL_PAGE_SIZE;
            recs[r].data = p < np ? a->data + (size_t)p * CPVOL_PAGE_SIZE : NULL;
        }
        if (ckd_write_track(img, trk / img->heads, trk % img->heads, recs,
                            CPVOL_PAGES_PER_TRACK) != 0)
            exit(1);
    }
}

/* The IPL2 record: a format-0 channel program that reads every page of
 * the nucleus to its load address, one track at a time: SEEK, SEARCH ID
 * EQUAL, TIC back to the search, then READ DATA for each record.  The
 * seek and search arguments follow the CCWs in the same record. */
static size_t build_ipl2(const struct ckd_image *img, const struct area *a, uint8_t *buf)
{
    unsigned np = pages_of(a);
    unsigned ntracks = (np + CPVOL_PAGES_PER_TRACK - 1) / CPVOL_PAGES_PER_TRACK;
    size_t nccw = (size_t)ntracks * 3 + np;
    uint32_t args = IPL2_ADDR + (uint32_t)nccw * 8;
    struct ccw0 *ccw = (struct ccw0 *)buf;
    uint8_t *arg = buf + nccw * 8;
    unsigned p = 0;

    if (nccw * 8 + (size_t)ntracks * 16 > IPL2_MAX)
        die("nucleus too large for the IPL channel program", a->file);
    for (unsigned t = 0; t < ntracks; t++) {
        unsigned trk = a->cyl0 * img->heads + t;
        unsigned cyl = trk / img->heads, head = trk % img->heads;
        uint32_t seekarg = args + t * 16, searcharg = seekarg + 8;
        uint32_t search_ccw = IPL2_ADDR + (uint32_t)((uint8_t *)(ccw + 1) - buf);

        memset(arg, 0, 16);                     /* BB CC HH, then CC HH R */
        put_be16(arg + 2, (uint16_t)cyl);
        put_be16(arg + 4, (uint16_t)head);
        put_be16(arg + 8, (uint16_t)cyl);
        put_be16(arg + 10, (uint16_t)head);
        arg[12] = 1;
        arg += 16;
        ccw0_make(ccw++, 0x07, seekarg, CCW_CC, 6);                 /* SEEK */
        ccw0_make(ccw++, 0x31, searcharg, CCW_CC, 5);               /* SEARCH ID EQ */
        ccw0_make(ccw++, CCW_CMD_TIC, search_ccw, 0, 0);
        for (unsigned r = 0; r < CPVOL_PAGES_PER_TRACK && p < np; r++, p++) {
            int last = (p == np - 1);
            ccw0_make(ccw++, 0x06, a->load + p * CPVOL_PAGE_SIZE,
                      (uint8_t)(last ? 0 : CCW_CC), CPVOL_PAGE_SIZE);  /* READ DATA */
        }
    }
    return nccw * 8 + (size_t)ntracks * 16;
}

/* SHARED P0-P1: whole pages of the image, never page 0 (an interruption
 * stores there in every virtual machine) */
static void shared_range(struct area *a, const char *range)
{
    char first[16];
    const char *dash = strchr(range, '-');
    uint32_t p0 = a->load / CPVOL_PAGE_SIZE;

    if (!dash || (size_t)(dash - range) >= sizeof first)
        die("SHARED wants a range of hex page numbers, like 21-3F", range);
    memcpy(first, range, (size_t)(dash - range));
    first[dash - range] = 0;
    a->shr_first = (uint32_t)num(first, 16);
    a->shr_last = (uint32_t)num(dash + 1, 16);
    if (a->load % CPVOL_PAGE_SIZE)
        die("a saved system with shared pages must load on a page boundary", a->name);
    if (a->shr_first == 0 || a->shr_first > a->shr_last || a->shr_first < p0 ||
        a->shr_last >= p0 + pages_of(a))
        die("the shared pages must be pages of the image, not page 0", range);
    a->flags |= AREA_F_SHARED;
}

static void write_track0(struct ckd_image *img, const struct area *nuc, const char *volser_in)
{
    static uint8_t ipl1[24], ipl2[IPL2_MAX], vol1[80], toc[CPVOL_TOC_SIZE];
    uint8_t key[8];
    struct ckd_record recs[4];
    size_t ipl2len = 0;
    char volser[7] = "";
    int n;

    n = ckd_read_record(img, 0, 0, 3, vol1, sizeof vol1, key);
    if (n != 80)
        die("no VOL1 label on cylinder 0 track 0 (make the image with dasdinit)", img->path);
    for (int i = 0; i < 6; i++)
        volser[i] = (char)ebc_to_ascii[vol1[4 + i]];
    volser[6] = 0;
    (void)volser_in;

    if (nuc) {
        ipl2len = build_ipl2(img, nuc, ipl2);
        put_be64(ipl1, nuc->psw);
        ccw0_make((struct ccw0 *)(ipl1 + 8), 0x06, IPL2_ADDR, CCW_CC | CCW_SLI, (uint16_t)ipl2len);
        ccw0_make((struct ccw0 *)(ipl1 + 16), CCW_CMD_TIC, IPL2_ADDR, 0, 0);
    }

    memset(toc, 0, sizeof toc);
    ebcdic_field(toc + CPVOL_MAGIC, CPVOL_MAGIC_TEXT, 8);
    put_be32(toc + CPVOL_VERSION, 1);
    memcpy(toc + CPVOL_VOLSER, vol1 + 4, 6);
    put_be16(toc + CPVOL_CYLS, (uint16_t)img->cyls);
    put_be16(toc + CPVOL_HEADS, (uint16_t)img->heads);
    put_be16(toc + CPVOL_PPT, CPVOL_PAGES_PER_TRACK);
    put_be32(toc + CPVOL_NAREAS, nareas);
    for (unsigned i = 0; i < nareas; i++) {
        uint8_t *e = toc + CPVOL_AREAS + i * CPVOL_AREA_SIZE;
        const struct area *a = &areas[i];
        ebcdic_field(e + AREA_TYPE, a->type, 8);
        ebcdic_field(e + AREA_NAME, a->name, 8);
        put_be16(e + AREA_CYL0, (uint16_t)a->cyl0);
        put_be16(e + AREA_CYL1, (uint16_t)a->cyl1);
        put_be32(e + AREA_PAGES, a->file ? pages_of(a) : 0);
        put_be32(e + AREA_BYTES, (uint32_t)a->len);
        put_be32(e + AREA_LOAD, a->load);
        put_be64(e + AREA_PSW, a->psw);
        put_be32(e + AREA_FLAGS, a->flags);
        put_be32(e + AREA_SHR_FIRST, a->shr_first);
        put_be32(e + AREA_SHR_LAST, a->shr_last);
    }

    recs[0] = (struct ckd_record){ 1, 4, 24, (const uint8_t *)"\xC9\xD7\xD3\xF1", ipl1 };   /* IPL1 */
    recs[1] = (struct ckd_record){ 2, 4, (uint16_t)(ipl2len ? ipl2len : 144),
                                   (const uint8_t *)"\xC9\xD7\xD3\xF2", ipl2 };           /* IPL2 */
    recs[2] = (struct ckd_record){ 3, 4, 80, (const uint8_t *)"\xE5\xD6\xD3\xF1", vol1 };   /* VOL1 */
    recs[3] = (struct ckd_record){ CPVOL_TOC_RECORD, 0, CPVOL_TOC_SIZE, NULL, toc };
    if (ckd_write_track(img, 0, 0, recs, 4) != 0)
        exit(1);
    printf("mkvol: %s volume %s, %u cylinders, %u areas%s\n", img->path, volser,
           img->cyls, nareas, nuc ? ", IPL records written" : "");
}

static void check_areas(const struct ckd_image *img)
{
    for (unsigned i = 0; i < nareas; i++) {
        const struct area *a = &areas[i];
        if (a->cyl0 == 0 || a->cyl1 < a->cyl0 || a->cyl1 >= img->cyls)
            die("area outside the volume or on cylinder 0", a->name);
        for (unsigned j = 0; j < i; j++)
            if (a->cyl0 <= areas[j].cyl1 && areas[j].cyl0 <= a->cyl1)
                die("areas overlap", a->name);
    }
}

static void usage(void)
{
    fprintf(stderr,
        "usage: mkvol IMAGE [--ipl NAME] AREA...\n"
        "  --file TYPE NAME CYL FILE [LOADADDR [PSW [SHARED P0-P1]]]\n"
        "                                              place FILE in pages from CYL\n"
        "  --area TYPE NAME CYL0 CYL1                  reserve cylinders\n");
    exit(2);
}

int main(int argc, char **argv)
{
    struct ckd_image img;
    const char *ipl = NULL;
    struct area *nuc = NULL;

    if (argc < 2)
        usage();
    if (ckd_open(&img, argv[1], 1) != 0)
        return 1;
    for (int i = 2; i < argc; ) {
        struct area *a;
        if (!strcmp(argv[i], "--ipl") && i + 1 < argc) {
            ipl = argv[i + 1];
            i += 2;
            continue;
        }
        if (nareas == MAX_AREAS)
            die("too many areas", NULL);
        a = &areas[nareas++];
        if (!strcmp(argv[i], "--area") && i + 4 < argc) {
            snprintf(a->type, sizeof a->type, "%s", argv[i + 1]);
            snprintf(a->name, sizeof a->name, "%s", argv[i + 2]);
            a->cyl0 = (unsigned)num(argv[i + 3], 10);
            a->cyl1 = (unsigned)num(argv[i + 4], 10);
            i += 5;
        } else if (!strcmp(argv[i], "--file") && i + 4 < argc) {
            snprintf(a->type, sizeof a->type, "%s", argv[i + 1]);
            snprintf(a->name, sizeof a->name, "%s", argv[i + 2]);
            if (!strcmp(argv[i + 3], "+")) {
                if (nareas < 2)
                    die("\"+\" needs a previous area", a->name);
                a->cyl0 = areas[nareas - 2].cyl1 + 1;
            } else {
                a->cyl0 = (unsigned)num(argv[i + 3], 10);
            }
            a->file = argv[i + 4];
            a->data = slurp(a->file, &a->len);
            i += 5;
            if (i < argc && argv[i][0] != '-') {
                a->load = (uint32_t)num(argv[i++], 16);
                if (i < argc && argv[i][0] != '-')
                    a->psw = (uint64_t)strtoull(argv[i++], NULL, 16);
                if (i + 1 < argc && !strcmp(argv[i], "SHARED")) {
                    shared_range(a, argv[i + 1]);
                    i += 2;
                }
            }
            {
                unsigned tracks = (pages_of(a) + CPVOL_PAGES_PER_TRACK - 1) / CPVOL_PAGES_PER_TRACK;
                a->cyl1 = a->cyl0 + (tracks ? tracks - 1 : 0) / img.heads;
            }
        } else {
            usage();
        }
    }
    for (unsigned i = 0; i < nareas; i++)
        if (ipl && !strcmp(areas[i].name, ipl))
            nuc = &areas[i];
    if (ipl && !nuc)
        die("no area of that name for --ipl", ipl);
    check_areas(&img);
    for (unsigned i = 0; i < nareas; i++)
        write_area(&img, &areas[i]);          /* empty areas are formatted too */
    write_track0(&img, nuc, NULL);
    ckd_close(&img);
    return 0;
}
