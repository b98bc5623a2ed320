// test_arch.cpp - arch370: byte order, PSW formats, CCWs, EBCDIC.
extern "C" {
#include "arch370/be.h"
#include "arch370/psw.h"
#include "arch370/ccw.h"
#include "arch370/ebcdic.h"
}
#include <CppUTest/TestHarness.h>
#include <cstring>

TEST_GROUP(BigEndian) {};

TEST(BigEndian, StoresMostSignificantByteFirst)
{
    u8 b[8];
    put_be32(b, 0x12345678);
    BYTES_EQUAL(0x12, b[0]);
    BYTES_EQUAL(0x78, b[3]);
    LONGS_EQUAL(0x12345678, get_be32(b));
    put_be16(b, 0xABCD);
    LONGS_EQUAL(0xABCD, get_be16(b));
    put_be24(b, 0x00FEDCBA);
    LONGS_EQUAL(0xFEDCBA, get_be24(b));
    put_be64(b, 0x0102030405060708ull);
    BYTES_EQUAL(0x01, b[0]);
    CHECK(get_be64(b) == 0x0102030405060708ull);
}

TEST_GROUP(Psw) {};

TEST(Psw, EcModeFieldsAreAtTheirS370Bits)
{
    u64 psw = 0x070C1000ull << 32 | 0x00012344;    // I/O, ext, key 0, EC, M, CC 1
    CHECK_TRUE(psw370_is_ec(psw));
    LONGS_EQUAL(0x12344, psw370_ia(psw));
    LONGS_EQUAL(1, psw370_cc(psw));
    CHECK_TRUE(psw_mck_enabled(psw));
    CHECK_FALSE(psw_problem(psw));
}

TEST(Psw, BcModeKeepsConditionCodeInSecondWord)
{
    u64 psw = 0xFF050000ull << 32 | 0x60012344;    // BC, key 0, M W? P, CC 2, PM 0
    CHECK_FALSE(psw370_is_ec(psw));
    LONGS_EQUAL(2, psw370_cc(psw));
    psw = psw370_set_cc(psw, 3);
    LONGS_EQUAL(3, psw370_cc(psw));
    LONGS_EQUAL(0x12344, psw370_ia(psw));
}

TEST(Psw, EcModeMustBeZeroBitsMakeThePswInvalid)
{
    CHECK_TRUE(psw370_valid(0x00080000ull << 32 | 0x1000));
    CHECK_FALSE(psw370_valid(0x80080000ull << 32 | 0x1000));    // bit 0
    CHECK_FALSE(psw370_valid(0x00080000ull << 32 | 0x01001000));// bits 24-39
    CHECK_FALSE(psw370_valid(0x00080000ull << 32 | 0x1001));    // odd address
    CHECK_TRUE(psw370_valid(0xFF000000ull << 32 | 0xFF001000)); // BC: anything
}

TEST(Psw, GuestRunsInProblemStateWithDatAndItsKey)
{
    u64 v = 0x00D80000ull << 32 | 0x00345678;      // EC, key D
    v = psw370_set_cc(v, 2);
    u64 r = psw390_for_guest(v);
    CHECK_TRUE(r & PSW_PROBLEM);
    CHECK_TRUE(r & PSW_DAT);
    CHECK_TRUE(r & PSW_IO);
    CHECK_TRUE(r & PSW_EXT);
    LONGS_EQUAL(0xD, psw_key(r));
    LONGS_EQUAL(2, (r >> 44) & 3);
    LONGS_EQUAL(0x00345678, (u32)r);
    CHECK_FALSE(r & PSW_AMODE31);
}

TEST(Psw, BcGuestConditionCodeSurvivesARoundTrip)
{
    u64 v = 0x00000000ull << 32 | 0x00002000;      // BC, all masks off
    u64 r = psw390_for_guest(psw370_set_cc(v, 1));
    r = (r & ~((u64)3 << 44)) | ((u64)3 << 44);    // the CPU set CC 3
    r = (r & ~(u64)0x7FFFFFFF) | 0x2004;           // and moved on
    u64 back = psw370_after_run(v, r);
    LONGS_EQUAL(3, psw370_cc(back));
    LONGS_EQUAL(0x2004, psw370_ia(back));
    CHECK_FALSE(psw370_is_ec(back));
}

// What a guest set natively in the ESA/390 PSW (31-bit mode, secondary
// space) has no place in its S/370 PSW: folding back keeps none of it, and
// an address only 31-bit mode reaches is recognized as not fitting.
TEST(Psw, EsaModeBitsStayOutOfTheS370Psw)
{
    u64 v = 0x00080000ull << 32 | 0x00002000;      // EC, 24-bit
    u64 r = psw390_for_guest(v) | PSW_AMODE31 | PSW_BIT(16);
    r = (r & ~(u64)0x7FFFFFFF) | 0x00FFFFF0;
    CHECK_TRUE(psw390_ia_fits(r));
    u64 back = psw370_after_run(v, r);
    LONGS_EQUAL(0x00FFFFF0, psw370_ia(back));
    LONGS_EQUAL(0, back & PSW_ESA_MODE);
    CHECK_TRUE(psw370_valid(back));
    CHECK_EQUAL(PSW_AMODE31 | PSW_BIT(16), r & PSW_ESA_MODE);
    r = (r & ~(u64)0x7FFFFFFF) | 0x01000000;       // 16 MB: 31-bit mode only
    CHECK_FALSE(psw390_ia_fits(r));
}

TEST(Psw, BcInterruptionCodeAndIlcGoIntoTheOldPsw)
{
    u64 v = psw370_bc_set_intcode(0x00000000ull << 32 | 0x00002000, 0x0006, 4);
    LONGS_EQUAL(0x0006, (v >> 32) & 0xFFFF);
    LONGS_EQUAL(2, (v >> 30) & 3);                  // ILC 4 bytes = 2 halfwords
}

TEST(Psw, IoEnablementByModeAndChannel)
{
    u64 bc = PSW_BIT(2);                            // BC: channel 2 only
    CHECK_TRUE(psw370_io_enabled(bc, 0, 2));
    CHECK_FALSE(psw370_io_enabled(bc, 0, 0));
    CHECK_FALSE(psw370_io_enabled(bc, 0, 7));
    u64 ec = PSW_EC | PSW_IO;
    CHECK_TRUE(psw370_io_enabled(ec, 0x80000000u, 0));
    CHECK_FALSE(psw370_io_enabled(ec, 0x40000000u, 0));
}

TEST_GROUP(Ccw) {};

TEST(Ccw, Format0FieldsAreWhereTheChannelReadsThem)
{
    struct ccw0 c;
    ccw0_make(&c, 0x09, 0x123456, CCW_CC | CCW_SLI, 80);
    BYTES_EQUAL(0x09, c.b[0]);
    BYTES_EQUAL(0x12, c.b[1]);
    BYTES_EQUAL(0x60, c.b[4]);
    LONGS_EQUAL(0x123456, ccw0_addr(&c));
    LONGS_EQUAL(80, ccw0_count(&c));
}

TEST(Ccw, Format1FieldsAreWhereTheChannelReadsThem)
{
    struct ccw1 c;
    ccw1_make(&c, 0x06, CCW_SLI, 4096, 0x7FFFF000);
    BYTES_EQUAL(0x06, c.b[0]);
    BYTES_EQUAL(0x20, c.b[1]);
    LONGS_EQUAL(4096, ccw1_count(&c));
    LONGS_EQUAL(0x7FFFF000, ccw1_addr(&c));
}

TEST(Ccw, CommandCodeClasses)
{
    CHECK_TRUE(ccw_cmd_is_tic(0x08));
    CHECK_TRUE(ccw_cmd_is_tic(0x18));
    CHECK_TRUE(ccw_cmd_is_write(0x09));
    CHECK_TRUE(ccw_cmd_is_read(0x0A));
    CHECK_TRUE(ccw_cmd_is_control(0x07));
    CHECK_TRUE(ccw_cmd_is_sense(0x04));
    CHECK_TRUE(ccw_cmd_is_sense(0xE4));
    CHECK_FALSE(ccw_cmd_is_sense(0x0C));
}

TEST(Ccw, CswCarriesKeyAddressStatusAndCount)
{
    u8 csw[8];
    csw_make(csw, 0xE, 0x001008, UNIT_CE | UNIT_DE, CHAN_IL, 12);
    BYTES_EQUAL(0xE0, csw[0]);
    LONGS_EQUAL(0x001008, get_be24(csw + 1));
    BYTES_EQUAL(0x0C, csw[4]);
    BYTES_EQUAL(0x40, csw[5]);
    LONGS_EQUAL(12, get_be16(csw + 6));
}

TEST(Ccw, OrbNamesFormat1AndTheChannelProgram)
{
    struct orb o;
    orb_make(&o, 0xCAFE, 3, ORB_FMT1 | ORB_LPM_ALL, 0x12340);
    LONGS_EQUAL(0xCAFE, get_be32(o.b));
    LONGS_EQUAL(0x3080FF00, get_be32(o.b + 4));
    LONGS_EQUAL(0x12340, get_be32(o.b + 8));
}

TEST_GROUP(Ebcdic) {};

TEST(Ebcdic, LettersDigitsAndBlank)
{
    BYTES_EQUAL(0xC1, ascii_to_ebc['A']);
    BYTES_EQUAL(0x81, ascii_to_ebc['a']);
    BYTES_EQUAL(0xF0, ascii_to_ebc['0']);
    BYTES_EQUAL(0x40, ascii_to_ebc[' ']);
    BYTES_EQUAL('Z', ebc_to_ascii[0xE9]);
}

TEST(Ebcdic, CodePage1047Brackets)
{
    BYTES_EQUAL(0xAD, ascii_to_ebc['[']);
    BYTES_EQUAL(0xBD, ascii_to_ebc[']']);
}

TEST(Ebcdic, EveryByteSurvivesARoundTrip)
{
    for (int i = 0; i < 256; i++)
        LONGS_EQUAL(i, ebc_to_ascii[ascii_to_ebc[i]]);
}

TEST(Ebcdic, BufferTranslation)
{
    u8 e[5];
    char a[6] = {0};
    ebc_from_ascii(e, "CP370", 5);
    ebc_to_ascii_buf(a, e, 5);
    STRCMP_EQUAL("CP370", a);
}

// The condition code and program mask the real CPU left go back into the
// guest's PSW in its own format: EC bits 18-23, BC bits 34-39; nothing
// else of the guest's PSW changes but the instruction address.
TEST(Psw, ConditionCodeAndProgramMaskFoldBackInBothFormats)
{
    const u64 guests[] = { 0xFF0D0000ull << 32 | 0x00012346,      // BC, masks, key 0, D
                           0x030C0000ull << 32 | 0x00012346 };    // EC, I/O+ext, key 0
    for (u64 v : guests) {
        u64 r = psw390_for_guest(psw370_set_pm(psw370_set_cc(v, 0), 0));
        r = (r & ~((u64)0x3F << 40)) | ((u64)0x2A << 40);        // CC 2, mask A
        r = (r & ~(u64)0x7FFFFFFF) | 0x00ABCDE0;
        u64 back = psw370_after_run(v, r);
        LONGS_EQUAL(2, psw370_cc(back));
        LONGS_EQUAL(0xA, psw370_pm(back));
        LONGS_EQUAL(0x00ABCDE0, psw370_ia(back));
        u64 same = psw370_set_ia(psw370_set_pm(psw370_set_cc(v, 2), 0xA), 0x00ABCDE0);
        CHECK_EQUAL(same, back);
        LONGS_EQUAL(0xA, (psw390_for_guest(back) >> 40) & 0xF);
        LONGS_EQUAL(2, (psw390_for_guest(back) >> 44) & 3);
        LONGS_EQUAL(psw_key(v), psw_key(psw390_for_guest(back)));
    }
}
