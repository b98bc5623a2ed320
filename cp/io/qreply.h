/* qreply.h - a 3270's answer to Read Partition Query: its screen size.
 *
 * CP writes the query (a write structured field, q3270_query) when a
 * client connects; the terminal answers with an inbound structured-field
 * record (AID X'88') of query replies.  Two of them tell the size: the
 * Implicit Partition reply (X'A6') gives the default (24 x 80) and the
 * alternate size that erase/write alternate selects; the Usable Area
 * reply (X'81') the whole screen.  3270 Data Stream Programmer's
 * Reference, "Query Reply". */
#ifndef CP_IO_QREPLY_H
#define CP_IO_QREPLY_H

#include "arch370/types.h"

#define Q3270_AID       0x88    /* the answer's attention identifier */

/* the structured field Read Partition (partition X'FF') Query */
extern const u8 q3270_query[5];

/* The alternate screen size out of a record (AID first); false if the
 * record says none.  The Implicit Partition reply wins over Usable Area. */
bool q3270_size(const u8 *rec, unsigned n, unsigned *rows, unsigned *cols);

#endif
