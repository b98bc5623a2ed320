// test_insn.cpp - the instruction decoder and table.
extern "C" {
#include "arch370/insn.h"
}
#include <CppUTest/TestHarness.h>

TEST_GROUP(Decoder) {};

TEST(Decoder, LengthComesFromTheFirstTwoOpcodeBits)
{
    LONGS_EQUAL(2, insn_length(0x05));
    LONGS_EQUAL(4, insn_length(0x58));
    LONGS_EQUAL(4, insn_length(0xB2));
    LONGS_EQUAL(6, insn_length(0xD2));
}

TEST(Decoder, LpswIsSFormatWithBaseAndDisplacement)
{
    const u8 b[] = {0x82, 0x00, 0x3F, 0x28};
    struct insn in;
    insn_decode(b, &in);
    STRCMP_EQUAL("LPSW", in.info->mnemonic);
    LONGS_EQUAL(FMT_S, in.fmt);
    LONGS_EQUAL(3, in.b2);
    LONGS_EQUAL(0xF28, in.d2);
    LONGS_EQUAL(4, in.len);
}

TEST(Decoder, TwoByteOpcodesUseTheSecondByte)
{
    const u8 spt[] = {0xB2, 0x08, 0x10, 0x08};
    struct insn in;
    insn_decode(spt, &in);
    STRCMP_EQUAL("SPT", in.info->mnemonic);
    LONGS_EQUAL(0xB208, in.opkey);
    const u8 sio[] = {0x9C, 0x00, 0x02, 0x00};
    insn_decode(sio, &in);
    STRCMP_EQUAL("SIO", in.info->mnemonic);
    const u8 siof[] = {0x9C, 0x01, 0x02, 0x00};
    insn_decode(siof, &in);
    STRCMP_EQUAL("SIOF", in.info->mnemonic);
}

TEST(Decoder, RsFormatForLctlAndDiagnose)
{
    const u8 lctl[] = {0xB7, 0x0F, 0xC1, 0x00};
    struct insn in;
    insn_decode(lctl, &in);
    STRCMP_EQUAL("LCTL", in.info->mnemonic);
    LONGS_EQUAL(0, in.r1);
    LONGS_EQUAL(15, in.r3);
    LONGS_EQUAL(12, in.b2);
    LONGS_EQUAL(0x100, in.d2);
    const u8 diag[] = {0x83, 0x24, 0x00, 0x08};
    insn_decode(diag, &in);
    LONGS_EQUAL(2, in.r1);
    LONGS_EQUAL(4, in.r3);
    LONGS_EQUAL(8, in.d2);
}

TEST(Decoder, EffectiveAddressIgnoresRegisterZeroAndWrapsAt24Bits)
{
    u32 gpr[16] = {0};
    gpr[0] = 0x1000;
    gpr[3] = 0x00FFFFF0;
    const u8 b0[] = {0x82, 0x00, 0x00, 0x28};
    struct insn in;
    insn_decode(b0, &in);
    LONGS_EQUAL(0x28, insn_ea(&in, 2, gpr, 0x00FFFFFF));
    const u8 b3[] = {0x82, 0x00, 0x30, 0x20};
    insn_decode(b3, &in);
    LONGS_EQUAL(0x10, insn_ea(&in, 2, gpr, 0x00FFFFFF));
}

TEST(Decoder, UnknownOpcodeHasNoTableEntryButALength)
{
    const u8 b[] = {0x00, 0x00};
    struct insn in;
    insn_decode(b, &in);
    POINTERS_EQUAL(NULL, in.info);
    LONGS_EQUAL(2, in.len);
}

TEST_GROUP(InsnTable) {};

TEST(InsnTable, IsSortedByKeyWithoutDuplicates)
{
    for (unsigned i = 1; i < insn_table_size; i++)
        CHECK_TEXT(insn_table[i - 1].opcode < insn_table[i].opcode, insn_table[i].mnemonic);
}

TEST(InsnTable, EveryS370SensitiveInstructionTrapsOnTheRealMachine)
{
    // Popek & Goldberg: a guest instruction that is sensitive must not run
    // natively; on ESA/390 it must be privileged, semiprivileged under CP's
    // control registers, or undefined.
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];
        if (!(e->flags & INSN_S370) || e->pg == PG_INNOCUOUS)
            continue;
        bool traps = (e->flags & (INSN_PRIV390 | INSN_SEMI390 | INSN_IO370 | INSN_UNDEF390)) != 0;
        CHECK_TEXT(traps, e->mnemonic);
    }
}

TEST(InsnTable, FitsTheTablesIndexedByItsRows)
{
    CHECK(insn_table_size < INSN_TABLE_MAX);
}

// the lookup indexed by the first opcode byte finds every row, and only
// keys that are in the table
TEST(InsnTable, EveryRowIsFoundByItsKeyAndNoOtherKeyIs)
{
    unsigned found = 0;
    for (unsigned key = 0; key <= 0xFFFF; key++) {
        const struct insn_info *e = insn_lookup((u16)key);
        if (!e)
            continue;
        LONGS_EQUAL(key, e->opcode);
        found++;
    }
    LONGS_EQUAL(insn_table_size, found);
}

// the inline RS decode (DIAGNOSE's) gives what the general one gives, for
// every RS row of the table, and keeps the caller's opkey and info
TEST(Decoder, TheInlineRsDecodeGivesTheSameFieldsForEveryRsRow)
{
    unsigned rows = 0;
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];
        if (e->fmt != FMT_RS)
            continue;
        u8 b[6] = { (u8)(e->opcode >> 8), 0x7E, 0x5A, 0x3C, 0x96, 0xE1 };
        struct insn general = {}, inl = {};
        general.info = inl.info = e;
        general.opkey = inl.opkey = 0x1234;
        insn_decode_fmt(b, FMT_RS, &general);
        insn_decode_rs(b, &inl);
        MEMCMP_EQUAL(general.bytes, inl.bytes, 6);
        LONGS_EQUAL(general.len, inl.len);
        LONGS_EQUAL(general.fmt, inl.fmt);
        LONGS_EQUAL(general.opkey, inl.opkey);
        LONGS_EQUAL(general.r1, inl.r1);
        LONGS_EQUAL(general.r2, inl.r2);
        LONGS_EQUAL(general.r3, inl.r3);
        LONGS_EQUAL(general.x2, inl.x2);
        LONGS_EQUAL(general.b1, inl.b1);
        LONGS_EQUAL(general.b2, inl.b2);
        LONGS_EQUAL(general.d1, inl.d1);
        LONGS_EQUAL(general.d2, inl.d2);
        LONGS_EQUAL(general.i8, inl.i8);
        LONGS_EQUAL(general.l1, inl.l1);
        LONGS_EQUAL(general.l2, inl.l2);
        LONGS_EQUAL(general.i32, inl.i32);
        POINTERS_EQUAL(e, inl.info);
        rows++;
    }
    CHECK(rows > 0);
}

// decoding with the format known beforehand gives the same fields as
// the full decode, for every row of the table
TEST(Decoder, DecodingByAKnownFormatGivesTheSameFieldsForEveryRow)
{
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];
        u8 b[6] = { (u8)(e->opcode >> 8), (u8)e->opcode, 0x5A, 0x3C, 0x96, 0xE1 };
        struct insn full, known;
        if ((e->opcode & 0xFF) == 0 || (e->opcode >> 8) == 0x9D || (e->opcode >> 8) == 0x9E ||
            (e->opcode >> 8) == 0x9F)
            b[1] = 0x7E;                        // register or length nibbles
        insn_decode(b, &full);
        if (full.info != e)
            continue;                           // the operand bytes made another key
        insn_decode_fmt(b, e->fmt, &known);
        MEMCMP_EQUAL(full.bytes, known.bytes, 6);
        LONGS_EQUAL(full.len, known.len);
        LONGS_EQUAL(full.fmt, known.fmt);
        LONGS_EQUAL(full.r1, known.r1);
        LONGS_EQUAL(full.r2, known.r2);
        LONGS_EQUAL(full.r3, known.r3);
        LONGS_EQUAL(full.x2, known.x2);
        LONGS_EQUAL(full.b1, known.b1);
        LONGS_EQUAL(full.b2, known.b2);
        LONGS_EQUAL(full.d1, known.d1);
        LONGS_EQUAL(full.d2, known.d2);
        LONGS_EQUAL(full.i8, known.i8);
        LONGS_EQUAL(full.i32, known.i32);
    }
}
