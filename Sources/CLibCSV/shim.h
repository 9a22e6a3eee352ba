#ifndef NEEDS_CLIBCSV_SHIM_H
#define NEEDS_CLIBCSV_SHIM_H
#include <csv.h>

/* A hint that the cache line at `address` will be read soon: the duplicate check's table slot
 * and filter block, asked for while the rest of the row is read. Swift has no prefetch of its own. */
static inline void needs_prefetch(const void *address) { __builtin_prefetch(address, 1, 3); }
#endif
