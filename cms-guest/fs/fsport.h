/* fsport.h - everything the file system takes from its surroundings.
 *
 * The library runs in the CMS guest, which has no C library, and on the
 * host in tools and tests.  It uses only these three functions: on the
 * host they are the C library's, in the guest the nucleus provides them
 * under the same names (gcc emits calls to them for struct copies too). */
#ifndef CMS_FS_FSPORT_H
#define CMS_FS_FSPORT_H

#include "arch370/types.h"

#ifdef CP_HOST_BUILD
#include <string.h>
#else
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
#endif

#endif
