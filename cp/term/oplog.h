/* oplog.h - messages for the system operator.
 *
 * Everything CP tells the operator goes through op_msg(): it appears on
 * the operator console 0009 and is kept in a ring of recent lines that is
 * shown again when a client connects to 0009, so messages written before
 * anybody connected (the IPL messages) are not lost. */
#ifndef CP_TERM_OPLOG_H
#define CP_TERM_OPLOG_H

void op_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* replay the ring on the operator console */
void oplog_replay(void);

#endif
