/* logon.h - what a session does with a line: LOGON dialogue or command. */
#ifndef CP_TERM_LOGON_H
#define CP_TERM_LOGON_H

struct session;

void logon_operator(struct session *s);
void logon_line(struct session *s, const char *line);
void logon_attention(struct session *s);
void logon_lost_terminal(struct session *s);

#endif
