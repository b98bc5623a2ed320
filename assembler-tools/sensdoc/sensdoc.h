/* sensdoc.h - the sensitivity audit, generated from the instruction table.
 *
 * arch370/insn_table.c says what each instruction is and how the real
 * ESA/390 CPU treats it when a guest issues it; cp/vm/priv.def, CP's own
 * list of the instructions it simulates, says which ones CP carries out
 * (cptables.c reads it, and the guest test's case list
 * tests/guest/taudit.def); handling.c says why CP refuses the others, and
 * what a guest sees of those that run natively.  sensdoc_write() turns
 * them into docs/history/sensitivity.md; sensdoc_check() reports every gap
 * (a sensitive S/370 instruction with no trap or no handling, a
 * simulation the table does not know, among others), and the tool writes
 * nothing while there is one: the generated file is the Popek-Goldberg
 * audit of cp370, so it must never be silently incomplete. */
#ifndef SENSDOC_H
#define SENSDOC_H

#include <stdio.h>
#include "arch370/insn.h"

/* What CP does when an instruction traps for a guest in virtual
 * supervisor state.  The first three come only from cp/vm/priv.def (its
 * kinds STATE, DEVICE, SERVICE); handling.c may not claim them. */
enum cp_action {
    ACT_NONE = 0,       /* handling.c: only the control column, for an
                           instruction priv.def simulates */
    ACT_SIMULATE,       /* performed against the virtual machine's state */
    ACT_VIRTUAL_IO,     /* performed against the virtual device */
    ACT_DIAGNOSE,       /* a DIAGNOSE service */
    ACT_NO_FACILITY,    /* operation exception: facility not offered */
    ACT_MONITOR,        /* monitor event reflected if the guest enabled it */
    ACT_NATIVE,         /* runs on the real CPU: CP never sees it */
};

struct cp_handling {
    u16 opkey;              /* table key, see insn_opkey() */
    u8 action;              /* enum cp_action */
    const char *control;    /* SEMI390: the control-register setting that
                               makes it trap, and the interruption code */
    const char *note;       /* why CP refuses it, or what the guest sees */
};

/* One row of cp/vm/priv.def: an instruction CP simulates. */
struct cp_simulated {
    u16 opkey;
    const char *mnemonic;
    const char *handler;    /* the C function in CP */
    const char *file;       /* where it is */
    u8 action;              /* ACT_SIMULATE, ACT_VIRTUAL_IO, ACT_DIAGNOSE */
    const char *note;       /* what the guest gets */
};

/* One row of tests/guest/taudit.def: what the guest test expects. */
enum audit_expect { AUDIT_DONE = 0, AUDIT_OPERATION = 1, AUDIT_PRIVILEGED = 2 };
struct audit_case {
    u16 opkey;
    const char *mnemonic;
    u8 expect[2];           /* enum audit_expect: supervisor, problem state */
};

/* An S/370 opcode whose table row is another instruction on ESA/390. */
struct reassigned_op {
    u16 opkey;
    const char *mnemonic;
    const char *name;
};

extern const struct cp_handling sensdoc_handlings[];
extern const unsigned sensdoc_handlings_size;
extern const struct cp_simulated sensdoc_simulated[];
extern const unsigned sensdoc_simulated_size;
extern const struct audit_case sensdoc_audit[];
extern const unsigned sensdoc_audit_size;
extern const struct reassigned_op sensdoc_reassigned[];
extern const unsigned sensdoc_reassigned_size;

/* The handling entry for a key, or NULL (binary search, sorted table). */
const struct cp_handling *sensdoc_handling(const struct cp_handling *h, unsigned n, u16 opkey);
/* The priv.def row for a key, or NULL. */
const struct cp_simulated *sensdoc_simulation(const struct cp_simulated *s, unsigned n,
                                              u16 opkey);
/* The guest test's case for a key, or NULL. */
const struct audit_case *sensdoc_audit_case(u16 opkey);

/* The tables one check looks at: the instruction table, handling.c and
 * priv.def (the real ones, or a test's). */
struct sensdoc_tables {
    const struct insn_info *t;
    unsigned tn;
    const struct cp_handling *h;
    unsigned hn;
    const struct cp_simulated *s;
    unsigned sn;
};

/* The real tables. */
struct sensdoc_tables sensdoc_real_tables(void);

/* Check that the tables describe every instruction the audit must cover;
 * one message per problem to err.  Returns the number of problems. */
unsigned sensdoc_check(const struct sensdoc_tables *tables, FILE *err);

/* Write the audit for the real tables.  Returns 0, or -1 if out failed. */
int sensdoc_write(FILE *out);

/* Opcode as the Principles of Operation print it: "05", "B20A", "A7x4". */
const char *sensdoc_opcode(const struct insn_info *e, char *buf, size_t size);

#endif
