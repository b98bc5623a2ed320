/* urread.c - a real card reader reads decks into the spool (urdev.h).
 *
 * A deck ends with the reader's unit exception (the end of the host
 * file); the file is closed and goes to the reader queue of the user
 * its first card names ("ID userid", not itself part of the file), of
 * the user named by START ... TO, or of OPERATOR.  With the hopper empty
 * (unit check, intervention required) the task waits for the device end
 * a new deck gives. */
#include "cp/spool/urdev.h"
#include "cp/spool/spool.h"
#include "cp/io/rio.h"
#include "cp/dir/directory.h"
#include "cp/vm/user.h"
#include "cp/kern/task.h"
#include "cp/kern/oplog.h"
#include "cp/term/usermsg.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"
#include "arch370/ccw.h"
#include "arch370/ebcdic.h"

#define CARD        80
#define CMD_READ    0x02
#define CMD_SENSE   0x04
#define DEFAULT_TO  "OPERATOR"

struct deck {
    struct ccw1 ccw;
    struct ioreq req;
    u8 card[CARD];
    struct spf *h;
    char to[9];
    u32 cards;
};

/* "ID userid" on the first card: the user, or false */
static bool id_card(const u8 *card, char *userid)
{
    char text[CARD + 1];
    unsigned n = 0;

    ebc_to_ascii_buf(text, card, CARD);
    text[CARD] = 0;
    if (strncmp(text, "ID ", 3))
        return false;
    for (const char *p = text + 3; *p == ' '; p++, n++)
        ;
    for (unsigned i = 0; i < 8 && text[3 + n + i] > ' '; i++) {
        userid[i] = to_upper(text[3 + n + i]);
        userid[i + 1] = 0;
    }
    return userid[0] != 0;
}

static int open_deck(struct urdev *u, struct deck *k)
{
    struct spool_attrs a;

    memset(&a, 0, sizeof a);
    a.type = SPOOL_RDR;
    a.origin_type = SPOOL_RDR;
    a.cls = 'A';
    a.copies = 1;
    strlcpy(a.origin, "SYSTEM", sizeof a.origin);
    strlcpy(a.owner, k->to, sizeof a.owner);
    (void)u;
    return spf_open_write(&a, &k->h);
}

static void close_deck(struct urdev *u, struct deck *k)
{
    struct user *to;
    int spid;

    if (!k->h)
        return;
    spid = spf_close(k->h);
    k->h = NULL;
    if (spid <= 0) {
        op_msg("CPX457E RDR %04X: the deck for %s is lost: %s", u->rd->devno, k->to,
               spool_strerror(spid));
        return;
    }
    u->files++;
    u->records += k->cards;
    op_msg("CPX455I RDR %04X read file %04d for %s, %u cards", u->rd->devno, spid, k->to,
           (unsigned)k->cards);
    if ((to = user_find(k->to)))
        user_msg(to, "RDR FILE %04d SENT FROM SYSTEM   RDR WAS %04d RECS %06u CPY 001 A NOHOLD",
                 spid, spid, (unsigned)k->cards);
}

/* one card read into the deck */
static void take_card(struct urdev *u, struct deck *k)
{
    int rc;

    if (!k->h) {
        char who[9] = "";
        bool id = id_card(k->card, who);
        strlcpy(k->to, u->to[0] ? u->to : DEFAULT_TO, sizeof k->to);
        if (id && dir_find(who))
            strlcpy(k->to, who, sizeof k->to);
        else if (id)
            op_msg("CPX456E RDR %04X: the ID card names %s, who is not in the directory; "
                   "the deck goes to %s", u->rd->devno, who, k->to);
        k->cards = 0;
        if ((rc = open_deck(u, k)) != SPOOL_OK) {
            op_msg("CPX457E RDR %04X: the deck cannot be spooled: %s", u->rd->devno,
                   spool_strerror(rc));
            return;
        }
        if (id)
            return;                     /* the ID card is not part of the file */
    }
    if ((rc = spf_put(k->h, CMD_READ, k->card, CARD)) != SPOOL_OK) {
        op_msg("CPX457E RDR %04X: %s; the deck for %s is closed short", u->rd->devno,
               spool_strerror(rc), k->to);
        close_deck(u, k);
        return;
    }
    k->cards++;
}

void urdev_reader(struct urdev *u)
{
    struct deck *k = kzalloc(sizeof *k, "URDECK");

    for (;;) {
        urdev_wait_started(u);
        if (!k || urdev_drain_point(u)) {
            if (k && k->h)
                close_deck(u, k);
            continue;
        }
        if (!u->loaded) {
            task_sleep(u);              /* until a new deck's device end, START or DRAIN */
            continue;
        }
        ccw1_make(&k->ccw, CMD_READ, CCW_SLI, CARD, (u32)(uintptr_t)k->card);
        k->req = (struct ioreq){ .dev = u->rd, .cp = &k->ccw };
        if (rio_run(&k->req) != 0 || (k->req.dstat & UNIT_UC) || k->req.cstat) {
            /* hopper empty or not ready: take the sense, wait for a deck */
            ccw1_make(&k->ccw, CMD_SENSE, CCW_SLI, sizeof k->card, (u32)(uintptr_t)k->card);
            k->req = (struct ioreq){ .dev = u->rd, .cp = &k->ccw };
            rio_run(&k->req);
            u->loaded = false;
            close_deck(u, k);
            continue;
        }
        if (k->req.dstat & UNIT_UX) {
            close_deck(u, k);           /* the end of a deck: wait for the next */
            u->loaded = false;
            continue;
        }
        u->working = true;
        take_card(u, k);
        u->working = k->h != NULL;
    }
}
