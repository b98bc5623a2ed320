/* vmcf.c - DIAGNOSE X'68': the Virtual Machine Communication Facility
 * (VM/370 Release 6 System Programmer's Guide, "Virtual Machine
 * Communication Facility").  The parameter list is read and checked here;
 * the messages are cp/vm/vmcf.c's.
 *
 * Rx: address of the 40-byte parameter list (VMCPARM), doubleword
 * aligned.  Ry: the return code on return (0 done or started; the codes
 * are in cp/vm/vmcf.h and docs/diagnose.md).  CC 0.  A parameter list
 * that is not aligned: specification exception; beyond the storage:
 * addressing exception.  Every address inside it only gives a return
 * code (1 outside the storage, 6 in another storage key). */
#include "diag/diag.h"
#include "cp/vm/vmcf.h"
#include "cp/mm/gmem.h"
#include "arch370/ebcdic.h"
#include "arch370/be.h"
#include "arch370/pgm.h"

static void name_of(char *dst, const u8 *ebc)
{
    ebc_to_ascii_buf(dst, ebc, 8);
    dst[8] = 0;
    for (int i = 7; i >= 0 && dst[i] == ' '; i--)
        dst[i] = 0;
    for (int i = 0; dst[i]; i++)
        if (dst[i] >= 'a' && dst[i] <= 'z')
            dst[i] = (char)(dst[i] - 'a' + 'A');
}

int diag_068_vmcf(struct diag_args *a)
{
    u32 addr = a->gpr[a->rx];
    struct vmcf_req rq;
    u8 p[VMCP_SIZE];
    int rc;

    if (addr & 7)
        return PGM_SPECIFICATION;
    rc = gmem_read(&a->vm->mem, addr, p, sizeof p);
    if (rc)
        return rc;
    rq.flags = p[VMCP_FLG1];
    rq.func = get_be16(p + VMCP_FUNC);
    rq.mid = get_be32(p + VMCP_MID);
    name_of(rq.user, p + VMCP_USER);
    rq.vada = get_be32(p + VMCP_VADA) & GADDR_MASK;
    rq.lena = get_be32(p + VMCP_LENA);
    rq.vadb = get_be32(p + VMCP_VADB) & GADDR_MASK;
    rq.lenb = get_be32(p + VMCP_LENB);
    rq.use = get_be64(p + VMCP_USE);
    /* lengths beyond 16M cannot name storage: the address check says 1 */
    if (rq.lena > GADDR_MASK + 1u)
        rq.lena = GADDR_MASK + 1u;
    if (rq.lenb > GADDR_MASK + 1u)
        rq.lenb = GADDR_MASK + 1u;
    a->gpr[a->ry] = (u32)vmcf_request(a->vm, &rq);
    priv_set_cc(a->vm, 0);
    return 0;
}
