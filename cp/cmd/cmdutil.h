/* cmdutil.h - operand parsing shared by the command handlers. */
#ifndef CP_CMD_CMDUTIL_H
#define CP_CMD_CMDUTIL_H

#include "arch370/types.h"

/* hex digits only, at most 8; false if not */
bool parse_hex(const char *s, u32 *out);
/* decimal digits only; false if not or too large */
bool parse_dec(const char *s, u32 *out);
/* nnnK or nnM (or plain bytes); false if not */
bool parse_storage(const char *s, u32 *out);

#endif
