/* shutdown.h - ending the system in order. */
#ifndef CP_TERM_SHUTDOWN_H
#define CP_TERM_SHUTDOWN_H

/* warn everybody, let the terminals drain, stop with wait code 006 */
void system_shutdown(const char *by) __attribute__((noreturn));

/* hooks run at shutdown, in order: spool checkpoint and the like */
void shutdown_register(void (*fn)(void));

#endif
