/* lowcore.h - assigned storage locations of page 0.
 *
 * Two layouts live here: the S/370 one a guest sees in its own page 0
 * (GA22-7000, "Assigned Storage Locations"), and the ESA/390 one of the
 * real machine CP runs on (SA22-7201), plus the words CP itself keeps in
 * the real prefix page above X'200' for its interrupt entry code. */
#ifndef ARCH370_LOWCORE_H
#define ARCH370_LOWCORE_H

/* ---- S/370, as seen by a guest in its page 0 ------------------------- */
#define LC370_IPL_PSW           0x000   /* also restart new PSW */
#define LC370_RESTART_NEW       0x000
#define LC370_RESTART_OLD       0x008
#define LC370_EXT_OLD           0x018
#define LC370_SVC_OLD           0x020
#define LC370_PGM_OLD           0x028
#define LC370_MCK_OLD           0x030
#define LC370_IO_OLD            0x038
#define LC370_CSW               0x040
#define LC370_CAW               0x048
#define LC370_TIMER             0x050   /* interval timer */
#define LC370_EXT_NEW           0x058
#define LC370_SVC_NEW           0x060
#define LC370_PGM_NEW           0x068
#define LC370_MCK_NEW           0x070
#define LC370_IO_NEW            0x078
#define LC370_CPU_ADDR          0x084   /* EC: external interruption CPU address */
#define LC370_EXT_CODE          0x086   /* EC: external interruption code */
#define LC370_SVC_ILC           0x089   /* EC: SVC ILC */
#define LC370_SVC_CODE          0x08A   /* EC: SVC interruption code */
#define LC370_PGM_ILC           0x08D   /* EC: program ILC */
#define LC370_PGM_CODE          0x08E   /* EC: program interruption code */
#define LC370_TEA               0x090   /* translation exception address */
#define LC370_MON_CLASS         0x094
#define LC370_PER_CODE          0x096
#define LC370_PER_ADDR          0x098
#define LC370_MON_CODE          0x09C
#define LC370_CHAN_ID           0x0A8
#define LC370_IO_ADDR           0x0BA   /* EC: device address of I/O interruption */

/* ---- ESA/390, the real machine -------------------------------------- */
#define LC390_RESTART_NEW       0x000
#define LC390_RESTART_OLD       0x008
#define LC390_EXT_OLD           0x018
#define LC390_SVC_OLD           0x020
#define LC390_PGM_OLD           0x028
#define LC390_MCK_OLD           0x030
#define LC390_IO_OLD            0x038
#define LC390_EXT_NEW           0x058
#define LC390_SVC_NEW           0x060
#define LC390_PGM_NEW           0x068
#define LC390_MCK_NEW           0x070
#define LC390_IO_NEW            0x078
#define LC390_EXT_CPU_ADDR      0x084
#define LC390_EXT_CODE          0x086
#define LC390_SVC_ILC           0x089
#define LC390_SVC_CODE          0x08A
#define LC390_PGM_ILC           0x08D
#define LC390_PGM_CODE          0x08E
#define LC390_TEA               0x090
#define LC390_DXC               0x093   /* data-exception code */
#define LC390_MON_CLASS         0x095   /* monitor-class number */
#define LC390_PER_CODE          0x096   /* PER event bits */
#define LC390_PER_ADDR          0x098   /* PER address (4) */
#define LC390_MON_CODE          0x09C   /* monitor code (4) */
#define LC390_SUBSYS_ID         0x0B8   /* I/O: subsystem identification */
#define LC390_IO_INTPARM        0x0BC   /* I/O: interruption parameter */
#define LC390_MCK_CODE          0x0E8   /* machine-check interruption code (8) */

/* ---- CP's own words in the real prefix page (X'200'-X'FFF') ---------
 * Used by arch370/s390/entry.S; offsets are fixed so the assembler and
 * C agree without a generated header. */
#define LC_INTREGS              0x200   /* 16 GPRs of the interrupted context */
#define LC_CPREGS               0x240   /* CP's GPRs saved by enter_guest/cpu_wait */
#define LC_GUEST                0x280   /* -> struct guest_ctx being run */
#define LC_EXITCODE             0x284   /* why enter_guest returned */
#define LC_PROBE                0x288   /* storage probe: resume address, 0 = off */
#define LC_PROBE_HIT            0x28C   /* set to 1 when a probe faulted */
#define LC_ABEND_STACK          0x290   /* stack top for the abend path */
#define LC_RUNPSW               0x298   /* 8 bytes: PSW enter_guest loads */
#define LC_WAITPSW              0x2A0   /* 8 bytes: PSW cpu_wait loads */
#define LC_FAULTREGS            0x2C0   /* 16 GPRs at a CP program check */
#define LC_MCKREGS              0x300   /* 16 GPRs at a machine check */
#define LC_FAULTPSW             0x340   /* 8 bytes: old PSW of a CP fault */
#define LC_FAULTCLASS           0x348   /* which interruption faulted CP */
#define LC_ENTRY_IC             0x350   /* Hercules' instruction count as a guest run began */
#define LC_EXIT_IC              0x354   /* ... and as it ended (an interruption stub) */

#endif
