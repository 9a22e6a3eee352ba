import Benchmark
import Foundation
import NeedsKit

// Micro-benchmarks of the hot paths, with allocation counts (`make bench-micro`). Each
// benchmark's iteration is one unit of work; the table shows time and mallocs per iteration.
// The allocation counts are the point: reading and normalising must not allocate per field.

/// The repository's root (this file is Benchmarks/Benchmarks/NeedsBenchmarks/NeedsBenchmarks.swift).
private let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

private let instrument = try! InstrumentLoader.load(root + "/inputs/instrument")

/// A synthetic KoboToolbox export of the inputs/ instrument, `rows` respondents, in memory.
private func koboExport(rows: Int) -> [UInt8] {
    let path = NSTemporaryDirectory() + "/needs-bench-\(rows).csv"
    var options = SurveySynthesizer.Options()
    options.rows = rows
    options.seed = 2025
    var synthesizer = SurveySynthesizer(instrument: instrument, options: options)
    try! synthesizer.write(to: path)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return Array(FileManager.default.contents(atPath: path)!)
}

private let export10k = koboExport(rows: 10_000)

private let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: metrics, maxDuration: .seconds(3), maxIterations: 1_000)

    // The reader alone: 10,000 records of 36 fields, every field's bytes touched.
    Benchmark("reader: 10,000 Kobo records") { benchmark in
        for _ in benchmark.scaledIterations {
            var bytes = 0
            _ = try CSVReader(bytes: export10k, displayName: "bench.csv").read(diagnose: { _ in }) { record in
                for i in 0..<record.presentCount { record.withFieldBytes(i) { bytes &+= $0.count } }
            }
            blackHole(bytes)
        }
    }

    // Reader and normaliser: records to clean respondents (a fresh normaliser each time, so no
    // row is a duplicate of the previous iteration's).
    Benchmark("read + normalise: 10,000 Kobo records") { benchmark in
        for _ in benchmark.scaledIterations {
            let normalizer = Normalizer(instrument: instrument)
            var respondents = 0
            let account = Pipeline.normalize(bytes: export10k, normalizer: normalizer) { _ in respondents += 1 }
            precondition(account.respondents == 10_000)
            blackHole(respondents)
        }
    }

    // What every run does before its first answer is read: the gazetteer's names keyed (on a
    // second core, while the first file is opened, but the first place answer waits for it), and
    // a normaliser made for the instrument (its columns' and labels' keys).
    Benchmark("start: gazetteer built", configuration: .init(maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Gazetteer()) }
    }
    Benchmark("start: normaliser made for the instrument", configuration: .init(maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Normalizer(instrument: instrument)) }
    }

    // The label matcher, on labels it has not seen (the slow path a value takes once per run):
    // exact, case- and diacritics-insensitive Latvian labels and a Google Forms checkbox cell.
    let importance = instrument.choiceLists["importance5"]!
    let training = instrument.choiceLists["topics"]!
    let matcher = ChoiceMatcher(list: importance)
    let topics = ChoiceMatcher(list: training)
    let labels = importance.choices.compactMap { $0.labels["lv"] }
    let loose = labels.map { $0.lowercased().folding(options: .diacriticInsensitive, locale: nil) }
    let cell = training.choices.prefix(3).compactMap { $0.labels["en"] }.joined(separator: ", ")
    Benchmark("label matcher: 1 label (lv, exact)") { benchmark in
        for i in benchmark.scaledIterations { blackHole(matcher.match(labels[i % labels.count])) }
    }
    Benchmark("label matcher: 1 label (lv, no diacritics)") { benchmark in
        for i in benchmark.scaledIterations { blackHole(matcher.match(loose[i % loose.count])) }
    }
    Benchmark("label matcher: 1 checkbox cell of 3 labels") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(topics.splitMultiple(cell)) }
    }

    // The accumulators: one topic's weighted moments, and a respondent into every topic's cell.
    Benchmark("accumulator: 1,000 ratings into one topic") { benchmark in
        for _ in benchmark.scaledIterations {
            var accumulator = TopicAccumulator()
            for k in 0..<1_000 {
                accumulator.add(importance: Double(1 + k % 5), competence: Double(1 + k % 3), demanded: k % 4 == 0)
            }
            blackHole(accumulator)
        }
    }
    var sample: [Respondent] = []
    _ = Pipeline.normalize(bytes: export10k, normalizer: Normalizer(instrument: instrument)) { sample.append($0) }
    let respondents = sample
    Benchmark("aggregator: 10,000 respondents") { benchmark in
        for _ in benchmark.scaledIterations {
            let aggregator = Aggregator(instrument: instrument)
            for respondent in respondents { aggregator.add(respondent) }
            blackHole(aggregator.respondentCount)
        }
    }
}
