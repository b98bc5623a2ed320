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
#include "cp/term/cmdline.h"
#include "cp/dir/directory.h"
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

/* ---- commands ---------------------------------------------------------- */

static struct conspool *entry_for(struct cmdctx *ctx)
{
    struct conspool *c = find(ctx->user->userid);

    if (c)
        return c;
    if (!(c = kzalloc(sizeof *c, "CONSPOOL"))) {
        cmd_printf(ctx, "CPX426E SPOOL CONSOLE: not enough CP storage");
        return NULL;
    }
    strlcpy(c->userid, ctx->user->userid, sizeof c->userid);
    c->cls = CS_CLASS;
    c->next = list;
    list = c;
    return c;
}

struct cs_opts {
    int onoff;                  /* 1 START, 0 STOP, -1 neither */
    bool close, to_set;
    char to[9];
    char cls;
};

static bool parse_opts(struct cmdctx *ctx, struct cs_opts *o)
{
    for (int i = 2; i < ctx->argc; i++) {
        const char *w = ctx->argv[i], *val = i + 1 < ctx->argc ? ctx->argv[i + 1] : NULL;
        int onoff = !strcmp(w, "START") ? 1 : !strcmp(w, "STOP") ? 0 : -1;
        if (onoff >= 0) {
            if (o->onoff >= 0 && o->onoff != onoff) {
                cmd_printf(ctx, "CPX004E SPOOL CONSOLE: START and STOP conflict");
                return false;
            }
            o->onoff = onoff;
        } else if (cmd_abbrev(w, "CLOSE", 2)) {
            o->close = true;
        } else if (!strcmp(w, "TO")) {
            if (!val) {
                cmd_printf(ctx, "CPX003E SPOOL: TO needs a userid, * or OFF");
                return false;
            }
            if (strcmp(val, "OFF") && strcmp(val, "*") && !dir_find(val)) {
                cmd_printf(ctx, "CPX109E %s is not in the CP directory", val);
                return false;
            }
            o->to_set = true;
            strlcpy(o->to, strcmp(val, "OFF") && strcmp(val, "*") ? val : "", sizeof o->to);
            i++;
        } else if (cmd_abbrev(w, "CLASS", 2)) {
            if (!val || strlen(val) != 1 || !((val[0] >= 'A' && val[0] <= 'Z') ||
                                              (val[0] >= '0' && val[0] <= '9'))) {
                cmd_printf(ctx, "CPX431E SPOOL: CLASS needs one letter or digit");
                return false;
            }
            o->cls = val[0];
            i++;
        } else {
            cmd_printf(ctx, "CPX004E SPOOL: invalid option for CONSOLE: %.20s", ctx->raw[i]);
            return false;
        }
    }
    return true;
}

int conspool_cmd(struct cmdctx *ctx)
{
    struct cs_opts o = { .onoff = -1 };
    struct conspool *c;

    if (ctx->argc < 3) {
        cmd_printf(ctx, "CPX003E SPOOL CONSOLE needs START, STOP, TO, CLASS or CLOSE");
        return RC_OPERAND;
    }
    if (!parse_opts(ctx, &o))
        return RC_OPERAND;
    if (o.onoff == 1 && !vur_spool_ready()) {
        cmd_printf(ctx, "CPX417E Spooling is not started");
        return RC_ERROR;
    }
    if (!(c = entry_for(ctx)))
        return RC_ERROR;
    if (o.to_set)
        strlcpy(c->to, o.to, sizeof c->to);
    if (o.cls)
        c->cls = o.cls;
    if (o.onoff >= 0)
        c->on = o.onoff == 1;
    if (o.close)
        request_close(c);
    return RC_OK;
}

int conspool_close_cmd(struct cmdctx *ctx)
{
    struct conspool *c = find(ctx->user->userid);

    if (ctx->argc > 2) {
        cmd_printf(ctx, "CPX004E CLOSE: invalid option for CONSOLE: %.20s", ctx->raw[2]);
        return RC_OPERAND;
    }
    if (!c || (!c->on && !c->out && !c->count)) {
        cmd_printf(ctx, "CPX434E CLOSE: your console is not spooled");
        return RC_ERROR;
    }
    request_close(c);
    return RC_OK;
}

unsigned conspool_open_files(void)
{
    unsigned n = 0;

    for (struct conspool *c = list; c; c = c->next)
        n += c->out != NULL;
    return n;
}

void conspool_query(struct cmdctx *ctx, struct vdev *d)
{
    struct conspool *c = find(ctx->user->userid);
    char to[16] = "";

    if (!c)
        return;
    if (c->to[0])
        fmt_snprintf(to, sizeof to, " TO %s", c->to);
    cmd_printf(ctx, "     %03X CL %c %s%s%s", d->addr, c->cls, c->on ? "START" : "STOP", to,
               c->out || c->count ? " FILE OPEN" : "");
}
