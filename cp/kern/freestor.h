/* freestor.h - CP free storage for control blocks.
 *
 * A region of real storage set aside at IPL, managed first-fit with an
 * address-ordered free list that coalesces neighbours on free.  Every
 * block carries a four-character tag ("VMBLK", "TASK" ...); QUERY FREE
 * shows bytes and blocks in use per tag, so a leak has a name. */
#ifndef CP_KERN_FREESTOR_H
#define CP_KERN_FREESTOR_H

#include "arch370/types.h"

void freestor_init(void *base, size_t size);
void *kmalloc(size_t size, const char *tag);
void *kzalloc(size_t size, const char *tag);
void kfree(void *p);

struct freestor_stats {
    size_t total, in_use, high_water;
    u32 blocks, failures;
};
void freestor_stats(struct freestor_stats *st);

/* per-tag usage: calls fn for every tag in use */
void freestor_by_tag(void (*fn)(const char *tag, u32 blocks, size_t bytes, void *arg), void *arg);

#endif
