/* A small hash step that is always inlined, so that callgrind attributes its cost to this header
 * inside the functions that use it (fi=/fe= lines in the profile). */
#ifndef CHECKSUM_H
#define CHECKSUM_H

static inline __attribute__((always_inline)) unsigned long mix(unsigned long h, unsigned long v)
{
    h ^= v + 0x9e3779b97f4a7c15UL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdUL;
    return h ^ (h >> 33);
}

#endif
