/* directory.c - the directory in use: lookups and password checks. */
#include "cp/dir/dirtable.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"

#define PASSWORD_MAX    8               /* VM/370 passwords: 1 to 8 characters */

static struct dir_table *current;

void dir_install(struct dir_table *t)
{
    kfree(current);
    current = t;
}

void dir_unload(void)
{
    dir_install(NULL);
}

unsigned dir_count(void)
{
    return current ? current->nusers : 0;
}

const struct dir_user *dir_at(unsigned i)
{
    return current && i < current->nusers ? &current->users[i] : NULL;
}

/* the userid as the index stores it: upper case, EBCDIC, blank padded */
static bool make_key(u8 key[DIR_NAME_SIZE], const char *userid)
{
    size_t n = strlen(userid);

    if (n == 0 || n > DIR_NAME_SIZE)
        return false;
    for (size_t i = 0; i < DIR_NAME_SIZE; i++)
        key[i] = i < n ? ascii_to_ebc[(u8)to_upper(userid[i])] : EBC_BLANK;
    return true;
}

const struct dir_user *dir_find(const char *userid)
{
    u8 key[DIR_NAME_SIZE];
    u32 lo = 0, hi = current ? current->nusers : 0;

    if (!userid || !make_key(key, userid))
        return NULL;
    while (lo < hi) {                   /* the index is sorted by key */
        u32 mid = lo + (hi - lo) / 2;
        int c = memcmp(key, current->users[mid].key, DIR_NAME_SIZE);
        if (c == 0)
            return &current->users[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

const struct dir_mdisk *dir_find_mdisk(const struct dir_user *u, u16 cuu)
{
    for (unsigned i = 0; u && i < u->nmdisk; i++)
        if (u->mdisks[i].cuu == cuu)
            return &u->mdisks[i];
    return NULL;
}

/* compare without an early exit, so the time taken tells nothing */
static bool digest_equal(const u8 *a, const u8 *b)
{
    u8 diff = 0;

    for (unsigned i = 0; i < DIR_DIGEST_SIZE; i++)
        diff |= a[i] ^ b[i];
    return diff == 0;
}

static bool typed_matches(const u8 salt[DIR_SALT_SIZE], char purpose, u16 cuu,
                          const char *typed, const u8 *stored)
{
    u8 d[DIR_DIGEST_SIZE];
    size_t n;

    if (!typed)
        return false;
    n = strlen(typed);
    if (n == 0 || n > PASSWORD_MAX)
        return false;
    dir_password_digest(salt, purpose, cuu, typed, d);
    return digest_equal(d, stored);
}

bool dir_password_ok(const struct dir_user *u, const char *typed)
{
    if (!u || u->nolog)
        return false;
    return typed_matches(u->salt, 'L', 0, typed, u->password);
}

bool dir_link_password_ok(const struct dir_mdisk *m, char mode, const char *typed)
{
    if (!m)
        return false;
    switch (to_upper(mode)) {
    case 'R':
        if (m->pwflags & DIRM_PW_READ_ALL)
            return true;
        return (m->pwflags & DIRM_PW_READ)
               && typed_matches(m->owner->salt, 'R', m->cuu, typed, m->readpw);
    case 'W':
        return (m->pwflags & DIRM_PW_WRITE)
               && typed_matches(m->owner->salt, 'W', m->cuu, typed, m->writepw);
    case 'M':
        return (m->pwflags & DIRM_PW_MULT)
               && typed_matches(m->owner->salt, 'M', m->cuu, typed, m->multpw);
    default:
        return false;
    }
}

const char *dir_strerror(int rc)
{
    switch (rc) {
    case DIR_OK:          return "directory is valid";
    case DIR_E_SHORT:     return "directory image is shorter than its header says";
    case DIR_E_MAGIC:     return "not a cp370 directory image";
    case DIR_E_VERSION:   return "directory image has a format version this CP does not know";
    case DIR_E_CHECKSUM:  return "directory page does not match its checksum";
    case DIR_E_LAYOUT:    return "directory counts or page numbers point outside the image";
    case DIR_E_INDEX:     return "directory index is out of order or does not match a record";
    case DIR_E_RECORD:    return "directory user record is malformed";
    case DIR_E_NOMEM:     return "not enough free storage for the directory";
    default:              return "unknown directory error";
    }
}
