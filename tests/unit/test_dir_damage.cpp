// test_dir_damage.cpp - a damaged directory image is refused with an
// error code, never read past its end, and changes nothing.
#include "test_dir_support.h"
#include <CppUTest/TestHarness.h>

TEST_GROUP(DirDamage)
{
    void setup()
    {
        dir_test_setup();
        Compiled c("USER A PA\n MDISK 191 3350 1 1 V\n LINK B 191 192\n SPOOL 00C 1403\n"
                   "USER B PB\n MDISK 191 3350 2 1 V\nUSER C PC\n");
        image = c.image();
        CHECK(!image.empty());
    }
    void teardown() { dir_test_teardown(); }
    std::vector<u8> image;

    int load() { return dir_load(image.data(), image.size()); }
    // byte off of the record of the i-th user
    size_t record(unsigned i)
    {
        const u8 *x = &image[DIR_PAGE_SIZE + i * DIRX_SIZE];
        return get_be32(x + DIRX_PAGE) * (size_t)DIR_PAGE_SIZE + get_be16(x + DIRX_OFFSET);
    }
};

TEST(DirDamage, TheUndamagedImageLoads)
{
    LONGS_EQUAL(DIR_OK, load());
    LONGS_EQUAL(3, dir_count());
}

TEST(DirDamage, AnyFlippedBitIsCaught)
{
    for (size_t off = 0; off < image.size(); off += 13) {
        image[off] ^= 0x20;
        int rc = load();
        image[off] ^= 0x20;
        if (rc == DIR_OK)
            FAIL(("a flipped bit at offset " + std::to_string(off) + " was not noticed").c_str());
        LONGS_EQUAL(0, dir_count());
    }
}

TEST(DirDamage, ATruncatedImageIsShort)
{
    LONGS_EQUAL(DIR_E_SHORT, dir_load(image.data(), image.size() - 1));
    LONGS_EQUAL(DIR_E_SHORT, dir_load(image.data(), DIR_PAGE_SIZE));
    LONGS_EQUAL(DIR_E_SHORT, dir_load(image.data(), 100));
    LONGS_EQUAL(DIR_E_SHORT, dir_load(nullptr, 0));
}

TEST(DirDamage, SomethingElseIsNotADirectory)
{
    std::vector<u8> zeros(image.size());
    LONGS_EQUAL(DIR_E_MAGIC, dir_load(zeros.data(), zeros.size()));
}

TEST(DirDamage, ChecksumsCatchChangesThatLookValid)
{
    put_be32(&image[DIRH_USERS], 2);                    // one user fewer
    LONGS_EQUAL(DIR_E_CHECKSUM, load());
}

TEST(DirDamage, AnotherFormatVersionIsRefused)
{
    put_be32(&image[DIRH_VERSION], DIR_VERSION + 1);
    reseal(image);
    LONGS_EQUAL(DIR_E_VERSION, load());
}

// the checks below reseal the image, so only the structure can catch them

TEST(DirDamage, APageCountBeyondTheImage)
{
    put_be32(&image[DIRH_PAGES], (u32)(image.size() / DIR_PAGE_SIZE + 1));
    reseal(image);
    LONGS_EQUAL(DIR_E_SHORT, load());
    put_be32(&image[DIRH_PAGES], 0xFFFFFFFF);
    reseal(image);
    LONGS_EQUAL(DIR_E_LAYOUT, load());
}

TEST(DirDamage, AUserCountThatRunsOffTheImage)
{
    put_be32(&image[DIRH_USERS], 100000);               // 391 index pages ...
    put_be32(&image[DIRH_INDEX_PAGES], 391);
    put_be32(&image[DIRH_RECORDS], 392);                // ... in an image of three
    reseal(image);
    LONGS_EQUAL(DIR_E_LAYOUT, load());
}

TEST(DirDamage, IndexPagesThatDisagreeWithTheUserCount)
{
    put_be32(&image[DIRH_INDEX_PAGES], 2);
    reseal(image);
    LONGS_EQUAL(DIR_E_LAYOUT, load());
}

TEST(DirDamage, AnIndexEntryPointingOutsideTheImage)
{
    put_be32(&image[DIR_PAGE_SIZE + DIRX_PAGE], 999);
    reseal(image);
    LONGS_EQUAL(DIR_E_LAYOUT, load());
}

TEST(DirDamage, ARecordThatRunsOffItsPage)
{
    u8 *x = &image[DIR_PAGE_SIZE + 2 * DIRX_SIZE];      // the last record
    put_be16(x + DIRX_LENGTH, 0xF000);
    reseal(image);
    LONGS_EQUAL(DIR_E_LAYOUT, load());
}

TEST(DirDamage, AnIndexOutOfOrder)
{
    u8 *x = &image[DIR_PAGE_SIZE];
    std::swap_ranges(x, x + DIRX_SIZE, x + DIRX_SIZE);
    reseal(image);
    LONGS_EQUAL(DIR_E_INDEX, load());
}

TEST(DirDamage, ARecordOfAnotherUser)
{
    image[record(1) + DIRU_USERID] = ascii_to_ebc[(u8)'X'];
    reseal(image);
    LONGS_EQUAL(DIR_E_INDEX, load());
}

TEST(DirDamage, EntryCountsThatDisagreeWithTheLength)
{
    put_be16(&image[record(0) + DIRU_NMDISK], 40);
    reseal(image);
    LONGS_EQUAL(DIR_E_RECORD, load());
}

TEST(DirDamage, TextThatIsNotText)
{
    image[record(0) + DIRU_ACCOUNT] = 0x00;             // a control character
    reseal(image);
    LONGS_EQUAL(DIR_E_RECORD, load());
}

TEST(DirDamage, ABadSpoolEntry)
{
    image[record(0) + DIRU_FIXED + DIRS_KIND] = 9;
    reseal(image);
    LONGS_EQUAL(DIR_E_RECORD, load());
}

TEST(DirDamage, PageByPageChecks)
{
    LONGS_EQUAL((int)(image.size() / DIR_PAGE_SIZE), dir_check_header(image.data()));
    LONGS_EQUAL(DIR_E_LAYOUT, dir_check_page(image.data(), 0, image.data()));
    LONGS_EQUAL(DIR_E_LAYOUT, dir_check_page(image.data(), 99, image.data()));
    image[2 * DIR_PAGE_SIZE + 7] ^= 1;
    LONGS_EQUAL(DIR_E_CHECKSUM, dir_check_page(image.data(), 2, &image[2 * DIR_PAGE_SIZE]));
    LONGS_EQUAL(DIR_OK, dir_check_page(image.data(), 1, &image[DIR_PAGE_SIZE]));
}
