/* cmsdisk - move files in and out of a CMS minidisk (VM/370 Release 6
 * format) inside a Hercules CKD image of a 3350.
 *
 *   cmsdisk IMAGE CYL0 NCYLS format LABEL
 *   cmsdisk IMAGE CYL0 NCYLS list
 *   cmsdisk IMAGE CYL0 NCYLS read FN FT [FM] [-o OUT] [--binary]
 *   cmsdisk IMAGE CYL0 NCYLS write FN FT [--recfm F|V] [--lrecl N] [--fm FM] [--binary] [IN]
 *   cmsdisk IMAGE CYL0 NCYLS erase FN FT
 *   cmsdisk IMAGE CYL0 NCYLS rename FN FT FN2 FT2
 *   cmsdisk IMAGE CYL0 NCYLS check
 *
 * The minidisk is cylinders CYL0 .. CYL0+NCYLS-1 of the volume.  It uses
 * the same file-system code as the CMS guest (cms-guest/fs).  Exit status:
 * 0 done, 1 failed (with a DSKnnnE message), 2 wrong command line. */
#include "assembler-tools/cmsdisk/ckddev.h"
#include "assembler-tools/cmsdisk/convert.h"
#include "cms-guest/fs/cmsfs.h"
#include "arch370/ebcdic.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct command {
    const char *name;
    int min, max;               /* words after the command, options included */
    int writable;
    int (*fn)(struct ckd_minidisk *md, int argc, char **argv);
};

static void now(struct cms_time *t)
{
    time_t s = time(NULL);
    struct tm *tm = localtime(&s);

    t->year = (u16)(tm->tm_year + 1900);
    t->month = (u8)(tm->tm_mon + 1);
    t->day = (u8)tm->tm_mday;
    t->hour = (u8)tm->tm_hour;
    t->minute = (u8)tm->tm_min;
}

static const struct cms_env host_env = { malloc, free, now };

/* DSK009E with the file's identifier as CMS shows it */
static int fail(const struct cms_fileid *id, int rc)
{
    char fn[9], ft[9], fm[3];

    cms_fileid_text(id, fn, ft, fm);
    fprintf(stderr, "DSK009E %s %s: %s\n", fn, ft, cms_strerror(rc));
    return 1;
}

static struct cms_fs *mount_md(struct ckd_minidisk *md, unsigned flags)
{
    struct cms_fs *fs;
    int rc = cms_mount(&fs, &md->dev, &host_env, flags);

    if (rc == CMS_OK)
        return fs;
    fprintf(stderr, "DSK006E cylinders %u-%u of %s: %s%s%s\n", md->cyl0,
            md->cyl0 + md->ncyls - 1, md->img.path, cms_strerror(rc), md->why[0] ? "; " : "",
            md->why);
    if (rc == CMS_ENOTCMS || md->why[0])
        fprintf(stderr, "DSK006E the extent is not a CMS minidisk; create one with: format LABEL\n");
    return NULL;
}

static int make_id(struct cms_fileid *id, const char *fn, const char *ft, const char *fm)
{
    if (cms_fileid_make(id, fn, ft, fm) == CMS_OK)
        return 0;
    fprintf(stderr, "DSK010E '%s %s%s%s' is not a valid file identifier: names are 1-8 of "
                    "A-Z 0-9 $ # @ + - : _, the mode a letter and a digit 0-6\n",
            fn, ft, fm ? " " : "", fm ? fm : "");
    return -1;
}

/* ---- format ------------------------------------------------------------------ */
static int cmd_format(struct ckd_minidisk *md, int argc, char **argv)
{
    u8 label[6];
    int rc;

    if (cms_label_make(label, argv[0]) != CMS_OK) {
        fprintf(stderr, "DSK010E label '%s' is not 1-6 of A-Z 0-9 $ # @ + - : _\n", argv[0]);
        return 1;
    }
    if (md->cyl0 == 0) {
        fprintf(stderr, "DSK005E cylinder 0 holds the volume label; start the minidisk at "
                        "cylinder 1 or later\n");
        return 1;
    }
    if (mdisk_format_tracks(md) != 0)
        return 1;
    rc = cms_format(&md->dev, label);
    if (rc) {
        fprintf(stderr, "DSK006E format: %s; %s\n", cms_strerror(rc), md->why);
        return 1;
    }
    printf("DSK001I cylinders %u-%u of %s formatted as CMS disk %s: %u blocks of 800 bytes\n",
           md->cyl0, md->cyl0 + md->ncyls - 1, md->img.path, argv[0], md->dev.blocks);
    return 0;
}

/* ---- list ---------------------------------------------------------------------- */
static int cmd_list(struct ckd_minidisk *md, int argc, char **argv)
{
    struct cms_fs *fs = mount_md(md, CMS_MOUNT_RDONLY);
    struct cms_fileinfo fi;
    u32 cur = 0;

    if (!fs)
        return 1;
    printf("FILENAME FILETYPE FM FORMAT LRECL  RECS BLOCKS DATE     TIME\n");
    while (cms_list(fs, &cur, &fi) == CMS_OK) {
        char fn[9], ft[9], fm[3];
        cms_fileid_text(&fi.id, fn, ft, fm);
        printf("%-8s %-8s %-2s %-6c %5u %5u %6u %02u/%02u/%02u %02u:%02u\n", fn, ft, fm,
               fi.recfm == CMS_RECFM_F ? 'F' : fi.recfm == CMS_RECFM_V ? 'V' : '?', fi.lrecl,
               fi.items, fi.blocks, fi.written.month, fi.written.day, fi.written.year,
               fi.written.hour, fi.written.minute);
    }
    cms_unmount(fs);
    return 0;
}

/* ---- read ---------------------------------------------------------------------- */
static int copy_out(struct cms_file *f, FILE *out, const struct cms_fileinfo *fi, bool binary)
{
    struct convert_opts o = { binary, fi->recfm, fi->lrecl };
    u8 *buf = malloc(65535);
    u32 len;
    int rc = CMS_ENOMEM;

    while (buf && (rc = cms_read_record(f, buf, 65535, &len)) == CMS_OK)
        if (convert_output(out, buf, len, &o) != 0) {
            rc = CMS_EIO;               /* the host file; reported by the caller */
            break;
        }
    free(buf);
    return rc == CMS_EOF ? CMS_OK : rc;
}

static int cmd_read(struct ckd_minidisk *md, int argc, char **argv)
{
    const char *outpath = NULL, *fm = NULL;
    bool binary = false;
    struct cms_fileid id;
    struct cms_fileinfo fi;
    struct cms_file *f;
    struct cms_fs *fs;
    FILE *out = stdout;
    int rc;

    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--binary"))
            binary = true;
        else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            outpath = argv[++i];
        else if (!fm && argv[i][0] != '-')
            fm = argv[i];
        else
            return 2;
    }
    if (make_id(&id, argv[0], argv[1], fm ? fm : "A1") != 0 || !(fs = mount_md(md, CMS_MOUNT_RDONLY)))
        return 1;
    rc = cms_state(fs, &id, &fi);
    if (rc == CMS_OK && fm && fm[1] && fm[1] != (char)ebc_to_ascii[fi.id.fm[1]])
        rc = CMS_ENOTFOUND;                     /* the mode number must match */
    if (rc == CMS_OK)
        rc = cms_open_read(fs, &id, &f);
    if (rc) {
        cms_unmount(fs);
        return fail(&id, rc);
    }
    if (outpath && !(out = fopen(outpath, binary ? "wb" : "w"))) {
        fprintf(stderr, "DSK013E cannot write %s: %s\n", outpath, strerror(errno));
        cms_close_read(f);
        cms_unmount(fs);
        return 1;
    }
    rc = copy_out(f, out, &fi, binary);
    if (rc == CMS_EIO || (outpath && fclose(out) != 0) || (!outpath && fflush(out) != 0)) {
        fprintf(stderr, "DSK013E cannot write %s: %s\n", outpath ? outpath : "the output",
                strerror(errno));
        rc = rc ? rc : CMS_EIO;
    } else if (rc) {
        fail(&id, rc);
    }
    cms_close_read(f);
    cms_unmount(fs);
    return rc ? 1 : 0;
}

/* ---- write --------------------------------------------------------------------- */
static u8 *slurp(const char *path, size_t *n)
{
    FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    size_t cap = 1 << 16;
    u8 *buf = malloc(cap);

    *n = 0;
    if (!in || !buf) {
        fprintf(stderr, "DSK012E cannot read %s: %s\n", path, strerror(errno));
        free(buf);
        if (in && in != stdin)
            fclose(in);
        return NULL;
    }
    for (size_t got; (got = fread(buf + *n, 1, cap - *n, in)) > 0;) {
        u8 *bigger;
        *n += got;
        if (*n < cap)
            continue;
        if (!(bigger = realloc(buf, cap *= 2))) {
            fprintf(stderr, "DSK012E cannot read %s: too large to hold in storage\n", path);
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
    }
    if (in != stdin)
        fclose(in);
    return buf;
}

struct put_ctx {
    struct cms_writer *w;
    const struct cms_fileid *id;
    unsigned n;
};

static int put_record(void *ctx, const u8 *rec, u32 len)
{
    struct put_ctx *p = ctx;
    int rc = cms_write_record(p->w, rec, len);
    char fn[9], ft[9], fm[3];

    p->n++;
    if (rc) {
        cms_fileid_text(p->id, fn, ft, fm);
        fprintf(stderr, "DSK009E %s %s: record %u: %s; nothing was written\n", fn, ft, p->n,
                cms_strerror(rc));
    }
    return rc;
}

static int parse_write(int argc, char **argv, struct convert_opts *o, const char **fm,
                       const char **in)
{
    char *end;

    o->recfm = CMS_RECFM_F;
    o->lrecl = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--binary"))
            o->binary = true;
        else if (!strcmp(argv[i], "--recfm") && i + 1 < argc && (!strcmp(argv[i + 1], "F") ||
                                                                 !strcmp(argv[i + 1], "V")))
            o->recfm = argv[++i][0] == 'F' ? CMS_RECFM_F : CMS_RECFM_V;
        else if (!strcmp(argv[i], "--lrecl") && i + 1 < argc &&
                 (o->lrecl = (u32)strtoul(argv[++i], &end, 10)) > 0 && !*end && o->lrecl <= 65535)
            ;
        else if (!strcmp(argv[i], "--fm") && i + 1 < argc)
            *fm = argv[++i];
        else if (!*in && (argv[i][0] != '-' || !argv[i][1]))
            *in = argv[i];
        else
            return 2;
    }
    if (o->lrecl == 0)
        o->lrecl = o->recfm == CMS_RECFM_F ? 80 : 65535;
    if (!*in)
        *in = "-";
    return 0;
}

static int cmd_write(struct ckd_minidisk *md, int argc, char **argv)
{
    struct convert_opts o = { false, 0, 0 };
    const char *fm = "A1", *in = NULL;
    struct cms_fileid id;
    struct put_ctx p = { NULL, &id, 0 };
    struct cms_fs *fs;
    size_t n;
    u8 *data;
    int rc;

    if (parse_write(argc, argv, &o, &fm, &in) != 0)
        return 2;
    if (make_id(&id, argv[0], argv[1], fm) != 0 || !(data = slurp(in, &n)))
        return 1;
    if (!(fs = mount_md(md, 0))) {
        free(data);
        return 1;
    }
    rc = cms_open_write(fs, &id, o.recfm, o.lrecl, &p.w);
    if (rc == CMS_OK) {
        rc = convert_input(data, n, &o, put_record, &p);
        if (rc == 0) {
            rc = cms_close_write(p.w);
            if (rc)
                fail(&id, rc);
        } else {
            cms_abandon_write(p.w);
        }
    } else {
        fail(&id, rc);
    }
    cms_unmount(fs);
    free(data);
    return rc ? 1 : 0;
}

/* ---- erase, rename, check ------------------------------------------------------ */
static int cmd_erase(struct ckd_minidisk *md, int argc, char **argv)
{
    struct cms_fileid id;
    struct cms_fs *fs;
    int rc;

    if (make_id(&id, argv[0], argv[1], NULL) != 0 || !(fs = mount_md(md, 0)))
        return 1;
    rc = cms_erase(fs, &id);
    cms_unmount(fs);
    return rc ? fail(&id, rc) : 0;
}

static int cmd_rename(struct ckd_minidisk *md, int argc, char **argv)
{
    struct cms_fileid from, to;
    struct cms_fs *fs;
    int rc;

    if (make_id(&from, argv[0], argv[1], NULL) != 0 || make_id(&to, argv[2], argv[3], NULL) != 0 ||
        !(fs = mount_md(md, 0)))
        return 1;
    rc = cms_rename(fs, &from, &to);
    cms_unmount(fs);
    return rc ? fail(rc == CMS_EEXIST ? &to : &from, rc) : 0;
}

static void print_issue(void *ctx, const struct cms_issue *is)
{
    char fn[9] = "", ft[9] = "", fm[3] = "";
    unsigned *notes = ctx;

    if (is->has_file)
        cms_fileid_text(&is->file, fn, ft, fm);
    if (is->note)
        ++*notes;
    printf("%s%s%s%s%s%s%s", is->note ? "note: " : "DSK020E ", fn, is->has_file ? " " : "", ft,
           is->has_file ? " " : "", fm, is->has_file ? ": " : "");
    printf("%s", cms_rule_text(is->rule));
    if (is->block)
        printf(" (block %u)", is->block);
    if (is->expected || is->found)
        printf(" (expected %u, found %u)", is->expected, is->found);
    printf("\n");
}

static int cmd_check(struct ckd_minidisk *md, int argc, char **argv)
{
    struct cms_fs *fs = mount_md(md, CMS_MOUNT_RDONLY);
    struct cms_stats st;
    unsigned notes = 0;
    int errors;
    char label[7];

    if (!fs)
        return 1;
    errors = cms_check(fs, print_issue, &notes);
    cms_query_disk(fs, &st);
    cms_unmount(fs);
    if (errors < 0) {
        fprintf(stderr, "DSK006E check: %s; %s\n", cms_strerror(errors), md->why);
        return 1;
    }
    ebc_to_ascii_buf(label, st.label, 6);
    label[6] = 0;
    printf("DSK011I %s: %u files, %u of %u blocks in use, %u left; %d errors, %u notes\n",
           label, st.files, st.used, st.blocks, st.left, errors, notes);
    return errors ? 1 : 0;
}

/* ---- command line ---------------------------------------------------------------- */
static const struct command commands[] = {
    { "format", 1, 1, 1, cmd_format },
    { "list",   0, 0, 0, cmd_list },
    { "read",   2, 6, 0, cmd_read },
    { "write",  2, 11, 1, cmd_write },
    { "erase",  2, 2, 1, cmd_erase },
    { "rename", 4, 4, 1, cmd_rename },
    { "check",  0, 0, 0, cmd_check },
};

static int usage(void)
{
    fprintf(stderr,
            "DSK002E usage: cmsdisk IMAGE CYL0 NCYLS COMMAND ...\n"
            "  format LABEL\n"
            "  list\n"
            "  read FN FT [FM] [-o OUT] [--binary]\n"
            "  write FN FT [--recfm F|V] [--lrecl N] [--fm FM] [--binary] [IN]\n"
            "  erase FN FT\n"
            "  rename FN FT FN2 FT2\n"
            "  check\n");
    return 2;
}

static int cylinder(const char *s, unsigned *out)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);

    if (!*s || *end || v > 0xFFFF)
        return -1;
    *out = (unsigned)v;
    return 0;
}

int main(int argc, char **argv)
{
    struct ckd_minidisk md;
    unsigned cyl0, ncyls;
    int nargs = argc - 5, rc;

    if (argc < 5 || cylinder(argv[2], &cyl0) || cylinder(argv[3], &ncyls))
        return usage();
    for (unsigned i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        const struct command *c = &commands[i];
        if (strcmp(argv[4], c->name))
            continue;
        if (nargs < c->min || nargs > c->max)
            return usage();
        if (mdisk_open(&md, argv[1], cyl0, ncyls, c->writable) != 0)
            return 1;
        rc = c->fn(&md, nargs, argv + 5);
        mdisk_close(&md);
        return rc == 2 ? usage() : rc;
    }
    return usage();
}
