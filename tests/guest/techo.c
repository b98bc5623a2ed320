/* techo.c - a console program: says hello, then echoes what the user
 * types until END.  Shows a guest writing and reading its virtual 3215
 * with SIO, and CP's VM READ. */
#include "guest.h"

int main(void)
{
    char line[128];

    con_write("TECHO READY - TYPE A LINE, END TO STOP");
    for (;;) {
        int n = con_read(line, sizeof line);
        if (!strcmp(line, "END") || !strcmp(line, "end"))
            break;
        con_printf("ECHO: %s (%d)", line, n);
    }
    con_write("TECHO DONE");
    return 0;
}
