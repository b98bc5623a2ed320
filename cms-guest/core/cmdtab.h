/* cmdtab.h - the CMS commands: one table, one handler per command, each
 * handler in its own file of cms-guest/cmd/. */
#ifndef CMS_CORE_CMDTAB_H
#define CMS_CORE_CMDTAB_H

#include "cms-guest/core/cms.h"

struct cms_command {
    const char *name;
    u8 minlen;                  /* shortest abbreviation (SET ABBREV ON) */
    int (*fn)(struct cms_plist *p);
    const char *summary;
};

extern const struct cms_command cms_commands[];
extern const unsigned cms_commands_count;

/* the command a word names (exactly, or by abbreviation), or NULL */
const struct cms_command *cms_command_find(const char *word);

int cmd_access(struct cms_plist *p);
int cmd_copyfile(struct cms_plist *p);
int cmd_cp(struct cms_plist *p);
int cmd_disk(struct cms_plist *p);
int cmd_edit(struct cms_plist *p);
int cmd_erase(struct cms_plist *p);
int cmd_exec(struct cms_plist *p);
int cmd_format(struct cms_plist *p);
int cmd_listfile(struct cms_plist *p);
int cmd_print(struct cms_plist *p);
int cmd_punch(struct cms_plist *p);
int cmd_query(struct cms_plist *p);
int cmd_readcard(struct cms_plist *p);
int cmd_release(struct cms_plist *p);
int cmd_rename(struct cms_plist *p);
int cmd_set(struct cms_plist *p);
int cmd_state(struct cms_plist *p);
int cmd_type(struct cms_plist *p);

#endif
