/* ccwxlat.c - translate a guest's minidisk channel program (ccwxlat.h). */
#include "cp/vdev/ccwxlat.h"
#include "cp/io/ckd.h"
#include "cp/mm/gmem.h"
#include "cp/mm/frame.h"
#include "cp/lib/string.h"
#include "cpu.h"

static bool emit(struct xlat *x, u8 cmd, u8 flags, u16 count, u32 addr, u32 guest_ccw, u16 rest)
{
    if (x->nreal == XLAT_MAX_REAL) {
        x->stop = XLAT_TOO_LONG;
        return false;
    }
    ccw1_make(&x->real[x->nreal], cmd, flags, count, addr);
    x->map[x->nreal].guest_ccw = guest_ccw;
    x->map[x->nreal].rest = rest;
    x->nreal++;
    return true;
}

static u8 *new_arg(struct xlat *x)
{
    u8 *a;

    if (x->nargs == XLAT_MAX_ARGS)
        return NULL;
    a = x->args[x->nargs++];
    __builtin_memset(a, 0, 8);          /* a constant size: inline, no call */
    return a;
}

static bool pin(struct xlat *x, u32 page, u32 *frame)
{
    if (x->npinned == XLAT_MAX_REAL)
        return false;
    *frame = gspace_pin(x->gs, page);
    if (!*frame)
        return false;
    x->pinned[x->npinned++] = page;
    return true;
}

/* storage-key protection of one 2K block for the channel (CAW key); key
 * 0 may access every block, without looking at its key */
static bool block_ok(struct xlat *x, u32 addr, bool into_storage)
{
    u8 k;

    if (x->key == 0)
        return true;
    k = gspace_get_key(x->gs, addr);
    if ((k >> 4) == x->key)
        return true;
    return !into_storage && !(k & 0x08);        /* fetch allowed unless fetch-protected */
}

/* ... of the bytes [addr, addr + n) of one page: each 2K block it touches */
static bool key_ok(struct xlat *x, u32 addr, u32 n, bool into_storage)
{
    for (u32 b = addr & ~0x7FFu; b < addr + n; b += 0x800)
        if (!block_ok(x, b, into_storage))
            return false;
    return true;
}

/* Emit the data of one guest CCW as page-sized data-chained pieces. */
static bool emit_data(struct xlat *x, u8 cmd, u8 flags, u32 data, u16 count, u32 guest_ccw)
{
    bool into = ccw_cmd_is_read(cmd) || ccw_cmd_is_sense(cmd) || ccw_cmd_is_rdbk(cmd);
    u8 keep = flags & (CCW_CD | CCW_CC);
    u8 base = flags & (CCW_SLI | CCW_SKIP);
    u32 done = 0;

    if (flags & CCW_SKIP)
        return emit(x, cmd, base | keep, count, 0, guest_ccw, 0);
    if (x->refetch && into) {                   /* where this program stores */
        if (x->nrd < XLAT_MAX_READS) {
            x->rd_lo[x->nrd] = data & GADDR_MASK;
            x->rd_hi[x->nrd] = (data & GADDR_MASK) + count;
        }
        x->nrd++;                               /* more than kept: all suspect */
    }
    while (done < count) {
        u32 addr = (data + done) & GADDR_MASK;
        u32 page = addr & ~(PAGE_SIZE - 1), frame;
        u32 n = PAGE_SIZE - (addr - page);
        if (n > count - done)
            n = count - done;
        if (!gspace_addressable(x->gs, addr)) {
            x->stop = XLAT_PROGRAM_CHECK;
            return false;
        }
        if (!key_ok(x, addr, n, into)) {
            x->stop = XLAT_PROTECTION;
            return false;
        }
        if (!pin(x, page, &frame))
            return false;
        done += n;
        if (!emit(x, cmd, (u8)(base | (done < count ? CCW_CD : keep)), (u16)n,
                  frame + (addr - page), guest_ccw, (u16)(count - done)))
            return false;
    }
    return true;
}

/* SEEK-type argument BBCCHH from the guest, relocated; false = outside */
static bool seek_arg(struct xlat *x, u32 data, u8 *arg)
{
    u8 a[6];
    u16 cyl, head;

    if (gmem_read(x->gs, data, a, 6) != 0) {
        x->stop = XLAT_PROGRAM_CHECK;
        return false;
    }
    cyl = get_be16(a + 2);
    head = get_be16(a + 4);
    if (get_be16(a) != 0 || cyl >= x->cyls || head >= x->heads) {
        x->stop = XLAT_OUT_OF_EXTENT;
        return false;
    }
    x->seek_cyl = cyl;
    x->seek_head = head;
    put_be16(arg + 2, (u16)(x->start_cyl + cyl));
    put_be16(arg + 4, head);
    return true;
}

/* a search or count argument CCHH...: the cylinder relocated; a cylinder
 * outside the minidisk becomes one no record on its tracks can have */
static void relocate_cc(struct xlat *x, u8 *cc)
{
    u16 cyl = get_be16(cc);
    put_be16(cc, cyl < x->cyls ? (u16)(x->start_cyl + cyl) : 0xFFFF);
}

/* Commands whose argument (the first bytes of the data) names a cylinder
 * are copied to CP storage and relocated: SEEKs, SEARCH ID/HA, and the
 * count field of WRITE CKD / WRITE R0 / WRITE HA. */
static bool emit_arg_cmd(struct xlat *x, u8 cmd, u8 flags, u32 data, u16 count,
                         u32 guest_ccw, unsigned cc_off, unsigned arglen)
{
    u8 *arg = new_arg(x);
    unsigned n = count < arglen ? count : arglen;

    if (!arg) {
        x->stop = XLAT_TOO_LONG;
        return false;
    }
    if (ckd_cmd_is_seek(cmd)) {
        if (count < 6) {
            x->stop = XLAT_PROGRAM_CHECK;
            return false;
        }
        if (!seek_arg(x, data, arg))
            return false;
        return emit(x, cmd, flags & (CCW_CC | CCW_SLI), 6, (u32)(uintptr_t)arg, guest_ccw, 0);
    }
    if (gmem_read(x->gs, data, arg, n) != 0) {
        x->stop = XLAT_PROGRAM_CHECK;
        return false;
    }
    if (n >= cc_off + 2)
        relocate_cc(x, arg + cc_off);
    if (count <= arglen)
        return emit(x, cmd, flags & (CCW_CC | CCW_CD | CCW_SLI), (u16)n, (u32)(uintptr_t)arg, guest_ccw, 0);
    /* the relocated head of the data, then the rest from guest storage */
    if (!emit(x, cmd, CCW_CD | (flags & CCW_SLI), (u16)n, (u32)(uintptr_t)arg, guest_ccw,
              (u16)(count - n)))
        return false;
    return emit_data(x, cmd, flags, data + n, (u16)(count - n), guest_ccw);
}

/* remember a count field coming back from the device, to give it the
 * minidisk's cylinder after the I/O */
static void want_fixup(struct xlat *x, u32 data, unsigned off)
{
    u32 a = data + off, f1, f2;

    if (x->nfix == XLAT_MAX_FIX)
        return;
    f1 = gspace_frame(x->gs, a & GADDR_MASK, false);
    f2 = gspace_frame(x->gs, (a + 1) & GADDR_MASK, false);
    if (!f1 || !f2)
        return;
    x->fix[x->nfix].frame_addr = f1 + ((a & GADDR_MASK) & (PAGE_SIZE - 1));
    x->fix[x->nfix].frame_addr2 = f2 + (((a + 1) & GADDR_MASK) & (PAGE_SIZE - 1));
    x->nfix++;
}

/* Where the device will be after cmd, as far as an IPL piece needs it:
 * past the record a SEARCH ID EQUAL found once its data is read or
 * written, past the next one after each further read of a record. */
static void track_orient(struct xlat *x, u8 cmd, const u8 *search_arg)
{
    u8 base = cmd & (u8)~CKD_MT;

    if (base == CKD_SEARCH_ID_EQ && search_arg) {
        memcpy(x->search_id, search_arg, 5);
        x->searched = true;
        return;
    }
    if (base == CKD_READ_DATA || base == CKD_READ_KEY_DATA || cmd == CKD_WRITE_DATA ||
        cmd == CKD_WRITE_KEY_DATA) {
        if (x->searched) {
            memcpy(x->orient_id, x->search_id, 5);
            x->orient = true;
        } else if (x->orient) {
            x->orient_id[4]++;                  /* the next record of the track */
        }
        x->searched = false;
        return;
    }
    if (cmd == CCW_CMD_NOP || ccw_cmd_is_sense(cmd))
        return;
    x->orient = x->searched = false;            /* SEEK and the rest: not known */
}

/* Translate one non-TIC guest CCW (or a data-chained piece of one). */
static bool translate_one(struct xlat *x, u8 cmd, u8 flags, u32 data, u16 count, u32 guest_ccw)
{
    flags &= (u8)~CCW_PCI;                      /* reported with the ending status */
    if (ckd_cmd_is_write(cmd) && !x->write_ok) {
        x->stop = XLAT_FILE_PROTECT;
        return false;
    }
    if (ckd_cmd_is_seek(cmd))
        return emit_arg_cmd(x, cmd, flags, data, count, guest_ccw, 2, 6);
    if (cmd == CKD_RECALIBRATE) {               /* to the minidisk's cylinder 0 */
        u8 *arg = new_arg(x);
        if (!arg)
            return false;
        put_be16(arg + 2, x->start_cyl);
        x->seek_cyl = x->seek_head = 0;
        return emit(x, CKD_SEEK, flags & CCW_CC, 6, (u32)(uintptr_t)arg, guest_ccw, 0);
    }
    if (ckd_cmd_is_search_id(cmd) || cmd == CKD_SEARCH_HA)
        return emit_arg_cmd(x, cmd, flags, data, count, guest_ccw, 0, 8);
    if (cmd == CKD_WRITE_CKD || cmd == CKD_WRITE_R0)
        return emit_arg_cmd(x, cmd, flags, data, count, guest_ccw, 0, 8);
    if (cmd == CKD_WRITE_HA)
        return emit_arg_cmd(x, cmd, flags, data, count, guest_ccw, 1, 8);
    if (cmd == CKD_READ_IPL) {
        x->stop = XLAT_PROGRAM_CHECK;           /* only at IPL, where CP does it */
        return false;
    }
    if (!emit_data(x, cmd, flags, data, count, guest_ccw))
        return false;
    if (!(flags & CCW_SKIP)) {                  /* the pages are pinned now */
        if (ckd_cmd_reads_count(cmd))
            want_fixup(x, data, 0);
        else if (cmd == CKD_READ_HA)
            want_fixup(x, data, 1);
    }
    return true;
}

static int find_guest(const struct xlat *x, u32 addr)
{
    for (unsigned i = 0; i < x->nguest; i++)
        if (x->guest_addr[i] == addr)
            return (int)i;
    return -1;
}

/* SEARCH commands (ID, key, HA; any condition, multitrack or not) end
 * with status modifier when they match, and the channel then skips the
 * next CCW: the TIC of a search loop */
static bool is_search(u8 cmd)
{
    u8 low = cmd & 0x0F, high = (cmd & 0x70) >> 4;
    return (low == 0x01 || low == 0x09) && high >= 2 && high <= 7;
}

/* Where translation stopped, a NOP without chaining ends the real
 * program cleanly; reaching it means "present the stop status". */
static void place_stop(struct xlat *x, enum xlat_stop why, u32 guest_ccw)
{
    if (x->stop == XLAT_COMPLETE) {
        x->stop = why;
        x->stop_ccw = guest_ccw;
    }
    if (x->nreal < XLAT_MAX_REAL) {
        x->stop_index = x->nreal;
        ccw1_make(&x->real[x->nreal], CCW_CMD_NOP, CCW_SLI, 1, 0);
        x->map[x->nreal].guest_ccw = guest_ccw;
        x->map[x->nreal].rest = 0;
        x->nreal++;
    } else {
        x->stop_index = x->nreal - 1;
        x->real[x->nreal - 1].b[1] &= (u8)~(CCW_CC | CCW_CD);
    }
}

/* IPL: may a read earlier in this piece store into the CCW at addr? */
static bool may_change(const struct xlat *x, u32 addr)
{
    if (!x->refetch || x->nrd == 0)
        return false;
    if (x->nrd > XLAT_MAX_READS)
        return true;
    for (unsigned i = 0; i < x->nrd; i++)
        if (addr + 8 > x->rd_lo[i] && addr < x->rd_hi[i])
            return true;
    return false;
}

#define MAX_PENDING 16

struct pending {
    unsigned tic;               /* real index of a TIC to patch */
    u32 target;                 /* guest address it goes to */
    bool data_chain;            /* data chaining was in progress */
    u8 chain_cmd;
};

/* Translate the chain that starts at addr, sequentially; TICs to places
 * not yet translated are queued in pend.  Returns false if translation
 * must end (a stop was placed). */
static bool translate_chain(struct xlat *x, u32 addr, bool data_chain, u8 chain_cmd,
                            struct pending *pend, unsigned *npend, bool first, bool prev_tic)
{
    bool prev_search = false;

    for (;;) {
        struct ccw0 c;
        u8 cmd, flags;
        unsigned before = x->nreal;
        int seen;

        if (may_change(x, addr)) {              /* the channel fetches it later */
            place_stop(x, XLAT_REFETCH, addr);
            x->stop_after_tic = prev_tic;
            return false;
        }
        if (!ccw0_addr_ok(addr) || gmem_read(x->gs, addr, c.b, 8) != 0) {
            place_stop(x, XLAT_PROGRAM_CHECK, addr);
            return false;
        }
        cmd = ccw0_cmd(&c);
        flags = ccw0_flags(&c);
        if (ccw_cmd_is_tic(cmd)) {
            u32 target = ccw0_addr(&c);
            if (!ccw0_tic_ok(first, prev_tic) || !ccw0_addr_ok(target)) {
                place_stop(x, XLAT_PROGRAM_CHECK, addr);
                return false;
            }
            seen = find_guest(x, target);
            if (seen >= 0 && !prev_search && may_change(x, target)) {
                place_stop(x, XLAT_REFETCH, target);    /* a new copy of it */
                x->stop_after_tic = true;
                return false;
            }
            if (seen >= 0 && !prev_search && x->refetch) {
                place_stop(x, XLAT_ENDLESS, addr);
                return false;
            }
            if (seen >= 0) {
                emit(x, CCW_CMD_TIC, 0, 0, (u32)(uintptr_t)&x->real[x->guest_index[seen]], addr, 0);
            } else {
                if (*npend == MAX_PENDING) {
                    place_stop(x, XLAT_TOO_LONG, addr);
                    return false;
                }
                pend[*npend] = (struct pending){ x->nreal, target, data_chain, chain_cmd };
                (*npend)++;
                emit(x, CCW_CMD_TIC, 0, 0, 0, addr, 0);
            }
            if (!prev_search)
                return true;                    /* nothing falls through a TIC */
            prev_tic = true;
            prev_search = false;
            addr = (addr + 8) & GADDR_MASK;     /* a matching search skips it */
            continue;
        }
        if (x->nguest == XLAT_MAX_GUEST) {
            place_stop(x, XLAT_TOO_LONG, addr);
            return false;
        }
        if (!ccw0_ok(&c, data_chain)) {
            place_stop(x, XLAT_PROGRAM_CHECK, addr);
            return false;
        }
        x->guest_addr[x->nguest] = addr;
        x->guest_index[x->nguest] = (u16)x->nreal;
        x->nguest++;
        if (!data_chain)
            chain_cmd = cmd;
        if (!translate_one(x, chain_cmd, flags, ccw0_addr(&c), ccw0_count(&c), addr)) {
            enum xlat_stop why = x->stop == XLAT_COMPLETE ? XLAT_TOO_LONG : x->stop;
            x->nreal = before;                  /* drop a half-made CCW */
            x->stop = XLAT_COMPLETE;
            place_stop(x, why, addr);
            return false;
        }
        if (x->refetch && !data_chain)
            track_orient(x, chain_cmd,
                         ckd_cmd_is_search_id(chain_cmd) ? x->args[x->nargs - 1] : NULL);
        first = prev_tic = false;
        prev_search = !data_chain && is_search(chain_cmd);
        data_chain = (flags & CCW_CD) != 0;
        if (!(flags & (CCW_CD | CCW_CC)))
            return true;
        addr = (addr + 8) & GADDR_MASK;
    }
}

void xlat_reset(struct xlat *x)
{
    x->nreal = x->nfix = x->npinned = x->nguest = 0;
    x->nargs = 0;
    x->stop = XLAT_COMPLETE;
    x->stop_index = 0;
    x->nrd = 0;
    x->searched = false;
}

bool xlat_add_arg(struct xlat *x, u8 cmd, u8 flags, const u8 *arg, u16 len)
{
    u8 *a = new_arg(x);

    if (!a || len > 8)
        return false;
    cpu_move(a, arg, len);              /* at most eight: no memcpy call */
    return emit(x, cmd, flags, len, (u32)(uintptr_t)a, 0, 0);
}

bool xlat_add_data(struct xlat *x, u8 cmd, u8 flags, u32 guest_data, u16 count)
{
    return emit_data(x, cmd, flags, guest_data, count, 0);
}

bool xlat_add_tic(struct xlat *x, unsigned real_index)
{
    return emit(x, CCW_CMD_TIC, 0, 0, (u32)(uintptr_t)&x->real[real_index], 0, 0);
}

static unsigned translate(struct xlat *x, u32 ccw_addr, bool piece)
{
    bool after_tic = piece && x->stop_after_tic;
    struct pending pend[MAX_PENDING];
    unsigned npend = 0;
    u8 *seek;

    xlat_reset(x);
    seek = new_arg(x);
    /* where the guest's arm was: other users moved the real one since */
    put_be16(seek + 2, (u16)(x->start_cyl + x->seek_cyl));
    put_be16(seek + 4, x->seek_head);
    emit(x, CKD_SEEK, CCW_CC, 6, (u32)(uintptr_t)seek, ccw_addr & GADDR_MASK, 0);
    if (piece && x->orient) {                   /* past that record, data skipped */
        xlat_add_arg(x, CKD_SEARCH_ID_EQ, CCW_CC, x->orient_id, 5);
        xlat_add_tic(x, x->nreal - 1);
        emit(x, CKD_READ_DATA, CCW_CC | CCW_SKIP | CCW_SLI, 1, 0, ccw_addr & GADDR_MASK, 0);
    }
    x->stop_after_tic = false;
    /* a piece goes on in a program the channel has started already */
    if (!translate_chain(x, ccw_addr & GADDR_MASK, false, 0, pend, &npend, !piece, after_tic) &&
        x->stop != XLAT_REFETCH)
        npend = 0;
    /* the TIC targets not translated yet, each a chain of its own */
    for (unsigned i = 0; i < npend; i++) {
        int seen = find_guest(x, pend[i].target);
        unsigned at = x->nreal;
        if (x->stop == XLAT_REFETCH) {
            at = x->stop_index;                 /* the program ends there */
        } else if (seen >= 0) {
            at = x->guest_index[seen];
        } else if (!translate_chain(x, pend[i].target, pend[i].data_chain, pend[i].chain_cmd,
                                    pend, &npend, false, true) && x->stop != XLAT_REFETCH) {
            npend = i + 1;                      /* later chains no longer matter */
        }
        put_be32(x->real[pend[i].tic].b + 4, (u32)(uintptr_t)&x->real[at]);
    }
    return x->nreal;
}

unsigned xlat_translate(struct xlat *x, u32 ccw_addr)
{
    return translate(x, ccw_addr, false);
}

unsigned xlat_translate_piece(struct xlat *x, u32 ccw_addr)
{
    return translate(x, ccw_addr, true);
}

void xlat_finish(struct xlat *x)
{
    for (unsigned i = 0; i < x->nfix; i++) {
        u8 *hi = (u8 *)(uintptr_t)x->fix[i].frame_addr;
        u8 *lo = (u8 *)(uintptr_t)x->fix[i].frame_addr2;
        u16 cyl = (u16)(*hi << 8 | *lo);
        if (cyl >= x->start_cyl && cyl < x->start_cyl + x->cyls) {
            cyl = (u16)(cyl - x->start_cyl);
            *hi = (u8)(cyl >> 8);
            *lo = (u8)cyl;
        }
    }
    x->nfix = 0;
    for (unsigned i = 0; i < x->npinned; i++)
        gspace_unpin(x->gs, x->pinned[i]);
    x->npinned = 0;
}

void xlat_guest_status(const struct xlat *x, u32 real_ccw_addr, u16 real_residual,
                       u32 *guest_ccw_next, u16 *guest_residual)
{
    u32 base = (u32)(uintptr_t)x->real;
    unsigned k = 0;

    if (real_ccw_addr > base && real_ccw_addr <= base + x->nreal * 8u)
        k = (real_ccw_addr - base) / 8 - 1;
    *guest_ccw_next = (x->map[k].guest_ccw + 8) & GADDR_MASK;
    *guest_residual = (u16)(real_residual + x->map[k].rest);
}
