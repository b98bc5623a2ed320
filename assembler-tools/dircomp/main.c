/* dircomp - compile a USER DIRECT source into a cp370 directory image.
 *
 *   dircomp SOURCE IMAGE
 *
 * Errors go to stderr as "file:line:column: what was expected"; the exit
 * status is 0 when IMAGE was written, 1 when the source has errors (IMAGE
 * is then left as it was), 2 when a file cannot be read or written.
 * The language is described in docs/directory.md. */
#include "dircomp.h"


int main(int argc, char **argv)
{
    if (argc != 3 || argv[1][0] == '-') {
        fprintf(stderr, "usage: dircomp SOURCE IMAGE\n"
                        "compile a USER DIRECT source into a cp370 directory image\n");
        return 2;
    }
    return dc_compile_file(argv[1], argv[2], stderr);
}
