/* check.c - refuse an incomplete audit.
 *
 * The generated file is only worth reading if it covers everything:
 * every sensitive S/370 instruction must trap on the real CPU (Popek and
 * Goldberg's condition) and have a documented CP handling; every
 * instruction made to trap by a control register must say which one; every
 * sensitive instruction that runs natively must say what the guest sees;
 * and a handling row must not describe an instruction the table lacks. */
#include "assembler-tools/sensdoc/sensdoc.h"

static void problem(FILE *err, unsigned *count, const char *id,
                    const struct insn_info *e, const char *what)
{
    char op[8];

    fprintf(err, "%s %s (X'%s') %s\n", id, e->mnemonic, sensdoc_opcode(e, op, sizeof op), what);
    (*count)++;
}

static unsigned check_row(const struct insn_info *e, const struct cp_handling *h, FILE *err)
{
    unsigned n = 0;
    bool sensitive = e->pg != PG_INNOCUOUS;

    if ((e->flags & INSN_S370) && sensitive && !insn_traps390(e))
        problem(err, &n, "SDC001E", e, "is sensitive on S/370 but runs natively on the real "
                "CPU; Popek and Goldberg's condition fails");
    if ((e->flags & INSN_S370) && sensitive && !h)
        problem(err, &n, "SDC002E", e, "is sensitive but has no CP handling; add a row to "
                "assembler-tools/sensdoc/handling.c");
    if ((e->flags & INSN_SEMI390) && (!h || !h->control))
        problem(err, &n, "SDC003E", e, "traps only through a control register, but the "
                "handling row does not name it");
    if ((e->flags & INSN_ESA_ONLY) && sensitive && !insn_traps390(e)
        && (!h || h->action != ACT_NATIVE || !h->note))
        problem(err, &n, "SDC004E", e, "is sensitive and runs natively, but no note says "
                "what the guest sees");
    if (h && h->action == ACT_NATIVE && insn_traps390(e))
        problem(err, &n, "SDC005E", e, "traps on the real CPU, but its handling says it "
                "runs natively");
    return n;
}

static bool table_has(const struct insn_info *t, unsigned tn, u16 key)
{
    for (unsigned i = 0; i < tn; i++)
        if (t[i].opcode == key)
            return true;
    return false;
}

unsigned sensdoc_check(const struct insn_info *t, unsigned tn,
                       const struct cp_handling *h, unsigned hn, FILE *err)
{
    unsigned n = 0;

    for (unsigned i = 1; i < hn; i++) {
        if (h[i - 1].opkey >= h[i].opkey) {
            fprintf(err, "SDC006E handling row X'%04X' is out of order; keep the rows "
                    "sorted by key\n", h[i].opkey);
            n++;
        }
    }
    for (unsigned i = 0; i < tn; i++)
        n += check_row(&t[i], sensdoc_handling(h, hn, t[i].opcode), err);
    for (unsigned i = 0; i < hn; i++) {
        if (!table_has(t, tn, h[i].opkey)) {
            fprintf(err, "SDC007E handling row X'%04X' has no instruction in "
                    "arch370/insn_table.c\n", h[i].opkey);
            n++;
        }
    }
    return n;
}
