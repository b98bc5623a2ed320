/* sha256.c - SHA-256 as FIPS 180-4 section 6.2 defines it.
 *
 * Message words and the length are big-endian by definition, so they go
 * through the be.h helpers; the code is then right on s390 and x86 alike. */
#include "cp/lib/sha256.h"
#include "cp/lib/string.h"
#include "arch370/be.h"

/* the first 32 bits of the fractional parts of the cube roots of the
 * first 64 primes (FIPS 180-4 section 4.2.2) */
static const u32 K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline u32 ror(u32 x, unsigned n)
{
    return x >> n | x << (32 - n);
}

/* FIPS 180-4 section 6.2.2: one 64-byte block into the state */
static void compress(u32 state[8], const u8 *block)
{
    u32 w[64], v[8];

    for (int t = 0; t < 16; t++)
        w[t] = get_be32(block + 4 * t);
    for (int t = 16; t < 64; t++) {
        u32 s0 = ror(w[t - 15], 7) ^ ror(w[t - 15], 18) ^ (w[t - 15] >> 3);
        u32 s1 = ror(w[t - 2], 17) ^ ror(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    memcpy(v, state, sizeof v);
    for (int t = 0; t < 64; t++) {
        u32 e = v[4], a = v[0];
        u32 t1 = v[7] + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25))
                 + ((e & v[5]) ^ (~e & v[6])) + K[t] + w[t];
        u32 t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22))
                 + ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof v[0]);     /* h = g, g = f ... b = a */
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        state[i] += v[i];
}

void sha256_init(struct sha256_ctx *c)
{
    /* section 5.3.3: square roots of the first eight primes */
    static const u32 h0[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    memcpy(c->state, h0, sizeof h0);
    c->length = 0;
    c->fill = 0;
}

void sha256_update(struct sha256_ctx *c, const void *data, size_t n)
{
    const u8 *p = data;

    c->length += n;
    while (n) {
        size_t take = SHA256_BLOCK_SIZE - c->fill;
        if (take > n)
            take = n;
        memcpy(c->block + c->fill, p, take);
        c->fill += (unsigned)take;
        p += take;
        n -= take;
        if (c->fill == SHA256_BLOCK_SIZE) {
            compress(c->state, c->block);
            c->fill = 0;
        }
    }
}

void sha256_final(struct sha256_ctx *c, u8 digest[SHA256_DIGEST_SIZE])
{
    u64 bits = c->length * 8;

    /* section 5.1.1: a one bit, zeros, and the length in the last 8 bytes */
    c->block[c->fill++] = 0x80;
    if (c->fill > SHA256_BLOCK_SIZE - 8) {
        memset(c->block + c->fill, 0, SHA256_BLOCK_SIZE - c->fill);
        compress(c->state, c->block);
        c->fill = 0;
    }
    memset(c->block + c->fill, 0, SHA256_BLOCK_SIZE - 8 - c->fill);
    put_be64(c->block + SHA256_BLOCK_SIZE - 8, bits);
    compress(c->state, c->block);
    for (int i = 0; i < 8; i++)
        put_be32(digest + 4 * i, c->state[i]);
    memset(c, 0, sizeof *c);            /* no password material left behind */
}

void sha256(const void *data, size_t n, u8 digest[SHA256_DIGEST_SIZE])
{
    struct sha256_ctx c;

    sha256_init(&c);
    sha256_update(&c, data, n);
    sha256_final(&c, digest);
}
