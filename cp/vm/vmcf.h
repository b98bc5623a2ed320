/* vmcf.h - the Virtual Machine Communication Facility (VM/370 Release 6
 * System Programmer's Guide, "Virtual Machine Communication Facility").
 *
 * Virtual machines send each other messages through DIAGNOSE X'68'
 * (diag/vmcf.c decodes the parameter list; this file keeps the state).
 * A message goes from a source to a sink: the sink learns of it by an
 * external interruption X'4001' whose message header CP stores into the
 * buffer the sink named when it authorized, and takes the data from the
 * source's storage with RECEIVE; the source learns the end of it by a
 * RESPONSE interruption of its own.  SENDX and SMSG carry the data in the
 * interruption itself.  Everything about a message is checked when it is
 * asked for and again when data moves, so a machine that changed its
 * storage or went away meanwhile gets an error code, never CP. */
#ifndef CP_VM_VMCF_H
#define CP_VM_VMCF_H

#include "arch370/types.h"

struct vm;

/* the parameter list, VMCPARM: 40 bytes */
#define VMCP_FLG1       0       /* 1: VMCP_F_* */
#define VMCP_FLG2       1       /* 1: reserved */
#define VMCP_FUNC       2       /* 2: VMCF_* */
#define VMCP_MID        4       /* 4: message id */
#define VMCP_USER       8       /* 8: the other virtual machine, EBCDIC */
#define VMCP_VADA       16      /* 4: data, or AUTHORIZE's interrupt buffer */
#define VMCP_LENA       20      /* 4: its length */
#define VMCP_VADB       24      /* 4: reply buffer (SEND/RECV) */
#define VMCP_LENB       28      /* 4: its length */
#define VMCP_USE        32      /* 8: the user doubleword */
#define VMCP_SIZE       40

#define VMCP_F_SPECIFIC 0x80    /* AUTHORIZE SPECIFIC: only VMCP_USER may send */
#define VMCP_F_PRIORITY 0x40    /* a priority message / accept them */
#define VMCP_F_SMSG     0x20    /* AUTHORIZE: accept SMSG */

/* the external interruption message header, VMCMHDR: the same fields
 * from VMCMFUNC on, then (SENDX, SMSG) the data */
#define VMCM_STAT       0       /* 1: VMCM_S_* */
#define VMCM_EFLG       1       /* 1: data-transfer error code */
#define VMCM_HDR        40
#define VMCM_S_RESP     0x80    /* final: a RESPONSE (or IDENTIFY) */
#define VMCM_S_RJCT     0x40    /* the sink rejected it */
#define VMCM_S_PRTY     0x20    /* a priority message */

#define EXT_VMCF        0x4001

/* subfunctions */
enum {
    VMCF_AUTHORIZE, VMCF_UNAUTHORIZE, VMCF_SEND, VMCF_SENDRECV, VMCF_SENDX,
    VMCF_RECEIVE, VMCF_CANCEL, VMCF_REPLY, VMCF_QUIESCE, VMCF_RESUME,
    VMCF_IDENTIFY, VMCF_REJECT, VMCF_NFUNC
};

/* return codes (Ry), also the data-transfer error codes of a RESPONSE */
#define VMCF_OK         0
#define VMCF_BADBUF     1       /* an address or length outside storage */
#define VMCF_BADFUNC    2
#define VMCF_PROTOCOL   3       /* cancel another's message, reply to a SEND ... */
#define VMCF_NOTAUTH    4       /* the issuer did not AUTHORIZE */
#define VMCF_NOTAVAIL   5       /* the other is not logged on or not authorized for it */
#define VMCF_PROTECT    6       /* a buffer in another storage key */
#define VMCF_TOOBIG     7       /* SENDX data larger than the sink's buffer */
#define VMCF_DUPLICATE  8       /* that message id is active for that sink */
#define VMCF_QUIESCED   9
#define VMCF_LIMIT      10      /* 50 messages active */
#define VMCF_CANCELED   11      /* REPLY to a message the source canceled */
#define VMCF_NOTFOUND   12
#define VMCF_MAXACTIVE  50
#define VMCF_MAXWAITING 64      /* interruptions queued for one VM, then SMSG is refused */

/* one DIAGNOSE X'68' request, decoded; returns the return code */
struct vmcf_req {
    u8 flags;
    u16 func;
    u32 mid;
    char user[9];               /* ASCII, blanks removed */
    u32 vada, lena, vadb, lenb;
    u64 use;
};
int vmcf_request(struct vm *vm, const struct vmcf_req *rq);

/* SMSG: text (ASCII) from userid to the virtual machine vm.  Returns
 * VMCF_OK, VMCF_SMSG_OFF if it does not take SMSG now (not authorized for
 * it), or VMCF_SMSG_BACKLOG while VMCF_MAXWAITING interruptions wait for
 * it to take them. */
#define VMCF_SMSG_OFF       1
#define VMCF_SMSG_BACKLOG   2
int vmcf_smsg(struct vm *vm, const char *from, const char *text);

/* the reflection of external interruptions: is a X'4001' waiting, and
 * (present) store the oldest's header into the guest's buffer */
bool vmcf_pending(const struct vm *vm);
bool vmcf_present(struct vm *vm);
/* the machine was reset or goes away: as if it had unauthorized */
void vmcf_vm_reset(struct vm *vm);

#endif
