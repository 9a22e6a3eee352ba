#ifndef NEEDS_CLIBCSV_SHIM_H
#define NEEDS_CLIBCSV_SHIM_H
#include <csv.h>

/* Hints that the cache line at `address` will be used soon: the duplicate check's table slot (to
 * be written) and filter block (to be read), asked for while the rest of the row is read; the
 * next records' bytes (to be read), asked for while the normaliser reads the one before. Swift
 * has no prefetch of its own. */
static inline void needs_prefetch_write(const void *address) { __builtin_prefetch(address, 1, 3); }
static inline void needs_prefetch_read(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
