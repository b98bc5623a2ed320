/* prose.h - the fixed text between the generated tables of the audit. */
#ifndef SENSDOC_PROSE_H
#define SENSDOC_PROSE_H

extern const char prose_first_line[];
extern const char prose_intro[];
extern const char prose_condition_holds[];
extern const char prose_condition_fails[];
extern const char prose_s370_sensitive[];
extern const char prose_reassigned[];
extern const char prose_esa_disabled[];
extern const char prose_esa_privileged[];
extern const char prose_esa_native[];
extern const char prose_esa_native_after[];
extern const char prose_innocuous[];
extern const char prose_innocuous_after[];
extern const char prose_not_in_table[];
extern const char prose_registers[];
extern const char prose_finding[];

#endif
