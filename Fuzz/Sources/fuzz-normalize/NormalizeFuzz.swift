import Foundation
import NeedsKit

/// Records → respondents against the inputs/ instrument: the input is an export; every record
/// must be accounted for (respondents + duplicates + blank + quarantined), and the figures of
/// whatever came through must compute.
private let instrument: Instrument = {
    let root = ProcessInfo.processInfo.environment["NEEDS_ROOT"] ?? FileManager.default.currentDirectoryPath
    return try! InstrumentLoader.load(root + "/inputs/instrument")
}()

private let normalizer = Normalizer(instrument: instrument)

@_cdecl("LLVMFuzzerTestOneInput")
public func normalizeFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let aggregator = Aggregator(instrument: instrument)
    let account = Pipeline.normalize(bytes: Array(UnsafeBufferPointer(start: data, count: size)), normalizer: normalizer) {
        aggregator.add($0)
    }
    if account.failure == nil {
        precondition(account.balances, "accounting broken: \(account)")
    }
    _ = aggregator.figures()
    return 0
}
