/* nss.c - saved systems in storage: finding them, loading them into
 * virtual machines, their shared frames (nss.h).  SAVESYS is in
 * cp/vm/nsssave.c, the store on DASD in cp/mm/nssstore.c. */
#include "cp/vm/nss.h"
#include "cp/vm/nssint.h"
#include "cp/mm/nssstore.h"
#include "cp/mm/gmem.h"
#include "cp/mm/frame.h"
#include "cp/mm/pager.h"
#include "cp/kern/freestor.h"
#include "cp/io/sysres.h"
#include "cp/io/cpvol.h"
#include "cp/kern/abend.h"
#include "cp/io/dasd.h"
#include "cp/vm/vm.h"
#include "cp/kern/task.h"
#include "cp/lib/string.h"
#include "arch370/be.h"
#include "cpu.h"

static struct nss *cache;
static bool busy;

/* One task at a time finds, loads or saves: a load reads many pages and
 * sleeps, and must not see a half-written store or a half-loaded frame. */
void nss_lock(void)
{
    while (busy)
        task_sleep(&busy);
    busy = true;
}

void nss_unlock(void)
{
    busy = false;
    task_wakeup(&busy);
}

void nss_init(void)
{
    sstore_init();
    gspace_shared_register(nss_frame_unmapped);
}

static struct nss *alloc_nss(const char *name, u32 first, u32 count)
{
    struct nss *n = kzalloc(sizeof *n, "NSS");

    if (!n)
        return NULL;
    n->map = kzalloc(count, "NSSMAP");
    n->frames = kzalloc(count * sizeof *n->frames, "NSSFRAME");
    if (!n->map || !n->frames) {
        kfree(n->map);
        kfree(n->frames);
        kfree(n);
        return NULL;
    }
    strlcpy(n->name, name, sizeof n->name);
    n->first = first;
    n->count = count;
    return n;
}

static void free_nss(struct nss *n)
{
    for (struct nss **pp = &cache; *pp; pp = &(*pp)->next)
        if (*pp == n) {
            *pp = n->next;
            break;
        }
    kfree(n->map);
    kfree(n->key2);
    kfree(n->frames);
    kfree(n);
}

static void maybe_free(struct nss *n)
{
    if (n->stale && n->users == 0 && n->loaded == 0)
        free_nss(n);
}

/* An NSS area on a volume: the bytes of the image at its load address;
 * shared pages only if the build marked some and the load is aligned. */
static struct nss *from_area(const struct cp_area *a)
{
    u32 first = a->load / PAGE_SIZE;
    bool aligned = a->load % PAGE_SIZE == 0;
    struct nss *n = a->pages ? alloc_nss(a->name, first, a->pages) : NULL;

    if (!n)
        return NULL;
    n->area = a;
    n->load = a->load;
    n->bytes = a->bytes;
    n->psw = a->psw;
    n->data = a->pages;
    for (u32 i = 0; i < a->pages; i++) {
        u32 page = first + i;
        n->map[i] = NSSP_DATA;
        if (aligned && (a->flags & AREA_F_SHARED) && page >= a->shr_first && page <= a->shr_last) {
            n->map[i] |= NSSP_SHARED;
            n->shared++;
        }
    }
    return n;
}

static void state_from_header(struct nss *n, const u8 *h)
{
    n->psw = get_be64(h + SSH_PSW);
    n->has_state = (get_be32(h + SSH_FLAGS) & SSH_F_STATE) != 0;
    for (int r = 0; r < 16; r++) {
        n->gpr[r] = get_be32(h + SSH_GPRS + 4 * r);
        n->cr[r] = get_be32(h + SSH_CRS + 4 * r);
    }
}

/* A saved system in the store: its header and page map. */
static struct nss *from_store(const struct sstore_entry *e)
{
    u8 *h = kmalloc(2 * PAGE_SIZE, "NSSHDR");
    struct nss *n = NULL;
    u32 count;

    if (!h)
        return NULL;
    if (sstore_read(e->first, h) != DASD_OK || sstore_read(e->first + 1, h + PAGE_SIZE) != DASD_OK)
        goto out;
    count = get_be32(h + SSH_COUNT);
    if (count == 0 || count > PAGE_SIZE || get_be32(h + SSH_FIRST) + count > 4096)
        goto out;
    n = alloc_nss(e->name, get_be32(h + SSH_FIRST), count);
    if (!n)
        goto out;
    n->from_store = true;
    n->area = sstore_area();
    n->data0 = e->first + 2;
    state_from_header(n, h);
    memcpy(n->map, h + PAGE_SIZE, count);
    if (get_be32(h + SSH_FLAGS) & SSH_F_KEYS2) {
        n->key2 = kmalloc(PAGE_SIZE, "NSSKEY2");
        if (!n->key2 || sstore_read(e->first + 2, n->key2) != DASD_OK) {
            free_nss(n);                        /* not on the cache list yet */
            n = NULL;
            goto out;
        }
        n->data0 = e->first + 3;
    }
    for (u32 i = 0; i < count; i++) {
        if (n->map[i] & NSSP_DATA)
            n->data++;
        if ((n->map[i] & (NSSP_DATA | NSSP_SHARED)) == (NSSP_DATA | NSSP_SHARED))
            n->shared++;
    }
out:
    kfree(h);
    return n;
}

struct nss *nss_find(const char *name)
{
    const struct sstore_entry *e;
    const struct cp_area *a;
    struct nss *n;

    for (n = cache; n; n = n->next)
        if (!n->stale && !str_casecmp(n->name, name))
            return n;
    if ((e = sstore_lookup(name)) != NULL)
        n = from_store(e);
    else if ((a = cp_area_find("NSS", name, 0)) != NULL)
        n = from_area(a);
    if (n) {
        n->next = cache;
        cache = n;
    }
    return n;
}

/* Why nss_find gave nothing: the name is nowhere, or it is there but its
 * header could not be read or held (a DASD error, no free storage). */
static int not_found(const char *name)
{
    if (sstore_lookup(name) || cp_area_find("NSS", name, 0))
        return NSS_IOERR;
    return NSS_NOTFOUND;
}

void nss_forget(const char *name)
{
    for (struct nss *n = cache, *next; n; n = next) {
        next = n->next;
        if (!str_casecmp(n->name, name)) {
            n->stale = true;
            maybe_free(n);
        }
    }
}

/* ---- into a virtual machine --------------------------------------------- */

/* the bytes of guest storage it occupies: [*lo, *hi] */
static void span(const struct nss *n, u32 *lo, u32 *hi)
{
    if (n->from_store) {
        *lo = n->first * PAGE_SIZE;
        *hi = (n->first + n->count) * PAGE_SIZE - 1;
    } else {
        *lo = n->load;
        *hi = n->load + (n->bytes ? n->bytes : 1) - 1;
    }
}

/* IPL: the image must lie inside the machine's storage */
static bool fits(const struct vm *vm, const struct nss *n)
{
    u32 lo, hi;

    span(n, &lo, &hi);
    return hi < vm->mem.size;
}

/* a saved segment may lie anywhere in the 16M a S/370 addresses; above
 * the storage its pages become addressable while it is loaded */
static bool fits_segment(const struct nss *n)
{
    u32 lo, hi;

    span(n, &lo, &hi);
    return hi <= GADDR_MASK;
}

/* the key of the second 2K of page i */
static u8 key_hi(const struct nss *n, u32 i)
{
    return (n->key2 ? n->key2[i] : n->map[i]) & NSSP_KEY;
}

static int read_data(const struct nss *n, u32 di, void *buf)
{
    return cp_area_read_page(n->area, n->data0 + di, buf) == DASD_OK ? NSS_OK : NSS_IOERR;
}

static int map_shared(struct vm *vm, struct nss *n, u32 i, u32 di)
{
    u32 f = n->frames[i];
    struct frame *fr;

    if (!f) {
        f = pager_take_frame();
        if (!f)
            return NSS_NOSTORAGE;
        if (read_data(n, di, (void *)(uintptr_t)f) != NSS_OK) {
            frame_free(f);
            return NSS_IOERR;
        }
        fr = frame_of(f);
        fr->flags |= FRAME_SHARED;
        fr->space = n;
        fr->gpage = n->first + i;
        sske(f, 0);                             /* read-only for everyone anyway */
        n->frames[i] = f;
        n->loaded++;
    }
    frame_of(f)->shares++;
    gspace_map_shared(&vm->mem, n->first + i, f, n->map[i] & NSSP_KEY, key_hi(n, i));
    return NSS_OK;
}

static int copy_private(struct vm *vm, const struct nss *n, u32 i, u32 di, u8 *buf)
{
    u32 dst = (n->first + i) * PAGE_SIZE, len = PAGE_SIZE;

    if (read_data(n, di, buf) != NSS_OK)
        return NSS_IOERR;
    if (!n->from_store) {                       /* a volume image: its exact bytes */
        dst = n->load + di * PAGE_SIZE;
        if (n->bytes - di * PAGE_SIZE < len)
            len = n->bytes - di * PAGE_SIZE;
    }
    if (gmem_write(&vm->mem, dst, buf, len) != 0)
        return NSS_NOSTORAGE;
    if (n->map[i] & NSSP_KEY || key_hi(n, i)) {
        gspace_set_key(&vm->mem, dst & ~(PAGE_SIZE - 1), n->map[i] & NSSP_KEY);
        gspace_set_key(&vm->mem, (dst & ~(PAGE_SIZE - 1)) | 0x800, key_hi(n, i));
    }
    return NSS_OK;
}

static int map_into(struct vm *vm, struct nss *n, bool share)
{
    u8 *buf = kmalloc(PAGE_SIZE, "NSSPAGE");
    u32 di = 0;
    int rc = NSS_OK;

    if (!buf)
        return NSS_NOSTORAGE;
    for (u32 i = 0; i < n->count && rc == NSS_OK; i++) {
        if (!(n->map[i] & NSSP_DATA))
            continue;
        if (share && (n->map[i] & NSSP_SHARED))
            rc = map_shared(vm, n, i, di);
        else
            rc = copy_private(vm, n, i, di, buf);
        di++;
    }
    kfree(buf);
    return rc;
}

static int slot_of(const struct vm *vm, const char *name)
{
    for (int k = 0; k < NSS_PER_VM; k++)
        if (vm->nss[k] && !str_casecmp(vm->nss[k]->name, name))
            return k;
    return -1;
}

static bool has_room(const struct vm *vm)
{
    for (int k = 0; k < NSS_PER_VM; k++)
        if (!vm->nss[k])
            return true;
    return false;
}

static void detach(struct vm *vm, int k)
{
    struct nss *n = vm->nss[k];

    vm->nss[k] = NULL;
    n->users--;
    maybe_free(n);
}

static void attach(struct vm *vm, struct nss *n)
{
    for (int k = 0; k < NSS_PER_VM; k++)
        if (!vm->nss[k]) {
            vm->nss[k] = n;
            n->users++;
            return;
        }
}

void nss_vm_reset(struct vm *vm)
{
    for (int k = 0; k < NSS_PER_VM; k++)
        if (vm->nss[k])
            detach(vm, k);
}

int nss_ipl(struct vm *vm, const char *name, bool share)
{
    struct nss *n;
    int rc;

    nss_lock();
    n = nss_find(name);
    rc = !n ? not_found(name) : !fits(vm, n) ? NSS_TOOBIG : NSS_OK;
    if (rc == NSS_OK) {
        vm_stop(vm);
        vm_reset(vm, true);                     /* also forgets what it had loaded */
        rc = map_into(vm, n, share);
        attach(vm, n);
        vm->cpu.psw = n->psw;
        if (n->has_state) {
            memcpy(vm->cpu.ctx.gpr, n->gpr, sizeof n->gpr);
            memcpy(vm->cpu.cr, n->cr, sizeof n->cr);
        }
    }
    nss_unlock();
    return rc;
}

int nss_load(struct vm *vm, const char *name, bool share, u32 *first, u32 *last)
{
    struct nss *n;
    int k, rc = NSS_OK;

    nss_lock();
    n = nss_find(name);
    k = slot_of(vm, name);
    if (!n)
        rc = not_found(name);
    else if (!fits_segment(n))
        rc = NSS_TOOBIG;
    else if (k < 0 && !has_room(vm))
        rc = NSS_TOOMANY;
    if (rc == NSS_OK) {
        u32 p0, p1;
        span(n, first, last);
        p0 = *first / PAGE_SIZE;
        p1 = *last / PAGE_SIZE;
        if (k >= 0)
            detach(vm, k);
        gspace_release(&vm->mem, p0, p1);
        if (gspace_extend(&vm->mem, p0, p1 - p0 + 1) != 0)
            rc = NSS_NOSTORAGE;
        else
            rc = map_into(vm, n, share);
        attach(vm, n);
    }
    nss_unlock();
    return rc;
}

int nss_purge(struct vm *vm, const char *name)
{
    int k, rc = NSS_OK;
    u32 lo, hi;

    nss_lock();
    k = slot_of(vm, name);
    if (k >= 0) {
        span(vm->nss[k], &lo, &hi);
        gspace_release(&vm->mem, lo / PAGE_SIZE, hi / PAGE_SIZE);
        gspace_retract(&vm->mem, lo / PAGE_SIZE, hi / PAGE_SIZE - lo / PAGE_SIZE + 1);
        detach(vm, k);
    } else {
        rc = nss_find(name) ? NSS_NOTLOADED : not_found(name);
    }
    nss_unlock();
    return rc;
}

static void info_of(const struct nss *n, struct nss_info *info)
{
    u32 lo, hi;

    span(n, &lo, &hi);
    info->lo = lo;
    info->hi = hi;
    info->first = lo / PAGE_SIZE;
    info->count = hi / PAGE_SIZE - lo / PAGE_SIZE + 1;
    info->data = n->data;
    info->shared = n->shared;
    info->in_storage = n->loaded;
    info->users = n->users;
    info->from_store = n->from_store;
}

int nss_query(struct vm *vm, const char *name, struct nss_info *info, bool *loaded)
{
    struct nss *n;
    int k;

    nss_lock();
    k = vm ? slot_of(vm, name) : -1;
    n = k >= 0 ? vm->nss[k] : nss_find(name);
    if (n)
        info_of(n, info);
    *loaded = k >= 0;
    nss_unlock();
    return n ? NSS_OK : not_found(name);
}

void nss_list(void (*fn)(const char *name, const struct nss_info *info, void *arg), void *arg)
{
    const struct cp_area *a;
    struct nss_info info;
    bool loaded;

    for (unsigned i = 0; sstore_at(i); i++)
        if (nss_query(NULL, sstore_at(i)->name, &info, &loaded) == NSS_OK)
            fn(sstore_at(i)->name, &info, arg);
    for (unsigned i = 0; (a = cp_area_at(i)) != NULL; i++)
        if (!str_casecmp(a->type, "NSS") && !sstore_lookup(a->name) &&
            nss_query(NULL, a->name, &info, &loaded) == NSS_OK)
            fn(a->name, &info, arg);
}

void nss_frame_unmapped(u32 frame)
{
    struct frame *fr = frame_of(frame);
    struct nss *n;

    if (!fr || !(fr->flags & FRAME_SHARED) || fr->shares == 0)
        cp_abend(ABEND_PAGING, "shared frame unmapped more often than mapped");
    if (--fr->shares)
        return;
    n = fr->space;
    n->frames[fr->gpage - n->first] = 0;
    n->loaded--;
    frame_free(frame);
    maybe_free(n);
}
