/* dirread.c - read the directory image from the DIRECT area page by page,
 * checking each as it comes, then hand the whole image to dir_load(). */
#include "cp/dir/dirread.h"
#include "cp/dir/directory.h"
#include "cp/io/sysres.h"
#include "cp/io/cpvol.h"
#include "cp/kern/freestor.h"
#include "cp/lib/string.h"

#define DIR_E_NOAREA    (-20)
#define DIR_E_READ      (-21)

int dir_read_from_volume(unsigned *count)
{
    const struct cp_area *a = cp_area_find("DIRECT", NULL, 0);
    u8 *image;
    int pages, rc;

    *count = 0;
    if (!a || a->pages == 0)
        return DIR_E_NOAREA;
    image = kmalloc(CPVOL_PAGE_SIZE, "DIRIMG");
    if (!image)
        return DIR_E_NOMEM;
    if (cp_area_read_page(a, 0, image) != 0) {
        kfree(image);
        return DIR_E_READ;
    }
    pages = dir_check_header(image);
    if (pages <= 0 || (u32)pages > a->pages) {
        kfree(image);
        return pages <= 0 ? pages : DIR_E_LAYOUT;
    }
    if (pages > 1) {
        u8 *all = kmalloc((size_t)pages * CPVOL_PAGE_SIZE, "DIRIMG");
        if (!all) {
            kfree(image);
            return DIR_E_NOMEM;
        }
        memcpy(all, image, CPVOL_PAGE_SIZE);
        kfree(image);
        image = all;
        for (int p = 1; p < pages; p++) {
            u8 *pg = image + (size_t)p * CPVOL_PAGE_SIZE;
            if (cp_area_read_page(a, (u32)p, pg) != 0) {
                kfree(image);
                return DIR_E_READ;
            }
            rc = dir_check_page(image, (u32)p, pg);
            if (rc != DIR_OK) {
                kfree(image);
                return rc;
            }
        }
    }
    rc = dir_load(image, (size_t)pages * CPVOL_PAGE_SIZE);
    kfree(image);
    if (rc == DIR_OK)
        *count = dir_count();
    return rc;
}
