#ifndef NEEDS_CLIBCSV_SHIM_H
#define NEEDS_CLIBCSV_SHIM_H
#include <csv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Hints that the cache line at `address` will be used soon: the duplicate check's table slot (to
 * be written) and filter block (to be read), asked for while the rest of the row is read; the
 * next records' bytes (to be read), asked for while the normaliser reads the one before. Swift
 * has no prefetch of its own. */
static inline void needs_prefetch_write(const void *address) { __builtin_prefetch(address, 1, 3); }
static inline void needs_prefetch_read(const void *address) { __builtin_prefetch(address, 0, 3); }

/* A record's fields as libcsv builds them: `FieldSink` in Swift, which holds the documentation
 * and every operation but one. It is a C struct so that the one operation libcsv calls for every
 * field, `needs_field_callback`, is a plain C function. */
typedef struct needs_field_sink {
    void *_Nonnull bytes;
    intptr_t byteCapacity;
    intptr_t byteCount;
    intptr_t *_Nonnull ends;
    intptr_t endCapacity;
    intptr_t fieldCount;
    intptr_t newlines;
    intptr_t line;
    bool lastTerminatorWasCR;
    bool stopped;
    void *_Nullable ownerPointer;
    intptr_t fieldLimit;
    intptr_t droppedFields;
    struct csv_parser *_Nullable parser;
    intptr_t settledFields;
    /* Every field the fast path below does not take, with libcsv's arguments. */
    void (*_Nonnull otherField)(void *_Nullable field, size_t length, void *_Nullable sink);
} needs_field_sink;

/* libcsv's field callback (its context is the record's sink). A field libcsv built in place (at
 * the end of the record's bytes, where the sink pointed its field buffer) or an empty one, with
 * room for its end, costs an add, a store and pointing libcsv past it. Anything else, and every
 * field once the reader has stopped, goes to `otherField`. Written in C because a Swift
 * @convention(c) closure is two calls (a thunk, then the closure) for each of a file's fields. */
static inline void needs_field_callback(void *_Nullable field, size_t length, void *_Nullable context) {
    needs_field_sink *sink = (needs_field_sink *)context;
    intptr_t n = (intptr_t)length;
    if (__builtin_expect(!sink->stopped && sink->fieldCount < sink->endCapacity && n >= 0
                             && (n == 0 || (char *)field == (char *)sink->bytes + sink->byteCount), 1)) {
        intptr_t end = sink->byteCount + n;
        sink->byteCount = end;
        sink->ends[sink->fieldCount++] = end;
        struct csv_parser *parser = sink->parser;
        if (parser) {
            parser->entry_buf = (unsigned char *)sink->bytes + end;
            parser->entry_size = (size_t)(sink->byteCapacity - end - 16);
        }
        return;
    }
    sink->otherField(field, length, context);
}

/* Removes a file, or a folder and everything in it, as far as it can: for a run stopped by a
 * signal (Ctrl-C), which leaves no time for Foundation. System calls only (on Linux a folder is
 * listed with getdents64 into the stack, not opendir, which allocates: a signal that came inside
 * malloc made it abort or wait). A folder is listed again until it is empty, as the run's other
 * threads may still be writing into it. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#else
#include <dirent.h>
#endif
static inline void needs_remove_tree(const char *_Nonnull path) {
    struct stat info;
    if (lstat(path, &info) != 0) return;
    if (!S_ISDIR(info.st_mode)) { unlink(path); return; }
    size_t a = strlen(path);
    char child[4096];
    if (a + 2 > sizeof child) return;
    memcpy(child, path, a);
    child[a] = '/';
    for (int attempt = 0; attempt < 8; attempt++) {
#ifdef __linux__
        int folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (folder < 0) return;
        char entries[2048] __attribute__((aligned(8)));
        long n;
        while ((n = syscall(SYS_getdents64, folder, entries, sizeof entries)) > 0) {
            for (long at = 0; at < n;) {
                /* struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name. */
                unsigned short length;
                memcpy(&length, entries + at + 16, sizeof length);
                const char *name = entries + at + 19;
                at += length;
                if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
                size_t b = strlen(name);
                if (a + b + 2 > sizeof child) continue;
                memcpy(child + a + 1, name, b + 1);
                needs_remove_tree(child);
            }
        }
        close(folder);
#else
        DIR *folder = opendir(path);
        if (!folder) return;
        struct dirent *entry;
        while ((entry = readdir(folder)) != NULL) {
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
            size_t b = strlen(entry->d_name);
            if (a + b + 2 > sizeof child) continue;
            memcpy(child + a + 1, entry->d_name, b + 1);
            needs_remove_tree(child);
        }
        closedir(folder);
#endif
        if (rmdir(path) == 0 || lstat(path, &info) != 0) return;
    }
}

/* Swaps two paths in one step (renameat2 with RENAME_EXCHANGE, Linux 3.15 and later): the new
 * reports folder takes the place of the old one with no moment at which neither is there, as two
 * renames leave. Returns 0, or -1 with errno set; ENOSYS (an older kernel, or not Linux) and
 * EINVAL (a filesystem without the exchange, such as some network shares) tell the caller to
 * fall back to two renames. Called through syscall: glibc before 2.28 has no wrapper. */
#include <errno.h>
#if defined(__linux__) && !defined(RENAME_EXCHANGE)
#define RENAME_EXCHANGE (1 << 1)
#endif
static inline int needs_rename_exchange(const char *_Nonnull from, const char *_Nonnull to) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
#else
    (void)from;
    (void)to;
    errno = ENOSYS;
    return -1;
#endif
}

/* Marks the calling thread as a batch thread (Linux SCHED_BATCH: the same share of the CPU as any
 * other thread, but it does not preempt the running one when it wakes); elsewhere nothing. */
#ifdef __linux__
#include <sched.h>
#ifndef SCHED_BATCH
#define SCHED_BATCH 3
#endif
static inline void needs_make_batch_thread(void) {
    struct sched_param param = {0};
    (void)sched_setscheduler(0, SCHED_BATCH, &param);
}

/* Whether the calling thread is a batch thread (tests). */
static inline bool needs_is_batch_thread(void) { return sched_getscheduler(0) == SCHED_BATCH; }
#else
static inline void needs_make_batch_thread(void) {}
static inline bool needs_is_batch_thread(void) { return false; }
#endif

/* `%.*f` of `value` into `buffer` (C's snprintf, the process's C locale never changed: `.`): the
 * number of characters it needed, as snprintf. One call, where Swift's `withVaList` boxed each
 * argument. */
#include <stdio.h>
static inline int needs_format_fixed(double value, int decimals, char *_Nonnull buffer, size_t size) {
    return snprintf(buffer, size, "%.*f", decimals, value);
}

#endif
