/* query.c - QUERY what: CMS's own settings and disks.  Anything CMS
 * does not know (QUERY TIME, QUERY READER ...) is CP's, and goes there. */
#include "cms-guest/core/cmdtab.h"

static void disk_line(const struct cms_disk *d)
{
    struct cms_stats st;
    u32 pct;

    cms_query_disk(d->fs, &st);
    pct = st.blocks ? (st.used * 100 + st.blocks - 1) / st.blocks : 0;
    cms_typef("%c (%03X): %u FILES; %u REC IN USE, %u LEFT (OF %u), %u%% FULL (%u CYL), 3350, %s",
              d->mode, d->cuu, st.files, st.used, st.left, st.blocks, pct, st.cyls,
              d->rdonly ? "R/O" : "R/W");
}

static int query_disk(struct cms_plist *p)
{
    char mode = 'A';
    int shown = 0;

    if (p->argc == 3 && !(p->argv[2][0] == '*' && !p->argv[2][1]) &&
        !cms_parse_mode(p->argv[2], &mode)) {
        cms_msg("DMSQRY048E", "INVALID MODE '%s'", p->argv[2]);
        return RC_PARM;
    }
    for (int i = 0; i < 26; i++) {
        const struct cms_disk *d = &cms_disks[i];
        if (!d->mode || !d->fs || (p->argc == 3 && p->argv[2][0] != '*' && d->mode != mode) ||
            (p->argc < 3 && d->mode != 'A'))
            continue;
        disk_line(d);
        shown++;
    }
    if (!shown) {
        cms_msg("DMSQRY069E", "DISK '%c' NOT ACCESSED", p->argc == 3 ? p->argv[2][0] : 'A');
        return RC_DISK;
    }
    return RC_OK;
}

static int query_search(struct cms_plist *p)
{
    char label[7];

    for (int i = 0; i < 26; i++) {
        const struct cms_disk *d = &cms_disks[i];
        if (d->mode && d->fs)
            cms_typef("%-6s %03X %c   %s", cms_disk_label(d, label), d->cuu, d->mode,
                      d->rdonly ? "R/O" : "R/W");
    }
    return RC_OK;
}

static const char *onoff(bool b)
{
    return b ? "ON" : "OFF";
}

static int show_rdymsg(struct cms_plist *p)
{
    cms_typef("RDYMSG = %s", cms_set.rdymsg_short ? "SMSG" : "LMSG");
    return RC_OK;
}

static int show_impcp(struct cms_plist *p)
{
    cms_typef("IMPCP = %s", onoff(cms_set.impcp));
    return RC_OK;
}

static int show_impex(struct cms_plist *p)
{
    cms_typef("IMPEX = %s", onoff(cms_set.impex));
    return RC_OK;
}

static int show_abbrev(struct cms_plist *p)
{
    cms_typef("ABBREV = %s", onoff(cms_set.abbrev));
    return RC_OK;
}

static int show_cmslevel(struct cms_plist *p)
{
    cms_type("CMSLEVEL = CP370 CMS VERSION 1.0");
    return RC_OK;
}

static int show_stack(struct cms_plist *p)
{
    cms_typef("STACK = %d LINES", cms_stack_count());
    return RC_OK;
}

static const struct {
    const char *name;
    u8 minlen, maxargs;         /* words including QUERY and the operand */
    int (*fn)(struct cms_plist *p);
} items[] = {
    { "ABBREV",   6, 2, show_abbrev },
    { "CMSLEVEL", 8, 2, show_cmslevel },
    { "DISK",     4, 3, query_disk },
    { "IMPCP",    5, 2, show_impcp },
    { "IMPEX",    5, 2, show_impex },
    { "RDYMSG",   6, 2, show_rdymsg },
    { "SEARCH",   6, 2, query_search },
    { "STACK",    5, 2, show_stack },
};

int cmd_query(struct cms_plist *p)
{
    if (p->argc < 2)
        return cms_missing_operand("QRY", "QUERY OPERAND");
    for (unsigned i = 0; i < ARRAY_SIZE(items); i++) {
        if (!cms_opt_is(p->argv[1], items[i].name, items[i].minlen))
            continue;
        if (p->argc > items[i].maxargs)
            return cms_bad_operand("QRY", p->argv[items[i].maxargs]);
        if (p->optc)
            return cms_bad_option("QRY", p->optv[0]);
        return items[i].fn(p);
    }
    return cms_cp(p->line);             /* QUERY TIME, QUERY READER ...: CP's */
}
