/* qreply.c - a 3270's answer to Read Partition Query (see qreply.h). */
#include "cp/io/qreply.h"

#define SF_READ_PART    0x01    /* structured field: Read Partition */
#define RP_ALL          0xFF    /* ... every partition */
#define RP_QUERY        0x02    /* ... type Query */
#define QR_ID           0x81    /* structured field: Query Reply */
#define QR_USABLE_AREA  0x81
#define QR_IMPLICIT     0xA6

const u8 q3270_query[5] = { 0x00, 0x05, SF_READ_PART, RP_ALL, RP_QUERY };

static unsigned get16(const u8 *b)
{
    return (unsigned)b[0] << 8 | b[1];
}

bool q3270_size(const u8 *rec, unsigned n, unsigned *rows, unsigned *cols)
{
    unsigned r = 0, c = 0;
    bool implicit = false;

    if (n < 1 || rec[0] != Q3270_AID)
        return false;
    /* each field: length (2, counting itself), X'81', the reply's code */
    for (unsigned i = 1; i + 4 <= n; ) {
        unsigned len = get16(rec + i);
        if (len < 4 || i + len > n)
            break;
        if (rec[i + 2] == QR_ID && rec[i + 3] == QR_IMPLICIT && len >= 17) {
            /* 2 reserved, then the size parameter: length X'0B', X'01',
             * flags, default width and height, alternate width and height */
            c = get16(rec + i + 13);
            r = get16(rec + i + 15);
            implicit = true;
        } else if (rec[i + 2] == QR_ID && rec[i + 3] == QR_USABLE_AREA && len >= 10 && !implicit) {
            /* two flag bytes, then width and height */
            c = get16(rec + i + 6);
            r = get16(rec + i + 8);
        }
        i += len;
    }
    if (!r || !c)
        return false;
    *rows = r;
    *cols = c;
    return true;
}
