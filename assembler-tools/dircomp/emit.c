/* emit.c - write the directory image of cp/dir/dirfmt.h.
 *
 * Users are sorted by their stored (EBCDIC) userid so CP can binary-search
 * the index.  Every user gets a fresh random salt; only digests of his
 * passwords are written. */
#include "dircomp.h"
#include "arch370/ebcdic.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* text as CP stores it: EBCDIC, blank padded */
static void put_text(u8 *dst, const char *src, size_t n)
{
    size_t len = strlen(src);

    for (size_t i = 0; i < n; i++)
        dst[i] = i < len ? ascii_to_ebc[(u8)src[i]] : EBC_BLANK;
}

static size_t record_size(const struct dc_user *u)
{
    return DIRU_FIXED + (size_t)u->nspool * DIRS_SIZE + (size_t)u->nlink * DIRL_SIZE
           + (size_t)u->nmdisk * DIRM_SIZE;
}

static int by_key(const void *a, const void *b)
{
    u8 x[DIR_NAME_SIZE], y[DIR_NAME_SIZE];

    put_text(x, (*(const struct dc_user *const *)a)->userid, DIR_NAME_SIZE);
    put_text(y, (*(const struct dc_user *const *)b)->userid, DIR_NAME_SIZE);
    return memcmp(x, y, DIR_NAME_SIZE);
}

static void put_mdisk(u8 *e, const struct dc_mdisk *m, const u8 *salt)
{
    static const struct { char purpose; u8 flag; unsigned off; } pw[3] = {
        { 'R', DIRM_PW_READ, DIRM_READPW },
        { 'W', DIRM_PW_WRITE, DIRM_WRITEPW },
        { 'M', DIRM_PW_MULT, DIRM_MULTPW },
    };

    put_be16(e + DIRM_CUU, m->cuu);
    put_be16(e + DIRM_TYPE, m->devtype);
    put_be16(e + DIRM_START, (u16)m->start);
    put_be16(e + DIRM_CYLS, (u16)m->cyls);
    put_text(e + DIRM_VOLSER, m->volser, DIR_VOLSER_SIZE);
    put_text(e + DIRM_MODE, m->mode, 2);
    for (unsigned i = 0; i < m->npw; i++) {
        if (i == 0 && !strcmp(m->pw[0], "ALL")) {   /* VM/370: anyone may link R */
            e[DIRM_PWFLAGS] |= DIRM_PW_READ_ALL;
            continue;
        }
        e[DIRM_PWFLAGS] |= pw[i].flag;
        dir_password_digest(salt, pw[i].purpose, m->cuu, m->pw[i], e + pw[i].off);
    }
}

static void put_fixed(u8 *r, const struct dc_user *u, size_t len, const u8 *salt)
{
    put_text(r + DIRU_USERID, u->userid, DIR_NAME_SIZE);
    put_be16(r + DIRU_LENGTH, (u16)len);
    put_be16(r + DIRU_FLAGS, u->nolog ? DIRU_F_NOLOG : 0);
    put_be32(r + DIRU_STORAGE, u->storage);
    put_be32(r + DIRU_MAXSTOR, u->maxstorage);
    put_be32(r + DIRU_CLASSES, u->classes);
    put_be32(r + DIRU_OPTIONS, u->options);
    put_be32(r + DIRU_CPUID, u->cpuid);
    put_be16(r + DIRU_AFFINITY, u->affinity);
    put_be16(r + DIRU_CONS_CUU, u->cons_cuu);
    put_be16(r + DIRU_CONS_TYPE, u->cons_type);
    r[DIRU_CONS_CLASS] = u->cons_type ? ascii_to_ebc[(u8)u->cons_class] : EBC_BLANK;
    r[DIRU_IPL_KIND] = u->ipl_kind;
    put_be16(r + DIRU_IPL_CUU, u->ipl_cuu);
    put_be16(r + DIRU_NSPOOL, (u16)u->nspool);
    put_be16(r + DIRU_NLINK, (u16)u->nlink);
    put_be16(r + DIRU_NMDISK, (u16)u->nmdisk);
    put_text(r + DIRU_IPL_NAME, u->ipl_name, DIR_NAME_SIZE);
    put_text(r + DIRU_ACCOUNT, u->account, DIR_NAME_SIZE);
    put_text(r + DIRU_DISTRIB, u->distcode, DIR_NAME_SIZE);
    memcpy(r + DIRU_SALT, salt, DIR_SALT_SIZE);
    if (!u->nolog)
        dir_password_digest(salt, 'L', 0, u->password, r + DIRU_PASSWORD);
    put_text(r + DIRU_IPL_PARM, u->ipl_parm, DIR_PARM_SIZE);
}

static void put_record(u8 *r, const struct dc_user *u, size_t len, const u8 *salt)
{
    u8 *e = r + DIRU_FIXED;

    put_fixed(r, u, len, salt);
    for (unsigned i = 0; i < u->nspool; i++, e += DIRS_SIZE) {
        put_be16(e + DIRS_CUU, u->spool[i].cuu);
        put_be16(e + DIRS_TYPE, u->spool[i].devtype);
        e[DIRS_KIND] = u->spool[i].kind;
        e[DIRS_CLASS] = ascii_to_ebc[(u8)u->spool[i].spool_class];
    }
    for (unsigned i = 0; i < u->nlink; i++, e += DIRL_SIZE) {
        put_text(e + DIRL_USERID, u->links[i].userid, DIR_NAME_SIZE);
        put_be16(e + DIRL_TARGET, u->links[i].target);
        put_be16(e + DIRL_CUU, u->links[i].cuu);
        put_text(e + DIRL_MODE, u->links[i].mode, 2);
    }
    for (unsigned i = 0; i < u->nmdisk; i++, e += DIRM_SIZE)
        put_mdisk(e, &u->mdisks[i], salt);
}

/* where each record goes: short ones never cross a page, long ones start one */
static u32 place(struct dc_user **v, unsigned n, u32 first, u32 *page, u16 *off)
{
    u32 p = first, o = 0;

    for (unsigned i = 0; i < n; i++) {
        size_t len = record_size(v[i]);
        if (o && (len > DIR_PAGE_SIZE || o + len > DIR_PAGE_SIZE))
            p++, o = 0;
        page[i] = p;
        off[i] = (u16)o;
        p += (u32)((o + len) / DIR_PAGE_SIZE);
        o = (u32)((o + len) % DIR_PAGE_SIZE);
    }
    return p + (o != 0);
}

static void put_header(u8 *h, const struct dc_compile *dc, u32 pages, u32 ipages)
{
    put_text(h + DIRH_MAGIC, DIR_MAGIC_TEXT, 8);
    put_be32(h + DIRH_VERSION, DIR_VERSION);
    put_be32(h + DIRH_PAGES, pages);
    put_be32(h + DIRH_USERS, dc->nusers);
    put_be32(h + DIRH_INDEX, 1);
    put_be32(h + DIRH_INDEX_PAGES, ipages);
    put_be32(h + DIRH_RECORDS, 1 + ipages);
    put_text(h + DIRH_RES_VOLSER, dc->have_directory ? dc->res_volser : "", DIR_VOLSER_SIZE);
    put_be16(h + DIRH_RES_CUU, dc->res_cuu);
    put_be16(h + DIRH_RES_TYPE, dc->res_type);
}

static bool sizes_fit(struct dc_compile *dc)
{
    bool ok = true;

    for (unsigned i = 0; i < dc->nusers; i++) {
        size_t len = record_size(&dc->users[i]);
        if (len > DIR_MAX_RECORD) {
            struct dc_loc at = { dc->users[i].line, 1 };
            dc_error(dc, at, "user %s has too many devices for one directory record "
                     "(%zu bytes, at most %u)", dc->users[i].userid, len, DIR_MAX_RECORD);
            ok = false;
        }
    }
    return ok;
}

int dc_emit(struct dc_compile *dc, u8 **image, size_t *len)
{
    unsigned n = dc->nusers;
    u32 ipages = (n + DIRX_PER_PAGE - 1) / DIRX_PER_PAGE, pages;
    struct dc_user **v = malloc((n + 1) * sizeof *v);
    u32 *page = malloc((n + 1) * sizeof *page);
    u16 *off = malloc((n + 1) * sizeof *off);
    u8 *img = NULL, salt[DIR_SALT_SIZE];
    int rc = -1;

    if (!v || !page || !off || !sizes_fit(dc))
        goto out;
    for (unsigned i = 0; i < n; i++)
        v[i] = &dc->users[i];
    qsort(v, n, sizeof *v, by_key);
    pages = place(v, n, 1 + ipages, page, off);
    if (pages > DIR_MAX_PAGES) {
        struct dc_loc at = { dc->line, 1 };
        dc_error(dc, at, "the directory needs %u pages; at most %u fit", pages, (unsigned)DIR_MAX_PAGES);
        goto out;
    }
    if (!(img = calloc(pages, DIR_PAGE_SIZE)))
        goto out;
    put_header(img, dc, pages, ipages);
    for (unsigned i = 0; i < n; i++) {
        u8 *x = img + DIR_PAGE_SIZE + (size_t)i * DIRX_SIZE;
        size_t rlen = record_size(v[i]);
        if (getentropy(salt, sizeof salt) != 0) {
            fprintf(dc->diag, "dircomp: no random numbers for password salts\n");
            goto out;
        }
        put_text(x + DIRX_USERID, v[i]->userid, DIR_NAME_SIZE);
        put_be32(x + DIRX_PAGE, page[i]);
        put_be16(x + DIRX_OFFSET, off[i]);
        put_be16(x + DIRX_LENGTH, (u16)rlen);
        put_record(img + (size_t)page[i] * DIR_PAGE_SIZE + off[i], v[i], rlen, salt);
    }
    for (u32 p = 1; p < pages; p++)
        put_be32(img + DIRH_PAGE_SUMS + 4 * p, dir_page_sum(img + (size_t)p * DIR_PAGE_SIZE));
    put_be32(img + DIRH_SUM, dir_header_sum(img));
    *image = img;
    *len = (size_t)pages * DIR_PAGE_SIZE;
    img = NULL;
    rc = 0;
out:
    free(img);
    free(v);
    free(page);
    free(off);
    return rc;
}
