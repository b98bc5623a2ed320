/* area.h - start the spool on the SPOOL area of the CP volumes.
 *
 * Called once at IPL, after the tables of contents are read
 * (sysres_scan).  cold = true is the operator's choice to erase every
 * spool file; otherwise warm start recovers them (cp/spool/spool.h). */
#ifndef CP_SPOOL_AREA_H
#define CP_SPOOL_AREA_H

#include "cp/spool/spool.h"

int spool_start(bool cold, struct spool_init_report *rep);

#endif
