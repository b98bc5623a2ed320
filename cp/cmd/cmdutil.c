/* cmdutil.c - operand parsing for commands. */
#include "cp/cmd/cmdutil.h"
#include "cp/lib/string.h"

bool parse_hex(const char *s, u32 *out)
{
    u32 v = 0;
    size_t n = 0;

    for (; *s; s++, n++) {
        char c = to_upper(*s);
        if (n == 8 || !is_xdigit(c))
            return false;
        v = v << 4 | (u32)(c <= '9' ? c - '0' : c - 'A' + 10);
    }
    if (n == 0)
        return false;
    *out = v;
    return true;
}

bool parse_dec(const char *s, u32 *out)
{
    u32 v = 0;

    if (!*s)
        return false;
    for (; *s; s++) {
        if (!is_digit(*s) || v > 0x19999999u)
            return false;
        v = v * 10 + (u32)(*s - '0');
    }
    *out = v;
    return true;
}

bool parse_storage(const char *s, u32 *out)
{
    char num[12];
    size_t n = strlen(s);
    u32 v, mult = 1;

    if (n == 0 || n >= sizeof num)
        return false;
    memcpy(num, s, n + 1);
    if (to_upper(num[n - 1]) == 'K')
        mult = 1024;
    else if (to_upper(num[n - 1]) == 'M')
        mult = 1024 * 1024;
    if (mult != 1)
        num[n - 1] = 0;
    if (!parse_dec(num, &v) || v > 0xFFFFFFFFu / mult)
        return false;
    *out = v * mult;
    return true;
}
