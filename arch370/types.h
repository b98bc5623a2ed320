/* types.h - fixed-width integer types shared by CP, guests and host tools.
 *
 * <stdint.h>, <stddef.h> and <stdbool.h> come with the compiler itself,
 * so they are available in the freestanding s390 build as well. */
#ifndef ARCH370_TYPES_H
#define ARCH370_TYPES_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t   s8;
typedef int16_t  s16;
typedef int32_t  s32;
typedef int64_t  s64;

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif
