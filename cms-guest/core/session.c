/* session.c - the life of CMS in a virtual machine: IPL, the command
 * loop with its ready message, and recovery after an abend. */
#include "cms-guest/core/cms.h"
#include "cms-guest/core/disks.h"

#define CMS_VERSION "1.0"

struct cms_settings cms_set;

static void settings_default(void)
{
    cms_memset(&cms_set, 0, sizeof cms_set);
    cms_set.impcp = true;
    cms_set.impex = true;
    cms_set.abbrev = true;
}

/* 190 is the system disk (S, read-only), 191 the user's own (A) */
static void access_standard_disks(void)
{
    int acc = cms_disk_access(0x190, 'S', true);

    if (acc != ACC_OK && acc != ACC_NODEV)
        cms_access_msg(acc, 0x190, 'S');
    acc = cms_disk_access(0x191, 'A', false);
    if (acc != ACC_OK)
        cms_access_msg(acc, 0x191, 'A');
    else if (cms_disk_by_mode('A')->rdonly)
        cms_msg("DMSACC723I", "A (191) R/O");
}

static bool profile_exists(void)
{
    struct cms_fid f = { "PROFILE", "EXEC", "*" };
    struct cms_hit hit;

    return cms_find(&f, &hit) == RC_OK;
}

void cms_ipl(const struct cms_ipl_options *o)
{
    struct sys_clock c;

    settings_default();
    cms_stack_clear();
    for (int i = 0; i < 26; i++)
        cms_disks[i].mode = 0;
    sys_clock(&c);
    cms_typef("CP370 CMS VERSION %s - %s %.5s", CMS_VERSION, c.date, c.time);
    access_standard_disks();
    /* ready after IPL, with PROFILE EXEC's return code when it ran */
    cms_ready(!o->noprof && profile_exists() ? cms_exec("PROFILE", "") : 0, &c);
}

void cms_loop(void)
{
    char line[CMS_LINE_MAX];
    struct sys_clock start;

    for (;;) {
        const char *s = line;
        int rc;

        if (cms_read(line, sizeof line) < 0)
            return;
        while (*s == ' ')
            s++;
        if (!*s)
            continue;
        sys_clock(&start);
        rc = cms_command(line);
        cms_ready(rc, &start);
    }
}

void cms_recover(void)
{
    cms_storage_reset();
    cms_stack_clear();
    cms_set.exec_depth = 0;
    cms_set.nomsg = false;
    cms_disk_remount_all();
}
