/* segfile.c - reading a segment file.
 *
 * The format VM/370 hobbyists exchange saved systems in (the one emx370
 * reads): one 4096-byte header page, big-endian: the PSW, 16 general
 * registers, 4 floating-point registers, 16 control registers, then one
 * S/370 storage-key byte per 2K block of the pages that follow (key in
 * bits 0-3, fetch protection bit 4, reference and change bits 5-6).  The
 * file does not say where the pages go: that is the --at operand. */
#include "mknss.h"

#include <stdio.h>
#include <stdlib.h>

int segfile_read(const char *path, struct segfile *sf)
{
    FILE *f = fopen(path, "rb");
    long size;

    if (!f) {
        perror(path);
        return -1;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
        goto bad;
    if (size <= SEGF_HEADER || (size - SEGF_HEADER) % 4096 != 0) {
        fprintf(stderr, "mknss: %s: not a segment file (%ld bytes: a 4096-byte header and "
                "whole 4096-byte pages expected)\n", path, size);
        fclose(f);
        return -1;
    }
    sf->npages = (u32)((size - SEGF_HEADER) / 4096);
    /* the keys must fit in the header: at most 3928 blocks, 1964 pages */
    if (SEGF_KEYS + 2 * sf->npages > SEGF_HEADER || sf->npages > 4096) {
        fprintf(stderr, "mknss: %s: %u pages are more than a segment file holds\n", path,
                (unsigned)sf->npages);
        fclose(f);
        return -1;
    }
    sf->pages = malloc((size_t)sf->npages * 4096);
    if (!sf->pages || fread(sf->header, SEGF_HEADER, 1, f) != 1 ||
        fread(sf->pages, 4096, sf->npages, f) != sf->npages)
        goto bad;
    fclose(f);
    return 0;
bad:
    fprintf(stderr, "mknss: %s: cannot read it\n", path);
    fclose(f);
    return -1;
}

u8 segfile_key(const struct segfile *sf, u32 block)
{
    return sf->header[SEGF_KEYS + block] & 0xF8;
}
