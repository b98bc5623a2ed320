// fakevm.cpp - the host virtual machine and the stand-ins around it.
#include "fakevm.h"
#include "realmem.h"

extern "C" {
#include "cp/cmd/cmd.h"
#include "cp/vdev/vcons.h"
#include "cp/kern/task.h"
#include "cp/term/usermsg.h"
#include "cp/term/session.h"
#include "cp/io/term.h"
#include "cp/mm/gmem.h"
#include "cp/vm/shadow.h"
#include "cp/kern/freestor.h"
#include "cp/vm/vmcf.h"
#include "arch370/ebcdic.h"
#include "arch370/psw.h"
}
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <strings.h>

FakeWorld fake;

static char a_session;                  // stands for "a terminal is connected"
extern "C" { static int fake_interpret(struct cmdctx *ctx, const char *line); }

// what user_find() finds (a fixed table: the tests check for leaks)
static FakeVm *logged_on[4];

static void log_on(FakeVm *v)
{
    for (FakeVm *&slot : logged_on)
        if (!slot) {
            slot = v;
            return;
        }
}

FakeVm::FakeVm(const char *userid, u32 size) : primary(false)
{
    memset(&user, 0, sizeof user);
    memset(&vm, 0, sizeof vm);
    strcpy(user.userid, userid);
    user.emsg = 'O';
    user.vm = &vm;
    user.sess = (struct session *)&a_session;
    vm.user = &user;
    vm.state = VM_RUNNING;
    vm.cpu.psw = 0x0008000000020000ull;
    gspace_create(&vm.mem, size, 2);
    log_on(this);
}

FakeVm::FakeVm(u32 size)
{
    fake = FakeWorld();
    realmem_init(8);
    for (FakeVm *&slot : logged_on)
        slot = nullptr;
    log_on(this);
    memset(&user, 0, sizeof user);
    memset(&vm, 0, sizeof vm);
    strcpy(user.userid, "TESTER");
    user.emsg = 'O';
    user.vm = &vm;
    user.sess = (struct session *)&a_session;
    vm.user = &user;
    vm.state = VM_RUNNING;
    vm.cpu.psw = 0x0008000000020000ull;         // EC mode, key 0
    gspace_create(&vm.mem, size, 1);
    cmdline_register(fake_interpret);   // DIAGNOSE X'08' reaches the fake commands
    console = vdev_add(&vm, 0x009, 0x3215, VDEV_CONSOLE, nullptr, nullptr);
}

FakeVm::~FakeVm()
{
    vmcf_vm_reset(&vm);                 /* as vm_destroy() does */
    for (FakeVm *&slot : logged_on)
        if (slot == this)
            slot = nullptr;
    while (vm.devs) {
        struct vdev *d = vm.devs;
        if (d->cls == VDEV_DASD)
            kfree(d->priv);
        vm.devs = d->next;
        kfree(d);
    }
    gspace_destroy(&vm.mem);
    if (primary)
        fake = FakeWorld();             // the test's records go with it
}

void FakeVm::put(u32 addr, const void *data, u32 n)
{
    gmem_write(&vm.mem, addr, data, n);
}

void FakeVm::putEbcdic(u32 addr, const std::string &ascii)
{
    std::vector<u8> e(ascii.size());
    ebc_from_ascii(e.data(), ascii.data(), ascii.size());
    put(addr, e.data(), (u32)e.size());
}

std::string FakeVm::getEbcdic(u32 addr, u32 n)
{
    std::vector<u8> e(n);
    std::vector<char> a(n + 1);
    gmem_read(&vm.mem, addr, e.data(), n);
    ebc_to_ascii_buf(a.data(), e.data(), n);
    return std::string(a.data(), n);
}

u32 FakeVm::get32(u32 addr)
{
    u32 v = 0;
    gmem_fetch32(&vm.mem, addr, &v);
    return v;
}

u8 FakeVm::cc() const
{
    return psw370_cc(vm.cpu.psw);
}

u8 FakeVm::key() const
{
    return psw_key(vm.cpu.psw);
}

struct mdisk *FakeVm::addMinidisk(u16 addr, u16 cyls, bool write)
{
    struct mdisk *md = (struct mdisk *)kzalloc(sizeof *md, "MDISK");
    md->vaddr = addr;
    md->cyls = cyls;
    md->heads = 30;
    md->write = write;
    md->vm = &vm;
    vdev_add(&vm, addr, 0x3350, VDEV_DASD, nullptr, md);
    return md;
}

// ---- the stand-ins -----------------------------------------------------------

extern "C" {

void user_msg(struct user *u, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    (void)u;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fake.messages.push_back(buf);
}

void urdev_kick(void)
{
}

struct user *user_find(const char *userid)
{
    for (FakeVm *v : logged_on)
        if (v && !strcasecmp(v->user.userid, userid))
            return &v->user;
    return NULL;
}

static int fake_interpret(struct cmdctx *ctx, const char *line)
{
    fake.commands.push_back(line);
    return fake.onCommand ? fake.onCommand(ctx, line) : 0;
}

void task_sleep(const void *wchan)
{
    (void)wchan;
    fake.sleeps++;
    if (fake.onSleep)
        fake.onSleep();
    if (fake.sleeps > 1000)
        throw std::string("task_sleep: the handler never stops waiting");
}

void vm_stop(struct vm *vm)
{
    vm->state = VM_STOPPED;
}

void vm_kick(struct vm *vm)
{
    (void)vm;
}

struct vdev *vcons_dev(struct vm *vm)
{
    for (struct vdev *d = vm->devs; d; d = d->next)
        if (d->cls == VDEV_CONSOLE)
            return d;
    return NULL;
}

void vcons_write_line(struct vm *vm, const u8 *ebcdic, u32 len)
{
    std::vector<char> a(len + 1);
    (void)vm;
    ebc_to_ascii_buf(a.data(), ebcdic, len);
    fake.consoleLines.push_back(std::string(a.data(), len));
}

// ---- the terminal as DIAGNOSE X'58' full screen sees it -----------------
static struct term a_term;

struct term *session_term(struct session *s)
{
    return s && fake.connected ? &a_term : NULL;
}

void session_write_control(struct session *s, u8 ctl, unsigned row)
{
    if (s && fake.display)
        fake.controls.push_back((unsigned)ctl << 8 | row);
}

const u8 *session_fs_take(struct session *s, unsigned *n)
{
    if (!s || fake.fsKeys.empty())
        return NULL;
    fake.fsTaken = fake.fsKeys.front();
    fake.fsKeys.erase(fake.fsKeys.begin());
    *n = (unsigned)fake.fsTaken.size();
    return fake.fsTaken.data();
}

bool term_is_display(const struct term *t)
{
    (void)t;
    return fake.display;
}

bool term_fs_owned(const struct term *t)
{
    (void)t;
    return fake.fsOwned;
}

int term_fs_write(struct term *t, bool erase, bool pa1, const u8 *data, unsigned n)
{
    (void)t;
    (void)pa1;
    if (!fake.display)
        return TFS_NOTDISPLAY;
    if (!erase && !fake.fsOwned)
        return TFS_REDRAW;
    fake.fsOwned = true;
    fake.fsWrites.push_back(std::vector<u8>(data, data + n));
    fake.fsErase.push_back(erase);
    return TFS_OK;
}

bool vcons_output_room(struct vm *vm, u32 lines)
{
    (void)vm;
    (void)lines;
    return fake.outputRoom;
}

void vcons_await_room(struct vm *vm)
{
    vm->room_awaited = true;
}

bool vcons_take_line(struct vm *vm, char *line, size_t size)
{
    (void)vm;
    if (fake.typed.empty())
        return false;
    snprintf(line, size, "%s", fake.typed.front().c_str());
    fake.typed.erase(fake.typed.begin());
    return true;
}

void vcons_set_diag_read(struct vm *vm, bool waiting)
{
    (void)vm;
    (void)waiting;
}

struct mdisk *mdisk_of(struct vdev *d)
{
    return d && d->cls == VDEV_DASD ? (struct mdisk *)d->priv : NULL;
}

u32 mdisk_blocks(const struct mdisk *md)
{
    return (u32)md->cyls * md->heads * 19;
}

int mdiskio_run(struct vm *vm, struct vdev *d, struct mdisk *md, u32 ccw_addr, u8 key,
                struct mio_result *res)
{
    (void)vm;
    (void)d;
    (void)md;
    (void)ccw_addr;
    fake.runs++;
    fake.lastKey = key;
    *res = fake.runResult;
    return 0;
}

unsigned mdiskio_blocks(struct vm *vm, struct mdisk *md, struct mio_block *b, unsigned n, u8 key)
{
    unsigned failed = 0;
    (void)vm;
    (void)md;
    fake.lastKey = key;
    for (unsigned i = 0; i < n; i++) {
        b[i].status = fake.blockStatus;
        failed += b[i].status != 0;
        fake.blocks.push_back(b[i]);
    }
    return failed;
}

} // extern "C"

// counts task dispatches (cp/kern/task.c); a test moves it to say that
// another task ran
extern "C" {
u32 task_dispatches;
}

// what cp/vm/pgfault.c needs beside the fake VM: no pseudo page faults,
// no instruction counter, a stop that only marks the VM stopped
extern "C" {
bool pfault_start(struct vm *vm, u32 addr)
{
    (void)vm;
    (void)addr;
    return false;
}

u64 task_insns(void)
{
    return 0;
}

// the VM task's charge (cp/vm/dispatch.c): a fake VM has no task
void dispatch_charge(struct vm *vm)
{
    (void)vm;
}

void dispatch_stop(struct vm *vm, const char *fmt, u64 psw)
{
    (void)fmt;
    (void)psw;
    vm->state = VM_STOPPED;
}

// the shadow tables DIAGNOSE X'1E0' keeps up to date (cp/vm/shadow.c)
struct shadow_stats shadow_stats;

static void shadow_call(const char *kind, u32 va, u32 where)
{
    char b[40];
    snprintf(b, sizeof b, "%s %06X %06X", kind, (unsigned)va, (unsigned)where);
    fake.shadowCalls.push_back(b);
}

void shadow_pv_pte(struct vm *vm, u32 va, u32 where)
{
    (void)vm;
    shadow_call("P", va, where);
}

void shadow_pv_ste(struct vm *vm, u32 va, u32 where)
{
    (void)vm;
    shadow_call("S", va, where);
}

void shadow_pv_end(struct vm *vm)
{
    (void)vm;
    fake.shadowCalls.push_back("E");
}
}
