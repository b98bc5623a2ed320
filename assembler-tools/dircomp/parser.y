/* parser.y - the grammar of USER DIRECT.
 *
 * One statement per line: a keyword, its required operands, then any
 * optional ones (collected as a list, since which of them were given is
 * for the statement to sort out: SPOOL 00E 1403 A).  A required operand
 * that is missing meets end of line where a word should be: its "error"
 * alternative passes on an empty word that says what was expected.  The
 * actions only pass words on; statements.c checks them left to right, so
 * the first mistake of a line is the one reported. */
%define api.pure full
%define parse.error custom
%locations
%param {yyscan_t scanner}
%parse-param {struct dc_compile *dc}

%code requires {
#include "dircomp.h"
typedef void *yyscan_t;
}

%code provides {
int yylex(YYSTYPE *val, YYLTYPE *loc, yyscan_t scanner);
void yyerror(YYLTYPE *loc, yyscan_t scanner, struct dc_compile *dc, const char *msg);
}

%code {
/* a missing operand: an empty word that knows what it should have been */
#define MISSING(out, what) do { dc_missing(dc, &(out), what); yyerrok; } while (0)
}

%union {
    struct dc_word w;
    struct dc_words list;
}

%token <w> WORD
%token <w> KW_DIRECTORY KW_USER KW_ACCOUNT KW_OPTION KW_IPL KW_CONSOLE KW_SPOOL
%token <w> KW_LINK KW_MDISK KW_UNSUPPORTED KW_UNKNOWN
%token <w> EOL "end of line"

%type <w> userid password cuu devtype volser start cylinders account option target
%type <list> more

%%

directory
    : %empty
    | directory line
    ;

line
    : EOL
    | statement EOL
    | error EOL                 { dc_unparsed(dc, &$2); yyerrok; }
    ;

statement
    : KW_DIRECTORY cuu devtype volser
                                { dc_stmt_directory(dc, &$1, &$2, &$3, &$4); }
    | KW_USER userid password more
                                { dc_stmt_user(dc, &$1, &$2, &$3, &$4); }
    | KW_ACCOUNT account more   { dc_stmt_account(dc, &$1, &$2, &$3); }
    | KW_OPTION option more     { dc_stmt_option(dc, &$1, &$2, &$3); }
    | KW_IPL target more        { dc_stmt_ipl(dc, &$1, &$2, &$3); }
    | KW_CONSOLE cuu devtype more
                                { dc_stmt_console(dc, &$1, &$2, &$3, &$4); }
    | KW_SPOOL cuu devtype more { dc_stmt_spool(dc, &$1, &$2, &$3, &$4); }
    | KW_LINK userid cuu cuu more
                                { dc_stmt_link(dc, &$1, &$2, &$3, &$4, &$5); }
    | KW_MDISK cuu devtype start cylinders volser more
                                {
                                    const struct dc_word *op[5] = { &$2, &$3, &$4, &$5, &$6 };
                                    dc_stmt_mdisk(dc, &$1, op, &$7);
                                }
    | KW_UNSUPPORTED more       { dc_stmt_unsupported(dc, &$1, &$2); }
    | KW_UNKNOWN more           { dc_stmt_unknown(dc, &$1, &$2); }
    ;

more
    : %empty                    { $$.n = 0; $$.w = NULL; }
    | more WORD                 { $$ = $1; dc_words_add(dc, &$$, &$2); }
    ;

userid    : WORD | error { MISSING($$, "a userid"); } ;
password  : WORD | error { MISSING($$, "a password"); } ;
cuu       : WORD | error { MISSING($$, "a virtual device address such as 191"); } ;
devtype   : WORD | error { MISSING($$, "a device type such as 3350"); } ;
volser    : WORD | error { MISSING($$, "a volume serial such as CPUSR1"); } ;
start     : WORD | error { MISSING($$, "a starting cylinder"); } ;
cylinders : WORD | error { MISSING($$, "a number of cylinders"); } ;
account   : WORD | error { MISSING($$, "an account number"); } ;
option    : WORD | error { MISSING($$, "an option such as ECMODE"); } ;
target    : WORD | error { MISSING($$, "a device address or system name to IPL"); } ;

%%

/* Every syntax error of this grammar is a missing operand, which the
 * operand's error alternative turns into an empty word, reported when the
 * statement is checked.  A line that failed some other way ("error EOL")
 * would be reported by dc_unparsed(). */
static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, struct dc_compile *dc)
{
    (void)ctx;
    (void)scanner;
    (void)dc;
    return 0;
}

/* only bison's own failures (memory exhausted) come here */
void yyerror(YYLTYPE *loc, yyscan_t scanner, struct dc_compile *dc, const char *msg)
{
    struct dc_loc at = { loc->first_line, loc->first_column };
    (void)scanner;
    dc_error(dc, at, "%s", msg);
}
