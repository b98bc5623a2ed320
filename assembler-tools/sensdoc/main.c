/* main.c - sensdoc: write the sensitivity audit.
 *
 *   sensdoc              write docs/history/sensitivity.md's text to stdout
 *   sensdoc -o FILE      write it to FILE (via FILE.tmp, renamed at the end,
 *                        so a failed run leaves the old file as it was)
 *
 * Exit codes: 0 written; 1 the tables are incomplete or writing failed;
 * 2 bad arguments. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "assembler-tools/sensdoc/sensdoc.h"

static int usage(const char *bad)
{
    fprintf(stderr, "SDC011E unknown argument '%s'. Usage: sensdoc [-o FILE]\n", bad);
    return 2;
}

static int write_file(const char *path)
{
    char tmp[4096];
    FILE *f;
    int rc;

    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        fprintf(stderr, "SDC012E output path too long: %s\n", path);
        return 1;
    }
    f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "SDC013E cannot create %s: %s; %s is unchanged\n", tmp,
                strerror(errno), path);
        return 1;
    }
    rc = sensdoc_write(f);
    if (fclose(f) != 0 || rc != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "SDC014E cannot write %s: %s; the old file is unchanged\n", path,
                strerror(errno));
        remove(tmp);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct sensdoc_tables tables = sensdoc_real_tables();
    const char *out = NULL;
    unsigned problems;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else
            return usage(argv[i]);
    }
    problems = sensdoc_check(&tables, stderr);
    if (problems) {
        fprintf(stderr, "SDC010E the audit is incomplete (%u problem%s above); nothing "
                "was written\n", problems, problems == 1 ? "" : "s");
        return 1;
    }
    if (out)
        return write_file(out);
    return sensdoc_write(stdout) == 0 ? 0 : 1;
}
