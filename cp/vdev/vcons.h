/* vcons.h - the virtual console (a 3215) of a virtual machine.
 *
 * Writes go to the user's terminal; a read waits until the user types a
 * line (the VM is then in VM READ: lines typed go to the guest, not to
 * CP).  A line typed while the guest has no read outstanding is kept and
 * an attention interruption tells the guest, as a real 3215 under Hercules
 * does.  CCWs: 01 write, 09 write + carrier return (both write one line:
 * a line-mode telnet terminal has no partial lines), 0A read, 03 no-op,
 * 0B audible alarm, 04 sense, E4 sense ID; anything else is a command
 * reject (unit check, sense X'80'). */
#ifndef CP_VDEV_VCONS_H
#define CP_VDEV_VCONS_H

#include "arch370/types.h"

struct vm;
struct vdev;
struct user;

/* The user's terminal, which sits in the layer above: the session layer
 * registers how a console line reaches it (or the spooled console while
 * disconnected) and whether it has room for more lines. */
void vcons_register_terminal(void (*write)(struct user *u, const char *line, u32 len),
                             bool (*room)(struct user *u, u32 lines));

/* the session layer is told when the guest begins a console read with
 * no line to give it (VM READ): the end of a response (cp/io/termresp.c) */
void vcons_register_reading(void (*reading)(struct user *u));

struct vdev *vcons_attach(struct vm *vm, u16 addr);
/* the user typed a line for the guest; false if the console does not want it */
bool vcons_input(struct vm *vm, const char *line);
/* is a guest read outstanding (VM READ)? */
bool vcons_reading(struct vm *vm);
/* ... and has it no line typed ahead to take? */
bool vcons_waiting(struct vm *vm);
/* write a line on the user's terminal as the console would (also DIAG X'58') */
void vcons_write_line(struct vm *vm, const u8 *ebcdic, u32 len);
/* can the terminal take lines lines now without losing any?  (A guest
 * that writes faster than the terminal shows waits, as on a real 3215.) */
bool vcons_output_room(struct vm *vm, u32 lines);
/* A write of the machine waits until its terminal takes more (a full-
 * screen write while the terminal is busy; vcons_output_room says so
 * itself): the next room on the terminal wakes it. */
void vcons_await_room(struct vm *vm);
/* The terminal has room again: did a write wait for it since the last
 * call?  (Then the machine must be woken to go on; otherwise the room is
 * news to nobody.)  Clears what it reports. */
bool vcons_room_awaited(struct vm *vm);
/* DIAGNOSE X'58' read: take a typed line if there is one */
bool vcons_take_line(struct vm *vm, char *line, size_t size);
/* a DIAGNOSE X'58' read is waiting (typed lines go to it, no attention) */
void vcons_set_diag_read(struct vm *vm, bool waiting);
/* the console's virtual device (for DIAG X'24' and X'58') */
struct vdev *vcons_dev(struct vm *vm);

#endif
