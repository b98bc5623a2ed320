/* nssint.h - what the saved-system files share among themselves. */
#ifndef CP_VM_NSSINT_H
#define CP_VM_NSSINT_H

#include "cp/vm/nss.h"

struct cp_area;

/* a saved system in storage, built from the store or a volume area */
struct nss {
    char name[9];
    bool from_store;            /* SAVESYS made it (else a volume area) */
    bool stale;                 /* replaced by a newer SAVESYS */
    bool has_state;             /* gpr and cr are valid */
    u32 first, count;           /* guest pages it spans */
    u8 *map;                    /* per page: NSSP_* and the key */
    u8 *key2;                   /* per page: its second 2K's key; NULL: map's */
    u32 *frames;                /* per page: its shared frame, 0 = none */
    u64 psw;
    u32 gpr[16], cr[16];
    const struct cp_area *area; /* where the data pages are */
    u32 data0;                  /* store: area page of the first data page */
    u32 load, bytes;            /* volume area: load address and length */
    u32 data, shared;           /* pages saved, pages shared */
    u32 loaded;                 /* shared frames in storage */
    u32 users;                  /* virtual machines that have it loaded */
    struct nss *next;
};

void nss_lock(void);
void nss_unlock(void);
/* the current saved system of that name, read in if need be; NULL if
 * there is none.  Under nss_lock. */
struct nss *nss_find(const char *name);
/* a new copy of name was saved: the ones in storage are stale */
void nss_forget(const char *name);

#endif
