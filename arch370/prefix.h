/* prefix.h - the fields of the real prefix page CP reads, by name.
 *
 * An interruption stores its code, old PSW and parameters in low core
 * (SA22-7201, "Assigned Storage Locations"); these one-line accessors over
 * the lc_get/lc_put primitives of cpu.h are the only way CP reads them, so
 * the same C runs on the machine (arch370/s390/cpu.h) and in host tests
 * (arch370/host/cpu.h, where low core is a test-filled array). */
#ifndef ARCH370_PREFIX_H
#define ARCH370_PREFIX_H

#include "arch370/lowcore.h"
#include "cpu.h"

/* program interruption: code (low byte: the exception), ILC in bytes */
static inline u16 lc_pgm_code(void)     { return lc_get16(LC390_PGM_CODE); }
static inline u8 lc_pgm_ilc(void)       { return lc_get8(LC390_PGM_ILC) & 0x06; }
static inline u8 lc_dxc(void)           { return lc_get8(LC390_DXC); }
static inline u32 lc_tea(void)          { return lc_get32(LC390_TEA); }
static inline u8 lc_per_code(void)      { return lc_get8(LC390_PER_CODE); }
static inline u32 lc_per_addr(void)     { return lc_get32(LC390_PER_ADDR); }
static inline u8 lc_mon_class(void)     { return lc_get8(LC390_MON_CLASS) & 0x0F; }
static inline u32 lc_mon_code(void)     { return lc_get32(LC390_MON_CODE); }

/* SVC: the number and the ILC in bytes */
static inline u16 lc_svc_code(void)     { return lc_get16(LC390_SVC_CODE); }
static inline u8 lc_svc_ilc(void)       { return lc_get8(LC390_SVC_ILC) & 0x06; }

/* external and I/O interruption parameters, machine-check code */
static inline u16 lc_ext_code(void)     { return lc_get16(LC390_EXT_CODE); }
static inline u32 lc_subsys_id(void)    { return lc_get32(LC390_SUBSYS_ID); }
static inline u32 lc_io_intparm(void)   { return lc_get32(LC390_IO_INTPARM); }
static inline u64 lc_mck_code(void)     { return lc_get64(LC390_MCK_CODE); }

/* old PSWs, one per interruption class */
static inline u64 lc_ext_old_psw(void)  { return lc_get64(LC390_EXT_OLD); }
static inline u64 lc_svc_old_psw(void)  { return lc_get64(LC390_SVC_OLD); }
static inline u64 lc_pgm_old_psw(void)  { return lc_get64(LC390_PGM_OLD); }
static inline u64 lc_io_old_psw(void)   { return lc_get64(LC390_IO_OLD); }

/* CP's own words above X'200' (arch370/s390/entry.S keeps them) */
/* the instructions of the last guest run, by Hercules' counter (mod 2**32),
 * read by the stubs right before the guest's PSW is loaded and right as
 * an interruption arrives: the run's own instructions and about six of CP's */
static inline u32 lc_run_insns(void)    { return lc_get32(LC_EXIT_IC) - lc_get32(LC_ENTRY_IC); }
static inline u64 lc_fault_psw(void)    { return lc_get64(LC_FAULTPSW); }
static inline u32 lc_fault_reg(int r)   { return lc_get32(LC_FAULTREGS + 4 * (u32)r); }
static inline void lc_set_wait_psw(u64 psw)     { lc_put64(LC_WAITPSW, psw); }
static inline void lc_set_abend_stack(u32 top)  { lc_put32(LC_ABEND_STACK, top); }

#endif
