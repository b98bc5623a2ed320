/* be.h - big-endian access to byte arrays.
 *
 * Everything the architecture defines in storage (PSWs, CCWs, parameter
 * lists a guest hands to DIAGNOSE, CKD count fields) is big-endian.  CP
 * reads and writes such areas only through these helpers, never through
 * native structs, so the same code is correct on s390 and on an x86 host
 * running the unit tests. */
#ifndef ARCH370_BE_H
#define ARCH370_BE_H

#include "arch370/types.h"

static inline u16 get_be16(const void *p)
{
    const u8 *b = (const u8 *)p;
    return (u16)(b[0] << 8 | b[1]);
}

static inline u32 get_be24(const void *p)
{
    const u8 *b = (const u8 *)p;
    return (u32)b[0] << 16 | (u32)b[1] << 8 | b[2];
}

static inline u32 get_be32(const void *p)
{
    const u8 *b = (const u8 *)p;
    return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

static inline u64 get_be64(const void *p)
{
    const u8 *b = (const u8 *)p;
    return (u64)get_be32(b) << 32 | get_be32(b + 4);
}

static inline void put_be16(void *p, u16 v)
{
    u8 *b = (u8 *)p;
    b[0] = (u8)(v >> 8);
    b[1] = (u8)v;
}

static inline void put_be24(void *p, u32 v)
{
    u8 *b = (u8 *)p;
    b[0] = (u8)(v >> 16);
    b[1] = (u8)(v >> 8);
    b[2] = (u8)v;
}

static inline void put_be32(void *p, u32 v)
{
    u8 *b = (u8 *)p;
    b[0] = (u8)(v >> 24);
    b[1] = (u8)(v >> 16);
    b[2] = (u8)(v >> 8);
    b[3] = (u8)v;
}

static inline void put_be64(void *p, u64 v)
{
    u8 *b = (u8 *)p;
    put_be32(b, (u32)(v >> 32));
    put_be32(b + 4, (u32)v);
}

#endif
