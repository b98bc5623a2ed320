/* storage.c - size real storage and set up free storage and frames. */
#include "cp/mm/storage.h"
#include "cp/kern/abend.h"
#include "cp/kern/freestor.h"
#include "cp/mm/frame.h"
#include "arch370/interrupt.h"

#define MB              0x100000u

extern char __end[];            /* end of the nucleus (linker script) */
static u32 storage_size;

u32 real_storage_size(void)
{
    return storage_size;
}

/* Probe each megabyte until an addressing exception (ESA/390 storage is
 * contiguous from 0); the last probe is the first missing megabyte. */
static u32 probe_size(void)
{
    u32 size = MB;

    while (size < 0x7FF00000u && mem_probe(size) == 0)
        size += MB;
    return size;
}

void storage_init(void)
{
    u32 nuc_end = ((u32)(uintptr_t)__end + 0xFFF) & ~0xFFFu;
    u32 fs_size;

    storage_size = probe_size();
    /* An eighth, but at least 2M where storage allows a quarter of it:
     * what CP keeps per terminal, device and task (about 900K with the
     * default system's 33 terminals and eight users logged on) does not
     * shrink with storage, and a kmalloc that fails in an I/O path loses
     * the guest's request */
    fs_size = storage_size / 8;
    if (fs_size < 2 * MB)
        fs_size = storage_size / 4 < 2 * MB ? storage_size / 4 : 2 * MB;
    if (fs_size < MB)
        fs_size = MB;
    if (fs_size > 16 * MB)
        fs_size = 16 * MB;
    if (nuc_end + fs_size + 64 * 4096 > storage_size)
        cp_abend(ABEND_STORAGE, "real storage too small for CP");
    freestor_init((void *)(uintptr_t)nuc_end, fs_size);
    frame_init(nuc_end + fs_size, storage_size);
}
