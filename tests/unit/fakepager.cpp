// fakepager.cpp - host stand-ins for what the pager needs beyond storage:
// there are no paging areas on the host, so the real pager (cp/mm/pager.c)
// gives zero-filled frames on first touch and never pages out; saved
// systems and the operator console are not there either.
#include <cstddef>

extern "C" {
#include "cp/io/sysres.h"
#include "cp/io/dasd.h"
#include "cp/vm/nss.h"
#include "cp/kern/oplog.h"
#include "cp/kern/task.h"

const struct cp_area *cp_area_find(const char *type, const char *name, unsigned n)
{
    (void)type;
    (void)name;
    (void)n;
    return NULL;
}

u32 cp_area_capacity(const struct cp_area *a)
{
    (void)a;
    return 0;
}

int cp_area_read_page(const struct cp_area *a, u32 p, void *buf)
{
    (void)a;
    (void)p;
    (void)buf;
    return -1;
}

int cp_area_write_page(const struct cp_area *a, u32 p, const void *buf)
{
    (void)a;
    (void)p;
    (void)buf;
    return -1;
}

struct dasd *dasd_of(const struct rdev *d)
{
    (void)d;
    return NULL;
}

// no saved systems on the host: DIAGNOSE X'64' finds none
int nss_load(struct vm *vm, const char *name, bool shared, u32 *first, u32 *last)
{
    (void)vm;
    (void)name;
    (void)shared;
    (void)first;
    (void)last;
    return NSS_NOTFOUND;
}

int nss_purge(struct vm *vm, const char *name)
{
    (void)vm;
    (void)name;
    return NSS_NOTLOADED;
}

int nss_query(struct vm *vm, const char *name, struct nss_info *info, bool *loaded)
{
    (void)vm;
    (void)name;
    (void)info;
    (void)loaded;
    return NSS_NOTFOUND;
}

void nss_frame_unmapped(u32 frame)
{
    (void)frame;
}

void task_wakeup(const void *wchan)
{
    (void)wchan;
}

}
