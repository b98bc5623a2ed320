/* sense.h - find out what each real device is (SENSE ID at IPL). */
#ifndef CP_IO_SENSE_H
#define CP_IO_SENSE_H

#include "cp/io/rio.h"

/* SENSE ID every device and classify it; runs at IPL */
void sense_all_devices(void);
/* "3350", "3215" ... for messages */
const char *rdev_type_name(const struct rdev *d, char *buf, size_t size);

#endif
