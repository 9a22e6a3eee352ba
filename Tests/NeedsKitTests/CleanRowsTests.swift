import CLibCSV
import Crypto
import Foundation
import XCTest
@testable import NeedsKit

/// `needs report` hands clean rows to the aggregating thread as answer ids (`RowHandoff`,
/// `CleanRowSink`); every other way in builds a `Respondent` per row. Both must give the same
/// clean table and figures, including the rows whose values are too many or too long for the
/// normaliser's tables (read per row, `Normalizer.Row.extra`), a panel code and `--by`.
final class CleanRowsTests: XCTestCase {
    func testRowsGiveWhatRespondentsGive() throws {
        let folder = TemporaryFolder()
        folder.write("i/survey.csv", """
            type,name,label,topic,measure,place,panel,report
            text,code,Code,,,,yes,
            select_one country,country,Country,,,country,,
            text,municipality,Municipality,,,municipality,,
            select_one role,role,Role,,,,,
            select_one scale,imp_a,Importance A,a,importance,,,
            select_one scale,comp_a,Competence A,a,competence,,,
            select_one scale,imp_b,Importance B,b,importance,,,
            select_one scale,comp_b,Competence B,b,competence,,,
            select_multiple topics,training_wanted,Training,,demand,,,
            decimal,hours,Hours,,,,,
            text,comments,Comments,,,,,yes
            """)
        var choices = "list_name,name,label\ncountry,EE,Estonia\ncountry,LV,Latvia\ncountry,LT,Lithuania\n"
        for k in 1...5 { choices += "scale,\(k),\(k)\n" }
        choices += "topics,a,Topic A\ntopics,b,Topic B\nrole,teacher,Teacher\nrole,social_worker,Social worker\n"
        folder.write("i/choices.csv", choices)
        folder.write("i/settings.csv", "form_id,version\nrows,1\n")

        // 6,000 rows: more distinct municipality names and comments than a value cache keeps
        // (4,096), values over 256 bytes, formula starts, known and unknown places, duplicates.
        var generator = SeededGenerator(seed: 11)
        var csv = "code,country,municipality,role,imp_a,comp_a,imp_b,comp_b,training_wanted,hours,comments,_uuid,end\n"
        let places = ["Tartu vald", "Rīga", "Vilniaus miesto savivaldybė", "Kehtna vald", "Tartu", "Atlantis"]
        for i in 0..<6000 {
            let country = ["EE", "LV", "LT", "", "Narnia"][Int(generator.next() % 5)]
            let municipality: String
            switch generator.next() % 8 {
            case 0: municipality = String(repeating: "Long town name ", count: 20) + "\(i % 7)"
            case 1: municipality = places[Int(generator.next() % UInt64(places.count))]
            default: municipality = "Town \(i)"
            }
            let role = ["teacher", "Social worker", "", "=cmd|' /C calc'!A0", String(repeating: "r", count: 300)][Int(generator.next() % 5)]
            func rating() -> String { ["", "1", "2", "3", "4", "5", "6"][Int(generator.next() % 7)] }
            let wanted = ["a", "b", "a b", "", "c a"][Int(generator.next() % 5)]
            let hours = ["", "2,5", "x", "10"][Int(generator.next() % 4)]
            let comment = generator.next() % 2 == 0 ? "note \(i) mail me at a\(i)@example.org" : "-\(i)"
            let uuid = i % 50 == 49 ? "u\(i - 1)" : "u\(i)"
            let code = "P\(i % 3000)"
            let day = String(format: "2025-%02d-%02d", 1 + i % 12, 1 + i % 28)
            csv += [code, country, municipality, role, rating(), rating(), rating(), rating(), wanted, hours, comment, uuid, day]
                .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\n"
        }
        let input = folder.write("rows.csv", csv)

        var options = RunOptions()
        options.instrumentPath = folder.path + "/i"
        options.inputs = [input]
        options.outputPath = folder.path + "/out"
        options.aggregation.byQuestion = "role"
        // The same answers as a later wave (its lines ended otherwise: a wave may not hold a file
        // of the baseline, nor its bytes).
        options.waves = [folder.write("later.csv", csv.replacingOccurrences(of: "\n", with: "\r\n"))]
        _ = try Pipeline.report(options)

        // The same run through respondents.
        let instrument = try InstrumentLoader.load(options.instrumentPath)
        let aggregator = Aggregator(instrument: instrument, options: options.aggregation)
        let clean = CleanResponsesWriter(instrument: instrument)
        var panel: PanelRatings? = PanelRatings()
        var respondents = 0
        _ = Pipeline.ingest(options, instrument: instrument, respondent: { respondent in
            respondents += 1
            aggregator.add(respondent)
            clean.add(respondent)
            Pipeline.record(respondent, instrument: instrument, aggregator: aggregator, into: &panel)
        }, quarantine: { _, _, _ in })
        XCTAssertGreaterThan(respondents, 5800)

        func read(_ name: String) throws -> String { try String(contentsOfFile: options.outputPath + "/" + name, encoding: .utf8) }
        XCTAssertEqual(try read("clean/responses.csv"), clean.text)
        XCTAssertEqual(try read("topic_demand.csv"), FiguresTable.render(aggregator.figures()))
        XCTAssertEqual(try read("topic_demand_by_municipality.csv"), FiguresTable.render(
            aggregator.municipalityFigures(), groupColumns: ["municipality_code", "municipality"]))
        XCTAssertEqual(try read("topic_demand_by_role.csv"), FiguresTable.render(
            aggregator.groupFigures(), groupColumns: ["role", "role_label"]))
        // The panel: the wave (the same file) pairs every code with itself.
        var waveAggregation = options.aggregation
        waveAggregation.byQuestion = nil
        let later = Aggregator(instrument: instrument, options: waveAggregation)
        var laterPanel: PanelRatings? = PanelRatings()
        var waveOptions = options
        waveOptions.inputs = options.waves
        _ = Pipeline.ingest(waveOptions, instrument: instrument, respondent: { respondent in
            later.add(respondent)
            Pipeline.record(respondent, instrument: instrument, aggregator: later, into: &laterPanel)
        }, quarantine: { _, _, _ in })
        let changes = WaveComparison.compare(wave: "later.csv", baseline: aggregator, later: later, panels: (panel!, laterPanel!),
                                             minCell: options.aggregation.minCell)
        XCTAssertEqual(try read("waves.csv"), WavesTable.render(changes))
        XCTAssertTrue(try read("waves.csv").contains("paired"), "the panel was compared")

        // The rows really took the slow ways: values past the caches and over 256 bytes.
        XCTAssertTrue(clean.text.contains("Long town name"))
        let towns = Set(clean.text.split(separator: ",").filter { $0.hasPrefix("Town ") })
        XCTAssertGreaterThan(towns.count, 4096)
        XCTAssertFalse(clean.text.contains("@example.org"), "addresses scrubbed")
    }

    /// The aggregating and hashing threads are batch threads (they do not preempt the parsing
    /// thread when a hand-off wakes them); the thread that starts them stays as it was (Linux).
    func testHelperThreadsAreBatchThreads() throws {
        #if os(Linux)
        final class Seen: @unchecked Sendable { var batch: [Bool] = [] }
        let seen = Seen()
        let rows = RowHandoff(batchSize: 1) { _ in seen.batch.append(needs_is_batch_thread()) }
        rows.startFile("a.csv")
        rows.finish()
        let done = DispatchSemaphore(value: 0)
        HelperThread.start {
            seen.batch.append(needs_is_batch_thread())
            done.signal()
        }
        done.wait()
        XCTAssertEqual(seen.batch, [true, true])
        XCTAssertFalse(needs_is_batch_thread(), "the calling thread keeps its policy")
        // The hashing thread, made a batch thread the same way, still gives the digest (FIPS 180-2's "abc").
        let digest = StreamDigest()
        Array("abc".utf8).withUnsafeBytes { digest.observe($0) }
        XCTAssertEqual(digest.finish(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #endif
    }

    /// Bytes copied (`observe`) and read into lent buffers, interleaved, in runs of every size up
    /// to a whole buffer, some lent buffers given back unused, each buffer lent again and again:
    /// the digest is the one of the bytes in order (two million `a`s after "abc", as sha256sum gave
    /// it; then bytes that differ from place to place, against their SHA-256 in one piece).
    func testStreamDigestOfCopiedAndLentBytes() {
        func digest(_ byte: (Int) -> UInt8) -> (digest: String, bytes: [UInt8], lent: Int) {
            let digest = StreamDigest()
            var all = Array("abc".utf8)
            all.withUnsafeBytes { digest.observe($0) }
            var step = 0, lent = 0
            while all.count < 2_000_003 {
                step += 1
                let n = min(2_000_003 - all.count, (step * 7919) % (1 << 16) + 1)
                let run = (all.count..<all.count + n).map(byte)
                if step % 5 == 0 {
                    run.withUnsafeBytes { digest.observe($0) }
                } else {
                    let buffer = digest.lend()
                    XCTAssertGreaterThanOrEqual(buffer.count, n)
                    if step % 7 == 0 { digest.observeLent(0); continue }
                    run.withUnsafeBytes { buffer.copyMemory(from: $0) }
                    digest.observeLent(n)
                    lent += 1
                }
                all += run
            }
            return (digest.finish(), all, lent)
        }
        let a = digest { _ in 0x61 }
        XCTAssertGreaterThan(a.lent, 40, "each of the sixteen buffers lent more than once")
        // (printf abc; head -c 2000000 /dev/zero | tr '\0' a) | sha256sum
        XCTAssertEqual(a.digest, "8e1c8f432d757272bd1468a773dac4b6b2a742a40342c20e74ef313ab065eec9")
        let varied = digest { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        XCTAssertEqual(varied.digest, FileDigest.hex(SHA256.hash(data: varied.bytes)))
    }

    /// `isDone` says whether background work (the duplicate check's tables written out) is done
    /// without waiting for it, and once it says so, `wait` returns at once with the result.
    func testBackgroundWorkSaysWhetherItIsDone() {
        let go = DispatchSemaphore(value: 0)
        let work = BackgroundWork(batch: true) { () -> Int in
            go.wait()
            return 42
        }
        XCTAssertFalse(work.isDone, "not done while it waits")
        XCTAssertFalse(work.isDone, "asked again")
        go.signal()
        let deadline = Date().addingTimeInterval(10)
        while !work.isDone && Date() < deadline { usleep(1000) }
        XCTAssertTrue(work.isDone)
        XCTAssertEqual(work.wait(), 42)
        XCTAssertTrue(work.isDone, "still done after the wait")
    }

    /// Work on a thread of its own (`BackgroundWork`, a run's reports) gives its result to every
    /// `wait`: a run whose write failed after the reports were taken waits again on its way out.
    func testBackgroundWorkCanBeWaitedForTwice() {
        let work = BackgroundWork { (1...1000).reduce(0, +) }
        XCTAssertEqual(work.wait(), 500_500)
        let again = DispatchSemaphore(value: 0)
        final class Box: @unchecked Sendable { var value = 0 }
        let box = Box()
        DispatchQueue.global().async {
            box.value = work.wait()
            again.signal()
        }
        XCTAssertEqual(again.wait(timeout: .now() + 10), .success, "the second wait returned")
        XCTAssertEqual(box.value, 500_500)
    }
}
