/* dsparse.h - the operands of DISPLAY and STORE, in VM/370's spelling.
 *
 * One operand names one thing of the virtual machine: storage (hex, hex
 * with EBCDIC, or its keys), a range of general, floating-point or
 * control registers, the PSW, the CAW or the CSW.  The grammar is VM/370
 * Release 6's (docs/cpcommands.md has the table); it is parsed here,
 * apart from the machine, so every form can be checked on the host. */
#ifndef CP_CMD_DSPARSE_H
#define CP_CMD_DSPARSE_H

#include "arch370/types.h"

#define DS_MAX_ADDR     0x00FFFFFFu     /* hexloc: 1 to 6 hex digits */
#define DS_MAX_REAL     0x7FFFFFFFu     /* a real address (DCP, STCP): 1 to 8 */

enum ds_what {
    DS_STORAGE,         /* [L]hexloc: hex words; T: with EBCDIC */
    DS_KEYS,            /* Khexloc: storage keys */
    DS_STRING,          /* STORE Shexloc: bytes, no alignment */
    DS_GPR,             /* G */
    DS_FPR,             /* Y: 0, 2, 4, 6 */
    DS_CR,              /* X (VM/370), or C with a register number (cp370) */
    DS_PSW,
    DS_CAW,
    DS_CSW,
    DS_STATUS,          /* STORE STATUS */
};

struct ds_operand {
    enum ds_what what;
    bool translate;     /* T prefix */
    bool to_end;        /* END, or a range left open: to the last one */
    u32 first, last;    /* addresses or register numbers, inclusive */
};

enum ds_error {
    DS_OK = 0,
    DS_BAD_OPERAND,     /* not a form DISPLAY/STORE knows */
    DS_BAD_REGISTER,    /* a register that does not exist (G16, Y1) */
    DS_BAD_RANGE,       /* the end before the start, a zero count */
    DS_BAD_ADDRESS,     /* more than 6 hex digits, or past X'FFFFFF' */
};

/* One DISPLAY operand, upper case. */
enum ds_error ds_parse_display(const char *word, struct ds_operand *op);
/* The location operand of STORE: [L]hexloc, Shexloc, Greg, Yreg, Xreg,
 * Creg, PSW or STATUS; one location, no range. */
enum ds_error ds_parse_store(const char *word, struct ds_operand *op);
/* DCP's operand: a storage form of DISPLAY ([L|T|K]...), real addresses
 * of 1 to 8 hex digits. */
enum ds_error ds_parse_real(const char *word, struct ds_operand *op);
/* STCP's location: [L]hexloc or Shexloc, 1 to 8 hex digits. */
enum ds_error ds_parse_real_store(const char *word, struct ds_operand *op);
/* A STORE hexword: 1 to 16 hex digits, right-adjusted in one fullword (up
 * to 8 digits) or two (9 to 16).  Returns the number of words, 0 if bad. */
unsigned ds_hexword(const char *s, u32 words[2]);
/* A STORE S string: an even number of hex digits, at most max bytes.
 * Returns the number of bytes, 0 if bad. */
u32 ds_hexbytes(const char *s, u8 *out, u32 max);
/* what an error means, for a message */
const char *ds_error_text(enum ds_error e);

#endif
