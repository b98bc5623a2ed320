/* oplog.h - messages for the system operator.
 *
 * Everything CP tells the operator goes through op_msg().  The log keeps
 * the last OPLOG_LINES of them.  A message goes to the operator's
 * terminal through the sink the session layer registers while the
 * operator is logged on and connected; one that could not be shown waits
 * in the log and is shown when the operator logs on or reconnects
 * (oplog_deliver), so nothing written before anybody logged on (the IPL
 * messages) or while the operator was away is missed. */
#ifndef CP_KERN_OPLOG_H
#define CP_KERN_OPLOG_H

#include "arch370/types.h"

#define OPLOG_LINES     256

void op_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* where messages go: returns false when nobody could be shown the line */
void oplog_set_sink(bool (*sink)(const char *line));
/* show the operator every message still waiting */
void oplog_deliver(void);

#endif
