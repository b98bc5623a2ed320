/* cms.h - the CMS nucleus: its state and the services commands use.
 *
 * The core (cms-guest/core/) and the commands (cms-guest/cmd/) are
 * portable C: they reach the machine only through sys.h, so the same code
 * runs in the guest and in the host unit tests.  State that must outlive
 * an abend (the disks accessed, the settings, the console stack) is kept
 * in static storage; everything else comes from the heap, which abend
 * recovery simply starts afresh (cms_recover()). */
#ifndef CMS_CORE_CMS_H
#define CMS_CORE_CMS_H

#include "arch370/types.h"
#include "cms-guest/fs/cmsfs.h"
#include "cms-guest/lib/cmslib.h"
#include "cms-guest/core/sys.h"

#define CMS_LINE_MAX    256     /* longest command line */
#define CMS_WORDS_MAX   40      /* words of a command line */
#define CMS_EXEC_DEPTH  8       /* EXECs calling EXECs */

/* ---- return codes (VM/370 CMS conventions) ------------------------------------ */
#define RC_OK           0
#define RC_WARN         4
#define RC_NOFILES      8       /* nothing to do: empty reader, no file matched */
#define RC_RDONLY       36      /* disk is read-only */
#define RC_DISKFULL     13
#define RC_BADCHAR      20      /* invalid character in a file id */
#define RC_PARM         24      /* missing or invalid operand or option */
#define RC_NOTFOUND     28      /* file not found */
#define RC_EXISTS       28      /* target file exists (VM/370 uses 28 too) */
#define RC_DISK         36      /* disk not accessed */
#define RC_NOMEM        104     /* storage exhausted */
#define RC_IO           100     /* device or I/O error */
#define RC_UNKNOWN      (-3)    /* neither CMS nor CP knows the command */

/* ---- the command line ------------------------------------------------------------ */
struct cms_plist {
    int argc;                   /* words before the options, argv[0] = command */
    char *argv[CMS_WORDS_MAX];  /* upper case */
    int optc;                   /* words after "(" ; ")" is dropped */
    char *optv[CMS_WORDS_MAX];
    const char *line;           /* the line as typed */
    const char *rest;           /* the line after the command word, as typed */
    bool toomany;               /* more than CMS_WORDS_MAX words: some were dropped */
    char buf[CMS_LINE_MAX + CMS_WORDS_MAX * 2];
};

/* cut a line into words (parentheses are words of their own) */
void cms_plist_make(struct cms_plist *p, const char *line);

/* ---- disks ----------------------------------------------------------------------- */
struct cms_disk {
    char mode;                  /* 'A'..'Z'; 0: this slot is not accessed */
    u16 cuu;
    bool rdonly;
    struct cms_fs *fs;          /* NULL after an abend until remounted */
    struct cms_blkdev dev;
};

extern struct cms_disk cms_disks[26];           /* by mode letter */

struct cms_disk *cms_disk_by_mode(char mode);   /* NULL if not accessed */
struct cms_disk *cms_disk_by_cuu(u16 cuu);
const char *cms_disk_label(const struct cms_disk *d, char out[7]);
/* accessing and releasing: cms-guest/core/disks.h */

/* ---- files ------------------------------------------------------------------------
 * A file id as typed: fn ft fm, where fn and ft may contain * (any
 * characters) and % (one), and fm is a letter, a letter and a digit, or *. */
struct cms_fid {
    char fn[9], ft[9], fm[3];
};

/* A file found on a disk. */
struct cms_hit {
    struct cms_disk *disk;
    struct cms_fileinfo info;
};

#define FID_PATTERN     1u      /* * and % allowed, and * as the mode */
#define FID_EQUAL       2u      /* = allowed: "the same as the source" */
/* Take a file id from words w[0..n) (fm is w[2] if n >= 3, else dflt).
 * Types message DMS<mod>054E/062E/048E and returns RC_* when the id is
 * incomplete or not valid. */
int cms_fid_parse(struct cms_fid *f, char *const *w, int n, const char *dflt, unsigned flags,
                  const char *mod);
/* the mode a new file gets on disk mode: the digit typed in f, else 1 */
void cms_fid_mode(const struct cms_fid *f, char mode, char out[3]);
bool cms_fid_has_pattern(const struct cms_fid *f);
/* does a name (ASCII, no blanks) match a pattern */
bool cms_name_match(const char *pattern, const char *name);

/* The files matching f on the disks its mode names, in search order:
 * start with *cursor = 0 and *disk = 0.  0 and *hit, or CMS_EOF. */
int cms_find_next(const struct cms_fid *f, int *disk, u32 *cursor, struct cms_hit *hit);
/* the first match, or RC_NOTFOUND / RC_DISK (no disk of that mode) */
int cms_find(const struct cms_fid *f, struct cms_hit *hit);
/* Every file matching f, in search order, in one heap block (NULL if
 * none): for commands that change the directories they walk. */
int cms_collect(const struct cms_fid *f, struct cms_hit **hits, u32 *count);
/* "DMS" + a module's three letters + "nnns" */
char *cms_msgid(char id[12], const char *mod, const char *tail);
/* "FN FT FM" of a hit, for messages */
void cms_hit_text(const struct cms_hit *h, char *buf, size_t size);
/* the disk a new file goes to: mode letter of f, which must be R/W */
int cms_target_disk(const struct cms_fid *f, struct cms_disk **out, const char *mod);

/* Read a whole file into lines of ASCII text (trailing blanks removed).
 * *lines is one heap block; free it with cms_free_lines. */
int cms_read_lines(const struct cms_hit *h, char ***lines, u32 *count, u32 maxlen);
void cms_free_lines(char **lines, u32 count);

/* ---- records and unit-record devices (cms-guest/core/records.c) ---------------- */
#define CMS_READER      0x00C
#define CMS_PUNCH       0x00D
#define CMS_PRINTER     0x00E
/* fn(ctx, record, length) for every record of a file until fn returns
 * non-zero (that is returned); records are cut to LRECL bytes */
int cms_each_record(const struct cms_hit *h, int (*fn)(void *ctx, const u8 *rec, u32 len),
                    void *ctx);
/* CP CLOSE of the punch or printer (CP's message is shown) */
void cms_ur_close(u16 cuu);
/* the message for a failed sys_ur_write / sys_rdr_read; returns RC_IO */
int cms_ur_error(const char *mod, int sysrc, u16 cuu);

/* ---- operands (cms-guest/core/options.c) ------------------------------------------ */
/* w is option name, abbreviated to no fewer than min characters */
bool cms_opt_is(const char *w, const char *name, size_t min);
/* DMS<mod>003E / 070E / 054E; each returns RC_PARM */
int cms_bad_option(const char *mod, const char *w);
int cms_bad_operand(const char *mod, const char *w);
int cms_missing_operand(const char *mod, const char *what);
bool cms_parse_u32(const char *w, u32 *out);     /* decimal */
bool cms_parse_cuu(const char *w, u16 *cuu);     /* 1-4 hex digits */
bool cms_parse_mode(const char *w, char *mode);  /* one letter A-Z */
/* a record as text: EBCDIC to ASCII, trailing blanks dropped; dst has len + 1 */
size_t cms_record_text(char *dst, const u8 *rec, size_t len);

/* ---- writing files (cms-guest/core/fileout.c) ------------------------------------- */
struct cms_out {
    struct cms_writer *w;
    u8 recfm;
    u32 lrecl;
    u8 *buf;
};
/* A new file fn ft fm on disk d (replacing one of that name when closed),
 * or, if append and the file exists, records added to it in its format.
 * Returns 0 or a CMS_E* code. */
int cms_out_open(struct cms_out *o, struct cms_disk *d, const char *fn, const char *ft,
                 const char *fm, u8 recfm, u32 lrecl, bool append);
/* a line of ASCII text as a record; *cut set if it was longer than LRECL */
int cms_out_text(struct cms_out *o, const char *text, bool *cut);
int cms_out_record(struct cms_out *o, const u8 *rec, u32 len);
int cms_out_close(struct cms_out *o);           /* commit */
void cms_out_abandon(struct cms_out *o);

/* ---- console ----------------------------------------------------------------------- */
void cms_type(const char *line);
/* lines CMS writes go to sink instead of the terminal (NULL: back to it) */
void cms_set_line_sink(void (*sink)(const char *line));
void cms_typef(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* a DMS message: id "DMSxxxnnns" and text; EMSG decides what is shown */
void cms_msg(const char *id, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* the same, left out while an EXEC has asked for &CONTROL NOMSG */
void cms_msg_notfound(const char *id, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Read the next input line: from the console stack if it holds one,
 * else from the terminal.  Returns its length or -1 (no more input). */
int cms_read(char *buf, size_t size);

#define CMS_STACK_LINES 256
/* the console stack (LIFO puts a line first, FIFO last) */
bool cms_stack_push(const char *line, bool fifo);
int cms_stack_count(void);
void cms_stack_clear(void);

/* ---- commands ------------------------------------------------------------------- */
/* Run one command line as CMS does: an EXEC of that name, a CMS command,
 * else CP.  Returns the command's return code. */
int cms_command(const char *line);
/* run fn EXEC with the argument text */
int cms_exec(const char *fn, const char *args);
/* pass a command to CP, showing the response; rc as CP gives it */
int cms_cp(const char *cmd);

struct cms_settings {
    bool rdymsg_short;          /* SET RDYMSG SMSG: "Ready;" without times */
    bool impcp;                 /* unknown commands go to CP */
    bool impex;                 /* a command that names an EXEC runs it */
    bool abbrev;                /* commands may be abbreviated */
    bool nomsg;                 /* an EXEC said &CONTROL NOMSG */
    int exec_depth;             /* EXECs running now */
};
extern struct cms_settings cms_set;

/* ---- storage ------------------------------------------------------------------- */
void *cms_alloc(size_t n);
void cms_release(void *p);
/* give the heap its region */
void cms_storage_init(void *region, size_t size);
/* every block is free again (abend recovery) */
void cms_storage_reset(void);
void cms_storage_stats(struct cms_heap_stats *st);
extern const struct cms_env cms_fsenv;          /* cms_alloc and the clock, for cms-guest/fs */

/* ---- the nucleus -------------------------------------------------------------------- */
struct cms_ipl_options {
    bool noprof;                /* IPL CMS PARM NOPROF: no PROFILE EXEC */
};
/* IPL: banner, disks 190 and 191, PROFILE EXEC */
void cms_ipl(const struct cms_ipl_options *o);
/* read commands and run them until input ends (never, in the guest) */
void cms_loop(void);
/* after an abend: storage afresh, disks mounted again, EXECs ended */
void cms_recover(void);
/* the ready message after a command typed at the terminal */
void cms_ready(int rc, const struct sys_clock *start);

/* sentence for a file-system code, for messages */
const char *cms_fs_text(int fsrc);
/* the RC and the DMS message for a file-system error on file id text */
int cms_fs_error(const char *msgid, int fsrc, const char *what);

#endif
