/* savesys.c - SAVESYS and QUERY NSS: named saved systems.
 *
 *   SAVESYS name [SHARE p0-p1 ...]   save the virtual machine's storage,
 *                                    keys, PSW and registers as a saved
 *                                    system (class E); pages p0-p1 (hex
 *                                    page numbers) are shared read-only
 *                                    by every user who IPLs it
 *   QUERY NSS                        every saved system, its pages, how
 *                                    many are shared and in real storage,
 *                                    how many users have it loaded */
#include "cp/cmd/cmd.h"
#include "cp/cmd/cmdutil.h"
#include "cp/cmd/query.h"
#include "cp/vm/user.h"
#include "cp/vm/vm.h"
#include "cp/vm/nss.h"
#include "cp/lib/string.h"

#define MAX_SHARE       8

static bool valid_name(const char *s)
{
    size_t n = strlen(s);

    if (n == 0 || n > 8)
        return false;
    for (; *s; s++)
        if (!is_digit(*s) && !(to_upper(*s) >= 'A' && to_upper(*s) <= 'Z') &&
            *s != '@' && *s != '#' && *s != '$')
            return false;
    return true;
}

/* "p0-p1" or "p": hex page numbers */
static bool parse_range(const char *s, u32 *p0, u32 *p1)
{
    char first[12];
    const char *dash = strchr(s, '-');

    if (!dash)
        return parse_hex(s, p0) && parse_hex(s, p1);
    if ((size_t)(dash - s) >= sizeof first)
        return false;
    memcpy(first, s, (size_t)(dash - s));
    first[dash - s] = 0;
    return parse_hex(first, p0) && parse_hex(dash + 1, p1);
}

static const char *why(int rc)
{
    switch (rc) {
    case NSS_FULL:      return "the saved-system store is full";
    case NSS_DIRFULL:   return "the saved-system store holds as many systems as it can";
    case NSS_NOSTORE:   return "there is no saved-system store (area SAVED) on any CP volume";
    case NSS_IOERR:     return "a DASD error writing it; the previous copy stays";
    case NSS_NOSTORAGE: return "a page of your storage could not be read";
    default:            return "an unexpected error";
    }
}

int cmd_savesys(struct cmdctx *ctx)
{
    struct vm *vm = ctx->user->vm;
    u32 share[2 * MAX_SHARE], saved = 0;
    unsigned n = 0;
    int rc, i = 2;

    if (!vm) {
        cmd_printf(ctx, "CPX030E You have no virtual machine");
        return RC_ERROR;
    }
    if (ctx->argc < 2 || !valid_name(ctx->argv[1])) {
        cmd_printf(ctx, "CPX620E SAVESYS needs a system name of 1 to 8 letters and digits");
        return RC_OPERAND;
    }
    if (ctx->argc > 2 && !cmd_abbrev(ctx->argv[i++], "SHARE", 2)) {
        cmd_printf(ctx, "CPX004E Invalid SAVESYS operand: %.20s", ctx->raw[2]);
        return RC_OPERAND;
    }
    for (; i < ctx->argc; i++) {
        if (n == MAX_SHARE || !parse_range(ctx->argv[i], &share[2 * n], &share[2 * n + 1])) {
            cmd_printf(ctx, "CPX621E Invalid shared page range: %.20s (hex pages, at most %u ranges)",
                       ctx->raw[i], MAX_SHARE);
            return RC_OPERAND;
        }
        n++;
    }
    if (ctx->argc > 2 && n == 0) {
        cmd_printf(ctx, "CPX621E SHARE needs a range of hex page numbers, like 21-3F");
        return RC_OPERAND;
    }
    if (ctx->sess)
        vm_stop(vm);                    /* typed: a consistent picture of its storage;
                                           by DIAGNOSE X'08' it is not running anyway */
    rc = nss_save(vm, ctx->argv[1], share, n, &saved);
    if (rc == NSS_BADRANGE) {
        cmd_printf(ctx, "CPX621E A shared range must lie in your storage and leave out page 0");
        return RC_OPERAND;
    }
    if (rc != NSS_OK) {
        cmd_printf(ctx, "CPX622E System %s not saved: %s", ctx->argv[1], why(rc));
        return RC_ERROR;
    }
    cmd_printf(ctx, "SYSTEM %s SAVED: %u PAGES", ctx->argv[1], (unsigned)saved);
    return RC_OK;
}

static void one(const char *name, const struct nss_info *in, void *arg)
{
    struct cmdctx *ctx = arg;

    cmd_printf(ctx, "NSS %-8s PAGES %03X-%03X SAVED %4u SHARED %4u IN STORAGE %4u USERS %3u %s",
               name, (unsigned)in->first, (unsigned)(in->first + in->count - 1), (unsigned)in->data,
               (unsigned)in->shared, (unsigned)in->in_storage, (unsigned)in->users,
               in->from_store ? "SAVESYS" : "VOLUME");
}

int q_nss(struct cmdctx *ctx)
{
    nss_list(one, ctx);
    return RC_OK;
}
