/* dirread.h - bring the directory in from the system volume's DIRECT area. */
#ifndef CP_DIR_DIRREAD_H
#define CP_DIR_DIRREAD_H

/* Read and load the directory; returns DIR_OK or a DIR_E_* / DASD error,
 * and the number of users in *count.  On failure the directory in use
 * (if any) stays. */
int dir_read_from_volume(unsigned *count);

#endif
