/* vmem.h - CP's access to a guest's storage by the guest's own addresses.
 *
 * An operand of an instruction CP simulates (LPSW, LCTL, STCKC, the
 * instruction itself ...) is a virtual address when the guest runs with
 * DAT on (EC-mode PSW bit 5): it is translated through the guest's own
 * S/370 tables (arch370/dat370.h) in its real storage, then reached with
 * the gmem helpers.  With DAT off these are the gmem helpers.
 *
 * The return values are those of gmem: 0, or the program-interruption
 * code to reflect.  For a segment- or page-translation exception the
 * translation-exception address is already stored at X'90' of the
 * guest's page 0, as the S/370 stores it; the caller nullifies (the old
 * PSW names the instruction).  A store into a protected segment is a
 * protection exception. */
#ifndef CP_VM_VMEM_H
#define CP_VM_VMEM_H

#include "cp/vm/vm.h"
#include "arch370/dat370.h"

#define LC370_TRANS_ADDR    0x90        /* translation-exception address */

/* does the guest translate its addresses now? */
bool vmem_dat_on(const struct vm *vm);
/* walk the guest's tables for va (no exception stored) */
enum dat370_rc vmem_walk(struct vm *vm, u32 va, struct dat370_walk *w);
/* ... in another address space and format than CR0's and CR1's */
enum dat370_rc vmem_walk_space(struct vm *vm, u32 cr0, u32 cr1, u32 va, struct dat370_walk *w);
/* store the translation-exception address of va at X'90' */
void vmem_note_exception(struct vm *vm, u32 va);

int vmem_read(struct vm *vm, u32 va, void *dst, u32 len);
/* as vmem_read, but an exception leaves X'90' alone (CP looking only) */
int vmem_peek(struct vm *vm, u32 va, void *dst, u32 len);
int vmem_write(struct vm *vm, u32 va, const void *src, u32 len);
int vmem_fetch8(struct vm *vm, u32 va, u8 *out);
int vmem_fetch32(struct vm *vm, u32 va, u32 *out);
int vmem_fetch64(struct vm *vm, u32 va, u64 *out);
int vmem_store8(struct vm *vm, u32 va, u8 v);
int vmem_store16(struct vm *vm, u32 va, u16 v);
int vmem_store32(struct vm *vm, u32 va, u32 v);
int vmem_store64(struct vm *vm, u32 va, u64 v);

#endif
