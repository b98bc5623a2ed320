/* edit.h - the line editor (EDIT), in the VM/370 EDIT tradition.
 *
 * The file is held in storage as lines of text.  A line pointer names
 * the current line: 0 is "top of file" (before the first line), n + 1
 * "end of file".  Subcommands move the pointer, show lines, change them;
 * FILE writes the file back and ends, QUIT ends without writing. */
#ifndef CMS_CMD_EDIT_H
#define CMS_CMD_EDIT_H

#include "cms-guest/core/cms.h"

struct edit {
    char **line;                /* line[0..n), each from the heap */
    u32 n, cap;
    u32 cur;                    /* 0 TOF, 1..n a line, n + 1 EOF */
    char fn[9], ft[9], fm[3];   /* where FILE writes */
    u8 recfm;
    u32 lrecl;
    bool verify;                /* show the current line after a move */
    bool upper;                 /* CASE U: input and targets in upper case */
    bool changed;
    bool done;                  /* FILE or QUIT ended the session */
    bool input;                 /* in input mode */
    int rc;                     /* the EDIT command's return code */
    char last[CMS_LINE_MAX];    /* the last subcommand, for = */
};

/* ---- the buffer (editbuf.c) ------------------------------------------------ */
/* the longest line the file's format takes */
u32 edit_width(const struct edit *e);
/* insert text after line "after" (0: first); false when storage ran out */
bool edit_insert(struct edit *e, u32 after, const char *text);
void edit_delete(struct edit *e, u32 first, u32 count);
bool edit_replace(struct edit *e, u32 at, const char *text);
void edit_free(struct edit *e);
/* the current line on the terminal, or TOF: / EOF: */
void edit_show(const struct edit *e);
/* text as the file's CASE and width take it (translated, cut) into out */
void edit_prepare(const struct edit *e, const char *text, char *out, size_t size);

/* ---- display mode on a 3270 (editscr.c) ---------------------------------------- */
/* before the file is read: what CMS writes waits for the screen */
void edit_display_prepare(void);
/* no display after all (the file could not be read): the messages go out */
void edit_display_cancel(void);
/* the session in display mode; false if the terminal cannot show it (the
 * caller goes on in line mode) */
bool edit_display(struct edit *e);

/* ---- subcommands (editsub.c, editchg.c) -------------------------------------- */
void edit_subcommand(struct edit *e, const char *line);
/* a line typed in input mode (a null line ends input mode) */
void edit_input_line(struct edit *e, const char *line);
/* FILE/SAVE [fn [ft [fm]]]: write the lines; RC_OK or the error's RC */
int edit_write(struct edit *e, const char *operands);
/* LOCATE /string/ and CHANGE /old/new/ [n|*] [G] */
void edit_locate(struct edit *e, const char *operands);
void edit_change(struct edit *e, const char *operands);

#endif
