#if canImport(Glibc)
import Glibc
#endif

/// Measures the reader alone: every record read and every field's bytes handed to a consumer
/// that sums them, as the normaliser would read them. Used by `make bench`.
public enum ReadThroughput {
    public struct Measurement {
        public var bytes: Int
        public var seconds: Double
        public var records: Int
        public var fields: Int
        public var peakRSSKiB: Int
    }

    public static func measure(path: String) throws -> Measurement {
        var records = 0
        var fields = 0
        var checksum = 0
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let summary = try CSVReader(path: path).read(diagnose: { _ in }) { record in
            records += 1
            for i in 0..<record.presentCount {
                record.withFieldBytes(i) { checksum &+= $0.count }
            }
            fields += record.presentCount
        }
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        precondition(checksum >= 0)
        return Measurement(bytes: summary.bytes, seconds: seconds, records: records, fields: fields,
                           peakRSSKiB: Int(usage.ru_maxrss))
    }
}
