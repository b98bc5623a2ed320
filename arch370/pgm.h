/* pgm.h - program-interruption codes (S/370 and ESA/390). */
#ifndef ARCH370_PGM_H
#define ARCH370_PGM_H

#define PGM_OPERATION           0x01
#define PGM_PRIVILEGED          0x02
#define PGM_EXECUTE             0x03
#define PGM_PROTECTION          0x04
#define PGM_ADDRESSING          0x05
#define PGM_SPECIFICATION       0x06
#define PGM_DATA                0x07
#define PGM_FIXED_OVERFLOW      0x08
#define PGM_FIXED_DIVIDE        0x09
#define PGM_DECIMAL_OVERFLOW    0x0A
#define PGM_DECIMAL_DIVIDE      0x0B
#define PGM_EXP_OVERFLOW        0x0C
#define PGM_EXP_UNDERFLOW       0x0D
#define PGM_SIGNIFICANCE        0x0E
#define PGM_FP_DIVIDE           0x0F
#define PGM_SEGMENT_TRANS       0x10
#define PGM_PAGE_TRANS          0x11
#define PGM_TRANS_SPEC          0x12
#define PGM_SPECIAL_OPERATION   0x13
#define PGM_OPERAND             0x15
#define PGM_MONITOR             0x40
#define PGM_PER                 0x80

/* interruption classes of the external interruption code */
#define EXT_INTERRUPT_KEY       0x0040
#define EXT_INTERVAL_TIMER      0x0080
#define EXT_CLOCK_COMP          0x1004
#define EXT_CPU_TIMER           0x1005
#define EXT_SERVICE_SIGNAL      0x2401
#define EXT_PSEUDO_PAGE_FAULT   0x2603

#endif
