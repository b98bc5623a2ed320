/* edit.c - EDIT fn ft [fm]: the line editor.  The file (or a new, empty
 * one) is read into storage; EDIT then reads subcommands until FILE or
 * QUIT.  In input mode every line typed is inserted after the current
 * line, until a null line returns to edit mode.
 *
 * New files are fixed-length, 80 bytes, as VM/370 EDIT made them; an
 * existing file keeps its format.  Lines are translated to upper case
 * unless CASE M was asked for (VM/370's default for most file types). */
#include "cms-guest/core/cmdtab.h"
#include "cms-guest/cmd/edit.h"

#define EDIT_NEW_LRECL  80

static int load(struct edit *e, const struct cms_fid *f)
{
    struct cms_hit hit;
    char **lines;
    u32 count;
    int rc;

    if (cms_find(f, &hit) != RC_OK) {
        e->recfm = CMS_RECFM_F;
        e->lrecl = EDIT_NEW_LRECL;
        cms_type("NEW FILE:");
        return RC_OK;
    }
    if (hit.info.lrecl > CMS_LINE_MAX - 1) {    /* FILE would lose the rest of each record */
        cms_msg("DMSEDI039E", "RECORDS OF %u BYTES ARE TOO LONG TO EDIT; THE LIMIT IS %u",
                hit.info.lrecl, CMS_LINE_MAX - 1);
        return RC_PARM;
    }
    e->recfm = hit.info.recfm;
    e->lrecl = hit.info.recfm == CMS_RECFM_F ? hit.info.lrecl : CMS_LINE_MAX - 1;
    rc = cms_read_lines(&hit, &lines, &count, CMS_LINE_MAX - 1);
    if (rc != CMS_OK) {
        char what[32];
        cms_hit_text(&hit, what, sizeof what);
        return cms_fs_error("EDI", rc, what);
    }
    for (u32 i = 0; i < count; i++)
        if (!edit_insert(e, i, lines[i])) {
            cms_free_lines(lines, count);
            return cms_fs_error("EDI", CMS_ENOMEM, "");
        }
    cms_free_lines(lines, count);
    e->changed = false;
    return RC_OK;
}

int cmd_edit(struct cms_plist *p)
{
    struct edit e;
    struct cms_fid f;
    char line[CMS_LINE_MAX];
    bool display;
    int rc;

    if (p->optc)
        return cms_bad_option("EDI", p->optv[0]);
    if (p->argc > 4)
        return cms_bad_operand("EDI", p->argv[4]);
    if ((rc = cms_fid_parse(&f, p->argv + 1, p->argc - 1, "A", 0, "EDI")) != RC_OK)
        return rc;
    cms_memset(&e, 0, sizeof e);
    cms_strlcpy(e.fn, f.fn, sizeof e.fn);
    cms_strlcpy(e.ft, f.ft, sizeof e.ft);
    cms_fid_mode(&f, f.fm[0], e.fm);
    e.verify = e.upper = true;
    /* display mode on a 3270, unless an EXEC drives EDIT with its stack */
    display = cms_set.exec_depth == 0 && cms_stack_count() == 0;
    if (display)
        edit_display_prepare();
    rc = load(&e, &f);
    if (rc != RC_OK) {
        if (display)
            edit_display_cancel();
        edit_free(&e);
        return rc;
    }
    cms_type("EDIT:");
    if (display && edit_display(&e)) {
        edit_free(&e);
        return e.rc;
    }
    while (!e.done) {
        if (cms_read(line, sizeof line) < 0)
            break;                      /* no more input: as QUIT */
        if (e.input)
            edit_input_line(&e, line);
        else
            edit_subcommand(&e, line);
    }
    edit_free(&e);
    return e.rc;
}
