/* abend.c - abend messages and the final disabled wait. */
#include "cp/kern/abend.h"
#include "cp/lib/format.h"
#include "cp/lib/string.h"
#include "arch370/prefix.h"
#include "arch370/interrupt.h"
#include "arch370/ebcdic.h"


static const char *pgm_names[] = {
    [0x01] = "operation", [0x02] = "privileged operation", [0x03] = "execute",
    [0x04] = "protection", [0x05] = "addressing", [0x06] = "specification",
    [0x07] = "data", [0x08] = "fixed-point overflow", [0x09] = "fixed-point divide",
    [0x0A] = "decimal overflow", [0x0B] = "decimal divide", [0x10] = "segment translation",
    [0x11] = "page translation", [0x12] = "translation specification",
    [0x13] = "special operation",
};

static u32 opcon_sid;

void abend_set_console(u32 sid)
{
    opcon_sid = sid;
}

/* Polled write on the operator console: clear whatever the driver had in
 * flight, start one write CCW, and poll for its status.  Needs neither
 * interruptions nor any other part of CP; gives up after a bounded wait
 * (no client connected is normal). */
void polled_opcon_write(const char *line)
{
    static struct ccw1 ccw;
    static struct orb orb;
    static u8 buf[132];
    struct irb irb;
    u32 sid = opcon_sid;
    size_t n = strlen(line);

    if (!sid)
        return;
    if (n > sizeof buf)
        n = sizeof buf;
    ebc_from_ascii(buf, line, n);
    for (int i = 0; i < 100000 && tsch(sid, &irb) == 0; i++)
        ;                                       /* drain pending status */
    csch(sid);
    for (int i = 0; i < 1000000; i++)
        if (tsch(sid, &irb) == 0)
            break;
    ccw1_make(&ccw, 0x09, CCW_SLI, (u16)n, (u32)(uintptr_t)buf);
    orb_make(&orb, 0, 0, ORB_FMT1 | ORB_LPM_ALL, (u32)(uintptr_t)&ccw);
    if (ssch(sid, &orb) != 0)
        return;
    for (int i = 0; i < 5000000; i++) {
        if (tsch(sid, &irb) == 0 && (scsw_word0(irb.b) & SCSW_SC_PRIMARY))
            return;
    }
}

/* the GPRs entry.S saved at the fault */
static void dump_registers(void)
{
    char line[100];

    for (int i = 0; i < 16; i += 4) {
        fmt_snprintf(line, sizeof line, "CPX902I GR %2d-%2d  %08X %08X %08X %08X",
                     i, i + 3, lc_fault_reg(i), lc_fault_reg(i + 1), lc_fault_reg(i + 2),
                     lc_fault_reg(i + 3));
        polled_opcon_write(line);
    }
}

static void __attribute__((noreturn)) stop(u32 code)
{
    char line[80];

    fmt_snprintf(line, sizeof line, "CPX909T CP stopped: disabled wait code %08X", code);
    polled_opcon_write(line);
    disabled_wait(code);
}

void cp_abend(enum abend_reason reason, const char *why)
{
    char line[132];

    fmt_snprintf(line, sizeof line, "CPX900T CP ABEND SFT%04X: %s", (unsigned)reason, why);
    polled_opcon_write(line);
    stop(WAIT_SOFT | (u32)reason);
}

void cp_fault(int fault_class)
{
    char line[132];
    u32 psw0 = (u32)(lc_fault_psw() >> 32), psw1 = (u32)lc_fault_psw();
    u32 code = 0;

    switch (fault_class) {
    case FAULT_PGM: {
        u16 pic = lc_pgm_code() & 0xFF;
        const char *name = pic < ARRAY_SIZE(pgm_names) && pgm_names[pic] ? pgm_names[pic] : "unknown";
        fmt_snprintf(line, sizeof line, "CPX900T CP ABEND PRG%04X (%s exception) PSW %08X %08X",
                     pic, name, psw0, psw1);
        code = WAIT_PGM | pic;
        break;
    }
    case FAULT_MCK:
        fmt_snprintf(line, sizeof line, "CPX900T CP ABEND MCK: machine check, code %08X%08X PSW %08X %08X",
                     (u32)(lc_mck_code() >> 32), (u32)lc_mck_code(), psw0, psw1);
        code = WAIT_MCK;
        break;
    case FAULT_SVC:
        fmt_snprintf(line, sizeof line, "CPX900T CP ABEND SVC: SVC executed by CP, PSW %08X %08X", psw0, psw1);
        code = WAIT_SVC;
        break;
    default:
        fmt_snprintf(line, sizeof line, "CPX900T CP ABEND RST: restart requested by the operator, PSW %08X %08X",
                     psw0, psw1);
        code = WAIT_RESTART;
        break;
    }
    polled_opcon_write(line);
    dump_registers();
    stop(code);
}
