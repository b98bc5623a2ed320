/* set.c - SET what value: CMS's own settings.  Other operands (SET MSG,
 * SET EMSG ...) are CP's, and go there. */
#include "cms-guest/core/cmdtab.h"

static const struct {
    const char *name;
    u8 minlen;
    bool *flag;
    const char *on, *off;       /* the words for true and false */
} items[] = {
    { "ABBREV", 6, &cms_set.abbrev,       "ON",   "OFF" },
    { "IMPCP",  5, &cms_set.impcp,        "ON",   "OFF" },
    { "IMPEX",  5, &cms_set.impex,        "ON",   "OFF" },
    { "RDYMSG", 6, &cms_set.rdymsg_short, "SMSG", "LMSG" },
};

int cmd_set(struct cms_plist *p)
{
    if (p->argc < 2)
        return cms_missing_operand("SET", "SET OPERAND");
    for (unsigned i = 0; i < ARRAY_SIZE(items); i++) {
        if (!cms_opt_is(p->argv[1], items[i].name, items[i].minlen))
            continue;
        if (p->optc)
            return cms_bad_option("SET", p->optv[0]);
        if (p->argc < 3)
            return cms_missing_operand("SET", items[i].name);
        if (p->argc > 3)
            return cms_bad_operand("SET", p->argv[3]);
        if (!cms_strcmp(p->argv[2], items[i].on))
            *items[i].flag = true;
        else if (!cms_strcmp(p->argv[2], items[i].off))
            *items[i].flag = false;
        else
            return cms_bad_operand("SET", p->argv[2]);
        return RC_OK;
    }
    return cms_cp(p->line);             /* SET MSG OFF, SET EMSG ...: CP's */
}
