/* handle.c - the open-file handle readers and writers share.
 *
 * A handle is a struct spf with a page buffer; its magic says whether it
 * reads or writes, and is cleared when it is freed, so a stale handle
 * passed back is refused rather than used. */
#include "cp/spool/spint.h"
#include "cp/kern/freestor.h"

struct spf *sp_handle_new(const char *tag)
{
    struct spf *h = kzalloc(sizeof *h, tag);

    if (!h)
        return NULL;
    h->buf = kmalloc(SPF_PAGE_SIZE, "SPFBUF");
    if (!h->buf) {
        kfree(h);
        return NULL;
    }
    return h;
}

void sp_handle_free(struct spf *h)
{
    h->magic = 0;
    kfree(h->buf);
    kfree(h);
}
