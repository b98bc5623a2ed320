/* kmsg.h - a message for the operator from below the terminal layer.
 *
 * Drivers, the pager and the minidisk code report to the operator, but
 * the operator's console and its log (cp/term/oplog.c) sit layers above
 * them.  They call kmsg(); the layer that owns the operator console
 * registers where the line goes (cp/term/termhooks.c, first thing at
 * IPL); a line before that is dropped. */
#ifndef CP_KERN_KMSG_H
#define CP_KERN_KMSG_H

/* format a line and hand it to the registered sink */
void kmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kmsg_register(void (*sink)(const char *line));

#endif
