/* execenv.c - running EXEC files: the interpreter (cms-guest/exec) gets
 * CMS as its environment.  Its commands are CMS command lines, its
 * terminal is the console, &STACK fills the console stack that later
 * reads (of the EXEC, of a command such as EDIT, or of CMS itself) take
 * first, and &GLOBAL0-9 are kept for the whole session. */
#include "cms-guest/core/cms.h"
#include "cms-guest/exec/exec.h"

static int globals[EXEC_GLOBALS] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

static int env_command(void *ctx, const char *line)
{
    return cms_command(line);
}

static void env_type(void *ctx, const char *line)
{
    cms_type(line);
}

static int env_read(void *ctx, char *buf, size_t size)
{
    return cms_read(buf, size);
}

static void env_stack(void *ctx, const char *line, int fifo)
{
    if (!cms_stack_push(line, fifo != 0))
        cms_msg("DMSEXC210W", "CONSOLE STACK FULL (%d LINES); LINE NOT STACKED", CMS_STACK_LINES);
}

static int env_clock(void *ctx, char *hhmmss, size_t size)
{
    struct sys_clock c;

    sys_clock(&c);
    cms_strlcpy(hhmmss, c.time, size);
    return 0;
}

static int env_stacked(void *ctx)
{
    return cms_stack_count();
}

static void env_msg(void *ctx, int on)
{
    cms_set.nomsg = !on;
}

static int run(const char *fn, char **lines, u32 count, const char *args)
{
    struct exec_env env = {
        .command = env_command, .type = env_type, .read = env_read, .stack = env_stack,
        .name = fn, .clock = env_clock, .stacked = env_stacked, .msg = env_msg,
        .globals = globals, .level = (unsigned)cms_set.exec_depth,
    };
    struct exec_limits lim = { 0 };
    bool nomsg = cms_set.nomsg;
    int exit_rc = 0, rc;

    rc = exec_run(&env, (const char *const *)lines, count, args, &lim, &exit_rc);
    cms_set.nomsg = nomsg;              /* &CONTROL NOMSG ends with the EXEC */
    return rc == EXEC_EPARM ? RC_OK : exit_rc;
}

int cms_exec(const char *fn, const char *args)
{
    struct cms_fid f;
    struct cms_hit hit;
    char **lines, upper[CMS_LINE_MAX];
    u32 count;
    int rc;

    if (cms_strlen(fn) > 8) {
        cms_msg("DMSEXC062E", "INVALID EXEC NAME '%s'", fn);
        return RC_BADCHAR;
    }
    cms_strlcpy(f.fn, fn, sizeof f.fn);
    cms_strlcpy(f.ft, "EXEC", sizeof f.ft);
    cms_strlcpy(f.fm, "*", sizeof f.fm);
    if (cms_find(&f, &hit) != RC_OK) {
        cms_msg_notfound("DMSEXC002E", "FILE '%s EXEC' NOT FOUND", fn);
        return RC_NOTFOUND;
    }
    if (cms_set.exec_depth >= CMS_EXEC_DEPTH) {
        cms_msg("DMSEXC211E", "EXEC %s NOT RUN: EXECS ARE NESTED %d DEEP ALREADY", fn,
                CMS_EXEC_DEPTH);
        return RC_PARM;
    }
    rc = cms_read_lines(&hit, &lines, &count, EXEC_LINE_MAX);
    if (rc != CMS_OK) {
        char what[32];
        cms_hit_text(&hit, what, sizeof what);
        return cms_fs_error("EXC", rc, what);
    }
    /* arguments in upper case, as CMS's tokenized parameter list has them */
    cms_strlcpy(upper, args, sizeof upper);
    for (char *s = upper; *s; s++)
        *s = (char)cms_toupper((unsigned char)*s);
    cms_set.exec_depth++;
    rc = run(fn, lines, count, upper);
    cms_set.exec_depth--;
    cms_free_lines(lines, count);
    return rc;
}
