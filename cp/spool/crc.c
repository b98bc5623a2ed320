/* crc.c - the CRC-32 that ends every spool page.
 *
 * The IEEE 802.3 polynomial (reflected, 0xEDB88320), the checksum most
 * tools can recompute, so a damaged spool volume can be examined on a
 * host.  The table is built on first use: 1 KB of CP storage instead of
 * eight shifts per bit. */
#include "cp/spool/spint.h"
#include "arch370/be.h"

static u32 table[256];
static bool table_ready;

static void build_table(void)
{
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    table_ready = true;
}

u32 sp_crc32(const void *p, size_t n)
{
    const u8 *b = p;
    u32 c = 0xFFFFFFFFu;

    if (!table_ready)
        build_table();
    while (n--)
        c = table[(c ^ *b++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void sp_seal(u8 *page)
{
    put_be32(page + SPF_CRC, sp_crc32(page, SPF_CRC));
}

bool sp_sealed(const u8 *page)
{
    return get_be32(page + SPF_CRC) == sp_crc32(page, SPF_CRC);
}
