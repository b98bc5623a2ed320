/* check.c - the rules that need the whole directory: userids are unique,
 * minidisks do not overlap on a volume, LINKs name a user and a minidisk
 * that exist.  Each error points at the statement that breaks the rule
 * and names the one it collides with. */
#include "dircomp.h"

#include <stdlib.h>
#include <string.h>

static void *array(size_t n, size_t size)
{
    void *p = malloc((n + 1) * size);

    if (!p) {
        fprintf(stderr, "dircomp: out of memory\n");
        exit(2);
    }
    return p;
}

static int by_userid(const void *a, const void *b)
{
    const struct dc_user *x = *(const struct dc_user *const *)a, *y = *(const struct dc_user *const *)b;

    return strcmp(x->userid, y->userid);
}

static int by_userid_then_line(const void *a, const void *b)
{
    const struct dc_user *x = *(const struct dc_user *const *)a, *y = *(const struct dc_user *const *)b;
    int c = strcmp(x->userid, y->userid);

    return c ? c : x->line - y->line;
}

/* the users sorted by userid, for lookups; a second definition is an error */
static struct dc_user **sorted_users(struct dc_compile *dc)
{
    struct dc_user **v = array(dc->nusers, sizeof *v);

    for (unsigned i = 0; i < dc->nusers; i++)
        v[i] = &dc->users[i];
    qsort(v, dc->nusers, sizeof *v, by_userid_then_line);
    for (unsigned i = 1; i < dc->nusers; i++)
        if (!strcmp(v[i]->userid, v[i - 1]->userid))
            dc_error(dc, v[i]->id_loc, "user %s is already defined at line %d", v[i]->userid,
                     v[i - 1]->line);
    return v;
}

static const struct dc_user *find_user(const struct dc_compile *dc, struct dc_user **v, const char *id)
{
    struct dc_user key;
    const struct dc_user *k = &key;
    struct dc_user **hit;

    strcpy(key.userid, id);
    hit = bsearch(&k, v, dc->nusers, sizeof *v, by_userid);
    if (!hit)
        return NULL;
    while (hit > v && !strcmp(hit[-1]->userid, id))
        hit--;                          /* of a duplicate, the first definition */
    return *hit;
}

static const struct dc_mdisk *find_mdisk(const struct dc_user *u, u16 cuu)
{
    for (unsigned i = 0; i < u->nmdisk; i++)
        if (u->mdisks[i].cuu == cuu)
            return &u->mdisks[i];
    return NULL;
}

static void check_links(struct dc_compile *dc, struct dc_user **v)
{
    for (unsigned i = 0; i < dc->nusers; i++) {
        const struct dc_user *u = &dc->users[i];
        for (unsigned j = 0; j < u->nlink; j++) {
            const struct dc_link *l = &u->links[j];
            const struct dc_user *owner = find_user(dc, v, l->userid);
            if (!owner)
                dc_error(dc, l->user_loc, "LINK to user %s, who is not in the directory", l->userid);
            else if (!find_mdisk(owner, l->target))
                dc_error(dc, l->target_loc, "LINK to %s %03X: %s has no MDISK %03X", l->userid,
                         l->target, l->userid, l->target);
        }
    }
}

struct extent {
    const struct dc_user *user;
    const struct dc_mdisk *m;
};

static int by_volume_then_start(const void *a, const void *b)
{
    const struct extent *x = a, *y = b;
    int c = strcmp(x->m->volser, y->m->volser);

    if (c)
        return c;
    if (x->m->start != y->m->start)
        return x->m->start < y->m->start ? -1 : 1;
    return x->m->line - y->m->line;
}

/* report at whichever of the two minidisks comes later in the source */
static void collide(struct dc_compile *dc, const struct extent *a, const struct extent *b, bool type)
{
    if (a->m->line > b->m->line) {
        const struct extent *t = a;
        a = b;
        b = t;
    }
    if (type)
        dc_error(dc, b->m->start_loc, "volume %s is a %04X here but a %04X at line %d",
                 b->m->volser, b->m->devtype, a->m->devtype, a->m->line);
    else
        dc_error(dc, b->m->start_loc, "MDISK %03X of %s (cylinders %u-%u of %s) overlaps MDISK %03X "
                 "of %s (cylinders %u-%u) at line %d", b->m->cuu, b->user->userid, b->m->start,
                 b->m->start + b->m->cyls - 1, b->m->volser, a->m->cuu, a->user->userid,
                 a->m->start, a->m->start + a->m->cyls - 1, a->m->line);
}

/* sorted by volume and first cylinder, an extent overlaps another exactly
 * when it starts before the furthest end seen so far on its volume */
static void check_extents(struct dc_compile *dc)
{
    unsigned n = 0;
    struct extent *e;

    for (unsigned i = 0; i < dc->nusers; i++)
        n += dc->users[i].nmdisk;
    e = array(n, sizeof *e);
    n = 0;
    for (unsigned i = 0; i < dc->nusers; i++)
        for (unsigned j = 0; j < dc->users[i].nmdisk; j++)
            e[n++] = (struct extent){ &dc->users[i], &dc->users[i].mdisks[j] };
    qsort(e, n, sizeof *e, by_volume_then_start);
    for (unsigned i = 1, far = 0; i < n; i++) {
        if (strcmp(e[i].m->volser, e[far].m->volser) != 0) {
            far = i;
            continue;
        }
        if (e[i].m->devtype != e[far].m->devtype)
            collide(dc, &e[far], &e[i], true);
        else if (e[i].m->start < e[far].m->start + e[far].m->cyls)
            collide(dc, &e[far], &e[i], false);
        if (e[i].m->start + e[i].m->cyls > e[far].m->start + e[far].m->cyls)
            far = i;
    }
    free(e);
}

int dc_check(struct dc_compile *dc)
{
    int before = dc->errors;
    struct dc_user **v = sorted_users(dc);

    check_links(dc, v);
    check_extents(dc);
    free(v);
    return dc->errors - before;
}
