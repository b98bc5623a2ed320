/* vmcf.c - VMCF: authorization, messages, and their interruptions
 * (vmcf.h).  Messages live in one list; each virtual machine keeps the
 * X'4001' interruptions waiting for it, built when they were raised. */
#include "cp/vm/vmcf.h"
#include "cp/vm/vm.h"
#include "cp/vm/user.h"
#include "cp/mm/gmem.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "arch370/ebcdic.h"
#include "arch370/be.h"
#include "arch370/psw.h"

/* an X'4001' interruption waiting to be presented: header and data */
struct vmcf_int {
    struct vmcf_int *next;
    u8 hdr[VMCM_HDR];
    u8 *data;                   /* SENDX, SMSG: the data CP holds */
    u32 dlen;
    struct vmcf_msg *sendx;     /* its source gets a RESPONSE once presented */
};

struct vmcf_vm {
    bool specific, priority, smsg, quiesced;
    char specific_user[9];
    u32 buf, buflen;            /* the external interruption buffer */
    struct vmcf_int *ints;      /* oldest first */
    u32 active;                 /* messages it sent that are not complete */
};

struct vmcf_msg {
    struct vmcf_msg *next;
    struct vm *src, *dst;
    struct vmcf_req rq;         /* as the source gave it */
    bool received;              /* RECEIVE done (SEND/RECV: REPLY awaited) */
    bool canceled;              /* the source canceled it after RECEIVE */
};

static struct vmcf_msg *msgs;

static struct vmcf_vm *st(const struct vm *vm)
{
    return vm->vmcf;
}

/* ---- interruptions ------------------------------------------------------ */

static void put_name(u8 *dst, const char *name)
{
    char padded[8];
    size_t n = strlen(name);

    memset(padded, ' ', sizeof padded);
    memcpy(padded, name, n > 8 ? 8 : n);
    ebc_from_ascii(dst, padded, 8);
}

/* a header from the request's fields (VMCMFUNC on are VMCPFUNC on) */
static void build_hdr(u8 *h, const struct vmcf_req *rq, const char *user, u8 stat, u8 eflg)
{
    memset(h, 0, VMCM_HDR);
    h[VMCM_STAT] = (u8)(stat | (rq->flags & VMCP_F_PRIORITY ? VMCM_S_PRTY : 0));
    h[VMCM_EFLG] = eflg;
    put_be16(h + VMCP_FUNC, rq->func);
    put_be32(h + VMCP_MID, rq->mid);
    put_name(h + VMCP_USER, user);
    put_be32(h + VMCP_VADA, rq->vada);
    put_be32(h + VMCP_LENA, rq->lena);
    put_be32(h + VMCP_VADB, rq->vadb);
    put_be32(h + VMCP_LENB, rq->lenb);
    put_be64(h + VMCP_USE, rq->use);
}

/* behind the interruptions already waiting: they are presented in order */
static void queue_int(struct vm *vm, struct vmcf_int *in)
{
    struct vmcf_int **pp;

    for (pp = &st(vm)->ints; *pp; pp = &(*pp)->next)
        ;
    *pp = in;
    vm_kick(vm);
}

static struct vmcf_int *raise_int(struct vm *vm, const u8 *hdr)
{
    struct vmcf_int *in = st(vm) ? kzalloc(sizeof *in, "VMCFINT") : NULL;

    if (in) {
        memcpy(in->hdr, hdr, VMCM_HDR);
        queue_int(vm, in);
    }
    return in;
}

static void free_int(struct vmcf_int *in)
{
    kfree(in->data);
    kfree(in);
}

bool vmcf_pending(const struct vm *vm)
{
    return st(vm) && st(vm)->ints;
}

static void complete(struct vmcf_msg *m, u8 stat, u8 eflg, u32 lena, u32 lenb);

bool vmcf_present(struct vm *vm)
{
    struct vmcf_vm *s = st(vm);
    struct vmcf_int *in = s ? s->ints : NULL;
    u32 n;

    if (!in)
        return false;
    s->ints = in->next;
    /* the buffer was checked at AUTHORIZE; storage may have shrunk since */
    gmem_write(&vm->mem, s->buf, in->hdr, VMCM_HDR);
    n = in->dlen < s->buflen - VMCM_HDR ? in->dlen : s->buflen - VMCM_HDR;
    if (n)
        gmem_write(&vm->mem, s->buf + VMCM_HDR, in->data, n);
    if (in->sendx)                      /* SENDX: the data is there */
        complete(in->sendx, VMCM_S_RESP, VMCF_OK, 0, 0);
    free_int(in);
    return true;
}

/* ---- messages ----------------------------------------------------------- */

static void unlink_msg(struct vmcf_msg *m)
{
    /* a SENDX interruption still waiting at the sink no longer answers */
    for (struct vmcf_int *in = st(m->dst) ? st(m->dst)->ints : NULL; in; in = in->next)
        if (in->sendx == m)
            in->sendx = NULL;
    for (struct vmcf_msg **pp = &msgs; *pp; pp = &(*pp)->next)
        if (*pp == m) {
            *pp = m->next;
            break;
        }
    if (st(m->src) && st(m->src)->active)
        st(m->src)->active--;
    kfree(m);
}

/* the source learns the end: a RESPONSE with the residual counts */
static void complete(struct vmcf_msg *m, u8 stat, u8 eflg, u32 lena, u32 lenb)
{
    struct vmcf_req r = m->rq;
    u8 h[VMCM_HDR];

    r.lena = lena;
    r.lenb = lenb;
    build_hdr(h, &r, m->dst->user->userid, stat, eflg);
    raise_int(m->src, h);
    unlink_msg(m);
}

static struct vmcf_msg *find(struct vm *src, struct vm *dst, u32 mid)
{
    for (struct vmcf_msg *m = msgs; m; m = m->next)
        if (m->src == src && m->dst == dst && m->rq.mid == mid)
            return m;
    return NULL;
}

static struct vm *vm_of(const char *userid)
{
    struct user *u = user_find(userid);
    return u ? u->vm : NULL;
}

/* may src send to the sink named userid? */
static int sink_of(struct vm *src, const char *userid, struct vm **dst)
{
    struct vm *d = vm_of(userid);
    struct vmcf_vm *s = d ? st(d) : NULL;

    if (!s || (s->specific && str_casecmp(s->specific_user, src->user->userid)))
        return VMCF_NOTAVAIL;
    *dst = d;
    return VMCF_OK;
}

/* the bytes [a, a + n) of vm's storage, reachable in its PSW key */
static int buffer_ok(struct vm *vm, u32 a, u32 n)
{
    u8 key = psw_key(vm->cpu.psw);

    if (n && gmem_check(&vm->mem, a & GADDR_MASK, n))
        return VMCF_BADBUF;
    if (n && a + n - 1 > GADDR_MASK)
        return VMCF_BADBUF;
    for (u32 b = a & ~0x7FFu; key && n && b < a + n; b += 0x800)
        if ((gspace_get_key(&vm->mem, b) >> 4) != key)
            return VMCF_PROTECT;
    return VMCF_OK;
}

/* move n bytes from one machine's storage to another's */
static int transfer(struct vm *from, u32 fa, struct vm *to, u32 ta, u32 n)
{
    u8 *buf = n ? kmalloc(n, "VMCFDATA") : NULL;
    int rc = VMCF_OK;

    if (n && !buf)
        return VMCF_BADBUF;
    if (n && (gmem_read(&from->mem, fa, buf, n) || gmem_write(&to->mem, ta, buf, n)))
        rc = VMCF_BADBUF;
    kfree(buf);
    return rc;
}

static int authorize(struct vm *vm, const struct vmcf_req *rq)
{
    struct vmcf_vm *s = st(vm);

    if ((rq->vada & 7) || rq->lena < VMCM_HDR || buffer_ok(vm, rq->vada, rq->lena) == VMCF_BADBUF)
        return VMCF_BADBUF;
    if (!s && !(s = vm->vmcf = kzalloc(sizeof *s, "VMCF")))
        return VMCF_BADBUF;
    s->buf = rq->vada;
    s->buflen = rq->lena;
    s->specific = rq->flags & VMCP_F_SPECIFIC;
    s->priority = rq->flags & VMCP_F_PRIORITY;
    s->smsg = rq->flags & VMCP_F_SMSG;
    strlcpy(s->specific_user, rq->user, sizeof s->specific_user);
    return VMCF_OK;
}

void vmcf_vm_reset(struct vm *vm)
{
    struct vmcf_vm *s = st(vm);

    if (!s)
        return;
    for (struct vmcf_msg *m = msgs, *next; m; m = next) {
        next = m->next;
        if (m->dst == vm)               /* its sources hear it went away */
            complete(m, VMCM_S_RESP, VMCF_NOTAVAIL, m->rq.lena, m->rq.lenb);
        else if (m->src == vm)
            unlink_msg(m);
    }
    while (s->ints) {
        struct vmcf_int *in = s->ints;
        s->ints = in->next;
        free_int(in);
    }
    vm->vmcf = NULL;
    kfree(s);
}

static int send(struct vm *vm, const struct vmcf_req *rq)
{
    struct vmcf_msg *m;
    struct vm *dst;
    u8 h[VMCM_HDR];
    int rc = sink_of(vm, rq->user, &dst);

    if (rc)
        return rc;
    if ((rc = buffer_ok(vm, rq->vada, rq->lena)) != VMCF_OK ||
        (rq->func == VMCF_SENDRECV && (rc = buffer_ok(vm, rq->vadb, rq->lenb)) != VMCF_OK))
        return rc;
    if (st(dst)->quiesced)
        return VMCF_QUIESCED;
    if (rq->func == VMCF_SENDX && rq->lena > st(dst)->buflen - VMCM_HDR)
        return VMCF_TOOBIG;
    if (find(vm, dst, rq->mid))
        return VMCF_DUPLICATE;
    if (st(vm)->active >= VMCF_MAXACTIVE)
        return VMCF_LIMIT;
    m = kzalloc(sizeof *m, "VMCFMSG");
    if (!m)
        return VMCF_LIMIT;
    m->src = vm;
    m->dst = dst;
    m->rq = *rq;
    m->next = msgs;
    msgs = m;
    st(vm)->active++;
    build_hdr(h, rq, vm->user->userid, 0, 0);
    if (rq->func != VMCF_SENDX) {
        if (!raise_int(dst, h)) {
            unlink_msg(m);
            return VMCF_LIMIT;
        }
        return VMCF_OK;
    }
    /* SENDX: the data goes with the interruption */
    {
        struct vmcf_int *in = kzalloc(sizeof *in, "VMCFINT");
        u8 *data = rq->lena ? kmalloc(rq->lena, "VMCFDATA") : NULL;
        if (!in || (rq->lena && (!data || gmem_read(&vm->mem, rq->vada, data, rq->lena)))) {
            kfree(in);
            kfree(data);
            unlink_msg(m);
            return in ? VMCF_BADBUF : VMCF_LIMIT;
        }
        memcpy(in->hdr, h, VMCM_HDR);
        in->data = data;
        in->dlen = rq->lena;
        in->sendx = m;
        queue_int(dst, in);
    }
    return VMCF_OK;
}

/* the sink's side: RECEIVE, REPLY, REJECT name the source and message */
static int sink_msg(struct vm *vm, const struct vmcf_req *rq, struct vmcf_msg **out)
{
    struct vm *src = vm_of(rq->user);
    struct vmcf_msg *m = src ? find(src, vm, rq->mid) : NULL;

    if (!src)
        return VMCF_NOTAVAIL;
    if (!m || m->rq.func == VMCF_SENDX)
        return VMCF_NOTFOUND;
    *out = m;
    return VMCF_OK;
}

static int receive(struct vm *vm, const struct vmcf_req *rq)
{
    struct vmcf_msg *m;
    int rc = sink_msg(vm, rq, &m);
    u32 n;

    if (rc)
        return rc;
    if (m->received)
        return VMCF_PROTOCOL;
    if ((rc = buffer_ok(vm, rq->vada, rq->lena)) != VMCF_OK)
        return rc;
    n = rq->lena < m->rq.lena ? rq->lena : m->rq.lena;
    rc = transfer(m->src, m->rq.vada, vm, rq->vada, n);
    if (rc) {
        complete(m, VMCM_S_RESP, (u8)rc, m->rq.lena, m->rq.lenb);
        return rc;
    }
    if (m->rq.func == VMCF_SEND)
        complete(m, VMCM_S_RESP, VMCF_OK, m->rq.lena - n, 0);
    else
        m->received = true;             /* SEND/RECV: the REPLY ends it */
    return VMCF_OK;
}

static int reply(struct vm *vm, const struct vmcf_req *rq)
{
    struct vmcf_msg *m;
    int rc = sink_msg(vm, rq, &m);
    u32 n;

    if (rc)
        return rc;
    if (m->rq.func != VMCF_SENDRECV || !m->received)
        return VMCF_PROTOCOL;
    if (m->canceled) {
        unlink_msg(m);
        return VMCF_CANCELED;
    }
    if ((rc = buffer_ok(vm, rq->vada, rq->lena)) != VMCF_OK)
        return rc;
    n = rq->lena < m->rq.lenb ? rq->lena : m->rq.lenb;
    rc = transfer(vm, rq->vada, m->src, m->rq.vadb, n);
    m->rq.use = rq->use;                /* the sink's doubleword goes back */
    complete(m, VMCM_S_RESP, (u8)rc, 0, m->rq.lenb - n);
    return rc;
}

static int reject(struct vm *vm, const struct vmcf_req *rq)
{
    struct vmcf_msg *m;
    int rc = sink_msg(vm, rq, &m);

    if (rc)
        return rc;
    if (m->received && m->rq.func != VMCF_SENDRECV)
        return VMCF_PROTOCOL;
    m->rq.use = rq->use;
    complete(m, VMCM_S_RESP | VMCM_S_RJCT, VMCF_OK, m->rq.lena, m->rq.lenb);
    return VMCF_OK;
}

static int cancel(struct vm *vm, const struct vmcf_req *rq)
{
    struct vm *dst = vm_of(rq->user);
    struct vmcf_msg *m = dst ? find(vm, dst, rq->mid) : NULL;

    if (!dst)
        return VMCF_NOTAVAIL;
    if (!m)     /* a message the other sent to this one: not its to cancel */
        return find(dst, vm, rq->mid) ? VMCF_PROTOCOL : VMCF_NOTFOUND;
    if (m->received) {                  /* its REPLY is on the way: canceled */
        m->canceled = true;
        return VMCF_OK;
    }
    /* not received yet: the sink's interruption for it goes too */
    if (st(dst))
        for (struct vmcf_int **pp = &st(dst)->ints; *pp; pp = &(*pp)->next)
            if ((*pp)->sendx == m ||
                (get_be32((*pp)->hdr + VMCP_MID) == m->rq.mid &&
                 !((*pp)->hdr[VMCM_STAT] & VMCM_S_RESP))) {
                struct vmcf_int *in = *pp;
                *pp = in->next;
                free_int(in);
                break;
            }
    unlink_msg(m);
    return VMCF_OK;
}

static int identify(struct vm *vm, const struct vmcf_req *rq)
{
    struct vm *dst;
    u8 h[VMCM_HDR];
    int rc = sink_of(vm, rq->user, &dst);

    if (rc)
        return rc;
    if (st(dst)->quiesced)
        return VMCF_QUIESCED;
    build_hdr(h, rq, vm->user->userid, VMCM_S_RESP, 0);   /* final at once */
    return raise_int(dst, h) ? VMCF_OK : VMCF_LIMIT;
}

int vmcf_request(struct vm *vm, const struct vmcf_req *rq)
{
    if (rq->func >= VMCF_NFUNC)
        return VMCF_BADFUNC;
    if (rq->func == VMCF_AUTHORIZE)
        return authorize(vm, rq);
    if (!st(vm))
        return VMCF_NOTAUTH;
    switch (rq->func) {
    case VMCF_UNAUTHORIZE:
        vmcf_vm_reset(vm);
        return VMCF_OK;
    case VMCF_SEND:
    case VMCF_SENDRECV:
    case VMCF_SENDX:
        return send(vm, rq);
    case VMCF_RECEIVE:
        return receive(vm, rq);
    case VMCF_CANCEL:
        return cancel(vm, rq);
    case VMCF_REPLY:
        return reply(vm, rq);
    case VMCF_QUIESCE:
    case VMCF_RESUME:
        st(vm)->quiesced = rq->func == VMCF_QUIESCE;
        return VMCF_OK;
    case VMCF_IDENTIFY:
        return identify(vm, rq);
    default:
        return reject(vm, rq);
    }
}

/* ---- SMSG --------------------------------------------------------------- */

int vmcf_smsg(struct vm *vm, const char *from, const char *text)
{
    struct vmcf_vm *s = vm ? st(vm) : NULL;
    struct vmcf_req rq = { .func = VMCF_SENDX };
    struct vmcf_int *in;
    u32 n = (u32)strlen(text);

    unsigned waiting = 0;

    if (!s || (!s->smsg && !(vm->user && vm->user->smsg_on)) || s->quiesced)
        return VMCF_SMSG_OFF;
    /* a program that takes no interruptions is not flooded without end */
    for (in = s->ints; in; in = in->next)
        waiting++;
    if (waiting >= VMCF_MAXWAITING)
        return VMCF_SMSG_BACKLOG;
    in = kzalloc(sizeof *in, "VMCFINT");
    if (!in || !(in->data = kmalloc(8 + n + 1, "VMCFDATA"))) {
        kfree(in);
        return VMCF_SMSG_BACKLOG;
    }
    /* the data: the sender's userid, then the text (VM/SP's layout) */
    put_name(in->data, from);
    ebc_from_ascii(in->data + 8, text, n);
    in->dlen = 8 + n;
    rq.lena = in->dlen;
    build_hdr(in->hdr, &rq, "SYSTEM", 0, 0);
    queue_int(vm, in);
    return VMCF_OK;
}
