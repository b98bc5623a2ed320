/* sha256.h - SHA-256 (FIPS 180-4), for directory passwords and checksums.
 *
 * The same code runs in the freestanding CP and in host tools (dircomp),
 * so a digest computed when the directory is built is the digest CP
 * computes at LOGON.  Incremental: init, any number of updates, final. */
#ifndef CP_LIB_SHA256_H
#define CP_LIB_SHA256_H

#include "arch370/types.h"

#define SHA256_DIGEST_SIZE      32
#define SHA256_BLOCK_SIZE       64

struct sha256_ctx {
    u32 state[8];
    u64 length;                         /* bytes hashed so far */
    u8 block[SHA256_BLOCK_SIZE];        /* a partial block */
    unsigned fill;                      /* bytes in block[] */
};

void sha256_init(struct sha256_ctx *c);
void sha256_update(struct sha256_ctx *c, const void *data, size_t n);
void sha256_final(struct sha256_ctx *c, u8 digest[SHA256_DIGEST_SIZE]);

/* the digest of one buffer */
void sha256(const void *data, size_t n, u8 digest[SHA256_DIGEST_SIZE]);

#endif
