/* dispatch.c - what CMS does with a command line.
 *
 * As VM/370 CMS: a word that names an EXEC file runs the EXEC (SET IMPEX
 * ON), else a CMS command of that name or abbreviation runs, else the line
 * goes to CP (SET IMPCP ON); only when CP does not know it either is it
 * an unknown command, R(-0003). */
#include "cms-guest/core/cms.h"
#include "cms-guest/core/cmdtab.h"

#define CP_RESPONSE_MAX 8192

static char cp_response[CP_RESPONSE_MAX];

/* the command as CP is given it: blanks around it dropped */
static size_t cp_text(const char *cmd, char *out, size_t size)
{
    size_t n;

    while (*cmd == ' ')
        cmd++;
    n = cms_strlcpy(out, cmd, size);
    if (n >= size)
        return n;
    while (n > 0 && out[n - 1] == ' ')
        out[--n] = 0;
    return n;
}

static void type_response(const char *resp, size_t lost)
{
    char line[CMS_LINE_MAX];

    while (*resp) {
        const char *nl = cms_strchr(resp, '\n');
        size_t n = nl ? (size_t)(nl - resp) : cms_strlen(resp);
        if (n >= sizeof line)
            n = sizeof line - 1;
        cms_memcpy(line, resp, n);
        line[n] = 0;
        cms_type(line);
        resp = nl ? nl + 1 : resp + n;
    }
    if (lost)
        cms_msg("DMSCPF200W", "%u BYTES OF CP'S RESPONSE DID NOT FIT AND ARE NOT SHOWN",
                (unsigned)lost);
}

/* implied: CP's "unknown command" becomes CMS's own message */
static int pass_to_cp(const char *cmd, bool implied)
{
    char text[CMS_LINE_MAX];
    size_t lost = 0;
    int rc;

    if (cp_text(cmd, text, sizeof text) > 132) {
        cms_msg("DMSCPF201E", "CP COMMAND LONGER THAN 132 CHARACTERS");
        return RC_PARM;
    }
    rc = sys_cp(text, cp_response, sizeof cp_response, &lost);
    if (implied && rc == 1) {
        cms_msg("DMSINT015E", "UNKNOWN CP/CMS COMMAND");
        return RC_UNKNOWN;
    }
    type_response(cp_response, lost);
    return rc;
}

int cms_cp(const char *cmd)
{
    char text[CMS_LINE_MAX];

    if (cp_text(cmd, text, sizeof text) == 0)
        return sys_cp("", NULL, 0, NULL);       /* CP READ until BEGIN */
    return pass_to_cp(cmd, false);
}

/* does the first word name an EXEC file on an accessed disk */
static bool exec_exists(const char *name)
{
    struct cms_fid f;
    struct cms_hit hit;

    if (cms_strlen(name) > 8 || cms_strchr(name, '*') || cms_strchr(name, '%'))
        return false;
    cms_strlcpy(f.fn, name, sizeof f.fn);
    cms_strlcpy(f.ft, "EXEC", sizeof f.ft);
    cms_strlcpy(f.fm, "*", sizeof f.fm);
    return cms_find(&f, &hit) == RC_OK;
}

int cms_command(const char *line)
{
    struct cms_plist p;
    const struct cms_command *c;

    cms_plist_make(&p, line);
    if (p.argc == 0 && p.optc == 0)
        return RC_OK;
    if (p.toomany) {
        cms_msg("DMSINT016E", "MORE THAN %d WORDS IN THE COMMAND LINE", CMS_WORDS_MAX);
        return RC_PARM;
    }
    if (p.argc == 0) {
        cms_msg("DMSINT015E", "UNKNOWN CP/CMS COMMAND");
        return RC_UNKNOWN;
    }
    if (cms_set.impex && exec_exists(p.argv[0]))
        return cms_exec(p.argv[0], p.rest);
    if ((c = cms_command_find(p.argv[0])) != NULL)
        return c->fn(&p);
    if (cms_set.impcp)
        return pass_to_cp(line, true);
    cms_msg("DMSINT015E", "UNKNOWN CP/CMS COMMAND");
    return RC_UNKNOWN;
}

/* "Ready;" or "Ready(nnnnn);" with the virtual and total CPU seconds the
 * command took and the time of day, as Release 6 CMS says it (SET RDYMSG
 * LMSG); SET RDYMSG SMSG leaves the times off */
void cms_ready(int rc, const struct sys_clock *start)
{
    struct sys_clock now;
    char code[24] = "Ready;";
    u64 virt, total;

    if (rc > 0)
        cms_snprintf(code, sizeof code, "Ready(%05d);", rc > 99999 ? 99999 : rc);
    else if (rc < 0)
        cms_snprintf(code, sizeof code, "Ready(-%04d);", rc < -9999 ? 9999 : -rc);
    if (cms_set.rdymsg_short) {
        cms_type(code);
        return;
    }
    sys_clock(&now);
    virt = (now.virt_us - start->virt_us + 5000) / 10000;   /* hundredths */
    total = (now.total_us - start->total_us + 5000) / 10000;
    cms_typef("%s T=%u.%02u/%u.%02u %s", code, (unsigned)(virt / 100), (unsigned)(virt % 100),
              (unsigned)(total / 100), (unsigned)(total % 100), now.time);
}
