// test_dsparse.cpp - the operand grammar of DISPLAY and STORE: every
// form VM/370 Release 6 accepts, and the bad ones each with its reason.
extern "C" {
#include "cp/cmd/dsparse.h"
}
#include <CppUTest/TestHarness.h>

TEST_GROUP(DisplayOperands)
{
    struct ds_operand op;

    enum ds_error parse(const char *w) { return ds_parse_display(w, &op); }
    void range(const char *w, enum ds_what what, u32 first, u32 last, bool toEnd = false)
    {
        LONGS_EQUAL_TEXT(DS_OK, parse(w), w);
        LONGS_EQUAL_TEXT(what, op.what, w);
        LONGS_EQUAL_TEXT(first, op.first, w);
        LONGS_EQUAL_TEXT(last, op.last, w);
        CHECK_EQUAL_TEXT(toEnd, op.to_end, w);
    }
};

TEST(DisplayOperands, APlainHexlocIsOneLocation)
{
    range("3000", DS_STORAGE, 0x3000, 0x3000);
    range("0", DS_STORAGE, 0, 0);
    range("FFFFFF", DS_STORAGE, 0xFFFFFF, 0xFFFFFF);
    CHECK_FALSE(op.translate);
}

TEST(DisplayOperands, TheLPrefixIsStorageInHex)
{
    range("L1000", DS_STORAGE, 0x1000, 0x1000);
    CHECK_FALSE(op.translate);
}

TEST(DisplayOperands, TheTPrefixTranslatesToEbcdic)
{
    range("T1000.8", DS_STORAGE, 0x1000, 0x1007);
    CHECK_TRUE(op.translate);
}

TEST(DisplayOperands, TheKPrefixShowsStorageKeys)
{
    range("K2000-3FFF", DS_KEYS, 0x2000, 0x3FFF);
}

TEST(DisplayOperands, APrefixAloneIsAllOfStorage)
{
    range("L", DS_STORAGE, 0, DS_MAX_ADDR, true);
    range("T", DS_STORAGE, 0, DS_MAX_ADDR, true);
    range("K", DS_KEYS, 0, DS_MAX_ADDR, true);
}

TEST(DisplayOperands, RangesWithDashOrColon)
{
    range("100-1FF", DS_STORAGE, 0x100, 0x1FF);
    range("100:1FF", DS_STORAGE, 0x100, 0x1FF);
    range("L100-1FF", DS_STORAGE, 0x100, 0x1FF);
}

TEST(DisplayOperands, ARangeThatStartsWithADashStartsAtZero)
{
    range("-5FF", DS_STORAGE, 0, 0x5FF);
    range("T:5FF", DS_STORAGE, 0, 0x5FF);
}

TEST(DisplayOperands, EndOrAnOpenRangeGoesToTheEndOfStorage)
{
    range("100-END", DS_STORAGE, 0x100, DS_MAX_ADDR, true);
    range("100-", DS_STORAGE, 0x100, DS_MAX_ADDR, true);
    range("100.END", DS_STORAGE, 0x100, DS_MAX_ADDR, true);
    range("K100:END", DS_KEYS, 0x100, DS_MAX_ADDR, true);
}

TEST(DisplayOperands, ADotGivesAByteCount)
{
    range("20000.10", DS_STORAGE, 0x20000, 0x2000F);
    range("0.1", DS_STORAGE, 0, 0);
}

TEST(DisplayOperands, BadStorageForms)
{
    LONGS_EQUAL(DS_BAD_ADDRESS, parse("1000000"));          // 7 digits
    LONGS_EQUAL(DS_BAD_RANGE, parse("200-100"));
    LONGS_EQUAL(DS_BAD_RANGE, parse("100.0"));
    LONGS_EQUAL(DS_BAD_ADDRESS, parse("FFFFFF.2"));         // past X'FFFFFF'
    LONGS_EQUAL(DS_BAD_OPERAND, parse("12G4"));
    LONGS_EQUAL(DS_BAD_OPERAND, parse("100-2X"));
    LONGS_EQUAL(DS_BAD_OPERAND, parse("100.ENDX"));
    LONGS_EQUAL(DS_BAD_OPERAND, parse(".10"));
    LONGS_EQUAL(DS_BAD_OPERAND, parse("L100+4"));
    LONGS_EQUAL(DS_BAD_OPERAND, parse("Z"));
}

TEST(DisplayOperands, GeneralRegisters)
{
    range("G", DS_GPR, 0, 15);
    range("G5", DS_GPR, 5, 5);
    range("G2-4", DS_GPR, 2, 4);
    range("G2:4", DS_GPR, 2, 4);
    range("G12-END", DS_GPR, 12, 15, true);
    range("G12-", DS_GPR, 12, 15, true);
    range("G-3", DS_GPR, 0, 3);
    range("G14.2", DS_GPR, 14, 15);
    range("G3.END", DS_GPR, 3, 15, true);
}

TEST(DisplayOperands, ARegisterIsDecimalOrOneHexDigit)
{
    range("G10", DS_GPR, 10, 10);
    range("GA", DS_GPR, 10, 10);
    range("GA-F", DS_GPR, 10, 15);
    range("G0-15", DS_GPR, 0, 15);
}

TEST(DisplayOperands, BadRegisters)
{
    LONGS_EQUAL(DS_BAD_REGISTER, parse("G16"));
    LONGS_EQUAL(DS_BAD_REGISTER, parse("G1F"));
    LONGS_EQUAL(DS_BAD_RANGE, parse("G5-2"));
    LONGS_EQUAL(DS_BAD_REGISTER, parse("G15.2"));
    LONGS_EQUAL(DS_BAD_RANGE, parse("G3.0"));
    LONGS_EQUAL(DS_BAD_OPERAND, parse("G3X"));
}

TEST(DisplayOperands, AnOpenRegisterRangeIsAllOfThem)
{
    range("G-", DS_GPR, 0, 15, true);
}

TEST(DisplayOperands, FloatingPointRegistersAreYAndEven)
{
    range("Y", DS_FPR, 0, 6);
    range("Y2", DS_FPR, 2, 2);
    range("Y0-4", DS_FPR, 0, 4);
    range("Y2.2", DS_FPR, 2, 4);
    range("Y4-END", DS_FPR, 4, 6, true);
    LONGS_EQUAL(DS_BAD_REGISTER, parse("Y1"));
    LONGS_EQUAL(DS_BAD_REGISTER, parse("Y8"));
    LONGS_EQUAL(DS_BAD_REGISTER, parse("Y4.3"));
}

TEST(DisplayOperands, ControlRegistersAreXAsInVm370)
{
    range("X", DS_CR, 0, 15);
    range("X0", DS_CR, 0, 0);
    range("X14-15", DS_CR, 14, 15);
    range("XE", DS_CR, 14, 14);
}

TEST(DisplayOperands, ControlRegistersAreAlsoCWithADecimalNumber)
{
    range("C", DS_CR, 0, 15);
    range("C0", DS_CR, 0, 0);
    range("C0-3", DS_CR, 0, 3);
    range("C14.2", DS_CR, 14, 15);
}

TEST(DisplayOperands, CFollowedByHexDigitsIsStorage)
{
    range("C00", DS_STORAGE, 0xC00, 0xC00);
    range("CA0", DS_STORAGE, 0xCA0, 0xCA0);
    range("C16", DS_STORAGE, 0xC16, 0xC16);
    range("C1A", DS_STORAGE, 0xC1A, 0xC1A);
    range("0C0", DS_STORAGE, 0xC0, 0xC0);
    range("LC0", DS_STORAGE, 0xC0, 0xC0);
}

TEST(DisplayOperands, PswCawAndCsw)
{
    LONGS_EQUAL(DS_OK, parse("PSW"));
    LONGS_EQUAL(DS_PSW, op.what);
    LONGS_EQUAL(DS_OK, parse("P"));
    LONGS_EQUAL(DS_PSW, op.what);
    LONGS_EQUAL(DS_OK, parse("CAW"));
    LONGS_EQUAL(DS_CAW, op.what);
    LONGS_EQUAL(DS_OK, parse("CSW"));
    LONGS_EQUAL(DS_CSW, op.what);
    LONGS_EQUAL(DS_BAD_OPERAND, parse("PSWX"));
    LONGS_EQUAL(DS_BAD_OPERAND, parse("CSWX"));
}

TEST_GROUP(StoreOperands)
{
    struct ds_operand op;

    enum ds_error parse(const char *w) { return ds_parse_store(w, &op); }
    void at(const char *w, enum ds_what what, u32 first)
    {
        LONGS_EQUAL_TEXT(DS_OK, parse(w), w);
        LONGS_EQUAL_TEXT(what, op.what, w);
        LONGS_EQUAL_TEXT(first, op.first, w);
    }
};

TEST(StoreOperands, StorageWithOrWithoutL)
{
    at("1000", DS_STORAGE, 0x1000);
    at("L1000", DS_STORAGE, 0x1000);
    at("S1001", DS_STRING, 0x1001);
}

TEST(StoreOperands, Registers)
{
    at("G5", DS_GPR, 5);
    at("GF", DS_GPR, 15);
    at("X3", DS_CR, 3);
    at("C3", DS_CR, 3);
    at("Y6", DS_FPR, 6);
    at("CA0", DS_STORAGE, 0xCA0);
}

TEST(StoreOperands, PswAndStatus)
{
    at("PSW", DS_PSW, 0);
    at("STATUS", DS_STATUS, 0);
}

TEST(StoreOperands, OneLocationNoRange)
{
    LONGS_EQUAL(DS_BAD_OPERAND, parse("1000-1004"));
    LONGS_EQUAL(DS_BAD_OPERAND, parse("G2-4"));
    LONGS_EQUAL(DS_BAD_OPERAND, parse("G"));
    LONGS_EQUAL(DS_BAD_OPERAND, parse("T1000"));
    LONGS_EQUAL(DS_BAD_OPERAND, parse("K1000"));
    LONGS_EQUAL(DS_BAD_REGISTER, parse("Y3"));
    LONGS_EQUAL(DS_BAD_REGISTER, parse("G16"));
    LONGS_EQUAL(DS_BAD_ADDRESS, parse("1000000"));
}

TEST_GROUP(StoreValues) {};

TEST(StoreValues, UpToEightDigitsAreOneWordRightAdjusted)
{
    u32 w[2];
    LONGS_EQUAL(1, ds_hexword("1", w));
    LONGS_EQUAL(1, w[0]);
    LONGS_EQUAL(1, ds_hexword("C1C2C3C4", w));
    LONGS_EQUAL(0xC1C2C3C4, w[0]);
}

TEST(StoreValues, NineToSixteenDigitsAreTwoWords)
{
    u32 w[2];
    LONGS_EQUAL(2, ds_hexword("123456789", w));
    LONGS_EQUAL(1, w[0]);
    LONGS_EQUAL(0x23456789, w[1]);
    LONGS_EQUAL(2, ds_hexword("4110000000000000", w));
    LONGS_EQUAL(0x41100000, w[0]);
    LONGS_EQUAL(0, w[1]);
}

TEST(StoreValues, BadHexwords)
{
    u32 w[2];
    LONGS_EQUAL(0, ds_hexword("", w));
    LONGS_EQUAL(0, ds_hexword("12345678123456781", w));
    LONGS_EQUAL(0, ds_hexword("12G4", w));
}

TEST(StoreValues, StringsAreWholeBytes)
{
    u8 b[4];
    LONGS_EQUAL(3, ds_hexbytes("C1c2C3", b, sizeof b));
    LONGS_EQUAL(0xC2, b[1]);
    LONGS_EQUAL(0, ds_hexbytes("C1C", b, sizeof b));
    LONGS_EQUAL(0, ds_hexbytes("C1C2C3C4C5", b, sizeof b));
    LONGS_EQUAL(0, ds_hexbytes("ZZ", b, sizeof b));
}

TEST_GROUP(RealStorageOperands)
{
    struct ds_operand op;
};

TEST(RealStorageOperands, DcpTakesEightDigitAddresses)
{
    LONGS_EQUAL(DS_OK, ds_parse_real("T1000000.20", &op));
    LONGS_EQUAL(0x1000000, op.first);
    LONGS_EQUAL(0x100001F, op.last);
    CHECK_TRUE(op.translate);
    LONGS_EQUAL(DS_OK, ds_parse_real("K0-END", &op));
    LONGS_EQUAL(DS_KEYS, op.what);
    CHECK_TRUE(op.to_end);
    LONGS_EQUAL(DS_MAX_REAL, op.last);
}

TEST(RealStorageOperands, BadRealAddresses)
{
    LONGS_EQUAL(DS_BAD_ADDRESS, ds_parse_real("80000000", &op));
    LONGS_EQUAL(DS_BAD_ADDRESS, ds_parse_real("100000000", &op));
    LONGS_EQUAL(DS_BAD_ADDRESS, ds_parse_real("7FFFFFFF.2", &op));
    LONGS_EQUAL(DS_BAD_OPERAND, ds_parse_real("G5", &op));
    LONGS_EQUAL(DS_BAD_OPERAND, ds_parse_real("PSW", &op));
}

TEST(RealStorageOperands, StcpTakesOneLocation)
{
    LONGS_EQUAL(DS_OK, ds_parse_real_store("S1000001", &op));
    LONGS_EQUAL(DS_STRING, op.what);
    LONGS_EQUAL(0x1000001, op.first);
    LONGS_EQUAL(DS_OK, ds_parse_real_store("L20000", &op));
    LONGS_EQUAL(DS_STORAGE, op.what);
    LONGS_EQUAL(DS_BAD_OPERAND, ds_parse_real_store("20000-20004", &op));
    LONGS_EQUAL(DS_BAD_ADDRESS, ds_parse_real_store("80000000", &op));
}
