/* statements.c - one function per directory statement.
 *
 * The parser calls these with the statement's words.  Each checks its
 * operands (operands.c), the rules of its user entry (one CONSOLE, no
 * address used twice ...), and adds what it describes to the current user.
 * A statement with any error is dropped whole, after the first error on
 * its line is reported. */
#include "dircomp.h"
#include "cp/lib/string.h"

#include <stdlib.h>

#define DEFAULT_STORAGE         (1u << 20)
#define DEFAULT_CLASSES         (1u << ('G' - 'A'))
#define DEFAULT_SPOOL_CLASS     'A'
#define DEFAULT_CONSOLE_CLASS   'T'     /* VM/370 spools console output as class T */

static void *grow(void *array, unsigned n, size_t size)
{
    void *p = realloc(array, (n + 1) * size);

    if (!p) {
        fprintf(stderr, "dircomp: out of memory\n");
        exit(2);
    }
    return p;
}

void dc_words_add(struct dc_compile *dc, struct dc_words *list, const struct dc_word *w)
{
    (void)dc;
    list->w = grow(list->w, list->n, sizeof *list->w);
    list->w[list->n++] = *w;
}

/* the word lists are only needed until the statement is handled */
static void done(const struct dc_words *tail)
{
    free(tail->w);
}

/* A required operand is missing: the statement's operands are checked
 * left to right, so the report waits until the checker meets it. */
void dc_missing(struct dc_compile *dc, struct dc_word *out, const char *what)
{
    out->text = NULL;
    out->loc = dc->look.loc;
    out->missing = what;
}

void dc_unparsed(struct dc_compile *dc, const struct dc_word *eol)
{
    dc_parse_error(dc, eol->loc, "statement not understood");
}

/* more optional operands than the statement has */
static bool at_most(struct dc_compile *dc, const struct dc_words *tail, unsigned max)
{
    if (tail->n <= max)
        return true;
    dc_parse_error(dc, tail->w[max].loc, "expected end of line, found %s", dc_found(&tail->w[max]));
    return false;
}

/* The statement belongs to the entry begun by the last USER statement.
 * When that USER statement was wrong, the entry's statements are still
 * checked, against a scratch user that is thrown away. */
static struct dc_user *current_user(struct dc_compile *dc, const struct dc_word *kw, const char *stmt)
{
    dc->statements++;
    if (!dc->seen_user) {
        dc_parse_error(dc, kw->loc, "%s statement before the first USER statement", stmt);
        return NULL;
    }
    return dc->user_ok ? &dc->users[dc->nusers - 1] : &dc->scratch;
}

static void free_user(struct dc_user *u)
{
    free(u->spool);
    free(u->links);
    free(u->mdisks);
    memset(u, 0, sizeof *u);
}

void dc_stmt_directory(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *cuu,
                       const struct dc_word *type, const struct dc_word *volser)
{
    const struct dc_devtype *dt;

    if (dc->statements++ > 0) {
        dc_parse_error(dc, kw->loc, dc->have_directory ? "only one DIRECTORY statement is allowed"
                       : "DIRECTORY must be the first statement");
        return;
    }
    if (!dc_cuu(dc, cuu, &dc->res_cuu)
        || !(dt = dc_devtype(dc, type, DC_DASD)) || !dc_volser(dc, volser, dc->res_volser))
        return;
    dc->res_type = dt->type;
    dc->have_directory = true;
}

/* USER userid password [storage [maxstorage [classes]]] */
void dc_stmt_user(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *id,
                  const struct dc_word *pw, const struct dc_words *tail)
{
    struct dc_user u = { 0 };

    dc->statements++;
    dc->seen_user = true;
    dc->user_ok = false;
    free_user(&dc->scratch);
    strlcpy(dc->scratch.userid, id->text ? id->text : "?", sizeof dc->scratch.userid);
    u.storage = DEFAULT_STORAGE;
    u.classes = DEFAULT_CLASSES;
    u.line = kw->loc.line;
    u.id_loc = id->loc;
    if (!dc_userid(dc, id, u.userid) || !dc_password(dc, pw, "a password", u.password)
        || (tail->n > 0 && !dc_storage(dc, &tail->w[0], &u.storage))
        || (tail->n > 1 && !dc_storage(dc, &tail->w[1], &u.maxstorage))
        || (tail->n > 2 && !dc_classes(dc, &tail->w[2], &u.classes)) || !at_most(dc, tail, 3))
        goto out;
    if (tail->n < 2)
        u.maxstorage = u.storage;
    if (u.storage > u.maxstorage) {
        dc_parse_error(dc, tail->w[0].loc, "storage %s is more than the maximum storage %s",
                       tail->w[0].text, tail->w[1].text);
        goto out;
    }
    if (!strcmp(u.password, "NOLOG")) {
        u.nolog = true;
        u.password[0] = 0;
    }
    strlcpy(u.distcode, u.userid, sizeof u.distcode);
    dc->users = grow(dc->users, dc->nusers, sizeof *dc->users);
    dc->users[dc->nusers++] = u;
    dc->user_ok = true;
out:
    done(tail);
}

/* ACCOUNT number [distcode] */
void dc_stmt_account(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *number,
                     const struct dc_words *tail)
{
    struct dc_user *u = current_user(dc, kw, "ACCOUNT");
    char acct[9], dist[9];

    if (!u || !dc_name(dc, number, "an account number", acct)
        || (tail->n && !dc_name(dc, &tail->w[0], "a distribution code", dist)) || !at_most(dc, tail, 1))
        goto out;
    if (u->account_line) {
        dc_parse_error(dc, kw->loc, "%s already has an ACCOUNT statement (line %d)", u->userid,
                       u->account_line);
        goto out;
    }
    u->account_line = kw->loc.line;
    strlcpy(u->account, acct, sizeof u->account);
    if (tail->n)
        strlcpy(u->distcode, dist, sizeof u->distcode);
out:
    done(tail);
}

/* the device addresses of a user are one name space */
static bool address_free(struct dc_compile *dc, struct dc_user *u, const struct dc_word *w, u16 cuu)
{
    int line = 0;
    const char *what = NULL;

    if (u->cons_type && u->cons_cuu == cuu)
        line = u->console_line, what = "CONSOLE";
    for (unsigned i = 0; !what && i < u->nspool; i++)
        if (u->spool[i].cuu == cuu)
            line = u->spool[i].line, what = "SPOOL";
    for (unsigned i = 0; !what && i < u->nlink; i++)
        if (u->links[i].cuu == cuu)
            line = u->links[i].target_loc.line, what = "LINK";
    for (unsigned i = 0; !what && i < u->nmdisk; i++)
        if (u->mdisks[i].cuu == cuu)
            line = u->mdisks[i].line, what = "MDISK";
    if (!what)
        return true;
    dc_parse_error(dc, w->loc, "virtual address %03X of %s is already used by the %s at line %d",
                   cuu, u->userid, what, line);
    return false;
}

/* CONSOLE cuu type [class] */
void dc_stmt_console(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *cuu,
                     const struct dc_word *type, const struct dc_words *tail)
{
    struct dc_user *u = current_user(dc, kw, "CONSOLE");
    const struct dc_devtype *dt;
    char spool_class = DEFAULT_CONSOLE_CLASS;
    u16 addr;

    if (!u || !dc_cuu(dc, cuu, &addr) || !(dt = dc_devtype(dc, type, DC_CONSOLE))
        || (tail->n && !dc_spool_class(dc, &tail->w[0], &spool_class)) || !at_most(dc, tail, 1))
        goto out;
    if (u->cons_type) {
        dc_parse_error(dc, kw->loc, "%s already has a CONSOLE (line %d)", u->userid, u->console_line);
        goto out;
    }
    if (!address_free(dc, u, cuu, addr))
        goto out;
    u->cons_cuu = addr;
    u->cons_type = dt->type;
    u->cons_class = spool_class;
    u->console_line = kw->loc.line;
out:
    done(tail);
}

static const struct { const char *name; unsigned minlen; u8 kind; } spool_kinds[] = {
    { "READER", 4, DIR_SPOOL_READER }, { "RDR", 3, DIR_SPOOL_READER },
    { "PUNCH", 3, DIR_SPOOL_PUNCH }, { "PCH", 3, DIR_SPOOL_PUNCH },
    { "PRINTER", 5, DIR_SPOOL_PRINTER }, { "PRT", 3, DIR_SPOOL_PRINTER },
};

static u8 spool_kind(const char *word)
{
    for (size_t i = 0; i < ARRAY_SIZE(spool_kinds); i++)
        if (dc_abbrev(word, spool_kinds[i].name, spool_kinds[i].minlen))
            return spool_kinds[i].kind;
    return 0;
}

/* which unit a spool device is: said, or the only one its type can be */
static bool pick_kind(struct dc_compile *dc, const struct dc_devtype *dt, const struct dc_word *type,
                      const struct dc_word *said, struct dc_loc where, u8 *kind)
{
    u8 k = said ? spool_kind(said->text) : 0;

    if (said && k && !(dt->kinds & (1u << k))) {
        dc_parse_error(dc, said->loc, "a %s cannot be a %s", type->text, dc_spool_kind_name(k));
        return false;
    }
    for (u8 i = DIR_SPOOL_READER; !k && i <= DIR_SPOOL_PRINTER; i++)
        if (dt->kinds == (1u << i))
            k = i;
    if (!k) {
        dc_parse_error(dc, where, "a %s is both reader and punch; "
                       "expected READER or PUNCH after it", type->text);
        return false;
    }
    *kind = k;
    return true;
}

/* SPOOL cuu type [READER|PUNCH|PRINTER] [class] */
void dc_stmt_spool(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *cuu,
                   const struct dc_word *type, const struct dc_words *tail)
{
    struct dc_user *u = current_user(dc, kw, "SPOOL");
    const struct dc_word *said = NULL, *cls = NULL;
    const struct dc_devtype *dt;
    struct dc_spool s = { .spool_class = DEFAULT_SPOOL_CLASS, .line = kw->loc.line };

    if (!u || !dc_cuu(dc, cuu, &s.cuu) || !(dt = dc_devtype(dc, type, DC_SPOOL))
        || !at_most(dc, tail, 2))
        goto out;
    if (tail->n == 2 || (tail->n == 1 && spool_kind(tail->w[0].text)))
        said = &tail->w[0];
    if (tail->n == 2 || (tail->n == 1 && !said))
        cls = &tail->w[tail->n - 1];
    if (said && !spool_kind(said->text)) {
        dc_parse_error(dc, said->loc, "expected READER, PUNCH or PRINTER, found %s", dc_found(said));
        goto out;
    }
    if (!pick_kind(dc, dt, type, said, tail->n ? tail->w[0].loc : dc->look.loc, &s.kind) || (cls && !dc_spool_class(dc, cls, &s.spool_class))
        || !address_free(dc, u, cuu, s.cuu))
        goto out;
    s.devtype = dt->type;
    u->spool = grow(u->spool, u->nspool, sizeof *u->spool);
    u->spool[u->nspool++] = s;
out:
    done(tail);
}

/* LINK userid cuu cuu [mode] */
void dc_stmt_link(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *userid,
                  const struct dc_word *target, const struct dc_word *cuu, const struct dc_words *tail)
{
    struct dc_user *u = current_user(dc, kw, "LINK");
    struct dc_link l = { .mode = "R", .user_loc = userid->loc, .target_loc = target->loc };

    if (!u || !dc_userid(dc, userid, l.userid) || !dc_cuu(dc, target, &l.target)
        || !dc_cuu(dc, cuu, &l.cuu) || (tail->n && !dc_mode(dc, &tail->w[0], l.mode))
        || !at_most(dc, tail, 1) || !address_free(dc, u, cuu, l.cuu))
        goto out;
    u->links = grow(u->links, u->nlink, sizeof *u->links);
    u->links[u->nlink++] = l;
out:
    done(tail);
}

/* MDISK cuu type start cyls volser [mode [readpw [writepw [multpw]]]] */
void dc_stmt_mdisk(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *const op[5],
                   const struct dc_words *tail)
{
    static const char *const pw_what[] = { "a read password", "a write password",
                                           "a multiple-write password" };
    struct dc_user *u = current_user(dc, kw, "MDISK");
    struct dc_mdisk m = { .mode = "R", .start_loc = op[2]->loc, .line = kw->loc.line };
    const struct dc_devtype *dt;
    u16 cuu;

    if (!u || !dc_cuu(dc, op[0], &cuu) || !(dt = dc_devtype(dc, op[1], DC_DASD)))
        goto out;
    if (op[2]->text && !str_casecmp(op[2]->text, "T-DISK")) {
        dc_parse_error(dc, op[2]->loc, "T-DISK (a temporary minidisk) is not supported by cp370");
        goto out;
    }
    if (!dc_decimal(dc, op[2], "a starting cylinder", 0, dt->cylinders - 1u, &m.start)
        || !dc_decimal(dc, op[3], "a number of cylinders", 1, dt->cylinders, &m.cyls)
        || !dc_volser(dc, op[4], m.volser) || (tail->n && !dc_mode(dc, &tail->w[0], m.mode)))
        goto out;
    for (unsigned i = 1; i < tail->n && i <= 3; i++)
        if (!dc_password(dc, &tail->w[i], pw_what[i - 1], m.pw[i - 1]))
            goto out;
    if (!at_most(dc, tail, 4))
        goto out;
    if (m.start + m.cyls > dt->cylinders) {
        dc_parse_error(dc, op[3]->loc, "the minidisk ends at cylinder %u, past the last cylinder "
                       "(%u) of a %s", m.start + m.cyls - 1, dt->cylinders - 1u, op[1]->text);
        goto out;
    }
    if (!address_free(dc, u, op[0], cuu))
        goto out;
    m.cuu = cuu;
    m.devtype = dt->type;
    m.npw = tail->n ? tail->n - 1 : 0;
    u->mdisks = grow(u->mdisks, u->nmdisk, sizeof *u->mdisks);
    u->mdisks[u->nmdisk++] = m;
out:
    done(tail);
}

/* VM/370's abbreviations: Realtimer, Ecmode, Isam, Virt=real, Acct,
 * Svcoff, BMX, CPUID, AFFinity (capitals: the shortest form) */
static const struct { const char *name; unsigned minlen; u32 bit; } options[] = {
    { "REALTIMER", 1, DIR_OPT_REALTIMER },
    { "ECMODE",    1, DIR_OPT_ECMODE },
    { "ISAM",      1, DIR_OPT_ISAM },
    { "VIRT=REAL", 1, DIR_OPT_VIRTREAL },
    { "ACCT",      1, DIR_OPT_ACCT },
    { "ACCOUNT",   7, DIR_OPT_ACCT },
    { "SVCOFF",    1, DIR_OPT_SVCOFF },
    { "BMX",       3, DIR_OPT_BMX },
    { "CPUID",     5, DIR_OPT_CPUID },          /* followed by 6 hex digits */
    { "AFFINITY",  3, DIR_OPT_AFFINITY },       /* followed by a processor */
    { "LNKNOPAS",  8, DIR_OPT_LNKNOPAS },
};

static u32 option_bit(const char *word)
{
    for (size_t i = 0; i < ARRAY_SIZE(options); i++)
        if (dc_abbrev(word, options[i].name, options[i].minlen))
            return options[i].bit;
    return 0;
}

/* CPUID's value: six hexadecimal digits */
static bool cpuid_value(struct dc_compile *dc, const struct dc_word *w, u32 *out)
{
    bool ok = w && strlen(w->text) == 6;

    for (int i = 0; ok && i < 6; i++)
        ok = is_xdigit(w->text[i]);
    if (!ok) {
        const struct dc_word *at = w ? w : &dc->look;
        dc_parse_error(dc, at->loc, "expected 6 hexadecimal digits after CPUID, found %s", dc_found(at));
        return false;
    }
    *out = (u32)strtoul(w->text, NULL, 16);
    return true;
}

/* OPTION option...  (not positional; CPUID and AFFINITY take a value) */
void dc_stmt_option(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *first,
                    const struct dc_words *tail)
{
    struct dc_user *u = current_user(dc, kw, "OPTION");
    struct dc_words all = { 0, NULL };
    u32 bits = 0, cpuid = u ? u->cpuid : 0;
    unsigned affinity = u ? u->affinity : 0;

    if (!u || dc_absent(dc, first))
        goto out;
    dc_words_add(dc, &all, first);
    for (unsigned i = 0; i < tail->n; i++)
        dc_words_add(dc, &all, &tail->w[i]);
    for (unsigned i = 0; i < all.n; i++) {
        const struct dc_word *w = &all.w[i], *value = i + 1 < all.n ? &all.w[i + 1] : NULL;
        u32 bit = option_bit(w->text);
        if (!bit) {
            dc_parse_error(dc, w->loc, "expected an option (REALTIMER, ECMODE, ISAM, VIRT=REAL, "
                           "ACCT, SVCOFF, BMX, CPUID, AFFINITY or LNKNOPAS), found %s", dc_found(w));
            goto out;
        }
        if (bit == DIR_OPT_CPUID && !cpuid_value(dc, value, &cpuid))
            goto out;
        if (bit == DIR_OPT_AFFINITY
            && !dc_decimal(dc, value ? value : &dc->look, "a processor number after AFFINITY", 0, 15,
                           &affinity))
            goto out;
        if (bit == DIR_OPT_CPUID || bit == DIR_OPT_AFFINITY)
            i++;
        bits |= bit;
    }
    u->options |= bits;
    u->cpuid = cpuid;
    u->affinity = (u16)affinity;
out:
    free(all.w);
    done(tail);
}

/* IPL cuu|name [PARM text] */
void dc_stmt_ipl(struct dc_compile *dc, const struct dc_word *kw, const struct dc_word *target,
                 const struct dc_words *tail)
{
    struct dc_user *u = current_user(dc, kw, "IPL");
    char parm[DIR_PARM_SIZE + 1] = "";
    size_t len = 0;

    if (!u || dc_absent(dc, target))
        goto out;
    if (tail->n && str_casecmp(tail->w[0].text, "PARM")) {
        dc_parse_error(dc, tail->w[0].loc, "expected PARM or end of line, found %s", dc_found(&tail->w[0]));
        goto out;
    }
    if (tail->n == 1) {
        dc_parse_error(dc, dc->look.loc, "expected the text to pass after PARM, found end of line");
        goto out;
    }
    for (unsigned i = 1; i < tail->n; i++) {         /* the words, one blank apart */
        if (!dc_printable(tail->w[i].text)) {
            dc_parse_error(dc, tail->w[i].loc, "the PARM text may hold only printable characters");
            goto out;
        }
        len += (i > 1) + strlen(tail->w[i].text);
        if (len > DIR_PARM_SIZE) {
            dc_parse_error(dc, tail->w[i].loc, "the PARM text is longer than %d characters", DIR_PARM_SIZE);
            goto out;
        }
        if (i > 1)
            strcat(parm, " ");
        strcat(parm, tail->w[i].text);
    }
    if (u->ipl_line) {
        dc_parse_error(dc, kw->loc, "%s already has an IPL statement (line %d)", u->userid, u->ipl_line);
        goto out;
    }
    if (dc_is_cuu(target->text)) {          /* 190: a device; CMS: a saved system */
        u->ipl_kind = DIR_IPL_DEVICE;
        dc_cuu(dc, target, &u->ipl_cuu);
    } else if (dc_name(dc, target, "a device address or system name", u->ipl_name)) {
        u->ipl_kind = DIR_IPL_NAME;
    } else {
        goto out;
    }
    u->ipl_line = kw->loc.line;
    strlcpy(u->ipl_parm, parm, sizeof u->ipl_parm);
out:
    done(tail);
}

void dc_stmt_unsupported(struct dc_compile *dc, const struct dc_word *kw, const struct dc_words *tail)
{
    dc->statements++;
    dc_parse_error(dc, kw->loc, "%s is a VM/370 statement that cp370 does not support", kw->text);
    done(tail);
}

void dc_stmt_unknown(struct dc_compile *dc, const struct dc_word *kw, const struct dc_words *tail)
{
    dc->statements++;
    dc_parse_error(dc, kw->loc, "unknown statement %s; expected USER, ACCOUNT, OPTION, IPL, "
                   "CONSOLE, SPOOL, LINK or MDISK", dc_found(kw));
    done(tail);
}
