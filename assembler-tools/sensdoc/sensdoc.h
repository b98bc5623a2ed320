/* sensdoc.h - the sensitivity audit, generated from the instruction table.
 *
 * arch370/insn_table.c says what each instruction is and how the real
 * ESA/390 CPU treats it when a guest issues it; handling.c says what CP
 * does then.  sensdoc_write() turns both into docs/history/sensitivity.md;
 * sensdoc_check() reports every gap (a sensitive S/370 instruction with no
 * trap or no documented handling, among others), and the tool writes
 * nothing while there is one: the generated file is the Popek-Goldberg
 * audit of cp370, so it must never be silently incomplete. */
#ifndef SENSDOC_H
#define SENSDOC_H

#include <stdio.h>
#include "arch370/insn.h"

/* What CP does when an instruction traps for a guest in virtual
 * supervisor state (in virtual problem state every instruction that is
 * privileged on S/370 is reflected as a privileged-operation exception). */
enum cp_action {
    ACT_NONE = 0,
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
    const char *note;       /* what CP does, or what the guest sees */
};

/* An S/370 opcode whose table row is another instruction on ESA/390. */
struct reassigned_op {
    u16 opkey;
    const char *mnemonic;
    const char *name;
};

extern const struct cp_handling sensdoc_handlings[];
extern const unsigned sensdoc_handlings_size;
extern const struct reassigned_op sensdoc_reassigned[];
extern const unsigned sensdoc_reassigned_size;

/* The handling entry for a key, or NULL (binary search, sorted table). */
const struct cp_handling *sensdoc_handling(const struct cp_handling *h, unsigned n, u16 opkey);

/* Check that the tables describe every instruction the audit must cover;
 * one message per problem to err.  Returns the number of problems. */
unsigned sensdoc_check(const struct insn_info *t, unsigned tn,
                       const struct cp_handling *h, unsigned hn, FILE *err);

/* Write the audit for the real tables.  Returns 0, or -1 if out failed. */
int sensdoc_write(FILE *out);

/* Opcode as the Principles of Operation print it: "05", "B20A", "A7x4". */
const char *sensdoc_opcode(const struct insn_info *e, char *buf, size_t size);

#endif
