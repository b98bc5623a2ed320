/* ccw.h - channel command words, the S/370 CSW and the ESA/390
 * channel-subsystem blocks (ORB, SCSW, IRB, SCHIB).
 *
 * All of them are architected byte layouts; they are declared as byte
 * arrays and read through arch370/be.h, so the CCW translator that turns
 * guest format-0 programs into real format-1 ones compiles and is tested
 * on the host as well. */
#ifndef ARCH370_CCW_H
#define ARCH370_CCW_H

#include "arch370/be.h"

/* ---- CCW flags (both formats) --------------------------------------- */
#define CCW_CD          0x80    /* chain data */
#define CCW_CC          0x40    /* chain command */
#define CCW_SLI         0x20    /* suppress length indication */
#define CCW_SKIP        0x10    /* suppress data transfer */
#define CCW_PCI         0x08    /* program-controlled interruption */
#define CCW_IDA         0x04    /* indirect data address (format 1) */
#define CCW_SUSPEND     0x02    /* suspend (format 1) */

/* ---- common command codes ------------------------------------------- */
#define CCW_CMD_TIC     0x08    /* low four bits 1000: transfer in channel */
#define CCW_CMD_SENSE   0x04
#define CCW_CMD_SENSEID 0xE4
#define CCW_CMD_NOP     0x03    /* control, no operation */

static inline bool ccw_cmd_is_tic(u8 cmd)   { return (cmd & 0x0F) == 0x08; }
static inline bool ccw_cmd_is_write(u8 cmd) { return (cmd & 0x03) == 0x01; }
static inline bool ccw_cmd_is_read(u8 cmd)  { return (cmd & 0x03) == 0x02; }
static inline bool ccw_cmd_is_control(u8 cmd) { return (cmd & 0x03) == 0x03; }
static inline bool ccw_cmd_is_sense(u8 cmd) { return (cmd & 0x0F) == 0x04; }
static inline bool ccw_cmd_is_rdbk(u8 cmd)  { return (cmd & 0x0F) == 0x0C; }

/* ---- format-0 CCW: cmd(8) addr(24) flags(8) zero(8) count(16) -------- */
struct ccw0 { u8 b[8]; };

static inline u8  ccw0_cmd(const struct ccw0 *c)   { return c->b[0]; }
static inline u32 ccw0_addr(const struct ccw0 *c)  { return get_be24(c->b + 1); }
static inline u8  ccw0_flags(const struct ccw0 *c) { return c->b[4]; }
static inline u16 ccw0_count(const struct ccw0 *c) { return get_be16(c->b + 6); }

/* The S/370 channel's rules for a format-0 channel program (GA22-7000,
 * "Channel Program Errors"); breaking one is a channel program check.
 * Written once here for the interpreter of simulated devices
 * (cp/vdev/chanprog.c) and the translator of minidisk programs
 * (cp/vdev/ccwxlat.c). */
/* a CCW and a TIC's target are on a doubleword boundary */
static inline bool ccw0_addr_ok(u32 addr)   { return (addr & 7) == 0; }
/* a TIC is neither the first CCW nor right after another TIC */
static inline bool ccw0_tic_ok(bool first, bool after_tic) { return !first && !after_tic; }
/* a CCW other than TIC: flag bits 38-39 and IDA zero, count not zero,
 * and a valid command code unless it continues a data chain (which
 * keeps the command of the chain) */
static inline bool ccw0_ok(const struct ccw0 *c, bool data_chain)
{
    return !(ccw0_flags(c) & (0x03 | CCW_IDA)) && ccw0_count(c) != 0 &&
           (data_chain || (ccw0_cmd(c) & 0x0F) != 0);
}

static inline void ccw0_make(struct ccw0 *c, u8 cmd, u32 addr, u8 flags, u16 count)
{
    c->b[0] = cmd;
    put_be24(c->b + 1, addr);
    c->b[4] = flags;
    c->b[5] = 0;
    put_be16(c->b + 6, count);
}

/* ---- format-1 CCW: cmd(8) flags(8) count(16) addr(32) ----------------- */
struct ccw1 { u8 b[8]; } __attribute__((aligned(8)));

static inline u8  ccw1_cmd(const struct ccw1 *c)   { return c->b[0]; }
static inline u8  ccw1_flags(const struct ccw1 *c) { return c->b[1]; }
static inline u16 ccw1_count(const struct ccw1 *c) { return get_be16(c->b + 2); }
static inline u32 ccw1_addr(const struct ccw1 *c)  { return get_be32(c->b + 4); }

static inline void ccw1_make(struct ccw1 *c, u8 cmd, u8 flags, u16 count, u32 addr)
{
    c->b[0] = cmd;
    c->b[1] = flags;
    put_be16(c->b + 2, count);
    put_be32(c->b + 4, addr);
}

/* ---- S/370 channel status word (stored at guest X'40') ---------------
 * key(4) 0(4) ... CCW address(24) | unit status(8) channel status(8)
 * residual count(16) */
#define CSW_SIZE        8

/* unit status */
#define UNIT_ATTN       0x80
#define UNIT_SM         0x40    /* status modifier */
#define UNIT_CUE        0x20    /* control unit end */
#define UNIT_BUSY       0x10
#define UNIT_CE         0x08    /* channel end */
#define UNIT_DE         0x04    /* device end */
#define UNIT_UC         0x02    /* unit check */
#define UNIT_UX         0x01    /* unit exception */

/* channel status */
#define CHAN_PCI        0x80
#define CHAN_IL         0x40    /* incorrect length */
#define CHAN_PGM        0x20    /* program check */
#define CHAN_PROT       0x10    /* protection check */
#define CHAN_CDC        0x08    /* channel data check */
#define CHAN_CCC        0x04    /* channel control check */
#define CHAN_ICC        0x02    /* interface control check */
#define CHAN_CHC        0x01    /* chaining check */

static inline void csw_make(u8 *csw, u8 key, u32 ccw_addr, u8 unit, u8 chan, u16 count)
{
    csw[0] = (u8)(key << 4);
    put_be24(csw + 1, ccw_addr);
    csw[4] = unit;
    csw[5] = chan;
    put_be16(csw + 6, count);
}

/* ---- ESA/390 operation-request block --------------------------------- */
struct orb { u8 b[32]; } __attribute__((aligned(4)));

#define ORB_FMT1        0x00800000u     /* word 1: format-1 CCWs */
#define ORB_PREFETCH    0x00400000u     /* word 1: unlimited prefetch */
#define ORB_SUSPEND     0x08000000u     /* word 1: suspend control */
#define ORB_LPM_ALL     0x0000FF00u     /* word 1: logical-path mask */
#define ORB_ILSM        0x00000080u     /* word 1: incorrect-length suppression */

static inline void orb_make(struct orb *o, u32 intparm, u8 key, u32 flags, u32 cpa)
{
    *o = (struct orb){ { 0 } };         /* one block clear, not a loop */
    put_be32(o->b, intparm);
    put_be32(o->b + 4, (u32)key << 28 | flags);
    put_be32(o->b + 8, cpa);
}

/* ---- subchannel-status word (first 12 bytes of an IRB or SCHIB) ------ */
#define SCSW_FC_START   0x00004000u     /* word 0: function control */
#define SCSW_FC_HALT    0x00002000u
#define SCSW_FC_CLEAR   0x00001000u
#define SCSW_SC_ALERT   0x00000010u     /* word 0: status control */
#define SCSW_SC_INTERM  0x00000008u
#define SCSW_SC_PRIMARY 0x00000004u
#define SCSW_SC_SECOND  0x00000002u
#define SCSW_SC_PENDING 0x00000001u

static inline u32 scsw_word0(const u8 *scsw)  { return get_be32(scsw); }
static inline u32 scsw_ccw_addr(const u8 *scsw) { return get_be32(scsw + 4); }
static inline u8  scsw_dstat(const u8 *scsw)  { return scsw[8]; }
static inline u8  scsw_cstat(const u8 *scsw)  { return scsw[9]; }
static inline u16 scsw_count(const u8 *scsw)  { return get_be16(scsw + 10); }

/* ---- interruption-response block ------------------------------------ */
struct irb { u8 b[64]; } __attribute__((aligned(4)));   /* SCSW, ESW, ECW */

/* ---- subchannel-information block ----------------------------------- */
struct schib { u8 b[52]; } __attribute__((aligned(4)));  /* PMCW, SCSW, model */

#define PMCW_ENABLED    0x00800000u     /* word 1: E */
#define PMCW_DNV        0x00010000u     /* word 1: device number valid */
#define PMCW_ISC_MASK   0x38000000u     /* word 1: interruption subclass */

static inline u32  schib_intparm(const struct schib *s) { return get_be32(s->b); }
static inline u32  schib_word1(const struct schib *s)   { return get_be32(s->b + 4); }
static inline bool schib_dnv(const struct schib *s)     { return (schib_word1(s) & PMCW_DNV) != 0; }
static inline u16  schib_devno(const struct schib *s)   { return (u16)schib_word1(s); }
static inline const u8 *schib_scsw(const struct schib *s) { return s->b + 28; }

#endif
