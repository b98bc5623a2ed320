/* main.c - the CMS nucleus in its virtual machine: storage, the IPL
 * options, and the abend path that a program interruption takes.
 *
 * A program check anywhere in CMS (a command's bug, a bad EXEC that got
 * past every check) must not stop the virtual machine: the program new
 * PSW leads to cms_abend, which says what happened, frees all storage,
 * mounts the disks again and goes back to reading commands. */
#include "cms-guest/core/cms.h"
#include "arch370/be.h"
#include "arch370/ebcdic.h"

#define PARM_AREA       0x900   /* start.S stores R0-R15 (the IPL PARM) here */
#define PGM_OLD_PSW     0x28
#define PGM_NEW_PSW     0x68
#define PGM_CODE_EC     0x8E    /* EC mode: the interruption code */
#define PGM_REGS        0x980   /* start.S stores R0-R15 of the interruption here */
#define RC_ABEND        256

void cms_main(void) __attribute__((noreturn));
void cms_abend(void) __attribute__((noreturn));
extern char __heap_start[];
extern void cms_pgm_entry(void);

static void set_program_new_psw(void)
{
    u8 *psw = (u8 *)(uintptr_t)PGM_NEW_PSW;

    put_be32(psw, 0x00080000u);         /* EC mode, disabled, key 0 */
    put_be32(psw + 4, (u32)(uintptr_t)cms_pgm_entry);
}

/* IPL CMS PARM NOPROF: no PROFILE EXEC */
static void parse_parm(struct cms_ipl_options *o)
{
    char text[65];

    ebc_to_ascii_buf(text, (const u8 *)(uintptr_t)PARM_AREA, 64);
    text[64] = 0;
    for (char *s = text; *s; s++)
        *s = (char)cms_toupper((unsigned char)*s);
    o->noprof = cms_strstr(text, "NOPROF") != NULL;
}

static void storage_init(void)
{
    u32 top = sys_storage_size();
    u32 base = (u32)(uintptr_t)__heap_start;

    cms_storage_init(__heap_start, top > base ? top - base : 0);
}

void cms_main(void)
{
    struct cms_ipl_options o = { 0 };

    parse_parm(&o);
    set_program_new_psw();
    storage_init();
    cms_ipl(&o);
    for (;;)
        cms_loop();
}

void cms_abend(void)
{
    const u8 *old = (const u8 *)(uintptr_t)PGM_OLD_PSW;
    u16 code = get_be16((const u8 *)(uintptr_t)PGM_CODE_EC);
    struct sys_clock now;

    const u8 *regs = (const u8 *)(uintptr_t)PGM_REGS;

    cms_msg("DMSABN148T", "SYSTEM ABEND 0C%X AT %06X (R14 %08X); CMS RECOVERS", code & 0xF,
            get_be32(old + 4) & 0xFFFFFF, get_be32(regs + 14 * 4));
    cms_recover();
    sys_clock(&now);
    cms_ready(RC_ABEND, &now);
    for (;;)
        cms_loop();
}
