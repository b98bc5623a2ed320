/* ccwxlat.h - CCW translation: a guest's S/370 channel program for a
 * minidisk, made into a real one.
 *
 * The guest's program is format-0 CCWs in guest real storage, naming guest
 * addresses and the guest's idea of its disk (cylinder 0 up).  The real
 * program is format-1 CCWs in CP storage, naming real frames and real
 * cylinders:
 *   - data areas become frame addresses; an area that crosses a page
 *     boundary is split into data-chained pieces, each pinned;
 *   - SEEK and SEARCH arguments are copied into CP storage with the
 *     minidisk's first cylinder added; a cylinder outside the minidisk
 *     stops translation there (the guest gets a unit check, command reject);
 *   - a write, erase or format command on a read-only link stops
 *     translation there (unit check, sense "file protected");
 *   - TIC becomes a TIC to the translated target; the program is walked in
 *     the order the channel would fetch it, each guest CCW translated once;
 *   - the counts of READ COUNT / READ CKD / READ HA / READ R0 come back with
 *     the minidisk's cylinders again (fixups applied after the I/O);
 *   - a malformed program (bad CCW address, invalid command code, zero
 *     count, TIC to TIC, IDA) stops translation with channel program check.
 * Each real program starts with a SEEK to where the guest's last program
 * left its disk, since other users move the real arm in between.
 * The translation is pure computation on guest storage (cp/mm/gmem.h), so
 * it is unit-tested on the host. */
#ifndef CP_VDEV_CCWXLAT_H
#define CP_VDEV_CCWXLAT_H

#include "arch370/ccw.h"
#include "cp/mm/gspace.h"

#define XLAT_MAX_GUEST  256     /* guest CCWs in one program */
#define XLAT_MAX_REAL   768     /* real CCWs (pieces, the first SEEK) */
#define XLAT_MAX_ARGS   256     /* seek/search arguments copied */
#define XLAT_MAX_FIX    32      /* count fields to put back */
#define XLAT_MAX_READS  16      /* IPL: storage areas the program reads into */

/* why translation stopped before the end of the guest's program */
enum xlat_stop {
    XLAT_COMPLETE = 0,          /* the whole program is translated */
    XLAT_PROGRAM_CHECK,         /* malformed program: channel program check */
    XLAT_PROTECTION,            /* storage key mismatch: protection check */
    XLAT_OUT_OF_EXTENT,         /* seek/search outside the minidisk */
    XLAT_FILE_PROTECT,          /* write on a read-only link */
    XLAT_TOO_LONG,              /* more CCWs than CP translates */
    XLAT_REFETCH,               /* IPL: not an error; the program goes on at
                                 * stop_ccw, which a read before it may change */
    XLAT_ENDLESS,               /* IPL: a TIC back with no search before it and
                                 * nothing read in between: a loop without end
                                 * (channel program check) */
};

struct xlat_map {               /* one real CCW -> the guest CCW it comes from */
    u32 guest_ccw;              /* guest address of the CCW */
    u16 rest;                   /* bytes of the guest CCW after this piece */
};

struct xlat_fix {               /* a count field to give minidisk cylinders */
    u32 frame_addr;             /* real address of its first byte */
    u32 frame_addr2;            /* real address of its second byte */
};

struct xlat {
    /* in */
    struct gspace *gs;
    u16 start_cyl, cyls;        /* the minidisk on its volume */
    u16 heads;
    bool write_ok;
    u8 key;                     /* CAW key */
    u16 seek_cyl, seek_head;    /* where the guest's disk arm is (virtual) */
    bool refetch;               /* IPL: stop before a CCW a read may change */
    /* in and out: the record the device is past (real CCHHR), when known:
     * a program that goes on where another stopped starts there again */
    bool orient;
    u8 orient_id[5];
    /* out */
    struct ccw1 *real;          /* XLAT_MAX_REAL, doubleword aligned */
    struct xlat_map map[XLAT_MAX_REAL];
    unsigned nreal;
    u8 args[XLAT_MAX_ARGS][8];
    unsigned nargs;
    struct xlat_fix fix[XLAT_MAX_FIX];
    unsigned nfix;
    u32 pinned[XLAT_MAX_REAL];  /* guest page addresses pinned */
    unsigned npinned;
    enum xlat_stop stop;
    u32 stop_ccw;               /* guest address of the CCW it stopped at */
    unsigned stop_index;        /* the real NOP standing for the stop */
    u32 guest_addr[XLAT_MAX_GUEST];
    u16 guest_index[XLAT_MAX_GUEST];   /* first real CCW of each guest CCW */
    unsigned nguest;
    u32 rd_lo[XLAT_MAX_READS], rd_hi[XLAT_MAX_READS];  /* with refetch */
    unsigned nrd;
    u8 search_id[5];            /* the last SEARCH ID EQUAL argument (real) */
    bool stop_after_tic;        /* XLAT_REFETCH: stop_ccw is a TIC's target */
    bool searched;
};

/* Translate the guest program starting at ccw_addr.  Returns the number of
 * real CCWs (0 if nothing can run: the stop reason says why). */
unsigned xlat_translate(struct xlat *x, u32 ccw_addr);
/* IPL (with x->refetch): the channel fetches each CCW when it reaches it,
 * so a program that reads its own next CCWs is run in pieces: translation
 * stops with XLAT_REFETCH before a CCW whose doubleword a read earlier in
 * the piece stores into, and the next piece is translated from there after
 * this one ran.  A piece starts past the record the last one left the
 * device at (x->orient), so a READ without a SEARCH reads on. */
unsigned xlat_translate_piece(struct xlat *x, u32 ccw_addr);

/* Building a real program directly (DIAGNOSE X'250', IPL): start empty,
 * add a CCW with an argument CP supplies (copied), a CCW whose data is in
 * guest storage (pinned, split at pages), or a TIC back to real CCW i. */
void xlat_reset(struct xlat *x);
bool xlat_add_arg(struct xlat *x, u8 cmd, u8 flags, const u8 *arg, u16 len);
bool xlat_add_data(struct xlat *x, u8 cmd, u8 flags, u32 guest_data, u16 count);
bool xlat_add_tic(struct xlat *x, unsigned real_index);
/* after the real I/O: put the fixups back, unpin every page */
void xlat_finish(struct xlat *x);
/* the guest CSW fields for a real ending status: the guest address of
 * the CCW after the last one executed, and the guest residual count */
void xlat_guest_status(const struct xlat *x, u32 real_ccw_addr, u16 real_residual,
                       u32 *guest_ccw_next, u16 *guest_residual);

#endif
