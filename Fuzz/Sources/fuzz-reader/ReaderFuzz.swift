import NeedsKit

/// Bytes → records, through every encoding and dialect path: the first byte picks the options
/// (detection, or an encoding and a delimiter forced), the rest is the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func readerFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let selector = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var options = ReaderOptions()
    options.chunkSize = 1 + Int(selector >> 4) * 7
    options.sampleSize = selector & 1 == 0 ? 4096 : 16
    if selector & 2 != 0 {
        options.encoding = TextEncoding.allCases[Int(selector >> 2) % TextEncoding.allCases.count]
    }
    if selector & 0x80 != 0 { options.delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")][Int(selector >> 5) & 3] }
    // Bits 2 and 3 pick the encoding only when one is forced; otherwise a field limit small
    // enough for inputs of a few KiB to cross it (the dropping of an oversize field's bytes,
    // never reached at the default 64 MiB), and the parsing on a thread of its own.
    let smallLimit = selector & 2 == 0 && selector & 4 != 0
    let ahead = selector & 2 == 0 && selector & 8 != 0
    if smallLimit { options.maxFieldBytes = 256 }
    var records = 0
    var fields = 0
    do {
        let reader = CSVReader(bytes: bytes, displayName: "fuzz.csv", options: options)
        let handler: (RecordBuffer) -> Void = { record in
            records += 1
            fields += record.fields.count
        }
        let summary = ahead ? try reader.readAhead(diagnose: { _ in }, handler) : try reader.read(diagnose: { _ in }, handler)
        // The reader's own accounting must hold for any input.
        precondition(summary.dataRecords + (summary.headerFieldCount > 0 ? 1 : 0) == records,
                     "records delivered \(records) ≠ records accounted \(summary.dataRecords)")
        precondition(summary.blankRecords + summary.quarantinedRecords <= summary.dataRecords)
    } catch {
        // A refused input (binary data, a field past the limit) is an answer, not a crash.
    }
    _ = SniffCommand.run(paths: [], options: options)
    return 0
}
