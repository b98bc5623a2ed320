/* dirfmt.c - checksums and password digests of the directory image.
 *
 * dircomp (host) and CP (s390) both link this file, so the digest the
 * compiler stores is, bit for bit, the digest CP computes at LOGON. */
#include "cp/dir/dirfmt.h"
#include "cp/lib/sha256.h"
#include "cp/lib/string.h"

u32 dir_page_sum(const u8 *page)
{
    u8 d[SHA256_DIGEST_SIZE];

    sha256(page, DIR_PAGE_SIZE, d);
    return get_be32(d);
}

u32 dir_header_sum(const u8 *page0)
{
    struct sha256_ctx c;
    static const u8 zero[4];
    u8 d[SHA256_DIGEST_SIZE];

    sha256_init(&c);
    sha256_update(&c, page0, DIRH_SUM);
    sha256_update(&c, zero, sizeof zero);
    sha256_update(&c, page0 + DIRH_SUM + 4, DIR_PAGE_SIZE - DIRH_SUM - 4);
    sha256_final(&c, d);
    return get_be32(d);
}

void dir_password_digest(const u8 salt[DIR_SALT_SIZE], char purpose, u16 cuu,
                         const char *password, u8 digest[DIR_DIGEST_SIZE])
{
    struct sha256_ctx c;
    u8 label[3] = { (u8)purpose, (u8)(cuu >> 8), (u8)cuu };

    sha256_init(&c);
    sha256_update(&c, salt, DIR_SALT_SIZE);
    sha256_update(&c, label, sizeof label);
    /* VM/370 compares passwords in upper case: "pass1" logs on as PASS1 */
    for (const char *p = password; *p; p++) {
        u8 ch = (u8)to_upper(*p);
        sha256_update(&c, &ch, 1);
    }
    sha256_final(&c, digest);
}
