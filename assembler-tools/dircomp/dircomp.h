/* dircomp.h - the directory compiler: USER DIRECT source to the binary
 * directory image of cp/dir/dirfmt.h.
 *
 * The flex scanner (lexer.l) cuts lines into words and makes the first
 * word of a line a statement keyword; the bison grammar (parser.y) knows
 * which operands each statement has and hands them, with their line and
 * column, to the statement functions (statements.c), which check every
 * operand (operands.c) and build the in-memory directory below.  Checks
 * that need the whole directory (check.c) run after the parse; emit.c
 * writes the image.  Every error names file, line and column; a source
 * with errors produces no image. */
#ifndef DIRCOMP_H
#define DIRCOMP_H

#include "arch370/types.h"
#include "cp/dir/dirfmt.h"
#include <stdio.h>

struct dc_loc {
    int line, col;
};

/* one blank-delimited word of the source, as typed */
struct dc_word {
    const char *text;           /* NULL: a required operand is missing ... */
    struct dc_loc loc;
    const char *missing;        /* ... and this is what was expected */
};

/* the optional operands at the end of a statement */
struct dc_words {
    unsigned n;
    struct dc_word *w;
};

struct dc_spool {
    u16 cuu, devtype;
    u8 kind;                    /* DIR_SPOOL_* */
    char spool_class;
    int line;
};

struct dc_link {
    char userid[9];
    u16 target, cuu;
    char mode[3];
    struct dc_loc user_loc, target_loc;
};

struct dc_mdisk {
    u16 cuu, devtype;
    unsigned start, cyls;
    char volser[7];
    char mode[3];
    unsigned npw;               /* passwords given: read, write, multiple */
    char pw[3][9];
    struct dc_loc start_loc;
    int line;
};

struct dc_user {
    char userid[9];
    char password[9];           /* upper case; empty for NOLOG */
    bool nolog;
    u32 storage, maxstorage, classes, options, cpuid;
    u16 affinity;
    char account[9], distcode[9];
    u8 ipl_kind;
    u16 ipl_cuu;
    char ipl_name[9];
    char ipl_parm[DIR_PARM_SIZE + 1];
    u16 cons_cuu, cons_type;    /* cons_type 0: no CONSOLE */
    char cons_class;
    int account_line, option_line, ipl_line, console_line;
    unsigned nspool, nlink, nmdisk;
    struct dc_spool *spool;
    struct dc_link *links;
    struct dc_mdisk *mdisks;
    struct dc_loc id_loc;
    int line;
};

struct dc_string;

struct dc_compile {
    const char *file;           /* the name messages use */
    FILE *diag;                 /* where messages go */
    int errors;
    int reported_line;          /* one parse error per line is enough */
    int line, col;              /* scanner position */
    bool line_has_words;
    struct dc_word look;        /* the word the scanner returned last */
    int statements;             /* statements so far (DIRECTORY must be first) */
    bool have_directory;
    bool seen_user;             /* a USER statement began an entry */
    bool user_ok;               /* ... and it was right: users[nusers - 1] */
    struct dc_user scratch;     /* the entry of a wrong USER statement */
    u16 res_cuu, res_type;
    char res_volser[7];
    struct dc_user *users;
    unsigned nusers, cap_users;
    struct dc_string *strings;  /* every word's text, freed at the end */
};

/* ---- compile.c: the driver ------------------------------------------ */
void dc_init(struct dc_compile *dc, const char *file, FILE *diag);
void dc_free(struct dc_compile *dc);
/* parse and check a source; returns the number of errors */
int dc_compile(struct dc_compile *dc, FILE *in);
/* compile src into out: the image is written to a temporary file that is
 * renamed to out only when there was no error.  Returns 0, 1 (errors in
 * the source) or 2 (a file could not be read or written). */
int dc_compile_file(const char *src, const char *out, FILE *diag);

/* messages: "file:line:col: text" */
void dc_error(struct dc_compile *dc, struct dc_loc at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* a parse error: only the first one of a line is reported */
void dc_parse_error(struct dc_compile *dc, struct dc_loc at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
const char *dc_keep(struct dc_compile *dc, const char *text, size_t n);
/* how a message names a word: "ABC" in quotes, or end of line */
const char *dc_found(const struct dc_word *w);

/* ---- statements.c: one function per statement (parser actions) ----- */
void dc_missing(struct dc_compile *dc, struct dc_word *out, const char *what);
void dc_unparsed(struct dc_compile *dc, const struct dc_word *eol);
void dc_stmt_directory(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *cuu,
                       const struct dc_word *type, const struct dc_word *volser);
void dc_stmt_user(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *id,
                  const struct dc_word *pw, const struct dc_words *tail);
void dc_stmt_account(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *number,
                     const struct dc_words *tail);
void dc_stmt_option(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *first,
                    const struct dc_words *tail);
void dc_stmt_ipl(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *target,
                 const struct dc_words *tail);
void dc_stmt_console(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *cuu,
                     const struct dc_word *type, const struct dc_words *tail);
void dc_stmt_spool(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *cuu,
                   const struct dc_word *type, const struct dc_words *tail);
void dc_stmt_link(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *userid,
                  const struct dc_word *target, const struct dc_word *cuu, const struct dc_words *tail);
void dc_stmt_mdisk(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *const op[5],
                   const struct dc_words *tail);
void dc_stmt_unsupported(struct dc_compile *dc, const struct dc_word *kw, const struct dc_words *tail);
void dc_stmt_unknown(struct dc_compile *dc, const struct dc_word *kw, const struct dc_words *tail);
void dc_words_add(struct dc_compile *dc, struct dc_words *list, const struct dc_word *w);

/* ---- operands.c: one checker per kind of operand -------------------- */
/* each returns false after reporting what was expected */
bool dc_absent(struct dc_compile *dc, const struct dc_word *w);    /* missing: reported */
bool dc_userid(struct dc_compile *dc, const struct dc_word *w, char out[9]);
bool dc_password(struct dc_compile *dc, const struct dc_word *w, const char *what, char out[9]);
bool dc_name(struct dc_compile *dc, const struct dc_word *w, const char *what, char out[9]);
bool dc_storage(struct dc_compile *dc, const struct dc_word *w, u32 *bytes);
bool dc_classes(struct dc_compile *dc, const struct dc_word *w, u32 *mask);
bool dc_cuu(struct dc_compile *dc, const struct dc_word *w, u16 *cuu);
bool dc_decimal(struct dc_compile *dc, const struct dc_word *w, const char *what,
                unsigned min, unsigned max, unsigned *out);
bool dc_volser(struct dc_compile *dc, const struct dc_word *w, char out[7]);
bool dc_mode(struct dc_compile *dc, const struct dc_word *w, char out[3]);
bool dc_spool_class(struct dc_compile *dc, const struct dc_word *w, char *out);
bool dc_is_cuu(const char *text);
bool dc_printable(const char *text);       /* printable ASCII, no blanks */

/* device classes a statement accepts */
enum dc_devclass { DC_CONSOLE, DC_SPOOL, DC_DASD };
struct dc_devtype {
    u16 type;                   /* 0x3350 */
    enum dc_devclass cls;
    u8 kinds;                   /* spool: bit (1 << DIR_SPOOL_*) it can be */
    u16 cylinders;              /* DASD: cylinders of a volume */
};
const struct dc_devtype *dc_devtype(struct dc_compile *dc, const struct dc_word *w,
                                    enum dc_devclass cls);
const char *dc_spool_kind_name(u8 kind);
/* is word an abbreviation (at least minlen characters) of name? */
bool dc_abbrev(const char *word, const char *name, unsigned minlen);

/* ---- check.c and emit.c --------------------------------------------- */
/* the rules that need the whole directory; returns errors found */
int dc_check(struct dc_compile *dc);
/* build the image (malloc'ed); returns 0, or -1 after reporting */
int dc_emit(struct dc_compile *dc, u8 **image, size_t *len);

#endif
