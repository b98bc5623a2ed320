/* vmem.c - guest storage by the guest's virtual addresses (vmem.h). */
#include "cp/vm/vmem.h"
#include "cp/mm/gmem.h"
#include "arch370/psw.h"
#include "arch370/be.h"

/* the smallest S/370 page: a chunk never crosses one */
#define CHUNK       0x800u

bool vmem_dat_on(const struct vm *vm)
{
    return psw370_dat(vm->cpu.psw);
}

/* table entries come from the guest's real storage */
static bool fetch_entry(void *ctx, u32 addr, unsigned len, u32 *out)
{
    struct gspace *gs = ctx;
    u16 h;

    /* the fixed-size helpers: a resident table page costs no general path */
    if (len == 4)
        return gmem_fetch32(gs, addr, out) == 0;
    if (gmem_fetch16(gs, addr, &h) != 0)
        return false;
    *out = h;
    return true;
}

enum dat370_rc vmem_walk(struct vm *vm, u32 va, struct dat370_walk *w)
{
    return dat370_translate(vm->cpu.cr[0], vm->cpu.cr[1], va, fetch_entry, &vm->mem, w);
}

enum dat370_rc vmem_walk_space(struct vm *vm, u32 cr0, u32 cr1, u32 va, struct dat370_walk *w)
{
    return dat370_translate(cr0, cr1, va, fetch_entry, &vm->mem, w);
}

void vmem_note_exception(struct vm *vm, u32 va)
{
    struct dat370_fmt f;
    u32 mask = 0x00FFF800u;

    if (dat370_format(vm->cpu.cr[0], &f) && f.page_bits == 12)
        mask = 0x00FFF000u;
    gmem_store32(&vm->mem, LC370_TRANS_ADDR, va & mask);
}

/* the real address of va for an access, or a program-interruption code */
static int translate(struct vm *vm, u32 va, bool store, bool note, u32 *real)
{
    struct dat370_walk w;
    enum dat370_rc rc;

    va &= GADDR_MASK;
    if (!vmem_dat_on(vm)) {
        *real = va;
        return 0;
    }
    rc = vmem_walk(vm, va, &w);
    if (rc != DAT370_OK) {
        u16 code = dat370_pgm(rc);
        if (note && (code == PGM_SEGMENT_TRANS || code == PGM_PAGE_TRANS))
            vmem_note_exception(vm, va);
        return code;
    }
    if (store && w.protect)
        return PGM_PROTECTION;
    *real = w.real;
    return 0;
}

/* Every chunk is translated before any byte moves, so an access that
 * fails on its second page changes nothing. */
static int access(struct vm *vm, u32 va, u8 *buf, u32 len, bool store, bool note)
{
    u32 a = va, left = len;
    int rc;

    while (left) {
        u32 real, chunk = CHUNK - (a & (CHUNK - 1));
        if ((rc = translate(vm, a, store, note, &real)) != 0)
            return rc;
        if (chunk > left)
            chunk = left;
        a = (a + chunk) & GADDR_MASK;
        left -= chunk;
    }
    while (len) {
        u32 real, chunk = CHUNK - (va & (CHUNK - 1));
        if ((rc = translate(vm, va, store, note, &real)) != 0)
            return rc;
        if (chunk > len)
            chunk = len;
        rc = store ? gmem_write(&vm->mem, real, buf, chunk) : gmem_read(&vm->mem, real, buf, chunk);
        if (rc)
            return rc;
        buf += chunk;
        va = (va + chunk) & GADDR_MASK;
        len -= chunk;
    }
    return 0;
}

int vmem_read(struct vm *vm, u32 va, void *dst, u32 len)
{
    return access(vm, va, dst, len, false, true);
}

int vmem_peek(struct vm *vm, u32 va, void *dst, u32 len)
{
    return access(vm, va, dst, len, false, false);
}

int vmem_write(struct vm *vm, u32 va, const void *src, u32 len)
{
    return access(vm, va, (u8 *)(uintptr_t)src, len, true, true);
}

int vmem_fetch8(struct vm *vm, u32 va, u8 *out)
{
    return vmem_read(vm, va, out, 1);
}

int vmem_fetch32(struct vm *vm, u32 va, u32 *out)
{
    u8 b[4];
    int rc = vmem_read(vm, va, b, 4);
    if (!rc)
        *out = get_be32(b);
    return rc;
}

int vmem_fetch64(struct vm *vm, u32 va, u64 *out)
{
    u8 b[8];
    int rc = vmem_read(vm, va, b, 8);
    if (!rc)
        *out = get_be64(b);
    return rc;
}

int vmem_store8(struct vm *vm, u32 va, u8 v)
{
    return vmem_write(vm, va, &v, 1);
}

int vmem_store16(struct vm *vm, u32 va, u16 v)
{
    u8 b[2];
    put_be16(b, v);
    return vmem_write(vm, va, b, 2);
}

int vmem_store32(struct vm *vm, u32 va, u32 v)
{
    u8 b[4];
    put_be32(b, v);
    return vmem_write(vm, va, b, 4);
}

int vmem_store64(struct vm *vm, u32 va, u64 v)
{
    u8 b[8];
    put_be64(b, v);
    return vmem_write(vm, va, b, 8);
}
