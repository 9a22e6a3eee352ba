// The reader alone, for `make bench`: reads a file and touches every field's bytes, as the next
// stage would. Prints bytes, seconds and peak RSS (KiB) on one line.
#if canImport(Glibc)
import Glibc
#endif
import NeedsKit

guard CommandLine.arguments.count == 2 else {
    fputs("usage: needs-bench FILE\n", stderr)
    exit(2)
}
do {
    let measurement = try ReadThroughput.measure(path: CommandLine.arguments[1])
    print("\(measurement.bytes) \(measurement.seconds) \(measurement.peakRSSKiB) \(measurement.records) \(measurement.fields)")
} catch {
    fputs("\(error)\n", stderr)
    exit(2)
}
