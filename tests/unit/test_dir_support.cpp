// test_dir_support.cpp - see test_dir_support.h.
#include "test_dir_support.h"
#include <CppUTest/TestHarness.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>

Compiled::Compiled(const std::string &source, const char *file)
{
    char *buf = nullptr;
    size_t len = 0;
    FILE *diag = open_memstream(&buf, &len);
    FILE *in = tmpfile();

    fwrite(source.data(), 1, source.size(), in);
    rewind(in);
    dc_init(&dc, file, diag);
    errors = dc_compile(&dc, in);
    fclose(in);
    fclose(diag);
    messages.assign(buf, len);
    free(buf);
}

Compiled::~Compiled()
{
    dc_free(&dc);
}

const struct dc_user *Compiled::user(const char *userid) const
{
    for (unsigned i = 0; i < dc.nusers; i++)
        if (!strcmp(dc.users[i].userid, userid))
            return &dc.users[i];
    return nullptr;
}

std::vector<u8> Compiled::image()
{
    u8 *img = nullptr;
    size_t len = 0;
    std::vector<u8> v;

    if (errors == 0 && dc_emit(&dc, &img, &len) == 0)
        v.assign(img, img + len);
    free(img);
    return v;
}

alignas(8) static unsigned char arena[8 << 20];

void dir_test_setup(size_t arena_bytes)
{
    freestor_init(arena, arena_bytes < sizeof arena ? arena_bytes : sizeof arena);
}

void dir_test_teardown()
{
    dir_unload();
}

std::vector<u8> load_source(const std::string &source)
{
    Compiled c(source);
    STRCMP_EQUAL("", c.messages.c_str());
    std::vector<u8> img = c.image();
    CHECK(!img.empty());
    LONGS_EQUAL(DIR_OK, dir_load(img.data(), img.size()));
    return img;
}

void reseal(std::vector<u8> &image)
{
    u32 pages = (u32)(image.size() / DIR_PAGE_SIZE);

    for (u32 p = 1; p < pages && p < DIR_MAX_PAGES; p++)
        put_be32(&image[DIRH_PAGE_SUMS + 4 * p], dir_page_sum(&image[(size_t)p * DIR_PAGE_SIZE]));
    put_be32(&image[DIRH_SUM], dir_header_sum(image.data()));
}
