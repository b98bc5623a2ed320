/* dirtable.h - the decoded directory, shared by dirload.c (which builds
 * it) and directory.c (which answers lookups).  Not for other callers. */
#ifndef CP_DIR_DIRTABLE_H
#define CP_DIR_DIRTABLE_H

#include "cp/dir/directory.h"

/* one free-storage block: this header, then the arrays it points to */
struct dir_table {
    u32 nusers;
    struct dir_user *users;     /* in index order: sorted by key */
};

/* make t the directory in use, freeing the one before */
void dir_install(struct dir_table *t);

#endif
