/* gmem.h - CP's access to guest storage.
 *
 * Every read or write CP makes on behalf of a guest (an operand of a
 * simulated instruction, a DIAGNOSE parameter list, a CCW, an interruption
 * stored in the guest's page 0) goes through these functions.  They return
 * 0, or the program-interruption code the caller reflects to the guest
 * (PGM_ADDRESSING for an address beyond the guest's storage).  Guest real
 * addresses are 24-bit: an access that runs past X'FFFFFF' wraps to 0, as
 * on S/370.  Reading a page the guest never touched gives zeros without
 * giving it a frame; a page that is paged out is brought in (the calling
 * task sleeps meanwhile); a store into a shared page gives the guest a
 * private copy first (cp/mm/gspace.h). */
#ifndef CP_MM_GMEM_H
#define CP_MM_GMEM_H

#include "cp/mm/gspace.h"
#include "arch370/pgm.h"

#define GADDR_MASK      0x00FFFFFFu

int gmem_check(struct gspace *gs, u32 addr, u32 len);
int gmem_read(struct gspace *gs, u32 addr, void *dst, u32 len);
int gmem_write(struct gspace *gs, u32 addr, const void *src, u32 len);
int gmem_fill(struct gspace *gs, u32 addr, u8 byte, u32 len);

int gmem_fetch8(struct gspace *gs, u32 addr, u8 *out);
int gmem_fetch16(struct gspace *gs, u32 addr, u16 *out);
int gmem_fetch32(struct gspace *gs, u32 addr, u32 *out);
int gmem_fetch64(struct gspace *gs, u32 addr, u64 *out);
int gmem_store8(struct gspace *gs, u32 addr, u8 v);
int gmem_store16(struct gspace *gs, u32 addr, u16 v);
int gmem_store32(struct gspace *gs, u32 addr, u32 v);
int gmem_store64(struct gspace *gs, u32 addr, u64 v);

#endif
