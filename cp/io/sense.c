/* sense.c - SENSE ID at IPL, and the device-type table. */
#include "cp/io/sense.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"

/* device type -> class, keyed by the architected type number */
static const struct {
    u16 type;
    enum rdev_class cls;
} type_table[] = {
    { 0x1052, RDEV_CONSOLE }, { 0x3215, RDEV_CONSOLE },
    { 0x3270, RDEV_DISPLAY }, { 0x3277, RDEV_DISPLAY }, { 0x3278, RDEV_DISPLAY },
    { 0x3279, RDEV_DISPLAY },
    { 0x2311, RDEV_DASD }, { 0x2314, RDEV_DASD }, { 0x3330, RDEV_DASD },
    { 0x3340, RDEV_DASD }, { 0x3350, RDEV_DASD }, { 0x3375, RDEV_DASD },
    { 0x3380, RDEV_DASD }, { 0x3390, RDEV_DASD },
    { 0x2501, RDEV_READER }, { 0x3505, RDEV_READER },
    { 0x3525, RDEV_PUNCH },
    { 0x1403, RDEV_PRINTER }, { 0x3203, RDEV_PRINTER }, { 0x3211, RDEV_PRINTER },
    { 0x3420, RDEV_TAPE }, { 0x3480, RDEV_TAPE },
};

static enum rdev_class class_of(u16 type)
{
    for (unsigned i = 0; i < ARRAY_SIZE(type_table); i++)
        if (type_table[i].type == type)
            return type_table[i].cls;
    return RDEV_UNKNOWN;
}

static void sense_id(struct rdev *d)
{
    static struct ccw1 ccw;
    static u8 buf[32];
    struct ioreq req = { .dev = d, .cp = &ccw };

    memset(buf, 0, sizeof buf);
    ccw1_make(&ccw, CCW_CMD_SENSEID, CCW_SLI, sizeof buf, (u32)(uintptr_t)buf);
    if (rio_run(&req) != 0 || (req.dstat & UNIT_UC) || req.cstat || buf[0] != 0xFF)
        return;
    d->cu_type = get_be16(buf + 1);
    d->cu_model = buf[3];
    d->dev_type = get_be16(buf + 4);
    d->dev_model = buf[6];
    if (d->dev_type == 0)                       /* some devices only give the CU */
        d->dev_type = d->cu_type;
    d->sensed = true;
    d->cls = class_of(d->dev_type);
    if (d->cls == RDEV_UNKNOWN)
        d->cls = class_of(d->cu_type);
}

void sense_all_devices(void)
{
    for (unsigned i = 0; i < nrdevs; i++)
        sense_id(&rdevs[i]);
}

const char *rdev_type_name(const struct rdev *d, char *buf, size_t size)
{
    if (d->sensed)
        fmt_snprintf(buf, size, "%04X", d->dev_type);
    else
        strlcpy(buf, "????", size);
    return buf;
}
