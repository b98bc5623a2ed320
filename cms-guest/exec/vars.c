/* vars.c - EXEC variables: the user's, the arguments and the special ones.
 *
 * A variable name is at most eight characters with its ampersand, letters,
 * digits and the national characters @ # $.  &0 .. &30 are the arguments;
 * the special variables are set by the interpreter, and only &RETCODE,
 * &0 .. &30 and &GLOBAL0 .. &GLOBAL9 (whole numbers only) may be assigned.
 * Names are compared in upper case. */
#include "cms-guest/exec/execint.h"
#include "cms-guest/lib/cmslib.h"

enum special {
    SP_NONE, SP_INDEX, SP_RETCODE, SP_LINENUM, SP_EXEC, SP_GLOBAL,
    SP_GLOBALN, SP_READFLAG, SP_TYPEFLAG, SP_COLLECTIVE,
};

struct special_var {
    const char *name;           /* without the &, as it would be written */
    enum special id;
};

static const struct special_var specials[] = {
    { "INDEX",    SP_INDEX },
    { "RETCODE",  SP_RETCODE },
    { "LINENUM",  SP_LINENUM },
    { "EXEC",     SP_EXEC },
    { "GLOBAL",   SP_GLOBAL },
    { "READFLAG", SP_READFLAG },    /* seen as &READFLA after the cut to 8 */
    { "TYPEFLAG", SP_TYPEFLAG },
    { "*",        SP_COLLECTIVE },  /* &* and &$ belong to &IF and &LOOP */
    { "$",        SP_COLLECTIVE },
};

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!cms_isdigit((u8)*s))
            return false;
    return true;
}

static enum special special_of(const char *name)
{
    size_t n = cms_strlen(name);

    if (n == 7 && cms_strncasecmp(name, "GLOBAL", 6) == 0 && cms_isdigit((u8)name[6]))
        return SP_GLOBALN;
    for (unsigned i = 0; i < ARRAY_SIZE(specials); i++) {
        size_t want = cms_strnlen(specials[i].name, EXEC_TOKLEN - 1);
        if (n == want && cms_strncasecmp(name, specials[i].name, n) == 0)
            return specials[i].id;
    }
    return SP_NONE;
}

bool exec_number(const char *tok, long *out)
{
    const char *p = tok;
    char *end;

    if (*p == '+' || *p == '-')
        p++;
    if (!all_digits(p))
        return false;
    *out = cms_strtol(tok, &end, 10);
    return true;
}

static void put_number(long v, exec_tok out)
{
    cms_itoa(v, out, sizeof(exec_tok));
}

static struct exec_var *find_var(struct exec *x, const char *name)
{
    for (unsigned i = 0; i < x->nvars; i++)
        if (cms_strcasecmp(x->vars[i].name, name) == 0)
            return &x->vars[i];
    return NULL;
}

static void special_value(struct exec *x, enum special id, const char *name, exec_tok out)
{
    const struct exec_env *env = x->env;

    switch (id) {
    case SP_INDEX:    put_number((long)x->nargs, out); break;
    case SP_RETCODE:  put_number(x->retcode, out); break;
    case SP_LINENUM:  put_number((long)x->cur + 1, out); break;
    case SP_EXEC:     cms_strlcpy(out, env->name ? env->name : "", sizeof(exec_tok)); break;
    case SP_GLOBAL:   put_number(env->level ? (long)env->level : 1, out); break;
    case SP_GLOBALN:  put_number(x->globals[name[6] - '0'], out); break;
    case SP_READFLAG:
        cms_strlcpy(out, env->stacked && env->stacked(env->ctx) > 0 ? "STACK" : "CONSOLE",
                    sizeof(exec_tok));
        break;
    case SP_TYPEFLAG: cms_strlcpy(out, x->halted ? "HT" : "RT", sizeof(exec_tok)); break;
    default:          out[0] = 0; break;
    }
}

void var_lookup(struct exec *x, const char *name, exec_tok out)
{
    enum special id = special_of(name);
    struct exec_var *v;

    out[0] = 0;
    if (all_digits(name)) {
        long n = cms_strtol(name, NULL, 10);
        if (n <= EXEC_MAXARGS)
            cms_strlcpy(out, x->args[n], sizeof(exec_tok));
    } else if (id != SP_NONE) {
        special_value(x, id, name, out);
    } else if ((v = find_var(x, name)) != NULL) {
        cms_strlcpy(out, v->value, sizeof(exec_tok));
    }
}

static bool valid_name(const char *name)
{
    if (!*name)
        return false;
    for (; *name; name++)
        if (!cms_isalnum((u8)*name) && !cms_strchr("@#$", *name))
            return false;
    return true;
}

static int bad_name(struct exec *x, enum exec_err e, const char *name)
{
    char shown[EXEC_TOKLEN + 2] = "&";

    cms_strlcat(shown, name, sizeof shown);
    return exec_fail(x, e, shown);
}

/* check, and unless dry also store; nothing changes on an error */
static int assign(struct exec *x, const char *name, const char *value, bool dry)
{
    enum special id = special_of(name);
    struct exec_var *v;
    long n;

    if (all_digits(name)) {
        n = cms_strtol(name, NULL, 10);
        if (n > EXEC_MAXARGS)
            return bad_name(x, E_NAME, name);
        if (!dry)
            cms_strlcpy(x->args[n], value, sizeof(exec_tok));
        return 0;
    }
    if (id == SP_RETCODE || id == SP_GLOBALN) {
        if (dry)
            return 0;
        if (!exec_number(value, &n))
            return exec_fail(x, E_NUMBER, *value ? value : "a null value");
        if (id == SP_RETCODE)
            x->retcode = (int)n;
        else
            x->globals[name[6] - '0'] = (int)n;
        return 0;
    }
    if (id != SP_NONE)
        return bad_name(x, E_READONLY, name);
    if (!valid_name(name))
        return bad_name(x, E_NAME, name);
    v = find_var(x, name);
    if (!v && x->nvars >= x->max_vars)
        return exec_fail_num(x, E_VARS, (long)x->max_vars);
    if (dry)
        return 0;
    if (!v) {
        v = &x->vars[x->nvars++];
        cms_strlcpy(v->name, name, sizeof v->name);
        for (char *p = v->name; *p; p++)
            *p = (char)cms_toupper((u8)*p);
    }
    cms_strlcpy(v->value, value, sizeof v->value);
    return 0;
}

int var_assign(struct exec *x, const char *name, const char *value)
{
    return assign(x, name, value, false);
}

int var_check_name(struct exec *x, const char *name)
{
    return assign(x, name, "", true);
}

/* An argument written as % is null, as is one that starts with X'FF'. */
int set_args(struct exec *x, const struct toklist *t, unsigned from)
{
    unsigned n = t->n > from ? t->n - from : 0;

    if (n > EXEC_MAXARGS)
        return exec_fail_num(x, E_ARGS, EXEC_MAXARGS);
    for (unsigned i = 1; i <= EXEC_MAXARGS; i++) {
        const char *a = i <= n ? t->t[from + i - 1] : "";
        bool null = (a[0] == '%' && !a[1]) || (u8)a[0] == 0xFF;
        cms_strlcpy(x->args[i], null ? "" : a, sizeof(exec_tok));
    }
    x->nargs = n;
    return 0;
}

void vars_init(struct exec *x)
{
    cms_strlcpy(x->args[0], x->env->name ? x->env->name : "", sizeof(exec_tok));
    for (unsigned i = 0; i < EXEC_GLOBALS; i++)
        x->own_globals[i] = 1;
    x->globals = x->env->globals ? x->env->globals : x->own_globals;
}
