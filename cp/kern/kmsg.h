/* kmsg.h - a message for the operator from any layer.
 *
 * The same as op_msg() (cp/kern/oplog.h): the line goes into the
 * operator's log, and to the operator's terminal once the session layer
 * has registered where that is (oplog_set_sink). */
#ifndef CP_KERN_KMSG_H
#define CP_KERN_KMSG_H

void kmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
