/* insn.c - decode an instruction into struct insn.
 *
 * The format comes from the opcode table (insn_table.c), looked up by
 * the first opcode byte and then the table key; the fields are then cut out of the
 * bytes once, here, so no handler ever shifts instruction bits itself. */
#include "arch370/insn.h"

u16 insn_opkey(const u8 *b)
{
    u8 op = b[0];

    switch (op) {
    case 0x01: case 0x9C: case 0xB2: case 0xB3: case 0xB9: case 0xE5:
        return (u16)(op << 8 | b[1]);           /* SIO, SIOF, RIO: 9C00-02 */
    case 0x9D: case 0x9E: case 0x9F:
        return (u16)(op << 8 | (b[1] & 1));     /* only bit 15 counts */
    case 0xA5: case 0xA7: case 0xC0:
        return (u16)(op << 8 | (b[1] & 0x0F));
    default:
        return (u16)(op << 8);
    }
}

/* Where the rows of each first opcode byte begin in the (sorted) table:
 * rows [first[b], first[b + 1]) have keys b00-bFF.  Built on first use;
 * it makes a lookup one index and, for the few bytes with many rows
 * (B2, B3, B9, E5...), a short binary search, instead of a search of the
 * whole table on every trap. */
static u16 first[257];
static bool first_built;

static void build_first(void)
{
    unsigned i = 0;

    for (unsigned b = 0; b <= 256; b++) {
        while (i < insn_table_size && (insn_table[i].opcode >> 8) < b)
            i++;
        first[b] = (u16)i;
    }
    first_built = true;
}

const struct insn_info *insn_lookup(u16 opkey)
{
    unsigned lo, hi;

    if (!first_built)
        build_first();
    lo = first[opkey >> 8];
    hi = first[(opkey >> 8) + 1];
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        u16 k = insn_table[mid].opcode;

        if (k == opkey)
            return &insn_table[mid];
        if (k < opkey)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static void decode_fields(const u8 *b, struct insn *in)
{
    switch (in->fmt) {
    case FMT_RR:
        in->r1 = b[1] >> 4;
        in->r2 = b[1] & 0xF;
        break;
    case FMT_RX:
    case FMT_RXE:
        in->r1 = b[1] >> 4;
        in->x2 = b[1] & 0xF;
        in->b2 = b[2] >> 4;
        in->d2 = (u16)((b[2] & 0xF) << 8 | b[3]);
        break;
    case FMT_RS:
    case FMT_RSE:
        in->r1 = b[1] >> 4;
        in->r3 = b[1] & 0xF;
        in->b2 = b[2] >> 4;
        in->d2 = (u16)((b[2] & 0xF) << 8 | b[3]);
        break;
    case FMT_SI:
        in->i8 = b[1];
        in->b1 = b[2] >> 4;
        in->d1 = (u16)((b[2] & 0xF) << 8 | b[3]);
        break;
    case FMT_S:
        in->b2 = b[2] >> 4;
        in->d2 = (u16)((b[2] & 0xF) << 8 | b[3]);
        break;
    case FMT_RRE:
        in->r1 = b[3] >> 4;
        in->r2 = b[3] & 0xF;
        break;
    case FMT_RI:
        in->r1 = b[1] >> 4;
        in->i32 = (u32)(s32)(s16)(b[2] << 8 | b[3]);
        break;
    case FMT_RSI:
        in->r1 = b[1] >> 4;
        in->r3 = b[1] & 0xF;
        in->i32 = (u32)(s32)(s16)(b[2] << 8 | b[3]);
        break;
    case FMT_RIL:
        in->r1 = b[1] >> 4;
        in->i32 = (u32)b[2] << 24 | (u32)b[3] << 16 | (u32)b[4] << 8 | b[5];
        break;
    case FMT_SS_L:
        in->i8 = b[1];
        in->l1 = b[1];
        goto ss_addr;
    case FMT_SS_LL:
        in->l1 = b[1] >> 4;
        in->l2 = b[1] & 0xF;
        goto ss_addr;
    case FMT_SS_RR:
        in->r1 = b[1] >> 4;
        in->r3 = b[1] & 0xF;
        goto ss_addr;
    case FMT_SSE:
    ss_addr:
        in->b1 = b[2] >> 4;
        in->d1 = (u16)((b[2] & 0xF) << 8 | b[3]);
        in->b2 = b[4] >> 4;
        in->d2 = (u16)((b[4] & 0xF) << 8 | b[5]);
        break;
    default:
        break;
    }
}

void insn_decode_fmt(const u8 *b, u8 fmt, struct insn *in)
{
    unsigned len = insn_length(b[0]);

    /* every field cleared in one go (a block clear, not a store each),
     * opkey and info kept */
    *in = (struct insn){ .len = (u8)len, .fmt = fmt, .opkey = in->opkey, .info = in->info };
    in->bytes[0] = b[0];
    in->bytes[1] = b[1];
    if (len > 2) {
        in->bytes[2] = b[2];
        in->bytes[3] = b[3];
    }
    if (len > 4) {
        in->bytes[4] = b[4];
        in->bytes[5] = b[5];
    }
    decode_fields(in->bytes, in);
}

void insn_decode(const u8 *b, struct insn *in)
{
    u16 key = insn_opkey(b);
    const struct insn_info *e = insn_lookup(key);

    insn_decode_fmt(b, e ? e->fmt : FMT_UNKNOWN, in);
    in->opkey = key;
    in->info = e;
}

u32 insn_ea(const struct insn *in, int operand, const u32 gprs[16], u32 amask)
{
    u32 ea;

    if (operand == 1) {
        ea = in->d1;
        if (in->b1)
            ea += gprs[in->b1];
    } else {
        ea = in->d2;
        if (in->b2)
            ea += gprs[in->b2];
        if ((in->fmt == FMT_RX || in->fmt == FMT_RXE) && in->x2)
            ea += gprs[in->x2];
    }
    return ea & amask;
}
