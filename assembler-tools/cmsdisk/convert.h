/* convert.h - host files <-> CMS records.
 *
 * Text: one ASCII line per record, translated by code page 1047.  F
 * records are blank padded to LRECL and lose trailing blanks when read
 * back; V records keep them.  CMS never writes an empty V record, so an
 * empty line becomes one blank, and a record of one blank reads back as
 * an empty line.  Binary: the bytes as CMS stores them, F records back to
 * back, V records each behind its 2-byte big-endian length. */
#ifndef CMSDISK_CONVERT_H
#define CMSDISK_CONVERT_H

#include "arch370/types.h"

#include <stdio.h>

struct convert_opts {
    bool binary;
    u8 recfm;                   /* CMS_RECFM_F or CMS_RECFM_V */
    u32 lrecl;                  /* F: record length; V: longest allowed */
};

/* Hand every record of the input to put(), which returns 0 or stops the
 * conversion with its own non-zero code.  Returns 0, put()'s code, or -1
 * after printing a message about the input. */
int convert_input(const u8 *in, size_t n, const struct convert_opts *o,
                  int (*put)(void *ctx, const u8 *rec, u32 len), void *ctx);

/* Write one record to out as the options say. */
int convert_output(FILE *out, const u8 *rec, u32 len, const struct convert_opts *o);

#endif
