/* insn.h - instruction formats and the decoder to struct insn.
 *
 * CP never looks at raw instruction bits outside arch370/insn.c: a trapped
 * instruction is fetched from the guest, decoded here into a struct insn,
 * and the handlers in cp/vm/priv.c and diag/ read named fields.  The
 * opcode table itself (mnemonic, format, privilege, Popek-Goldberg class)
 * is arch370/insn_table.c, the single source of truth for both the decoder
 * and the generated sensitivity audit in docs/history/. */
#ifndef ARCH370_INSN_H
#define ARCH370_INSN_H

#include "arch370/types.h"

enum insn_fmt {
    FMT_UNKNOWN = 0,
    FMT_E,      /* op(16)                                   2 bytes */
    FMT_RR,     /* op(8) r1 r2                              2 bytes */
    FMT_RX,     /* op(8) r1 x2 b2 d2                        4 bytes */
    FMT_RS,     /* op(8) r1 r3 b2 d2                        4 bytes */
    FMT_SI,     /* op(8) i2 b1 d1                           4 bytes */
    FMT_S,      /* op(16) b2 d2                             4 bytes */
    FMT_RRE,    /* op(16) 0(8) r1 r2                        4 bytes */
    FMT_RI,     /* op(8) r1 op(4) i2(16)                    4 bytes */
    FMT_RSI,    /* op(8) r1 r3 i2(16)                       4 bytes */
    FMT_RIL,    /* op(8) r1 op(4) i2(32)                    6 bytes */
    FMT_SS_L,   /* op(8) l(8) b1 d1 b2 d2                   6 bytes */
    FMT_SS_LL,  /* op(8) l1(4) l2(4) b1 d1 b2 d2            6 bytes */
    FMT_SS_RR,  /* op(8) r1 r3 b1 d1 b2 d2                  6 bytes */
    FMT_SSE,    /* op(16) b1 d1 b2 d2                       6 bytes */
    FMT_RXE,    /* op(8) r1 x2 b2 d2 0(8) op(8)             6 bytes */
    FMT_RSE,    /* op(8) r1 r3 b2 d2 0(8) op(8)             6 bytes */
};

/* Popek-Goldberg classification of an instruction when run by a guest
 * (Popek & Goldberg, CACM 17(7), 1974). */
enum pg_class {
    PG_INNOCUOUS = 0,       /* neither control- nor behaviour-sensitive */
    PG_CONTROL,             /* changes the configuration of resources */
    PG_BEHAVIOUR,           /* result depends on the configuration */
    PG_BOTH,
};

/* where an instruction comes from and how the real machine treats it */
#define INSN_S370       0x01    /* defined in the System/370 Principles of
                                   Operation, GA22-7000-10 (optional
                                   facilities included; which of them the
                                   virtual machine offers is CP's choice) */
#define INSN_PRIV370    0x02    /* privileged or semiprivileged on S/370 */
#define INSN_PRIV390    0x04    /* privileged on the real ESA/390 CPU
                                   (privileged-operation exception 0002) */
#define INSN_SEMI390    0x08    /* runs in problem state on ESA/390 only if
                                   a control register allows it; the ones
                                   CP loads for a guest do not, so it traps
                                   (semiprivileged instructions, MC through
                                   CR8, FPC instructions through CR0 bit 13) */
#define INSN_IO370      0x10    /* S/370 I/O instruction, undefined on
                                   ESA/390 (operation exception 0001) */
#define INSN_ESA_ONLY   0x20    /* ESA/390 instruction, not in S/370 */
#define INSN_UNDEF390   0x40    /* S/370 instruction the real ESA/390 CPU
                                   does not have (operation exception) */
#define INSN_SEMI370    0x80    /* semiprivileged on S/370 (with PRIV370):
                                   the problem state may issue it when a
                                   control register allows, so CP's handler
                                   checks authority, not the dispatcher */

struct insn_info {
    u16 opcode;             /* 8-bit opcodes as 00xx... see insn_opkey() */
    const char *mnemonic;
    u8 fmt;                 /* enum insn_fmt */
    u8 flags;               /* INSN_* */
    u8 pg;                  /* enum pg_class, for a guest on S/370 */
    const char *name;       /* long name for documentation */
};

/* Does the real CPU give CP control when a guest in problem state issues
 * this instruction?  Popek and Goldberg's condition asks this of every
 * sensitive instruction. */
static inline bool insn_traps390(const struct insn_info *e)
{
    return (e->flags & (INSN_PRIV390 | INSN_SEMI390 | INSN_IO370 | INSN_UNDEF390)) != 0;
}

struct insn {
    u8 bytes[6];
    u8 len;                 /* 2, 4 or 6 */
    u8 fmt;                 /* enum insn_fmt */
    u16 opkey;              /* see insn_opkey() */
    u8 r1, r2, r3, x2, b1, b2;
    u16 d1, d2;
    u8 i8;                  /* SI immediate; SS length (L) */
    u8 l1, l2;              /* SS lengths */
    u32 i32;                /* RI/RSI/RIL immediate */
    const struct insn_info *info;   /* NULL if not in the table */
};

/* Length in bytes from the two high bits of the first opcode byte. */
static inline unsigned insn_length(u8 op0)
{
    return op0 < 0x40 ? 2 : op0 < 0xC0 ? 4 : 6;
}

/* The table key of the instruction starting with these bytes: the first
 * byte, extended by the second byte (or its low nibble, for RI/RIL) for
 * the opcodes that need it: 01xx, A5x/A7x, B2xx, B3xx, B9xx, C0x, E5xx.
 * S/370 I/O instructions 9C-9F also have a key of their own: 9C by its
 * second byte (SIO, SIOF, RIO), 9D-9F by bit 15 alone (TIO/CLRIO,
 * HIO/HDV, TCH/CLRCH), whose bits 8-14 S/370 ignores. */
u16 insn_opkey(const u8 *b);

/* Look up the table entry for a key; NULL if unknown. */
const struct insn_info *insn_lookup(u16 opkey);

/* Decode the instruction in b[0..len) (b must hold insn_length(b[0]) bytes). */
void insn_decode(const u8 *b, struct insn *out);
/* The same for a caller that already knows the format (from a table of
 * its own keyed by the opcode): the fields only; opkey and info are left
 * as they are. */
void insn_decode_fmt(const u8 *b, u8 fmt, struct insn *out);
/* insn_decode_fmt for an RS instruction (always four bytes), inline: the
 * commonest trap of CMS, DIAGNOSE (83 Rx Ry B2 D2), is one */
static inline void insn_decode_rs(const u8 *b, struct insn *in)
{
    /* every field, in declaration order (the header is C++'s too) */
    *in = (struct insn){
        .bytes = { b[0], b[1], b[2], b[3], 0, 0 }, .len = 4, .fmt = FMT_RS, .opkey = in->opkey,
        .r1 = (u8)(b[1] >> 4), .r2 = 0, .r3 = (u8)(b[1] & 0xF), .x2 = 0, .b1 = 0,
        .b2 = (u8)(b[2] >> 4), .d1 = 0, .d2 = (u16)((b[2] & 0xF) << 8 | b[3]),
        .i8 = 0, .l1 = 0, .l2 = 0, .i32 = 0, .info = in->info,
    };
}

/* Effective address of a base-displacement operand (1 or 2) in 24-bit
 * addressing: gprs[0] is never used as base or index. */
u32 insn_ea(const struct insn *in, int operand, const u32 gprs[16], u32 amask);

/* The whole table, for the documentation generator and the audit test;
 * it has fewer than INSN_TABLE_MAX rows (a unit test checks). */
#define INSN_TABLE_MAX  512
extern const struct insn_info insn_table[];
extern const unsigned insn_table_size;

#endif
