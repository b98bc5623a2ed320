/* vconfig.h - building a user's virtual configuration at LOGON.
 *
 * Subsystems that give a virtual machine devices from the directory
 * (spooled unit record devices, minidisks and links) register a hook; at
 * LOGON each hook adds its devices, at LOGOFF each releases what it holds
 * (links, open spool files).  The console is built by LOGON itself. */
#ifndef CP_VM_VCONFIG_H
#define CP_VM_VCONFIG_H

struct vm;
struct dir_user;

typedef void (*vconfig_logon_fn)(struct vm *vm, const struct dir_user *d);
typedef void (*vconfig_logoff_fn)(struct vm *vm);

void vconfig_register(vconfig_logon_fn on, vconfig_logoff_fn off);
void vconfig_logon(struct vm *vm, const struct dir_user *d);
void vconfig_logoff(struct vm *vm);

#endif
