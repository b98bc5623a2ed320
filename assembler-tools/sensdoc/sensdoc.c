/* sensdoc.c - write docs/history/sensitivity.md from the tables.
 *
 * Every table and count below is computed from arch370/insn_table.c,
 * cp/vm/priv.def, tests/guest/taudit.def and handling.c; the prose between
 * them is fixed text in prose.c.  Output is deterministic (table order, no
 * dates), so the unit test can compare the committed file with a fresh run
 * byte for byte. */
#include "assembler-tools/sensdoc/sensdoc.h"
#include "assembler-tools/sensdoc/prose.h"

#define H(e)   sensdoc_handling(sensdoc_handlings, sensdoc_handlings_size, (e)->opcode)
#define SIM(e) sensdoc_simulation(sensdoc_simulated, sensdoc_simulated_size, (e)->opcode)

const char *sensdoc_opcode(const struct insn_info *e, char *buf, size_t size)
{
    u8 op0 = (u8)(e->opcode >> 8), low = (u8)e->opcode;

    switch (op0) {
    case 0x01: case 0xB2: case 0xB3: case 0xB9: case 0xE5:
    case 0x9C: case 0x9D: case 0x9E: case 0x9F:
        snprintf(buf, size, "%04X", e->opcode);
        break;
    case 0xA5: case 0xA7: case 0xC0:
        snprintf(buf, size, "%02Xx%X", op0, low);
        break;
    default:
        snprintf(buf, size, "%02X", op0);
        break;
    }
    return buf;
}

static const char *pg_text(u8 pg)
{
    switch (pg) {
    case PG_CONTROL:   return "control";
    case PG_BEHAVIOUR: return "behaviour";
    case PG_BOTH:      return "control, behaviour";
    default:           return "innocuous";
    }
}

/* What the real ESA/390 CPU does when a guest in problem state issues it. */
static const char *real_cpu_text(const struct insn_info *e, const struct cp_handling *h)
{
    if (e->flags & INSN_PRIV390)
        return "privileged: privileged operation (0002)";
    if (e->flags & (INSN_IO370 | INSN_UNDEF390))
        return "not defined: operation exception (0001)";
    if ((e->flags & INSN_SEMI390) && h && h->control)
        return h->control;
    return "runs";
}

static const char *const action_lead[] = {
    [ACT_SIMULATE]    = "simulated",
    [ACT_VIRTUAL_IO]  = "simulated on the virtual device",
    [ACT_DIAGNOSE]    = "DIAGNOSE service",
    [ACT_NO_FACILITY] = "operation exception (0001) reflected",
    [ACT_MONITOR]     = "monitor event",
    [ACT_NATIVE]      = "runs natively",
};

/* What CP does: CP's own list first, then the reasons of handling.c. */
static void cp_text(FILE *out, const struct insn_info *e)
{
    const struct cp_simulated *s = SIM(e);
    const struct cp_handling *h = H(e);

    if (s) {
        fprintf(out, "%s by `%s` (`%s`): %s", action_lead[s->action], s->handler, s->file,
                s->note);
        return;
    }
    if (h && h->action != ACT_NONE && h->action < ARRAY_SIZE(action_lead)) {
        fputs(action_lead[h->action], out);
        if (h->note)
            fprintf(out, ": %s", h->note);
        return;
    }
    if ((e->flags & INSN_S370) && insn_traps390(e))
        fputs("operation exception (0001) reflected: not in cp/vm/priv.def", out);
    else
        fputs("not documented", out);
}

/* What the guest test expects in each state (tests/guest/taudit.def). */
static void audit_text(FILE *out, const struct insn_info *e)
{
    static const char *const what[] = {
        [AUDIT_DONE] = "completes", [AUDIT_OPERATION] = "0001", [AUDIT_PRIVILEGED] = "0002",
    };
    const struct audit_case *c = sensdoc_audit_case(e->opcode);

    if (!c || c->expect[0] >= ARRAY_SIZE(what) || c->expect[1] >= ARRAY_SIZE(what))
        fputs("no case", out);
    else
        fprintf(out, "%s / %s", what[c->expect[0]], what[c->expect[1]]);
}

static const char *s370_state_text(const struct insn_info *e)
{
    if (e->flags & INSN_SEMI370)
        return "semiprivileged";
    return e->flags & INSN_PRIV370 ? "privileged" : "problem state";
}

static void row_start(FILE *out, const struct insn_info *e)
{
    char op[8];

    fprintf(out, "| %s | %s | %s |", sensdoc_opcode(e, op, sizeof op), e->mnemonic, e->name);
}

static bool is_s370_sensitive(const struct insn_info *e)
{
    return (e->flags & INSN_S370) && e->pg != PG_INNOCUOUS;
}

static void write_s370_sensitive(FILE *out)
{
    fputs(prose_s370_sensitive, out);
    fputs("| Opcode | Mnemonic | Name | Class | On S/370 | Real ESA/390 CPU | CP | "
          "Guest test |\n"
          "|---|---|---|---|---|---|---|---|\n", out);
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];

        if (!is_s370_sensitive(e))
            continue;
        row_start(out, e);
        fprintf(out, " %s | %s | %s | ", pg_text(e->pg), s370_state_text(e),
                real_cpu_text(e, H(e)));
        cp_text(out, e);
        fputs(" | ", out);
        audit_text(out, e);
        fputs(" |\n", out);
    }
}

static void write_reassigned(FILE *out)
{
    fputs(prose_reassigned, out);
    fputs("| Opcode | S/370 | ESA/390 instruction on the real CPU |\n|---|---|---|\n", out);
    for (unsigned i = 0; i < sensdoc_reassigned_size; i++) {
        const struct reassigned_op *r = &sensdoc_reassigned[i];
        const struct insn_info *now = insn_lookup(r->opkey);

        fprintf(out, "| %02X | %s (%s) | %s (%s) |\n", r->opkey >> 8, r->mnemonic, r->name,
                now ? now->mnemonic : "none", now ? now->name : "undefined");
    }
}

static void write_esa_disabled(FILE *out)
{
    fputs(prose_esa_disabled, out);
    fputs("| Opcode | Mnemonic | Name | Control setting: interruption | CP | Guest test |\n"
          "|---|---|---|---|---|---|\n", out);
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];

        if (!(e->flags & INSN_ESA_ONLY) || !(e->flags & INSN_SEMI390))
            continue;
        row_start(out, e);
        fprintf(out, " %s | operation exception (0001): not a S/370 instruction | ",
                real_cpu_text(e, H(e)));
        audit_text(out, e);
        fputs(" |\n", out);
    }
}

static void write_esa_privileged(FILE *out)
{
    fputs(prose_esa_privileged, out);
    fputs("| Opcode | Mnemonic | Name | Class | Guest test |\n|---|---|---|---|---|\n", out);
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];

        if ((e->flags & INSN_ESA_ONLY) && (e->flags & INSN_PRIV390)) {
            row_start(out, e);
            fprintf(out, " %s | ", pg_text(e->pg));
            audit_text(out, e);
            fputs(" |\n", out);
        }
    }
}

static void write_esa_native(FILE *out)
{
    fputs(prose_esa_native, out);
    fputs("| Opcode | Mnemonic | Name | Class | What the guest sees, what CP does | "
          "Guest test |\n"
          "|---|---|---|---|---|---|\n", out);
    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];

        if (!(e->flags & INSN_ESA_ONLY) || e->pg == PG_INNOCUOUS || insn_traps390(e))
            continue;
        row_start(out, e);
        fprintf(out, " %s | ", pg_text(e->pg));
        cp_text(out, e);
        fputs(" | ", out);
        audit_text(out, e);
        fputs(" |\n", out);
    }
    fputs(prose_esa_native_after, out);
}

enum family { FAM_GENERAL, FAM_DECIMAL, FAM_FLOAT, FAM_COUNT };

/* The Principles of Operation chapter an innocuous instruction belongs to:
 * floating point (HFP, FPC), decimal, or general. */
static enum family family_of(const struct insn_info *e)
{
    u8 op0 = (u8)(e->opcode >> 8);

    if ((op0 >= 0x20 && op0 <= 0x3F) || (op0 >= 0x60 && op0 <= 0x7F && op0 != 0x71)
        || op0 == 0xB3 || op0 == 0xED || e->opcode == 0xB22D || e->opcode == 0xB244
        || e->opcode == 0xB245 || (e->opcode >= 0xB299 && e->opcode <= 0xB29D))
        return FAM_FLOAT;
    if (op0 == 0xF0 || (op0 >= 0xF8 && op0 <= 0xFD) || op0 == 0xDE || op0 == 0xDF)
        return FAM_DECIMAL;
    return FAM_GENERAL;
}

static void write_innocuous(FILE *out)
{
    static const char *const fam_name[FAM_COUNT] = { "general", "decimal", "floating point" };
    unsigned s370[FAM_COUNT] = { 0 }, esa[FAM_COUNT] = { 0 };

    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];

        if (e->pg != PG_INNOCUOUS || insn_traps390(e))
            continue;
        if (e->flags & INSN_S370)
            s370[family_of(e)]++;
        else
            esa[family_of(e)]++;
    }
    fputs(prose_innocuous, out);
    fputs("| Family | S/370 | ESA/390 additions |\n|---|---|---|\n", out);
    for (unsigned f = 0; f < FAM_COUNT; f++)
        fprintf(out, "| %s | %u | %u |\n", fam_name[f], s370[f], esa[f]);
    fputs("\nThe ESA/390 additions:", out);
    for (unsigned i = 0, n = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];

        if ((e->flags & INSN_ESA_ONLY) && e->pg == PG_INNOCUOUS && !insn_traps390(e))
            fprintf(out, "%s %s", n++ ? "," : "", e->mnemonic);
    }
    fputs(".\n", out);
    fputs(prose_innocuous_after, out);
}

struct counts {
    unsigned all, s370, s370_sensitive, s370_native, esa, esa_traps, esa_native;
};

static struct counts count_table(void)
{
    struct counts c = { .all = insn_table_size };

    for (unsigned i = 0; i < insn_table_size; i++) {
        const struct insn_info *e = &insn_table[i];

        if (e->flags & INSN_S370) {
            c.s370++;
            c.s370_sensitive += e->pg != PG_INNOCUOUS;
            c.s370_native += e->pg != PG_INNOCUOUS && !insn_traps390(e);
        } else {
            c.esa++;
            c.esa_traps += insn_traps390(e);
            c.esa_native += e->pg != PG_INNOCUOUS && !insn_traps390(e);
        }
    }
    return c;
}

static void write_summary(FILE *out)
{
    struct counts c = count_table();

    fputs(prose_intro, out);
    fprintf(out, "| | |\n|---|---|\n"
            "| Instructions in the table | %u |\n"
            "| S/370 instructions (GA22-7000-10) | %u |\n"
            "| sensitive S/370 instructions | %u |\n"
            "| **sensitive S/370 instructions that run natively on the real CPU** | **%u** |\n"
            "| ESA/390 instructions a guest can issue | %u |\n"
            "| of them trapping | %u |\n"
            "| of them sensitive and running natively | %u |\n",
            c.all, c.s370, c.s370_sensitive, c.s370_native, c.esa, c.esa_traps,
            c.esa_native);
    fputs(c.s370_native ? prose_condition_fails : prose_condition_holds, out);
}

int sensdoc_write(FILE *out)
{
    fputs(prose_first_line, out);
    write_summary(out);
    write_s370_sensitive(out);
    write_reassigned(out);
    write_esa_disabled(out);
    write_esa_privileged(out);
    write_esa_native(out);
    write_innocuous(out);
    fputs(prose_not_in_table, out);
    fputs(prose_registers, out);
    fputs(prose_finding, out);
    fflush(out);
    return ferror(out) ? -1 : 0;
}
