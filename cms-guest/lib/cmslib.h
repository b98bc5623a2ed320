/* cmslib.h - the CMS guest's C library, all of it. */
#ifndef CMS_LIB_CMSLIB_H
#define CMS_LIB_CMSLIB_H

#include "cms-guest/lib/mem.h"
#include "cms-guest/lib/str.h"
#include "cms-guest/lib/ctype.h"
#include "cms-guest/lib/numconv.h"
#include "cms-guest/lib/format.h"
#include "cms-guest/lib/heap.h"
#include "cms-guest/lib/ebcfield.h"

#endif
