/* logon.c - the LOGON dialogue and command lines of a session. */
#include "cp/term/logon.h"
#include "cp/term/session.h"
#include "cp/cmd/cmd.h"
#include "cp/vm/user.h"
#include "cp/vm/vm.h"
#include "cp/vm/vcons.h"
#include "cp/vm/dispatch.h"
#include "cp/lib/string.h"

#define OPERATOR_STORAGE    (1u << 20)

static void to_terminal(struct cmdctx *ctx, const char *line)
{
    session_write(ctx->sess, line);
}

/* Give a user his virtual machine: storage, console, and its task. */
static int build_vm(struct user *u, u32 storage)
{
    struct vm *vm = vm_create(u, storage);

    if (!vm)
        return -1;
    if (!vcons_attach(vm, 0x009) || dispatch_start(vm) != 0) {
        vm_destroy(vm);
        return -1;
    }
    u->vm = vm;
    return 0;
}

void logon_operator(struct session *s)
{
    struct user *u = user_create("OPERATOR", CLASS_ANY);

    if (!u)
        return;
    u->sess = s;
    u->max_storage = 16u << 20;
    s->user = u;
    s->state = SESS_ACTIVE;
    build_vm(u, OPERATOR_STORAGE);
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
    if (s->state != SESS_ACTIVE) {
        session_write(s, "CPX102E LOGON is not available yet on this system");
        return;
    }
    active_line(s, line);
}

/* The attention (break) key: stop the virtual machine, enter CP READ. */
void logon_attention(struct session *s)
{
    if (s->state != SESS_ACTIVE)
        return;
    if (s->user->vm && s->user->vm->state != VM_STOPPED)
        vm_stop(s->user->vm);
    session_write(s, "CP READ");
}

void logon_lost_terminal(struct session *s)
{
    (void)s;
}
