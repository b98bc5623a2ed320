/* logon.c - the LOGON dialogue and command lines of a session. */
#include "cp/term/logon.h"
#include "cp/term/session.h"
#include "cp/kern/oplog.h"
#include "cp/term/usermsg.h"
#include "cp/term/cmdline.h"
#include "cp/dir/directory.h"
#include "cp/vm/user.h"
#include "cp/vm/vm.h"
#include "cp/vdev/vcons.h"
#include "cp/vdev/ipl.h"
#include "cp/vm/dispatch.h"
#include "cp/kern/timer.h"
#include "cp/vm/acct.h"
#include "cp/kern/task.h"
#include "cp/vm/vconfig.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"

#define FAIL_FREE           3           /* wrong passwords before delays */
#define MAX_DELAY_SEC       60
#define FAIL_SLOTS          32

static const char *const days[7] = {
    "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"
};

static void stamp(char *buf, size_t n)
{
    struct civil c;
    tod_to_civil(tod_now(), &c);
    fmt_snprintf(buf, n, "%02d:%02d:%02d UTC %s %02d/%02d/%02d", c.hour, c.min, c.sec,
                 days[c.wday], c.month, c.day, c.year % 100);
}

/* ---- failed-logon delays, per userid and per terminal ------------------ */

static struct fail_slot {
    char key[12];               /* userid, or "#devno" for a terminal */
    u32 count;
    u64 next_ok;                /* TOD before which attempts are refused */
} fails[FAIL_SLOTS];

static struct fail_slot *fail_slot(const char *key, bool create)
{
    struct fail_slot *oldest = &fails[0];
    for (unsigned i = 0; i < FAIL_SLOTS; i++) {
        if (!strcmp(fails[i].key, key))
            return &fails[i];
        if (fails[i].next_ok < oldest->next_ok)
            oldest = &fails[i];
    }
    if (!create)
        return NULL;
    memset(oldest, 0, sizeof *oldest);
    strlcpy(oldest->key, key, sizeof oldest->key);
    return oldest;
}

static void term_key(struct session *s, char *key, size_t n)
{
    fmt_snprintf(key, n, "#%04X", s->term->devno);
}

/* seconds to wait before another attempt, 0 if allowed now */
static u32 logon_delay(struct session *s, const char *userid)
{
    char tk[12];
    u64 now = tod_now(), until = 0;
    struct fail_slot *f;

    term_key(s, tk, sizeof tk);
    if ((f = fail_slot(userid, false)) != NULL && f->next_ok > until)
        until = f->next_ok;
    if ((f = fail_slot(tk, false)) != NULL && f->next_ok > until)
        until = f->next_ok;
    return until > now ? (u32)((until - now) / TOD_SEC) + 1 : 0;
}

static void note_failure(const char *key)
{
    struct fail_slot *f = fail_slot(key, true);
    u32 delay = 0;

    f->count++;
    if (f->count >= FAIL_FREE) {
        u32 n = f->count - FAIL_FREE;
        delay = n >= 6 ? MAX_DELAY_SEC : 1u << n;
        if (delay > MAX_DELAY_SEC)
            delay = MAX_DELAY_SEC;
    }
    f->next_ok = tod_now() + (u64)delay * TOD_SEC;
}

static void clear_failures(const char *key)
{
    struct fail_slot *f = fail_slot(key, false);
    if (f)
        memset(f, 0, sizeof *f);
}

/* ---- creating and ending users ------------------------------------------- */

static int build_vm(struct user *u, u32 storage, u16 console)
{
    struct vm *vm = vm_create(u, storage);

    if (!vm)
        return -1;
    if (!vcons_attach(vm, console) || dispatch_start(vm) != 0) {
        vm_destroy(vm);
        return -1;
    }
    u->vm = vm;
    return 0;
}

struct user *logon_create(const struct dir_user *d, struct session *s)
{
    struct user *u = user_create(d->userid, d->classes);

    if (!u)
        return NULL;
    u->max_storage = d->maxstorage;
    u->dir = d;
    u->sess = s;
    if (build_vm(u, d->storage, d->console.devtype ? d->console.cuu : 0x009) != 0) {
        user_destroy(u);
        return NULL;
    }
    u->vm->realtimer = (d->options & DIR_OPT_REALTIMER) != 0;
    vconfig_logon(u->vm, d);
    return u;
}

static void attach(struct session *s, struct user *u)
{
    u->sess = s;
    s->user = u;
    s->state = SESS_ACTIVE;
    task_charge_to(s->task, &u->other);         /* its work is his TOTCPU */
}

static void detach(struct session *s)
{
    s->cp_next = false;
    if (s->task)
        task_charge_to(s->task, NULL);
    s->user = NULL;
    s->state = SESS_NEW;
    s->logon_userid[0] = 0;
}

/* Why a terminal's client went away, from its sense byte. */
static const char *lost_reason(u8 why)
{
    if (why & SENSE_EQUIP)
        return "a line longer than 150 characters was typed";
    if (why & SENSE_OVERRUN)
        return "lines were typed faster than they could be taken";
    if (why & SENSE_INTREQ)
        return "the connection was closed";
    return "another client took the terminal";
}

static void show_times(struct user *u, const char *what)
{
    char ts[48], v[16], t[16];
    u64 conn = (tod_now() - u->logon_tod) / TOD_SEC;
    u64 vu = acct_virt_usec(u) / 10000, tu = acct_total_usec(u) / 10000;

    stamp(ts, sizeof ts);
    fmt_snprintf(v, sizeof v, "%03u:%02u.%02u", (unsigned)(vu / 6000), (unsigned)(vu / 100 % 60),
                 (unsigned)(vu % 100));
    fmt_snprintf(t, sizeof t, "%03u:%02u.%02u", (unsigned)(tu / 6000), (unsigned)(tu / 100 % 60),
                 (unsigned)(tu % 100));
    user_msg(u, "CONNECT= %02u:%02u:%02u VIRTCPU= %s TOTCPU= %s", (unsigned)(conn / 3600),
             (unsigned)(conn / 60 % 60), (unsigned)(conn % 60), v, t);
    user_msg(u, "%s AT %s", what, ts);
}

void user_logoff(struct user *u, const char *forced_by)
{
    struct session *s = u->sess;

    /* LOGOFF through DIAGNOSE X'08' runs in the VM's own task, which
     * cannot destroy its VM under its feet: the task ends first and then
     * completes the logoff (cp/vm/dispatch.c) */
    if (u->vm && u->vm->task && u->vm->task == current) {
        u->vm->logoff_pending = true;
        u->vm->kill_request = true;
        return;
    }

    if (forced_by)
        user_msg(u, "CPX120I You were forced off by %s", forced_by);
    show_times(u, "LOGOFF");
    op_msg("CPX121I %s LOGOFF%s%s", u->userid, forced_by ? " FORCED BY " : "",
           forced_by ? forced_by : "");
    if (u->vm) {
        dispatch_end(u->vm);
        vconfig_logoff(u->vm);
        vm_destroy(u->vm);
        u->vm = NULL;
    }
    if (s) {
        detach(s);
        session_show_logo(s);
    }
    user_destroy(u);
}

void user_disconnect(struct user *u)
{
    struct session *s = u->sess;
    char ts[48];

    stamp(ts, sizeof ts);
    user_msg(u, "DISCONNECT AT %s", ts);
    op_msg("CPX122I %s DISCONNECTED", u->userid);
    u->sess = NULL;
    if (s) {
        detach(s);
        session_show_logo(s);
    }
}

/* ---- the dialogue ---------------------------------------------------------- */

/* A command's output: the command waits while the terminal catches up,
 * so a long display arrives whole. */
static void to_terminal(struct cmdctx *ctx, const char *line)
{
    session_wait_output(ctx->sess);
    session_write(ctx->sess, line);
}

static void password_line(struct session *s, const char *typed)
{
    const struct dir_user *d = dir_find(s->logon_userid);
    struct user *u;
    char ts[48], tk[12];

    s->state = SESS_NEW;
    term_hide_input(s->term, false);
    term_key(s, tk, sizeof tk);
    if (!d || !dir_password_ok(d, typed)) {
        note_failure(s->logon_userid);
        note_failure(tk);
        session_write(s, "CPX107E Password incorrect; LOGON again");
        op_msg("CPX123W LOGON of %s from %04X refused: wrong password", s->logon_userid, s->term->devno);
        s->logon_userid[0] = 0;
        return;
    }
    clear_failures(s->logon_userid);
    clear_failures(tk);
    stamp(ts, sizeof ts);
    u = user_find(s->logon_userid);
    if (u) {                                        /* reconnect */
        struct session *old = u->sess;
        if (old) {
            session_write(old, "CPX124I Your session moved to another terminal");
            detach(old);
            session_show_logo(old);
        }
        attach(s, u);
        if (u->dsc_why) {
            session_printf(s, "CPX128I You were disconnected: %s", lost_reason(u->dsc_why));
            u->dsc_why = 0;
        }
        session_printf(s, "RECONNECTED AT %s", ts);
        if (u->vm)
            vm_kick(u->vm);     /* a full-screen read waits for a screen */
        op_msg("CPX125I %s RECONNECTED AT %04X", u->userid, s->term->devno);
        if (!strcmp(u->userid, OPERATOR_USERID))
            oplog_deliver();
        return;
    }
    u = logon_create(d, s);
    if (!u) {
        session_write(s, "CPX126E Not enough storage to log you on; try later");
        return;
    }
    attach(s, u);
    session_printf(s, "LOGON AT %s", ts);
    op_msg("CPX127I %s LOGON AT %04X  USERS = %u", u->userid, s->term->devno, user_count());
    if (!strcmp(u->userid, OPERATOR_USERID))
        oplog_deliver();
    if (d->ipl.kind == DIR_IPL_NAME && !s->logon_noipl) {
        int rc = ipl_by_name(u->vm, d->ipl.name, d->ipl.parm[0] ? d->ipl.parm : NULL);
        if (rc == IPL_NOTFOUND)
            session_printf(s, "CPX031E System %s does not exist", d->ipl.name);
        else if (rc == IPL_TOOBIG)
            session_printf(s, "CPX032E System %s does not fit your storage", d->ipl.name);
        else if (rc == IPL_NOSTORAGE)
            session_printf(s, "CPX612E No real storage or paging space to load system %s",
                           d->ipl.name);
        else if (rc != IPL_OK)
            session_printf(s, "CPX033E I/O error reading system %s", d->ipl.name);
    }
}

static void new_line(struct session *s, const char *line)
{
    struct cmdctx ctx = { 0 };
    char words[CMD_MAXLINE * 2 + 4];
    const struct dir_user *d;
    u32 wait;

    cmd_split(&ctx, line, words, sizeof words);
    if (ctx.argc == 0)
        return;
    if (!cmd_abbrev(ctx.argv[0], "LOGON", 1) && !cmd_abbrev(ctx.argv[0], "LOGIN", 4)) {
        session_write(s, "CPX105E Enter LOGON userid");
        return;
    }
    if (ctx.argc < 2 || ctx.argc > 3 || strlen(ctx.argv[1]) > 8) {
        session_write(s, "CPX106E LOGON needs one userid of at most 8 characters");
        return;
    }
    if (ctx.argc == 3 && !cmd_abbrev(ctx.argv[2], "NOIPL", 5)) {
        session_printf(s, "CPX106E LOGON takes NOIPL after the userid, not %s", ctx.argv[2]);
        return;
    }
    wait = logon_delay(s, ctx.argv[1]);
    if (wait) {
        session_printf(s, "CPX108W Too many wrong passwords; LOGON again in %u seconds", wait);
        return;
    }
    d = dir_find(ctx.argv[1]);
    if (!d) {
        session_printf(s, "CPX109E %s is not in the CP directory", ctx.argv[1]);
        return;
    }
    if (d->nolog) {
        session_printf(s, "CPX110E %s cannot log on (NOLOG)", d->userid);
        return;
    }
    strlcpy(s->logon_userid, d->userid, sizeof s->logon_userid);
    s->logon_noipl = ctx.argc == 3;
    s->state = SESS_PASSWORD;
    /* a 3270 does not show it; hidden first, so the prompt comes in the
     * last write: a client that types once it sees the prompt types into
     * a screen CP is done with (Hercules drops the input of a 3270 whose
     * attention meets a write CP has just started) */
    term_hide_input(s->term, true);
    session_write(s, "ENTER PASSWORD:");
}

static void run_command(struct session *s, const char *line)
{
    struct cmdctx ctx = { 0 };

    ctx.user = s->user;
    ctx.sess = s;
    ctx.out = to_terminal;
    cmd_execute(&ctx, line);
}

/* A line from a logged-on user: "#CP ..." is always for CP; otherwise
 * the line goes to a running virtual machine's console, or, when the VM
 * is stopped (CP READ), it is a CP command. */
static void active_line(struct session *s, const char *line)
{
    struct vm *vm = s->user->vm;

    if (!str_ncasecmp(line, "#CP", 3) && (line[3] == 0 || line[3] == ' ')) {
        const char *cmd = line + 3;
        while (*cmd == ' ')
            cmd++;
        if (!*cmd) {
            if (vm)
                vm_stop(vm);
            session_write(s, "CP READ");
            return;
        }
        run_command(s, cmd);
        return;
    }
    if (s->cp_next || s->user->term.mode_cp) {
        /* after the attention key with SET RUN ON, or in TERMINAL MODE CP:
         * the line is for CP while the virtual machine runs on */
        s->cp_next = false;
        if (*line)
            run_command(s, line);
        return;
    }
    if (vm && vm->state != VM_STOPPED) {
        if (!vcons_input(vm, line))
            session_write(s, "CPX103W Input not accepted: the virtual console has too many lines waiting");
        return;
    }
    if (*line)
        run_command(s, line);
}

void logon_line(struct session *s, const char *line)
{
    switch (s->state) {
    case SESS_NEW:
        new_line(s, line);
        break;
    case SESS_PASSWORD:
        password_line(s, line);
        break;
    case SESS_ACTIVE:
        active_line(s, line);
        break;
    }
}

/* The attention (break) key: stop the virtual machine, enter CP READ;
 * with SET RUN ON the machine runs on and the next line is for CP. */
void logon_attention(struct session *s)
{
    if (s->state != SESS_ACTIVE)
        return;
    if (s->user->term.run && s->user->vm && s->user->vm->state != VM_STOPPED)
        s->cp_next = true;              /* SET RUN ON: one line for CP, VM runs on */
    else if (s->user->vm && s->user->vm->state != VM_STOPPED)
        vm_stop(s->user->vm);
    session_write(s, "CP READ");
}

/* The client went away (why: its sense byte), or a new one arrived (0):
 * a logged-on user becomes disconnected, as if he had typed DISCONNECT,
 * a half-done LOGON is forgotten, and whoever is at the terminal now gets
 * the logo.  Nothing written for the old client reaches the new one: the
 * terminal discarded it, and the logo starts the new connection. */
void logon_lost_terminal(struct session *s, unsigned char why)
{
    struct user *u = s->user;

    if (s->state == SESS_ACTIVE && u) {
        u->sess = NULL;
        u->dsc_why = why;
        op_msg("CPX122I %s DISCONNECTED (terminal %04X: %s)", u->userid, s->term->devno,
               lost_reason(why));
    }
    detach(s);
    session_show_logo(s);
}
