/* vmdumpfmt - format a VMDUMP file on the host.
 *
 *   vmdumpfmt [-r hexloc1-hexloc2] file...     (file "-": standard input)
 *
 * A VMDUMP file (docs/vmdump-format.md) is cards of text, so it may come
 * from a real punch or printer (punch.txt, printer.txt), or any file its
 * lines were copied into: lines before "VMDUMP CP370" and after its END
 * card are skipped, each dump in the file is formatted in turn.  The
 * output is DISPLAY's layout (cp/cmd/stgfmt.c, the same code): PSW,
 * timers, registers, CAW and CSW, storage keys, then storage with EBCDIC
 * text, runs of equal lines folded into one line that says so.
 * Exit status 0, 1 for a damaged or truncated dump, 2 for usage. */
#include "cp/cmd/stgfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STORAGE     (16u << 20)
#define KEY_BLOCK       2048u

struct dump {
    char userid[9], date[9], time[9], id[32];
    unsigned size;
    unsigned psw[2], gpr[16], fpr[8], cr[16];
    unsigned long long cpu_timer, clock_comp;
    unsigned char *stg, *keys;
    unsigned stg_cards;
};

static const char *fname;
static unsigned lineno;

static int bad(const char *what, const char *line)
{
    fprintf(stderr, "vmdumpfmt: %s:%u: %s: %.80s\n", fname, lineno, what, line);
    return 1;
}

static int hexbyte(const char *s)
{
    unsigned v;
    return sscanf(s, "%2x", &v) == 1 && strspn(s, "0123456789ABCDEF") >= 2 ? (int)v : -1;
}

/* "TAG nn w ..." cards of words into r[]; false if malformed */
static int words(const char *p, unsigned *r, unsigned n)
{
    unsigned first, k = 0;
    int used;

    if (sscanf(p, "%u%n", &first, &used) != 1 || first >= n)
        return 0;
    p += used;
    while (first + k < n && sscanf(p, " %8x%n", &r[first + k], &used) == 1) {
        p += used;
        k++;
    }
    return k > 0;
}

/* one card of a dump; 1 at its END card, -1 on a bad card */
static int card(struct dump *d, const char *l)
{
    unsigned a;
    int used;

    if (!strncmp(l, "PSW ", 4))
        return sscanf(l + 4, "%8x %8x", &d->psw[0], &d->psw[1]) == 2 ? 0 : -1;
    if (!strncmp(l, "TIMERS ", 7))
        return sscanf(l + 7, "%16llx %16llx", &d->cpu_timer, &d->clock_comp) == 2 ? 0 : -1;
    if (!strncmp(l, "GPR ", 4))
        return words(l + 4, d->gpr, 16) ? 0 : -1;
    if (!strncmp(l, "FPR ", 4))
        return words(l + 4, d->fpr, 8) ? 0 : -1;
    if (!strncmp(l, "CR ", 3))
        return words(l + 3, d->cr, 16) ? 0 : -1;
    if (!strncmp(l, "KEY ", 4) || !strncmp(l, "STG ", 4)) {
        int stg = l[0] == 'S';
        const char *p;
        if (sscanf(l + 4, "%6x %n", &a, &used) != 1)
            return -1;
        for (p = l + 4 + used; *p && *p != ' ' && *p != '\n'; p += 2, a += stg ? 1 : KEY_BLOCK) {
            int b = hexbyte(p);
            if (b < 0 || a >= d->size)
                return -1;
            if (stg)
                d->stg[a] = (unsigned char)b;
            else
                d->keys[a / KEY_BLOCK] = (unsigned char)b;
        }
        d->stg_cards += stg;
        return 0;
    }
    if (!strncmp(l, "END ", 4))
        return (unsigned)atoi(l + 4) == d->stg_cards ? 1 : -1;
    return -1;
}

static unsigned be32(const unsigned char *p)
{
    return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

static void regs(const char *kind, const unsigned *r)
{
    for (unsigned i = 0; i < 16; i += 4)
        printf("%s %2u = %08X %08X %08X %08X\n", kind, i, r[i], r[i + 1], r[i + 2], r[i + 3]);
}

static void storage(const struct dump *d, unsigned first, unsigned last)
{
    unsigned same = 0, same_from = 0;

    for (unsigned a = first & ~15u; a <= last; a += 16) {
        char line[STG_LINE_MAX];
        if (a > (first & ~15u) && a + 16 <= last && !memcmp(d->stg + a, d->stg + a - 16, 16)) {
            if (same++ == 0)
                same_from = a;
            continue;
        }
        if (same)
            printf("%06X TO %06X SUPPRESSED LINE(S) SAME AS ABOVE\n", same_from, a - 1);
        same = 0;
        stg_line(line, a, d->stg + a, 0, 4, true);
        printf("%s\n", line);
    }
}

static void format(const struct dump *d, unsigned first, unsigned last)
{
    printf("VMDUMP OF %s STORAGE %uK TAKEN %s %s%s%s\n\n", d->userid, d->size >> 10, d->date,
           d->time, d->id[0] ? "  " : "", d->id);
    printf("PSW = %08X %08X\n", d->psw[0], d->psw[1]);
    printf("CAW = %08X\n", be32(d->stg + 0x48));
    printf("CSW = %08X %08X\n", be32(d->stg + 0x40), be32(d->stg + 0x44));
    printf("CPU TIMER = %016llX  CLOCK COMPARATOR = %016llX\n", d->cpu_timer, d->clock_comp);
    regs("GPR", d->gpr);
    for (unsigned i = 0; i < 8; i += 2)
        printf("FPR %2u = %08X %08X\n", i, d->fpr[i], d->fpr[i + 1]);
    regs("CR ", d->cr);
    printf("\nSTORAGE KEYS\n");
    for (unsigned b = 0; b < d->size / KEY_BLOCK; b += 16) {
        printf("%06X  KEY", b * KEY_BLOCK);
        for (unsigned k = b; k < b + 16 && k < d->size / KEY_BLOCK; k++)
            printf(" %02X", d->keys[k]);
        printf("\n");
    }
    if (last >= d->size)
        last = d->size - 1;
    printf("\nSTORAGE %06X-%06X\n", first, last);
    if (first <= last)
        storage(d, first, last);
    printf("\nEND OF DUMP\n");
}

/* the dumps in one file */
static int file(FILE *f, unsigned first, unsigned last)
{
    char l[256];
    struct dump d;
    int in = 0, dumps = 0;

    lineno = 0;
    while (fgets(l, sizeof l, f)) {
        char *p = l;
        lineno++;
        while (*p == '\f' || *p == '\r')
            p++;
        p[strcspn(p, "\r\n")] = 0;
        if (!in) {
            if (strncmp(p, "VMDUMP CP370 1 ", 15))
                continue;
            memset(&d, 0, sizeof d);
            if (sscanf(p + 15, "%8s %8x %8s %8s %31[^\n]", d.userid, &d.size, d.date, d.time,
                       d.id) < 4 || d.size == 0 || d.size > MAX_STORAGE || d.size % 4096)
                return bad("not a VMDUMP heading", p);
            d.stg = calloc(d.size, 1);
            d.keys = calloc(d.size / KEY_BLOCK, 1);
            if (!d.stg || !d.keys) {
                fprintf(stderr, "vmdumpfmt: no memory for %u bytes\n", d.size);
                return 1;
            }
            in = 1;
            continue;
        }
        switch (card(&d, p)) {
        case -1:
            free(d.stg);
            free(d.keys);
            return bad("damaged card", p);
        case 1:
            if (dumps++)
                printf("\f");
            format(&d, first, last);
            free(d.stg);
            free(d.keys);
            in = 0;
            break;
        }
    }
    if (in) {
        free(d.stg);
        free(d.keys);
        return bad("the dump ends before its END card", "");
    }
    if (!dumps) {
        fprintf(stderr, "vmdumpfmt: %s: no VMDUMP in it\n", fname);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    unsigned first = 0, last = MAX_STORAGE - 1;
    int i = 1, rc = 0;

    if (argc > 2 && !strcmp(argv[1], "-r")) {
        if (sscanf(argv[2], "%x-%x", &first, &last) != 2 || last < first) {
            fprintf(stderr, "vmdumpfmt: -r wants hexloc1-hexloc2\n");
            return 2;
        }
        i = 3;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: vmdumpfmt [-r hexloc1-hexloc2] file...\n");
        return 2;
    }
    for (; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") ? fopen(argv[i], "r") : stdin;
        fname = argv[i];
        if (!f) {
            perror(argv[i]);
            rc = 1;
            continue;
        }
        rc |= file(f, first, last);
        if (f != stdin)
            fclose(f);
    }
    return rc;
}
