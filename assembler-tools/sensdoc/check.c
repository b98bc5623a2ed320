/* check.c - refuse an incomplete audit.
 *
 * The generated file is only worth reading if it covers everything:
 * every sensitive S/370 instruction must trap on the real CPU (Popek and
 * Goldberg's condition) and be either simulated by CP (cp/vm/priv.def) or
 * refused for a stated reason (handling.c); every instruction made to
 * trap by a control register must say which one; every sensitive
 * instruction that runs natively must say what the guest sees; a
 * simulation must be of a privileged S/370 instruction of the table; and
 * no row may describe an instruction the table lacks. */
#include <string.h>
#include "assembler-tools/sensdoc/sensdoc.h"

static void problem(FILE *err, unsigned *count, const char *id,
                    const struct insn_info *e, const char *what)
{
    char op[8];

    fprintf(err, "%s %s (X'%s') %s\n", id, e->mnemonic, sensdoc_opcode(e, op, sizeof op), what);
    (*count)++;
}

static unsigned check_row(const struct insn_info *e, const struct cp_handling *h,
                          const struct cp_simulated *sim, FILE *err)
{
    unsigned n = 0;
    bool sensitive = e->pg != PG_INNOCUOUS;
    bool refused = h && h->action != ACT_NONE;

    if ((e->flags & INSN_S370) && sensitive && !insn_traps390(e))
        problem(err, &n, "SDC001E", e, "is sensitive on S/370 but runs natively on the real "
                "CPU; Popek and Goldberg's condition fails");
    if ((e->flags & INSN_S370) && sensitive && !sim && !refused)
        problem(err, &n, "SDC002E", e, "is sensitive but CP neither simulates it "
                "(cp/vm/priv.def) nor says why not (assembler-tools/sensdoc/handling.c)");
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
    if (sim && !((e->flags & INSN_S370) && (e->flags & INSN_PRIV370) && insn_traps390(e)))
        problem(err, &n, "SDC008E", e, "is simulated in cp/vm/priv.def, but is not a "
                "privileged S/370 instruction that traps");
    if (sim && strcmp(sim->mnemonic, e->mnemonic) != 0)
        problem(err, &n, "SDC008E", e, "has another mnemonic in cp/vm/priv.def");
    if (sim && refused)
        problem(err, &n, "SDC009E", e, "is simulated in cp/vm/priv.def, but handling.c "
                "says CP refuses it or never sees it");
    if (h && h->action == ACT_NONE && !sim)
        problem(err, &n, "SDC009E", e, "has a handling row that only names a control, but "
                "cp/vm/priv.def does not simulate it");
    if (h && (h->action == ACT_SIMULATE || h->action == ACT_VIRTUAL_IO ||
              h->action == ACT_DIAGNOSE))
        problem(err, &n, "SDC009E", e, "is called simulated in handling.c; only "
                "cp/vm/priv.def may say that");
    return n;
}

static bool table_has(const struct insn_info *t, unsigned tn, u16 key)
{
    for (unsigned i = 0; i < tn; i++)
        if (t[i].opcode == key)
            return true;
    return false;
}

static unsigned check_order(const char *what, const u16 *prev, const u16 *key, FILE *err)
{
    if (*prev < *key)
        return 0;
    fprintf(err, "SDC006E %s row X'%04X' is out of order; keep the rows sorted by key\n",
            what, *key);
    return 1;
}

static unsigned check_unknown(const char *what, const struct insn_info *t, unsigned tn,
                              u16 key, FILE *err)
{
    if (table_has(t, tn, key))
        return 0;
    fprintf(err, "SDC007E %s row X'%04X' has no instruction in arch370/insn_table.c\n",
            what, key);
    return 1;
}

unsigned sensdoc_check(const struct sensdoc_tables *x, FILE *err)
{
    unsigned n = 0;

    for (unsigned i = 1; i < x->hn; i++)
        n += check_order("handling", &x->h[i - 1].opkey, &x->h[i].opkey, err);
    for (unsigned i = 1; i < x->sn; i++)
        n += check_order("cp/vm/priv.def", &x->s[i - 1].opkey, &x->s[i].opkey, err);
    for (unsigned i = 0; i < x->tn; i++)
        n += check_row(&x->t[i], sensdoc_handling(x->h, x->hn, x->t[i].opcode),
                       sensdoc_simulation(x->s, x->sn, x->t[i].opcode), err);
    for (unsigned i = 0; i < x->hn; i++)
        n += check_unknown("handling", x->t, x->tn, x->h[i].opkey, err);
    for (unsigned i = 0; i < x->sn; i++)
        n += check_unknown("cp/vm/priv.def", x->t, x->tn, x->s[i].opkey, err);
    return n;
}
