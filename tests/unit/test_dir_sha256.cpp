// test_dir_sha256.cpp - SHA-256 against the FIPS 180-4 example vectors.
extern "C" {
#include "cp/lib/sha256.h"
}
#include <CppUTest/TestHarness.h>
#include <cstdio>
#include <cstring>
#include <string>

static std::string hex(const u8 *d)
{
    char buf[2 * SHA256_DIGEST_SIZE + 1];
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(buf + 2 * i, 3, "%02x", d[i]);
    return buf;
}

static std::string digest(const std::string &msg)
{
    u8 d[SHA256_DIGEST_SIZE];
    sha256(msg.data(), msg.size(), d);
    return hex(d);
}

TEST_GROUP(Sha256) {};

TEST(Sha256, EmptyMessage)
{
    STRCMP_EQUAL("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", digest("").c_str());
}

TEST(Sha256, OneBlockMessageAbc)
{
    STRCMP_EQUAL("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", digest("abc").c_str());
}

TEST(Sha256, TwoBlockMessage)
{
    STRCMP_EQUAL("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                 digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").c_str());
}

TEST(Sha256, LengthThatLeavesNoRoomForThePaddingInTheLastBlock)
{
    // 56 bytes: the length field needs a block of its own
    STRCMP_EQUAL("b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
                 digest(std::string(56, 'a')).c_str());
}

TEST(Sha256, MillionAsFedInUnevenPieces)
{
    struct sha256_ctx c;
    std::string a(1000, 'a');
    u8 d[SHA256_DIGEST_SIZE];
    size_t done = 0, step = 1;

    sha256_init(&c);
    while (done < 1000000) {            // 1, 2, ... 63-byte pieces: every block offset
        size_t n = step < 1000000 - done ? step : 1000000 - done;
        sha256_update(&c, a.data(), n);
        done += n;
        step = step % 63 + 1;
    }
    sha256_final(&c, d);
    STRCMP_EQUAL("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", hex(d).c_str());
}
