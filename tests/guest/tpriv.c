#include "guest.h"
int main(void)
{
    return 0;
}
