/* user.c - the list of logged-on users. */
#include "cp/vm/user.h"
#include "cp/kern/timer.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "cp/lib/format.h"
#include <stdarg.h>

struct user *users;
static u16 next_number = 1;

struct user *user_find(const char *userid)
{
    for (struct user *u = users; u; u = u->next)
        if (!str_casecmp(u->userid, userid))
            return u;
    return NULL;
}

struct user *user_create(const char *userid, u32 classes)
{
    struct user *u = kzalloc(sizeof *u, "VMBLK");

    if (!u)
        return NULL;
    strlcpy(u->userid, userid, sizeof u->userid);
    for (char *p = u->userid; *p; p++)
        *p = to_upper(*p);
    u->classes = classes;
    u->logon_tod = tod_now();
    u->msg_on = u->wng_on = u->imsg_on = true;
    u->emsg = 'T';
    u->assist_on = true;
    u->number = next_number++;
    if (next_number == 0)
        next_number = 1;
    u->next = users;
    users = u;
    return u;
}

void user_destroy(struct user *u)
{
    for (struct user **pp = &users; *pp; pp = &(*pp)->next) {
        if (*pp == u) {
            *pp = u->next;
            break;
        }
    }
    if (u->pf)
        kfree(u->pf);
    kfree(u);
}

unsigned user_count(void)
{
    unsigned n = 0;
    for (struct user *u = users; u; u = u->next)
        n++;
    return n;
}

static void (*tell_writer)(struct user *u, const char *line);

void user_tell_register(void (*write)(struct user *u, const char *line))
{
    tell_writer = write;
}

void user_tell(struct user *u, const char *fmt, ...)
{
    char line[160];
    va_list ap;

    if (!u || !tell_writer)
        return;
    va_start(ap, fmt);
    fmt_vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    tell_writer(u, line);
}
