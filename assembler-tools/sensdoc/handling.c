/* handling.c - why CP refuses what it does not simulate, and what a guest
 * sees of what runs natively.
 *
 * One row per table key, sorted.  What CP simulates is not here: that is
 * cp/vm/priv.def, CP's own list (cptables.c reads it).  Here are the
 * other instructions that matter to the audit: every sensitive S/370
 * instruction CP does not simulate (the note says which facility the
 * virtual machine lacks), every instruction that the control registers CP
 * loads for a guest make trap (the "control" column names the bit and the
 * interruption the real CPU then raises, as measured on Hercules 3.13 in
 * ESA/390 mode with CR0 = X'00B00E40', CR3 = 0 and CR14 = X'C2000000', DAT
 * on, problem state; a row with ACT_NONE gives only that column, for an
 * instruction priv.def simulates), and every sensitive ESA/390
 * instruction that runs natively (the note says what the guest sees).
 * ESA/390 instructions that trap and have no row are reflected as
 * operation exceptions, because S/370 does not define them. */
#include "assembler-tools/sensdoc/sensdoc.h"

#define NOFAC ACT_NO_FACILITY

#define EXTRACT "CR0 bit 4 (extraction-authority control) off: privileged operation (0002)"
#define SECSPC  "CR0 bit 5 (secondary-space control) off: special operation (0013)"
#define KEYMASK "CR3 bits 0-15 (PSW-key mask) zero: privileged operation (0002)"
#define ASNTR   "CR14 bit 12 (ASN-translation control) off: special operation (0013)"
#define ASF     "CR0 bit 15 (address-space-function control) off: special operation (0013)"
#define AFP     "CR0 bit 13 (AFP-register control) off: data exception (0007, DXC 2)"
#define DAS     "no dual-address-space facility (as in VM/370 Release 6)"
#define AMODE   "CP keeps the mode beside the guest's S/370 PSW (esa_mode in struct vcpu) " \
                "across every exit the guest does not see, until LPSW, an interruption " \
                "or a reset replaces the PSW; a branch beyond 16 MB, which no S/370 PSW " \
                "can hold, is an addressing exception with ILC 0"

const struct cp_handling sensdoc_handlings[] = {
    { 0x0101, NOFAC, ASF, NULL },
    { 0x010B, ACT_NATIVE, NULL, "reports the addressing mode: 24-bit, as a S/370 program "
      "expects, unless the guest switched it itself" },
    { 0x010C, ACT_NATIVE, NULL, "sets 24-bit addressing, the mode the guest already runs in" },
    { 0x010D, ACT_NATIVE, NULL, "switches the real CPU to 31-bit addressing; " AMODE },
    { 0x01FF, NOFAC, "trap not enabled in the dispatchable-unit control table (CR2): "
      "special operation (0013)", NULL },
    { 0x0B00, ACT_NATIVE, NULL, "with bit 0 of R2 on, switches the real CPU to 31-bit "
      "addressing; " AMODE },
    { 0x0C00, ACT_NATIVE, NULL, "with bit 0 of R2 on, switches the real CPU to 31-bit "
      "addressing; " AMODE },
    { 0xAF00, ACT_MONITOR, "CR8 bits 16-31 (monitor masks) all on while a guest runs: "
      "monitor event (0040)", "reflected if the class is enabled in the guest's CR8, "
      "otherwise the guest resumes after MC" },
    { 0xB200, NOFAC, NULL, "no channel-set switching" },
    { 0xB201, NOFAC, NULL, "no channel-set switching" },
    { 0xB20A, ACT_NONE, KEYMASK, NULL },
    { 0xB20B, ACT_NONE, EXTRACT, NULL },
    { 0xB210, NOFAC, NULL, "no prefix register: a virtual uniprocessor "
      "without the multiprocessing facility" },
    { 0xB211, NOFAC, NULL, "no prefix register: a virtual uniprocessor "
      "without the multiprocessing facility" },
    { 0xB218, NOFAC, ASNTR, DAS },
    { 0xB219, NOFAC, SECSPC, DAS },
    { 0xB221, NOFAC, NULL, "no extended facility (GA22-7072)" },
    { 0xB223, NOFAC, EXTRACT, DAS },
    { 0xB224, NOFAC, EXTRACT, DAS },
    { 0xB225, NOFAC, ASNTR, DAS },
    { 0xB226, NOFAC, EXTRACT, DAS },
    { 0xB227, NOFAC, EXTRACT, DAS },
    { 0xB228, NOFAC, ASNTR, DAS },
    { 0xB229, NOFAC, NULL, "no storage-key 4K-byte-block facility" },
    { 0xB22A, NOFAC, NULL, "no storage-key 4K-byte-block facility" },
    { 0xB22B, NOFAC, NULL, "no storage-key 4K-byte-block facility" },
    { 0xB22C, NOFAC, NULL, "TEST BLOCK is not offered" },
    { 0xB240, NOFAC, ASF, NULL },
    { 0xB247, NOFAC, ASF, NULL },
    { 0xB249, NOFAC, ASF, NULL },
    { 0xB24A, NOFAC, ASF, NULL },
    { 0xB24C, NOFAC, ASF, NULL },
    { 0xB254, ACT_NATIVE, NULL, "with the condition-code option (GR0 bit 23), a page CP "
      "has paged out gives condition code 1 or 2 instead of a page fault: the guest can "
      "see which of its pages are resident" },
    { 0xB258, NOFAC, ASF, NULL },
    { 0xB25A, NOFAC, ASF, NULL },
    { 0xB277, ACT_NATIVE, NULL, "loads condition code, program mask, address-space control, "
      "addressing mode and instruction address from guest storage: 31-bit addressing and "
      "secondary-space mode are reached from problem state (home-space mode gives 0002, "
      "access-register mode 0013); CP runs guests with CR7 equal to CR1 (run_guest in "
      "cp/vm/dispatch.c), so secondary-space mode still addresses only the guest's own "
      "storage; " AMODE },
    { 0xB279, NOFAC, SECSPC, NULL },
    { 0xB299, NOFAC, AFP, NULL },
    { 0xB29C, NOFAC, AFP, NULL },
    { 0xB29D, NOFAC, AFP, NULL },
    { 0xB2FF, NOFAC, "trap not enabled in the dispatchable-unit control table (CR2): "
      "special operation (0013)", NULL },
    { 0xB384, NOFAC, AFP, NULL },
    { 0xB38C, NOFAC, AFP, NULL },
    { 0xB98D, ACT_NATIVE, NULL, "returns the real PSW, whose problem-state and DAT bits are "
      "on even when the guest believes it runs in supervisor state with DAT off; CP cannot "
      "intercept it" },
    { 0xD900, NOFAC, KEYMASK, DAS },
    { 0xDA00, NOFAC, SECSPC, DAS },
    { 0xDB00, NOFAC, SECSPC, DAS },
    { 0xE500, NOFAC, NULL, DAS },
    { 0xE501, NOFAC, NULL, "no extended facility (GA22-7072)" },
    { 0xE50E, NOFAC, KEYMASK, NULL },
    { 0xE50F, NOFAC, KEYMASK, NULL },
};

const unsigned sensdoc_handlings_size = ARRAY_SIZE(sensdoc_handlings);

/* The direct-control facility was optional on S/370; its opcodes are
 * relative branches on ESA/390, so the virtual machine cannot offer it. */
const struct reassigned_op sensdoc_reassigned[] = {
    { 0x8400, "WRD", "Write Direct" },
    { 0x8500, "RDD", "Read Direct" },
};

const unsigned sensdoc_reassigned_size = ARRAY_SIZE(sensdoc_reassigned);

const struct cp_handling *sensdoc_handling(const struct cp_handling *h, unsigned n, u16 opkey)
{
    unsigned lo = 0, hi = n;

    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;

        if (h[mid].opkey == opkey)
            return &h[mid];
        if (h[mid].opkey < opkey)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
