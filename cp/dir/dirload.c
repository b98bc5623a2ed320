/* dirload.c - check a directory image and decode it (cp/dir/dirfmt.h).
 *
 * Nothing in the image is trusted: every count, page number, offset and
 * length is checked against the image before it is used, so a damaged or
 * hostile image gets an error code and never a read outside the buffer.
 * The checks come in the order a reader from DASD meets them: the header,
 * the checksum of every page, the index, then each record. */
#include "cp/dir/dirtable.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"

static bool magic_ok(const u8 *p)
{
    const char *m = DIR_MAGIC_TEXT;

    for (unsigned i = 0; i < 8; i++)
        if (p[i] != ascii_to_ebc[(u8)m[i]])
            return false;
    return true;
}

int dir_check_header(const u8 *h)
{
    u32 pages, users, ipages;

    if (!magic_ok(h + DIRH_MAGIC))
        return DIR_E_MAGIC;
    if (get_be32(h + DIRH_SUM) != dir_header_sum(h))
        return DIR_E_CHECKSUM;
    if (get_be32(h + DIRH_VERSION) != DIR_VERSION)
        return DIR_E_VERSION;
    pages = get_be32(h + DIRH_PAGES);
    users = get_be32(h + DIRH_USERS);
    ipages = (users + DIRX_PER_PAGE - 1) / DIRX_PER_PAGE;
    if (pages < 1 || pages > DIR_MAX_PAGES || users > DIR_MAX_PAGES * DIRX_PER_PAGE)
        return DIR_E_LAYOUT;
    if (get_be32(h + DIRH_INDEX) != 1 || get_be32(h + DIRH_INDEX_PAGES) != ipages
        || get_be32(h + DIRH_RECORDS) != 1 + ipages || 1 + ipages > pages)
        return DIR_E_LAYOUT;
    return (int)pages;
}

int dir_check_page(const u8 *h, u32 n, const u8 *page)
{
    if (n == 0 || n >= get_be32(h + DIRH_PAGES))
        return DIR_E_LAYOUT;
    return get_be32(h + DIRH_PAGE_SUMS + 4 * n) == dir_page_sum(page) ? DIR_OK : DIR_E_CHECKSUM;
}

/* EBCDIC, blank padded -> C string; false for characters that have no
 * place in a directory (controls, and blanks inside a name) */
static bool get_text(char *dst, const u8 *src, size_t n, bool inner_blanks)
{
    size_t len = n;

    while (len && src[len - 1] == EBC_BLANK)
        len--;
    for (size_t i = 0; i < len; i++) {
        u8 c = ebc_to_ascii[src[i]];
        if (c < 0x20 || c > 0x7E || (c == ' ' && !inner_blanks))
            return false;
        dst[i] = (char)c;
    }
    dst[len] = 0;
    return true;
}

/* where record i is, and whether it lies inside the record pages */
struct rec_ref {
    const u8 *rec;
    u32 len;
    u16 nspool, nlink, nmdisk;
};

static int locate(const u8 *image, u32 pages, u32 first, const u8 *ent, struct rec_ref *r)
{
    u32 page = get_be32(ent + DIRX_PAGE);
    u32 off = get_be16(ent + DIRX_OFFSET);
    u32 len = get_be16(ent + DIRX_LENGTH);

    if (page < first || page >= pages || len < DIRU_FIXED)
        return DIR_E_LAYOUT;
    /* short records stay in their page; long ones start one */
    if (off + len > DIR_PAGE_SIZE && off != 0)
        return DIR_E_LAYOUT;
    if ((u64)page * DIR_PAGE_SIZE + off + len > (u64)pages * DIR_PAGE_SIZE)
        return DIR_E_LAYOUT;
    r->rec = image + (size_t)page * DIR_PAGE_SIZE + off;
    r->len = len;
    r->nspool = get_be16(r->rec + DIRU_NSPOOL);
    r->nlink = get_be16(r->rec + DIRU_NLINK);
    r->nmdisk = get_be16(r->rec + DIRU_NMDISK);
    if (memcmp(r->rec + DIRU_USERID, ent + DIRX_USERID, DIR_NAME_SIZE) != 0
        || get_be16(r->rec + DIRU_LENGTH) != len)
        return DIR_E_INDEX;
    if (DIRU_FIXED + (u32)r->nspool * DIRS_SIZE + (u32)r->nlink * DIRL_SIZE
        + (u32)r->nmdisk * DIRM_SIZE != len)
        return DIR_E_RECORD;
    return DIR_OK;
}

static bool decode_spool(struct dir_spool *s, const u8 *e)
{
    s->cuu = get_be16(e + DIRS_CUU);
    s->devtype = get_be16(e + DIRS_TYPE);
    s->kind = e[DIRS_KIND];
    s->spool_class = (char)ebc_to_ascii[e[DIRS_CLASS]];
    return s->kind >= DIR_SPOOL_READER && s->kind <= DIR_SPOOL_PRINTER
           && s->spool_class > ' ' && s->spool_class <= '~';
}

static bool decode_link(struct dir_link *l, const u8 *e)
{
    l->target = get_be16(e + DIRL_TARGET);
    l->cuu = get_be16(e + DIRL_CUU);
    return get_text(l->userid, e + DIRL_USERID, DIR_NAME_SIZE, false) && l->userid[0]
           && get_text(l->mode, e + DIRL_MODE, 2, false) && l->mode[0];
}

static bool decode_mdisk(struct dir_mdisk *m, const struct dir_user *owner, const u8 *e)
{
    m->owner = owner;
    m->cuu = get_be16(e + DIRM_CUU);
    m->devtype = get_be16(e + DIRM_TYPE);
    m->start = get_be16(e + DIRM_START);
    m->cyls = get_be16(e + DIRM_CYLS);
    m->pwflags = e[DIRM_PWFLAGS];
    memcpy(m->readpw, e + DIRM_READPW, DIR_DIGEST_SIZE);
    memcpy(m->writepw, e + DIRM_WRITEPW, DIR_DIGEST_SIZE);
    memcpy(m->multpw, e + DIRM_MULTPW, DIR_DIGEST_SIZE);
    return get_text(m->volser, e + DIRM_VOLSER, DIR_VOLSER_SIZE, false) && m->volser[0]
           && get_text(m->mode, e + DIRM_MODE, 2, false) && m->mode[0]
           && m->cyls > 0;
}

/* the fixed part of a record */
static bool decode_fixed(struct dir_user *u, const u8 *r)
{
    memcpy(u->key, r + DIRU_USERID, DIR_NAME_SIZE);
    u->nolog = (get_be16(r + DIRU_FLAGS) & DIRU_F_NOLOG) != 0;
    u->storage = get_be32(r + DIRU_STORAGE);
    u->maxstorage = get_be32(r + DIRU_MAXSTOR);
    u->classes = get_be32(r + DIRU_CLASSES);
    u->options = get_be32(r + DIRU_OPTIONS);
    u->cpuid = get_be32(r + DIRU_CPUID);
    u->affinity = get_be16(r + DIRU_AFFINITY);
    u->console.cuu = get_be16(r + DIRU_CONS_CUU);
    u->console.devtype = get_be16(r + DIRU_CONS_TYPE);
    u->console.spool_class = (char)ebc_to_ascii[r[DIRU_CONS_CLASS]];
    u->ipl.kind = r[DIRU_IPL_KIND];
    u->ipl.cuu = get_be16(r + DIRU_IPL_CUU);
    memcpy(u->salt, r + DIRU_SALT, DIR_SALT_SIZE);
    memcpy(u->password, r + DIRU_PASSWORD, DIR_DIGEST_SIZE);
    if (u->ipl.kind > DIR_IPL_NAME || (u->options & ~DIR_OPT_ALL) || u->storage > u->maxstorage)
        return false;
    return get_text(u->userid, r + DIRU_USERID, DIR_NAME_SIZE, false) && u->userid[0]
           && get_text(u->ipl.name, r + DIRU_IPL_NAME, DIR_NAME_SIZE, false)
           && get_text(u->account, r + DIRU_ACCOUNT, DIR_NAME_SIZE, false)
           && get_text(u->distcode, r + DIRU_DISTRIB, DIR_NAME_SIZE, false)
           && get_text(u->ipl.parm, r + DIRU_IPL_PARM, DIR_PARM_SIZE, true);
}

/* decode one record into u and the next free array slots */
static bool decode_user(struct dir_user *u, const struct rec_ref *rr, struct dir_spool **sp,
                        struct dir_link **lp, struct dir_mdisk **mp)
{
    const u8 *e = rr->rec + DIRU_FIXED;

    if (!decode_fixed(u, rr->rec))
        return false;
    u->nspool = rr->nspool;
    u->nlink = rr->nlink;
    u->nmdisk = rr->nmdisk;
    u->spool = *sp;
    u->links = *lp;
    u->mdisks = *mp;
    for (unsigned i = 0; i < u->nspool; i++, e += DIRS_SIZE)
        if (!decode_spool((*sp)++, e))
            return false;
    for (unsigned i = 0; i < u->nlink; i++, e += DIRL_SIZE)
        if (!decode_link((*lp)++, e))
            return false;
    for (unsigned i = 0; i < u->nmdisk; i++, e += DIRM_SIZE)
        if (!decode_mdisk((*mp)++, u, e))
            return false;
    return true;
}

static size_t round8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

/* check the index; count the entries of all records */
static int scan_index(const u8 *image, u32 *nsp, u32 *nln, u32 *nmd)
{
    const u8 *h = image;
    u32 pages = get_be32(h + DIRH_PAGES), users = get_be32(h + DIRH_USERS);
    u32 first = get_be32(h + DIRH_RECORDS);
    const u8 *index = image + DIR_PAGE_SIZE;
    struct rec_ref rr;
    int rc;

    *nsp = *nln = *nmd = 0;
    for (u32 i = 0; i < users; i++) {
        const u8 *ent = index + (size_t)i * DIRX_SIZE;
        if (i > 0 && memcmp(ent - DIRX_SIZE, ent, DIR_NAME_SIZE) >= 0)
            return DIR_E_INDEX;         /* binary search needs strict order */
        if ((rc = locate(image, pages, first, ent, &rr)) != DIR_OK)
            return rc;
        *nsp += rr.nspool;
        *nln += rr.nlink;
        *nmd += rr.nmdisk;
    }
    return DIR_OK;
}

/* one block: the table, users, mdisks, links, spool entries */
static int decode_all(const u8 *image, u32 nsp, u32 nln, u32 nmd, struct dir_table **out)
{
    const u8 *h = image;
    u32 users = get_be32(h + DIRH_USERS);
    size_t o_users = round8(sizeof(struct dir_table));
    size_t o_md = o_users + round8((size_t)users * sizeof(struct dir_user));
    size_t o_ln = o_md + round8((size_t)nmd * sizeof(struct dir_mdisk));
    size_t o_sp = o_ln + round8((size_t)nln * sizeof(struct dir_link));
    size_t total = o_sp + round8((size_t)nsp * sizeof(struct dir_spool));
    u8 *block = kzalloc(total, "DIRECT");
    struct dir_table *t = (struct dir_table *)block;
    struct dir_mdisk *mp;
    struct dir_link *lp;
    struct dir_spool *sp;
    struct rec_ref rr;

    if (!block)
        return DIR_E_NOMEM;
    t->nusers = users;
    t->users = (struct dir_user *)(block + o_users);
    mp = (struct dir_mdisk *)(block + o_md);
    lp = (struct dir_link *)(block + o_ln);
    sp = (struct dir_spool *)(block + o_sp);
    for (u32 i = 0; i < users; i++) {
        locate(image, get_be32(h + DIRH_PAGES), get_be32(h + DIRH_RECORDS),
               image + DIR_PAGE_SIZE + (size_t)i * DIRX_SIZE, &rr);   /* checked */
        if (!decode_user(&t->users[i], &rr, &sp, &lp, &mp)) {
            kfree(block);
            return DIR_E_RECORD;
        }
    }
    *out = t;
    return DIR_OK;
}

int dir_load(const u8 *image, size_t len)
{
    struct dir_table *t;
    u32 nsp, nln, nmd;
    int pages, rc;

    if (!image || len < DIR_PAGE_SIZE)
        return DIR_E_SHORT;
    if ((pages = dir_check_header(image)) < 0)
        return pages;
    if (len < (size_t)pages * DIR_PAGE_SIZE)
        return DIR_E_SHORT;
    for (int n = 1; n < pages; n++)
        if ((rc = dir_check_page(image, (u32)n, image + (size_t)n * DIR_PAGE_SIZE)) != DIR_OK)
            return rc;
    if ((rc = scan_index(image, &nsp, &nln, &nmd)) != DIR_OK)
        return rc;
    if ((rc = decode_all(image, nsp, nln, nmd, &t)) != DIR_OK)
        return rc;
    dir_install(t);
    return DIR_OK;
}
