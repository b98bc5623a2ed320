/* mkdiagh - write the guest-side DIAGNOSE header from diag/diag.def.
 *
 * Every code gets a C inline function that loads the registers a guest
 * passes (Rx = GR2, Rx+1 = GR3, Ry = GR4, Ry+1 = GR5, GR15), issues the
 * DIAGNOSE, and gives back the registers and the condition code.  Guests
 * (cms-guest/, tests/guest/) include the generated build/include/cp370diag.h. */
#include <stdio.h>

struct entry {
    const char *code, *name, *summary;
};

static const struct entry entries[] = {
#define DIAG(code, name, summary) { #code, #name, summary },
#include "diag/diag.def"
#undef DIAG
};

int main(void)
{
    printf("/* cp370diag.h - GENERATED from diag/diag.def by assembler-tools/mkdiagh; do not edit.\n"
           " *\n"
           " * One inline function per DIAGNOSE code cp370 implements.  Fill a\n"
           " * struct cp370_diag_regs with what the code takes in Rx, Rx+1, Ry, Ry+1\n"
           " * and R15 (see docs/diagnose.md); the function issues the DIAGNOSE with\n"
           " * Rx = GR2 and Ry = GR4, stores the registers back and returns the\n"
           " * condition code. */\n"
           "#ifndef CP370DIAG_H\n#define CP370DIAG_H\n\n"
           "#include <stdint.h>\n\n"
           "struct cp370_diag_regs {\n"
           "    uint32_t rx, rx1, ry, ry1, r15;\n"
           "};\n");
    for (unsigned i = 0; i < sizeof entries / sizeof entries[0]; i++) {
        const struct entry *e = &entries[i];
        printf("\n/* DIAGNOSE X'%s': %s */\n"
               "static inline int cp370_diag_%s_%s(struct cp370_diag_regs *r)\n"
               "{\n"
               "    register uint32_t r2 __asm__(\"2\") = r->rx, r3 __asm__(\"3\") = r->rx1;\n"
               "    register uint32_t r4 __asm__(\"4\") = r->ry, r5 __asm__(\"5\") = r->ry1;\n"
               "    uint32_t r15 = r->r15, sp;\n"
               "    int cc;\n"
               "    /* GR15 is the stack pointer: saved around the DIAGNOSE */\n"
               "    __asm__ volatile(\"lr %%1,15\\n\\tlr 15,%%2\\n\\tdiag 2,4,0x%s\\n\\t\"\n"
               "                     \"ipm %%0\\n\\tsrl %%0,28\\n\\tlr %%2,15\\n\\tlr 15,%%1\"\n"
               "                     : \"=&d\"(cc), \"=&d\"(sp), \"+d\"(r15), \"+d\"(r2), \"+d\"(r3), \"+d\"(r4), \"+d\"(r5)\n"
               "                     : : \"cc\", \"memory\");\n"
               "    r->rx = r2;\n    r->rx1 = r3;\n    r->ry = r4;\n    r->ry1 = r5;\n    r->r15 = r15;\n"
               "    return cc;\n"
               "}\n", e->code, e->summary, e->code, e->name, e->code);
    }
    printf("\n#endif\n");
    return 0;
}
