/* insn_table.c - the instruction table: one row per opcode, sorted by key.
 *
 * Key: see insn_opkey() in insn.h.  Flags: INSN_S370 = a S/370 instruction;
 * PRIV370 = privileged on S/370; PRIV390 = privileged on the real ESA/390
 * machine; SEMI390 = semiprivileged on ESA/390 (trapped through CP's
 * control registers); IO370 = S/370 I/O instruction, undefined on ESA/390;
 * ESA_ONLY = not in S/370.  PG = Popek-Goldberg class for a guest. */
#include "arch370/insn.h"

#define S370   INSN_S370
#define P370   INSN_PRIV370
#define P390   INSN_PRIV390
#define SEMI   INSN_SEMI390
#define IO370  INSN_IO370
#define ESA    INSN_ESA_ONLY
#define UNDEF  INSN_UNDEF390

const struct insn_info insn_table[] = {
    { 0x0800, "SSK",   FMT_RR, S370 | P370 | P390, PG_CONTROL,   "Set Storage Key" },
    { 0x0900, "ISK",   FMT_RR, S370 | P370 | P390, PG_BEHAVIOUR, "Insert Storage Key" },
    { 0x4400, "EX",    FMT_RX, S370,               PG_INNOCUOUS, "Execute" },
    { 0x8000, "SSM",   FMT_S,  S370 | P370 | P390, PG_CONTROL,   "Set System Mask" },
    { 0x8200, "LPSW",  FMT_S,  S370 | P370 | P390, PG_CONTROL,   "Load PSW" },
    { 0x8300, "DIAG",  FMT_RS, S370 | P370 | P390, PG_BOTH,      "Diagnose" },
    { 0x9C00, "SIO",   FMT_S,  S370 | P370 | IO370, PG_BOTH,     "Start I/O" },
    { 0x9C01, "SIOF",  FMT_S,  S370 | P370 | IO370, PG_BOTH,     "Start I/O Fast Release" },
    { 0x9D00, "TIO",   FMT_S,  S370 | P370 | IO370, PG_BOTH,     "Test I/O" },
    { 0x9D01, "CLRIO", FMT_S,  S370 | P370 | IO370, PG_BOTH,     "Clear I/O" },
    { 0x9E00, "HIO",   FMT_S,  S370 | P370 | IO370, PG_BOTH,     "Halt I/O" },
    { 0x9E01, "HDV",   FMT_S,  S370 | P370 | IO370, PG_BOTH,     "Halt Device" },
    { 0x9F00, "TCH",   FMT_S,  S370 | P370 | IO370, PG_BEHAVIOUR, "Test Channel" },
    { 0xAC00, "STNSM", FMT_SI, S370 | P370 | P390, PG_BOTH,      "Store Then And System Mask" },
    { 0xAD00, "STOSM", FMT_SI, S370 | P370 | P390, PG_BOTH,      "Store Then Or System Mask" },
    { 0xAE00, "SIGP",  FMT_RS, S370 | P370 | P390, PG_BOTH,      "Signal Processor" },
    { 0xB100, "LRA",   FMT_RX, S370 | P370 | P390, PG_BEHAVIOUR, "Load Real Address" },
    { 0xB202, "STIDP", FMT_S,  S370 | P370 | P390, PG_BEHAVIOUR, "Store CPU ID" },
    { 0xB203, "STIDC", FMT_S,  S370 | P370 | IO370, PG_BEHAVIOUR, "Store Channel ID" },
    { 0xB204, "SCK",   FMT_S,  S370 | P370 | P390, PG_CONTROL,   "Set Clock" },
    { 0xB205, "STCK",  FMT_S,  S370,               PG_INNOCUOUS, "Store Clock" },
    { 0xB206, "SCKC",  FMT_S,  S370 | P370 | P390, PG_CONTROL,   "Set Clock Comparator" },
    { 0xB207, "STCKC", FMT_S,  S370 | P370 | P390, PG_BEHAVIOUR, "Store Clock Comparator" },
    { 0xB208, "SPT",   FMT_S,  S370 | P370 | P390, PG_CONTROL,   "Set CPU Timer" },
    { 0xB209, "STPT",  FMT_S,  S370 | P370 | P390, PG_BEHAVIOUR, "Store CPU Timer" },
    { 0xB20A, "SPKA",  FMT_S,  S370 | SEMI,        PG_CONTROL,   "Set PSW Key From Address" },
    { 0xB20B, "IPK",   FMT_S,  S370 | SEMI,        PG_BEHAVIOUR, "Insert PSW Key" },
    { 0xB20D, "PTLB",  FMT_S,  S370 | P370 | P390, PG_CONTROL,   "Purge TLB" },
    { 0xB213, "RRB",   FMT_S,  S370 | P370 | UNDEF, PG_BOTH,      "Reset Reference Bit" },
    { 0xB600, "STCTL", FMT_RS, S370 | P370 | P390, PG_BEHAVIOUR, "Store Control" },
    { 0xB700, "LCTL",  FMT_RS, S370 | P370 | P390, PG_CONTROL,   "Load Control" },
};

const unsigned insn_table_size = ARRAY_SIZE(insn_table);
