/* compile.c - the compiler's driver: messages, the parse, the output file. */
#include "dircomp.h"
#include "parser.h"
#include "lexer.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct dc_string {
    struct dc_string *next;
    char text[];
};

void dc_init(struct dc_compile *dc, const char *file, FILE *diag)
{
    memset(dc, 0, sizeof *dc);
    dc->file = file;
    dc->diag = diag;
    dc->line = 1;
    dc->col = 1;
}

static void free_user(struct dc_user *u)
{
    free(u->spool);
    free(u->links);
    free(u->mdisks);
}

void dc_free(struct dc_compile *dc)
{
    for (unsigned i = 0; i < dc->nusers; i++)
        free_user(&dc->users[i]);
    free_user(&dc->scratch);
    free(dc->users);
    while (dc->strings) {
        struct dc_string *s = dc->strings;
        dc->strings = s->next;
        free(s);
    }
    dc->users = NULL;
    dc->nusers = 0;
}

const char *dc_keep(struct dc_compile *dc, const char *text, size_t n)
{
    struct dc_string *s = malloc(sizeof *s + n + 1);

    if (!s) {
        fprintf(stderr, "dircomp: out of memory\n");
        exit(2);
    }
    memcpy(s->text, text, n);
    s->text[n] = 0;
    s->next = dc->strings;
    dc->strings = s;
    return s->text;
}

const char *dc_found(const struct dc_word *w)
{
    static char buf[80];

    if (!w->text)
        return "end of line";
    snprintf(buf, sizeof buf, "\"%.60s%s\"", w->text, strlen(w->text) > 60 ? "..." : "");
    return buf;
}

static void report(struct dc_compile *dc, struct dc_loc at, const char *fmt, va_list ap)
{
    fprintf(dc->diag, "%s:%d:%d: ", dc->file, at.line, at.col);
    vfprintf(dc->diag, fmt, ap);
    fputc('\n', dc->diag);
    dc->errors++;
}

void dc_error(struct dc_compile *dc, struct dc_loc at, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report(dc, at, fmt, ap);
    va_end(ap);
}

void dc_parse_error(struct dc_compile *dc, struct dc_loc at, const char *fmt, ...)
{
    va_list ap;

    if (dc->reported_line == at.line)
        return;                 /* the first error of a line says it best */
    dc->reported_line = at.line;
    va_start(ap, fmt);
    report(dc, at, fmt, ap);
    va_end(ap);
}

int dc_compile(struct dc_compile *dc, FILE *in)
{
    yyscan_t scanner;

    if (yylex_init_extra(dc, &scanner) != 0) {
        fprintf(stderr, "dircomp: out of memory\n");
        exit(2);
    }
    yyset_in(in, scanner);
    yyparse(scanner, dc);
    yylex_destroy(scanner);
    if (dc->errors == 0 && dc->nusers == 0) {
        struct dc_loc end = { dc->line, 1 };
        dc_error(dc, end, "the directory defines no users; expected a USER statement");
    }
    if (dc->errors == 0)
        dc_check(dc);
    return dc->errors;
}

/* write the image next to its final name, then rename: a reader of out
 * sees the old directory or the new one, never a part */
static int write_image(const char *out, const u8 *image, size_t len, FILE *diag)
{
    size_t n = strlen(out) + 32;
    char *tmp = malloc(n);
    FILE *f;
    int rc = 0;

    if (!tmp)
        return 2;
    snprintf(tmp, n, "%s.tmp%ld", out, (long)getpid());
    f = fopen(tmp, "wb");
    if (!f || fwrite(image, 1, len, f) != len || fflush(f) != 0 || fsync(fileno(f)) != 0) {
        fprintf(diag, "dircomp: cannot write %s: %s\n", tmp, strerror(errno));
        rc = 2;
    }
    if (f && fclose(f) != 0 && rc == 0) {
        fprintf(diag, "dircomp: cannot write %s: %s\n", tmp, strerror(errno));
        rc = 2;
    }
    if (rc == 0 && rename(tmp, out) != 0) {
        fprintf(diag, "dircomp: cannot rename %s to %s: %s\n", tmp, out, strerror(errno));
        rc = 2;
    }
    if (rc != 0)
        remove(tmp);
    free(tmp);
    return rc;
}

int dc_compile_file(const char *src, const char *out, FILE *diag)
{
    struct dc_compile dc;
    FILE *in = fopen(src, "r");
    u8 *image = NULL;
    size_t len = 0;
    int rc;

    if (!in) {
        fprintf(diag, "dircomp: cannot open %s: %s\n", src, strerror(errno));
        return 2;
    }
    dc_init(&dc, src, diag);
    if (dc_compile(&dc, in) == 0 && dc_emit(&dc, &image, &len) == 0) {
        rc = write_image(out, image, len, diag);
        if (rc == 0)
            printf("dircomp: %u users, %zu pages written to %s\n", dc.nusers,
                   len / DIR_PAGE_SIZE, out);
    } else {
        fprintf(diag, "dircomp: %d error%s in %s; %s not written\n", dc.errors,
                dc.errors == 1 ? "" : "s", src, out);
        rc = 1;
    }
    free(image);
    dc_free(&dc);
    fclose(in);
    return rc;
}
