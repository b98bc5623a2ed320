/* conspool.c - console spooling (conspool.h).
 *
 * The hook on the console (session_console_hook) runs wherever a line is
 * written, possibly in a task that must not sleep, so it only copies the
 * line into a ring and wakes the writer task.  The writer owns the open
 * file: it alone calls spf_put/spf_close, which may wait for DASD.  A
 * close is a position in the stream of lines (close_at), so lines that
 * follow a CLOSE go into the next file, not the one being closed. */
#include "cp/spool/conspool.h"
#include "cp/spool/vur.h"
#include "cp/spool/urdev.h"
#include "cp/term/session.h"
#include "cp/term/usermsg.h"
#include "cp/kern/task.h"
#include "cp/vm/user.h"
#include "cp/vm/vm.h"
#include "cp/vm/vdev.h"
#include "cp/vm/vconfig.h"
#include "cp/kern/freestor.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"

#define CS_BYTES        8192    /* the ring: each line is a length byte and its text */
#define CS_WRITE_SP1    0x09    /* write, space one line after: a console line */
#define CS_CLASS        'T'     /* VM/370's class for a spooled console */

struct conspool {
    struct conspool *next;
    char userid[9];
    char to[9];                 /* "" = own printer queue */
    char cls;
    bool on;                    /* START: lines are taken */
    bool gone;                  /* logged off: freed once the file is closed */
    struct spf *out;            /* the writer's open file */
    u16 head, used;             /* the ring's bytes in use from head */
    u16 count;                  /* lines in the ring */
    u32 in_seq, out_seq;        /* lines queued, lines taken by the writer */
    bool close_req;
    u32 close_at;               /* close when out_seq reaches this */
    u32 lost;                   /* lines dropped while the ring was full */
    u8 ring[CS_BYTES];
};

static struct conspool *list;

static struct conspool *find(const char *userid)
{
    for (struct conspool *c = list; c; c = c->next)
        if (!c->gone && !strcmp(c->userid, userid))
            return c;
    return NULL;
}

static bool put_slot(struct conspool *c, const char *text, u16 len)
{
    u32 pos = (c->head + c->used) % CS_BYTES;

    if ((u32)(CS_BYTES - c->used) < 1u + len)
        return false;
    c->ring[pos] = (u8)len;
    for (u16 i = 0; i < len; i++)
        c->ring[(pos + 1 + i) % CS_BYTES] = (u8)text[i];
    c->used = (u16)(c->used + 1 + len);
    c->count++;
    c->in_seq++;
    return true;
}

/* the console hook: copy the line (in print-line pieces), never wait */
static void console_line(struct user *u, const char *line)
{
    struct conspool *c = u ? find(u->userid) : NULL;
    size_t len;

    if (!c || !c->on)
        return;
    len = strlen(line);
    if (c->lost) {
        /* the note goes where the lines went missing, if the line after fits too */
        char note[64];
        int n = fmt_snprintf(note, sizeof note, "CPX435W %u console lines were not spooled",
                             (unsigned)c->lost);
        size_t first = len > VUR_PRINT_MAX ? VUR_PRINT_MAX : len;
        if ((size_t)(CS_BYTES - c->used) >= 2u + (size_t)n + first) {
            put_slot(c, note, (u16)n);
            c->lost = 0;
        }
    }
    do {
        u16 n = (u16)(len > VUR_PRINT_MAX ? VUR_PRINT_MAX : len);
        if (!put_slot(c, line, n)) {
            c->lost++;
            break;
        }
        line += n;
        len -= n;
    } while (len);
    task_wakeup(&list);
}

/* ---- the writer task --------------------------------------------------- */

static void tell_closed(struct conspool *c, u16 spid)
{
    struct spool_attrs a;
    struct user *to;

    if (spool_query(spid, &a) != SPOOL_OK)
        return;
    user_msg(user_find(c->userid), "PRT FILE %04u TO %-8s COPY %03u NOHOLD", spid, a.owner,
             a.copies);
    if (a.type == SPOOL_RDR && (to = user_find(a.owner)))
        user_msg(to, "RDR FILE %04u SENT FROM %-8s PRT WAS %04u RECS %06u CPY %03u %c NOHOLD",
                 spid, a.origin, spid, (unsigned)a.records, a.copies, a.cls);
}

/* a spool error: the file is closed short (full) or dropped, spooling
 * stops and the lines waiting go; the message comes after, so it is not
 * itself spooled into a failing file */
static void fail(struct conspool *c, int rc)
{
    if (c->out) {
        int id = rc == SPOOL_EFULL ? spf_close(c->out) : spf_abort(c->out);
        c->out = NULL;
        if (rc == SPOOL_EFULL && id > 0)
            tell_closed(c, (u16)id);
    }
    c->on = false;
    c->out_seq += c->count;
    c->count = 0;
    c->head = c->used = 0;
    c->close_req = false;
    user_msg(user_find(c->userid), "CPX425E Console spooling stopped: %s", spool_strerror(rc));
}

static int open_file(struct conspool *c)
{
    struct spool_attrs a;

    memset(&a, 0, sizeof a);
    a.type = c->to[0] ? SPOOL_RDR : SPOOL_PRT;
    a.origin_type = SPOOL_PRT;
    a.cls = c->cls;
    a.copies = 1;
    strlcpy(a.origin, c->userid, sizeof a.origin);
    strlcpy(a.owner, c->to[0] ? c->to : c->userid, sizeof a.owner);
    return spf_open_write(&a, &c->out);
}

static void close_file(struct conspool *c)
{
    int rc;

    c->close_req = false;
    if (!c->out)
        return;
    rc = spf_close(c->out);
    c->out = NULL;
    if (rc > 0) {
        tell_closed(c, (u16)rc);
        urdev_kick();
    } else {
        user_msg(user_find(c->userid), "CPX423E CONSOLE: the file could not be closed: %s",
                 spool_strerror(rc));
    }
}

/* one line into the file (opened at its first line) */
static void write_one(struct conspool *c)
{
    char text[VUR_PRINT_MAX];
    u8 ebc[VUR_PRINT_MAX];
    u16 len = c->ring[c->head];
    int rc;

    for (u16 i = 0; i < len; i++)
        text[i] = (char)c->ring[(c->head + 1 + i) % CS_BYTES];
    c->head = (u16)((c->head + 1 + len) % CS_BYTES);
    c->used = (u16)(c->used - 1 - len);
    c->count--;
    c->out_seq++;
    if (!c->out && (rc = open_file(c)) != SPOOL_OK) {
        fail(c, rc);
        return;
    }
    ebc_from_ascii(ebc, text, len);         /* a print line, as a guest's printer writes it */
    if ((rc = spf_put(c->out, CS_WRITE_SP1, ebc, len)) != SPOOL_OK)
        fail(c, rc);
}

static bool has_work(const struct conspool *c)
{
    return c->count || c->close_req || (c->gone && !c->out);
}

static void forget(struct conspool *c)
{
    struct conspool **pp = &list;

    while (*pp != c)
        pp = &(*pp)->next;
    *pp = c->next;
    kfree(c);
}

static void writer_task(void *arg)
{
    (void)arg;
    for (;;) {
        struct conspool *c = list;
        while (c && !has_work(c))
            c = c->next;
        if (!c) {
            task_sleep(&list);
            continue;
        }
        if (c->close_req && c->out_seq >= c->close_at)
            close_file(c);
        else if (c->count)
            write_one(c);
        else
            c->close_req = false;       /* cannot happen; never spin */
        if (c->gone && !c->count && !c->close_req && !c->out)
            forget(c);
    }
}

static void request_close(struct conspool *c)
{
    c->close_req = true;
    c->close_at = c->in_seq;
    task_wakeup(&list);
}

/* LOGOFF: stop and close after the last line (LOGOFF AT ...) */
static void on_logoff(struct vm *vm)
{
    struct conspool *c = vm->user ? find(vm->user->userid) : NULL;

    if (!c)
        return;
    c->on = false;
    request_close(c);
    c->gone = true;
}

void conspool_init(void)
{
    session_console_hook = console_line;
    vconfig_register(NULL, on_logoff);
    task_create("CONSPOOL", writer_task, NULL);
}

/* ---- the interface SPOOL CONSOLE and CLOSE CONSOLE use ---------------- */

static struct conspool *entry_for(const char *userid)
{
    struct conspool *c = find(userid);

    if (c)
        return c;
    if (!(c = kzalloc(sizeof *c, "CONSPOOL")))
        return NULL;
    strlcpy(c->userid, userid, sizeof c->userid);
    c->cls = CS_CLASS;
    c->next = list;
    list = c;
    return c;
}

int conspool_set(const char *userid, const struct conspool_opts *o)
{
    struct conspool *c = entry_for(userid);

    if (!c)
        return CONSPOOL_NOSTORAGE;
    if (o->to_set)
        strlcpy(c->to, o->to, sizeof c->to);
    if (o->cls)
        c->cls = o->cls;
    if (o->onoff >= 0)
        c->on = o->onoff == 1;
    if (o->close)
        request_close(c);
    return CONSPOOL_OK;
}

int conspool_close(const char *userid)
{
    struct conspool *c = find(userid);

    if (!c || (!c->on && !c->out && !c->count))
        return CONSPOOL_NOTSPOOLED;
    request_close(c);
    return CONSPOOL_OK;
}

unsigned conspool_open_files(void)
{
    unsigned n = 0;

    for (struct conspool *c = list; c; c = c->next)
        n += c->out != NULL;
    return n;
}

bool conspool_state(const char *userid, struct conspool_info *info)
{
    struct conspool *c = find(userid);

    if (!c)
        return false;
    info->on = c->on;
    info->cls = c->cls;
    info->file_open = c->out || c->count;
    strlcpy(info->to, c->to, sizeof info->to);
    return true;
}
