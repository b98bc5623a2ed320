/* user.h - a logged-on user and his virtual machine (VM/370's VMBLK).
 *
 * One struct user exists from LOGON (or AUTOLOG, or IPL for the operator)
 * to LOGOFF.  It ties together the directory entry, the terminal session
 * (none while disconnected), the user's settings and the virtual machine. */
#ifndef CP_VM_USER_H
#define CP_VM_USER_H

#include "arch370/types.h"
#include "cp/kern/task.h"

struct session;
struct vm;

/* SET PFnn: what a 3270's program function keys do (VM/370) */
#define PF_KEYS         24
#define PF_TEXT         80
struct pfkeys {
    char text[PF_KEYS + 1][PF_TEXT + 1];    /* [1]..[24]; "" = not set */
    bool delayed[PF_KEYS + 1];              /* into the input area, not entered */
};
struct dir_user;

/* TERMINAL and SET RUN: how the user's terminal takes lines */
struct termset {
    char linend, chardel, linedel, escape;  /* 0 = OFF (cp/term/lineedit.h) */
    bool mode_cp;               /* TERMINAL MODE CP: every line is for CP */
    bool run;                   /* SET RUN ON: attention does not stop the VM */
};

struct user {
    char userid[9];
    u32 classes;                /* CLASS_BIT mask from the directory */
    u64 logon_tod;
    struct session *sess;       /* NULL while disconnected */
    u8 dsc_why;                 /* why the terminal was lost (cp/io/term.h sense) */
    bool msg_on, wng_on, imsg_on;
    bool smsg_on;               /* SET SMSG ON: SMSG reaches its VMCF */
    u16 number;                 /* small number, owner tag of frames */
    struct vm *vm;              /* the virtual machine */
    const struct dir_user *dir; /* the directory entry (NULL: built in) */
    char emsg;                  /* SET EMSG: 'O'n, 'C'ode, 'T'ext, 'F' off */
    bool assist_on;             /* SET ASSIST: common traps take the short
                                   path (cp/vm/assist.c); OFF, every trap
                                   goes through the general dispatcher */
    u32 max_storage;            /* DEFINE STORAGE limit (directory) */
    u64 virt_tod;               /* virtual CPU time, TOD units */
    u64 total_tod;              /* virtual + CP on the user's behalf */
    /* the same two in instructions (Hercules' counter): exact where the
     * times depend on what else the host ran; INDICATE USER shows them */
    u64 virt_insns, total_insns;
    /* CPU time and instructions of other tasks working for him (his
     * terminal's session; cp/kern/task.h) */
    struct task_charge other;
    struct pfkeys *pf;          /* NULL until the first SET PFnn */
    struct termset term;
    struct user *next;
};

extern struct user *users;      /* all logged-on users */

struct user *user_find(const char *userid);
struct user *user_create(const char *userid, u32 classes);
void user_destroy(struct user *u);
unsigned user_count(void);

/* A line from CP to the user's terminal, lost while he is disconnected.
 * The code below the terminal layer (dispatcher, minidisks) writes
 * through this; the terminal layer registers the writer at IPL. */
void user_tell(struct user *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void user_tell_register(void (*write)(struct user *u, const char *line));

#endif
