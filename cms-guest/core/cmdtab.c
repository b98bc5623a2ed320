/* cmdtab.c - the table of CMS commands, in alphabetical order. */
#include "cms-guest/core/cmdtab.h"

const struct cms_command cms_commands[] = {
    { "ACCESS",   3, cmd_access,   "make a disk's files available under a mode letter" },
    { "COPYFILE", 4, cmd_copyfile, "copy files, changing their names or format" },
    { "CP",       2, cmd_cp,       "pass a command to CP" },
    { "DISK",     4, cmd_disk,     "DISK DUMP a file to the punch, DISK LOAD it from the reader" },
    { "EDIT",     1, cmd_edit,     "edit a file line by line" },
    { "ERASE",    2, cmd_erase,    "erase files" },
    { "EXEC",     2, cmd_exec,     "run an EXEC file" },
    { "FORMAT",   6, cmd_format,   "make a disk an empty CMS disk" },
    { "LISTFILE", 1, cmd_listfile, "list files" },
    { "PRINT",    2, cmd_print,    "print a file on the virtual printer" },
    { "PUNCH",    2, cmd_punch,    "punch a file on the virtual punch" },
    { "QUERY",    1, cmd_query,    "show CMS settings and disks" },
    { "READCARD", 4, cmd_readcard, "read a reader file onto a disk" },
    { "RELEASE",  3, cmd_release,  "give up an accessed disk" },
    { "RENAME",   3, cmd_rename,   "rename files" },
    { "SET",      3, cmd_set,      "change CMS settings" },
    { "STATE",    5, cmd_state,    "tell whether a file exists" },
    { "TYPE",     1, cmd_type,     "type a file on the terminal" },
};

const unsigned cms_commands_count = ARRAY_SIZE(cms_commands);

const struct cms_command *cms_command_find(const char *word)
{
    size_t n = cms_strlen(word);

    for (unsigned i = 0; i < cms_commands_count; i++) {
        const struct cms_command *c = &cms_commands[i];
        if (!cms_strcmp(word, c->name))
            return c;
        if (cms_set.abbrev && n >= c->minlen && n < cms_strlen(c->name) &&
            !cms_strncmp(word, c->name, n))
            return c;
    }
    return NULL;
}
