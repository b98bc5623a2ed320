/* cmdtab.c - the CP command table and the command dispatcher.
 *
 * One row per command: name, minimum abbreviation (VM/370's), privilege
 * classes, handler.  Rows are in the order lookups should try them, so a
 * shorter abbreviation shared by two commands resolves to the first. */
#include "cp/cmd/cmd.h"
#include "cp/vm/user.h"
#include "cp/lib/string.h"

#define A CLASS_BIT('A')
#define B CLASS_BIT('B')
#define C CLASS_BIT('C')
#define D CLASS_BIT('D')
#define E CLASS_BIT('E')
#define G CLASS_BIT('G')

#define AB (A | B)

const struct cp_command cp_commands[] = {
    { "QUERY",    1, CLASS_ANY, cmd_query,      "display system and user information" },
    { "MESSAGE",  1, CLASS_ANY, cmd_message,    "send a line to a user or the operator" },
    { "MSG",      3, CLASS_ANY, cmd_message,    "same as MESSAGE" },
    { "SMSG",     2, G,         cmd_smsg,       "send a line to another virtual machine's program (VMCF)" },
    { "LOGOFF",   3, CLASS_ANY, cmd_logoff,     "end your session and your virtual machine" },
    { "LOGOUT",   6, CLASS_ANY, cmd_logoff,     "same as LOGOFF" },
    { "DISCONNECT", 4, CLASS_ANY, cmd_disconnect, "leave your virtual machine running without a terminal" },
    { "SET",      3, CLASS_ANY, cmd_set,        "change your settings (MSG, WNG, IMSG, EMSG, SMSG, RUN, PFnn)" },
    { "TERMINAL", 4, CLASS_ANY, cmd_terminal,   "line editing characters, MODE VM|CP, MORE seconds" },
    { "WARNING",  1, AB,        cmd_warning,    "send a warning to a user or to all" },
    { "FORCE",    5, A,         cmd_force,      "log a user off" },
    { "AUTOLOG",  4, AB,        cmd_autolog,    "log a user on without a terminal" },
    { "LINK",     4, G,         cmd_link,       "link to another user's minidisk" },
    { "DETACH",   3, G,         cmd_detach,     "remove a virtual device" },
    { "DISPLAY",  1, G,         cmd_display,    "display registers, PSW or storage" },
    { "BEGIN",    1, G,         cmd_begin,      "resume the virtual machine" },
    { "ADSTOP",   3, G,         cmd_adstop,     "stop the virtual machine at an instruction address" },
    { "TRACE",    2, G,         cmd_trace,      "trace the virtual machine's interruptions and simulated instructions" },
    { "DUMP",     2, G,         cmd_dump,       "print the virtual machine's registers and storage" },
    { "DCP",      3, C | E,     cmd_dcp,        "display CP's real storage" },
    { "STCP",     4, C,         cmd_stcp,       "store into CP's real storage" },
    { "VMDUMP",   3, G,         cmd_vmdump,     "dump the whole virtual machine into a reader file" },
    { "IPL",      1, G,         cmd_ipl,        "load and start a system in the virtual machine" },
    { "STORE",    2, G,         cmd_store,      "change registers, PSW or storage" },
    { "SYSTEM",   3, G,         cmd_system,     "reset, clear or restart the virtual machine" },
    { "EXTERNAL", 3, G,         cmd_external,   "external interruption (interrupt key)" },
    { "DEFINE",   3, G,         cmd_define,     "change the virtual machine's configuration" },
    { "SHUTDOWN", 8, A,         cmd_shutdown,   "stop the system" },
    { "ABEND",    5, A,         cmd_abend_test, "deliberately stop CP with an abend (test)" },
    { "INDICATE", 3, CLASS_ANY, cmd_indicate,   "show the use of real storage and paging" },
    { "SAVESYS",  4, E,         cmd_savesys,    "save the virtual machine as a named system" },
    { "SPOOL",    2, G | D,     cmd_spool,      "set the options of a virtual reader, printer or punch" },
    { "CLOSE",    2, G | D,     cmd_close,      "close the spool file of a virtual reader, printer or punch" },
    { "PURGE",    2, G | D,     cmd_purge,      "purge spool files" },
    { "TRANSFER", 4, G | D,     cmd_transfer,   "move spool files to another user's queue" },
    { "ORDER",    3, G | D,     cmd_order,      "put spool files first in their queue" },
    { "CHANGE",   2, G | D,     cmd_change,     "change the attributes of spool files" },
    { "START",    3, A | D,     cmd_start,      "start a real printer, punch or reader; START SPOOL COLD" },
    { "DRAIN",    3, A | D,     cmd_drain,      "stop a real printer, punch or reader after its file" },
};

const unsigned cp_commands_count = ARRAY_SIZE(cp_commands);

static const struct cp_command *lookup(const char *word)
{
    for (unsigned i = 0; i < cp_commands_count; i++)
        if (cmd_abbrev(word, cp_commands[i].name, cp_commands[i].minlen))
            return &cp_commands[i];
    return NULL;
}

int cmd_interpret(struct cmdctx *ctx, const char *line)
{
    char words[CMD_MAXLINE * 2 + 4];
    const struct cp_command *c;

    cmd_split(ctx, line, words, sizeof words);
    if (ctx->argc == 0)
        return RC_OK;
    c = lookup(ctx->argv[0]);
    if (!c) {
        cmd_printf(ctx, "CPX001E Unknown CP command: %.40s", ctx->raw[0]);
        return RC_UNKNOWN;
    }
    if (!(ctx->user->classes & c->classes)) {
        cmd_printf(ctx, "CPX002E %s is not authorized for your privilege class", c->name);
        return RC_CLASS;
    }
    return c->fn(ctx);
}
