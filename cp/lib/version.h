/* version.h - the name and level of this CP. */
#ifndef CP_LIB_VERSION_H
#define CP_LIB_VERSION_H

#define CP_NAME         "cp370"
#define CP_VERSION      "1.0"
#define CP_LEVEL        "cp370 1.0, a VM/370-style Control Program"

#endif
