/* errors.c - a sentence for every result code of the file system. */
#include "cms-guest/fs/cmsfs.h"

static const char *const messages[] = {
    [0]              = "done",
    [-CMS_EIO]       = "the disk reported an I/O error",
    [-CMS_ENOTCMS]   = "the disk is not in CMS format (no CMS= label in block 3)",
    [-CMS_ECORRUPT]  = "the directory or a chain link points outside the disk; run a check",
    [-CMS_ENOTFOUND] = "file not found",
    [-CMS_EBADID]    = "invalid file identifier",
    [-CMS_EEXIST]    = "a file of that name already exists",
    [-CMS_ERDONLY]   = "the disk is read-only",
    [-CMS_EFULL]     = "the disk is full",
    [-CMS_EDIRFULL]  = "the directory is full",
    [-CMS_ETOOBIG]   = "file too large (at most 16060 blocks and 65534 records)",
    [-CMS_EBADREC]   = "record length not valid for the file",
    [-CMS_ETRUNC]    = "record longer than the buffer; truncated",
    [-CMS_EOF]       = "end of file",
    [-CMS_ENOMEM]    = "out of storage",
    [-CMS_EBUSY]     = "a file is being written on this disk",
    [-CMS_EINVAL]    = "invalid argument",
    [-CMS_EEMPTY]    = "a CMS file must have at least one record",
};

const char *cms_strerror(int rc)
{
    if (rc > 0 || (unsigned)-rc >= ARRAY_SIZE(messages) || !messages[-rc])
        return "unknown file system error";
    return messages[-rc];
}
