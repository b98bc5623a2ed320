/* termhooks.h - how the layers below reach terminals and sessions.
 *
 * Kernel services, the dispatcher and the virtual console must not
 * include the session layer (cp/layers.txt); each offers a registration
 * instead, and termhooks_init() fills them all with the session layer's
 * functions.  Called first thing at IPL, before anything can speak. */
#ifndef CP_TERM_TERMHOOKS_H
#define CP_TERM_TERMHOOKS_H

void termhooks_init(void);

#endif
