/* cptables.c - CP's own tables, as the audit reads them.
 *
 * cp/vm/priv.def is the list CP's dispatcher (cp/vm/priv.c) is built from,
 * and tests/guest/taudit.def the list the guest test runs.  Both are
 * macro lists; here they become plain rows of strings, so the host tool
 * compiles none of CP and still cannot describe a simulation CP lacks, or
 * a test that does not run. */
#include "assembler-tools/sensdoc/sensdoc.h"

#define STATE   ACT_SIMULATE
#define DEVICE  ACT_VIRTUAL_IO
#define SERVICE ACT_DIAGNOSE

const struct cp_simulated sensdoc_simulated[] = {
#define PRIV(key, mnemonic, handler, file, kind, note) \
    { 0x##key, #mnemonic, #handler, file, kind, note },
#include "cp/vm/priv.def"
#undef PRIV
};

const unsigned sensdoc_simulated_size = ARRAY_SIZE(sensdoc_simulated);

#define DONE       AUDIT_DONE
#define OPERATION  AUDIT_OPERATION
#define PRIVILEGED AUDIT_PRIVILEGED

const struct audit_case sensdoc_audit[] = {
#define AUDIT(key, mnemonic, sup, prob, ...) { 0x##key, #mnemonic, { sup, prob } },
#include "tests/guest/taudit.def"
#undef AUDIT
};

const unsigned sensdoc_audit_size = ARRAY_SIZE(sensdoc_audit);

const struct cp_simulated *sensdoc_simulation(const struct cp_simulated *s, unsigned n,
                                              u16 opkey)
{
    for (unsigned i = 0; i < n; i++)
        if (s[i].opkey == opkey)
            return &s[i];
    return NULL;
}

const struct audit_case *sensdoc_audit_case(u16 opkey)
{
    for (unsigned i = 0; i < sensdoc_audit_size; i++)
        if (sensdoc_audit[i].opkey == opkey)
            return &sensdoc_audit[i];
    return NULL;
}

struct sensdoc_tables sensdoc_real_tables(void)
{
    struct sensdoc_tables r = {
        insn_table, insn_table_size,
        sensdoc_handlings, sensdoc_handlings_size,
        sensdoc_simulated, sensdoc_simulated_size,
    };
    return r;
}
