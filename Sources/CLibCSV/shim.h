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

/* Byte scans of the reading thread's hot path (`FieldScan.kinds`, `UTF8Validation`), run over
 * every record: sixteen bytes at a time with SSE2 (every x86-64 has it), thirty-two with AVX2
 * where the processor has it (looked up at run time), a byte at a time elsewhere. The tests check
 * them against a byte loop and Swift's own UTF-8 decoding. */
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Bit 0: some byte is below 0x0E (line breaks, NUL, tabs); bit 1: some byte is above 0x7F. */
static inline int needs_scan_kinds(const unsigned char *_Nullable bytes, size_t count) {
    size_t i = 0;
    int control = 0, high = 0;
#if defined(__SSE2__)
    const __m128i below = _mm_set1_epi8(0x0D);
    __m128i ors = _mm_setzero_si128(), lows = _mm_setzero_si128();
    for (; i + 16 <= count; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + i));
        ors = _mm_or_si128(ors, v);
        /* min(v, 0x0D) == v exactly when v < 0x0E, unsigned. */
        lows = _mm_or_si128(lows, _mm_cmpeq_epi8(_mm_min_epu8(v, below), v));
    }
    if (i < count && count >= 16) {
        /* The last bytes, in a block that overlaps the one before. */
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + count - 16));
        ors = _mm_or_si128(ors, v);
        lows = _mm_or_si128(lows, _mm_cmpeq_epi8(_mm_min_epu8(v, below), v));
        i = count;
    }
    high = _mm_movemask_epi8(ors) != 0;
    control = _mm_movemask_epi8(lows) != 0;
#endif
    for (; i < count; i++) {
        unsigned char b = bytes[i];
        high |= b >= 0x80;
        control |= b < 0x0E;
    }
    return control | (high << 1);
}

/* `needs_scan_kinds` thirty-two bytes at a time with AVX2, for a processor that has it
 * (`needs_has_avx2`); elsewhere `needs_scan_kinds` itself. */
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>
__attribute__((target("avx2"))) static inline int needs_scan_kinds_avx2(const unsigned char *_Nullable bytes, size_t count) {
    if (count < 32) return needs_scan_kinds(bytes, count);
    const __m256i below = _mm256_set1_epi8(0x0D);
    __m256i ors = _mm256_setzero_si256(), lows = _mm256_setzero_si256();
    size_t i = 0;
    for (; i + 32 <= count; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(bytes + i));
        ors = _mm256_or_si256(ors, v);
        lows = _mm256_or_si256(lows, _mm256_cmpeq_epi8(_mm256_min_epu8(v, below), v));
    }
    if (i < count) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(bytes + count - 32));
        ors = _mm256_or_si256(ors, v);
        lows = _mm256_or_si256(lows, _mm256_cmpeq_epi8(_mm256_min_epu8(v, below), v));
    }
    return (_mm256_movemask_epi8(lows) != 0) | ((_mm256_movemask_epi8(ors) != 0) << 1);
}

/* Whether the processor and the system have AVX2 (CPUID, and the YMM state enabled in XCR0). */
static inline bool needs_has_avx2(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE) || !(c & bit_AVX)) return false;
    unsigned lo, hi;
    __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 6) != 6) return false;
    if (__get_cpuid_max(0, NULL) < 7) return false;
    __cpuid_count(7, 0, a, b, c, d);
    return (b & bit_AVX2) != 0;
}
#else
static inline int needs_scan_kinds_avx2(const unsigned char *_Nullable bytes, size_t count) { return needs_scan_kinds(bytes, count); }
static inline bool needs_has_avx2(void) { return false; }
#endif

/* The offset of the first byte that starts an ill-formed UTF-8 sequence (Unicode 15, table 3-7),
 * or -1 when every sequence is well formed; with `allow_truncated_end`, a sequence cut off by the
 * end counts as well formed. ASCII is skipped sixteen bytes at a time, and to the first byte
 * above it in a block that has one. */
static inline intptr_t needs_utf8_first_invalid(const unsigned char *_Nullable bytes, size_t count,
                                                 bool allow_truncated_end) {
    size_t i = 0;
    while (i < count) {
#if defined(__SSE2__)
        if (i + 16 <= count) {
            int mask = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(bytes + i)));
            if (mask == 0) { i += 16; continue; }
            i += (size_t)__builtin_ctz((unsigned)mask);
        }
#endif
        unsigned char b0 = bytes[i];
        if (b0 < 0x80) { i++; continue; }
        size_t length;
        unsigned char lower = 0x80, upper = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) length = 2;
        else if (b0 == 0xE0) { length = 3; lower = 0xA0; }
        else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) length = 3;
        else if (b0 == 0xED) { length = 3; upper = 0x9F; }
        else if (b0 == 0xF0) { length = 4; lower = 0x90; }
        else if (b0 >= 0xF1 && b0 <= 0xF3) length = 4;
        else if (b0 == 0xF4) { length = 4; upper = 0x8F; }
        else return (intptr_t)i;
        for (size_t k = 1; k < length; k++) {
            if (i + k >= count) return allow_truncated_end ? -1 : (intptr_t)i;
            unsigned char b = bytes[i + k];
            if (k == 1 ? (b < lower || b > upper) : (b < 0x80 || b > 0xBF)) return (intptr_t)i;
        }
        i += length;
    }
    return -1;
}

/* The offset of the first byte above 0x7F in `bytes`, of which there is one. */
static inline size_t needs_first_high(const unsigned char *_Nonnull bytes, size_t count) {
    size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= count; i += 16) {
        int mask = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(bytes + i)));
        if (mask) return i + (size_t)__builtin_ctz((unsigned)mask);
    }
#endif
    while (bytes[i] < 0x80) i++;
    return i;
}

/* The offset of the last byte above 0x7F in `bytes`, of which there is one. */
static inline size_t needs_last_high(const unsigned char *_Nonnull bytes, size_t count) {
    size_t n = count;
#if defined(__SSE2__)
    for (; n >= 16; n -= 16) {
        int mask = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(bytes + n - 16)));
        if (mask) return n - 16 + (size_t)(31 - __builtin_clz((unsigned)mask));
    }
#endif
    while (bytes[n - 1] < 0x80) n--;
    return n - 1;
}

/* Whether a record's fields `from`..<`count` (its bytes from `start` to `end`, their ends in
 * `ends`) need nothing done (`ParseState.settleFields`): no byte below 0x0E, and either no byte
 * above 0x7F or valid UTF-8 in which no field starts inside a character (then each field is valid
 * on its own). One call a record, where Swift checked each field's first byte with overflow checks.
 * Only the span from the first byte above ASCII to the last is read twice: the bytes around it
 * are ASCII, well formed on their own (a sequence the span's end cuts off is ill-formed, as it is
 * when an ASCII byte follows it), and a field can start inside a character only within it (after
 * its first byte, which a well-formed span starts a character with). A survey row's letters above
 * ASCII are mostly in one field, its place name. With `avx2` (`needs_has_avx2`), the first pass
 * reads thirty-two bytes at a time. */
static inline bool needs_fields_settled(const unsigned char *_Nonnull bytes, const intptr_t *_Nonnull ends,
                                        intptr_t from, intptr_t count, intptr_t start, intptr_t end, bool avx2) {
    int kinds = avx2 ? needs_scan_kinds_avx2(bytes + start, (size_t)(end - start))
                     : needs_scan_kinds(bytes + start, (size_t)(end - start));
    if (kinds & 1) return false;
    if (!(kinds & 2)) return true;
    intptr_t first = start + (intptr_t)needs_first_high(bytes + start, (size_t)(end - start));
    intptr_t last = start + (intptr_t)needs_last_high(bytes + start, (size_t)(end - start));
    if (needs_utf8_first_invalid(bytes + first, (size_t)(last + 1 - first), false) >= 0) return false;
    /* Without branches on each field: empty fields (many in an export) made them mispredict. An
     * empty field's first byte is the next field's, or the buffer's slack. */
    int split = 0;
    for (intptr_t i = from + 1; i < count; i++) {
        intptr_t field = ends[i - 1];
        if (field > last) break;
        split |= (field > first) & (field < ends[i]) & ((bytes[field] & 0xC0) == 0x80);
    }
    return !split;
}

#endif
