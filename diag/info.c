/* info.c - information DIAGNOSE codes: X'60' virtual storage size. */
#include "diag/diag.h"

/* X'60' VIRTUAL STORAGE SIZE: Rx = the size of the guest's storage in
 * bytes.  (VM/370 System Programmer's Guide, DIAGNOSE X'60') */
int diag_060_storage_size(struct diag_args *a)
{
    a->gpr[a->rx] = a->vm->mem.size;
    return 0;
}
