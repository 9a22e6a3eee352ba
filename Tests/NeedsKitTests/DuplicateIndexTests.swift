import XCTest
@testable import NeedsKit

/// The duplicate index keeps memory flat by writing keys to sorted runs on disk: it must still
/// find every key, however many runs and merges lie between the two copies.
final class DuplicateIndexTests: XCTestCase {
    /// Keys are 1...n scrambled; values are derived from keys so a wrong hit shows.
    private func key(_ i: Int) -> UInt64 { FieldHash.finish(UInt64(i) &* 0x9E37_79B9_7F4A_7C15) }

    func testEveryKeyIsFoundAcrossRunsAndMerges() {
        let index = DuplicateIndex(memoryLimit: 64)
        let n = 20_000
        for i in 0..<n { XCTAssertNil(index.check(key(i), storing: UInt64(i) * 3)) }
        // 20,000 keys in runs of 64, four of a size merged into one: 312 runs written, at most
        // three of each of the five levels left.
        XCTAssertGreaterThan(index.spilledKeys, n - 64)
        XCTAssertLessThanOrEqual(index.runCount, 15)
        for i in stride(from: 0, to: n, by: 7) {
            XCTAssertEqual(index.check(key(i), storing: 999), UInt64(i) * 3, "key \(i)")
        }
        // New keys stay new (a Bloom false positive must not become a hit).
        for i in n..<(n + 5_000) { XCTAssertNil(index.check(key(i), storing: 1)) }
    }

    /// Runs of a size that is no multiple of a block, merged into runs that a merge reads in
    /// several parts (eight blocks, 4,096 entries, at a time) and writes in several (the same
    /// size): 6,400-entry runs merged into 25,600-entry ones. Every key keeps its own value.
    func testMergesReadAndWriteRunsInParts() {
        let index = DuplicateIndex(memoryLimit: 100)
        let n = 70_000
        for i in 0..<n { XCTAssertNil(index.check(key(i), verify: UInt64(i), storing: UInt64(i) &* 5)) }
        // 700 runs of 100 written; four of a size merged: 2 of 25,600, 2 of 6,400, 3 of 1,600, ...
        XCTAssertEqual(index.spilledKeys, n)
        XCTAssertLessThanOrEqual(index.runCount, 2 + 2 + 3 + 3 + 3)
        for i in 0..<n where i % 3 == 0 || i > n - 200 {
            XCTAssertEqual(index.check(key(i), verify: UInt64(i), storing: 0), UInt64(i) &* 5, "key \(i)")
        }
        // The second hash is kept through the merges too: another thing under the same key is new.
        XCTAssertNil(index.check(key(12_345), verify: 1, storing: 0))
        for i in n..<(n + 2_000) { XCTAssertNil(index.check(key(i), storing: 1)) }
    }

    /// A full table is written out on another thread while new keys go to a spare: a key is
    /// found right after its table was handed over (in that table, while it is written out), or
    /// in its run once the thread is done (every other round waits for it first), with its value
    /// and its second hash; a key seen only after it is new.
    func testKeysAreFoundWhileTheirTableIsWrittenOut() {
        for round in 0..<50 {
            let index = DuplicateIndex(memoryLimit: 100)
            // The 100th key hands the table over; the next ones are checked at once, or once its
            // run is written and the Bloom filter made (`runCount` waits for them).
            for i in 0..<100 { XCTAssertNil(index.check(key(i), verify: UInt64(i), storing: UInt64(i) &+ 7)) }
            if round % 2 == 1 { XCTAssertEqual(index.runCount, 1) }
            for i in 0..<100 {
                XCTAssertEqual(index.check(key(i), verify: UInt64(i), storing: 0), UInt64(i) &+ 7, "round \(round), key \(i)")
            }
            XCTAssertNil(index.check(key(5), verify: 99, storing: 0), "another thing under key 5 (round \(round))")
            XCTAssertNil(index.check(key(100), storing: 1))
            XCTAssertEqual(index.check(key(100), storing: 2), 1)
            XCTAssertEqual(index.spilledKeys, 100)
            XCTAssertEqual(index.runCount, 1)
        }
    }

    /// Two different things whose keys collide are told apart by the second hash, in memory and
    /// after the key has gone to disk.
    func testCollidingKeysAreNotDuplicates() {
        for limit in [1 << 10, 2] {
            let index = DuplicateIndex(memoryLimit: limit)
            XCTAssertNil(index.check(42, verify: 1, storing: 5))
            for i in 0..<10 { XCTAssertNil(index.check(key(i), storing: 0)) }   // pushes 42 to disk at limit 2
            XCTAssertNil(index.check(42, verify: 2, storing: 6), "a collision is not a repeat (limit \(limit))")
            XCTAssertEqual(index.check(42, verify: 1, storing: 7), 5, "the first is still found (limit \(limit))")
        }
    }

    /// The table hands a spill its keys in order, whether they spread (the insertion sort) or
    /// crowd into a few slots, at the end of the table too (probes wrap; the fallback sort),
    /// and finds each.
    func testKeyTableSortsAndFindsSpreadAndCrowdedKeys() {
        let table = KeyTable()
        var expected: [UInt64] = []
        let spread = (1...5_000).map { key($0) }
        let crowded = (1...3_000).map { 0xABCD_E000_0000_0000 | UInt64($0) * 977 }
        let atTheEnd = (1...500).map { UInt64.max - UInt64($0) * 31 }
        for k in spread + crowded + atTheEnd {
            guard case let .empty(slot) = table.find(k) else { return XCTFail("key \(k) found before it was stored") }
            table.insert(k, .init(value: k &* 3, verify: 0), at: slot)
            expected.append(k)
        }
        XCTAssertEqual(table.count, 8_500)
        let entries = table.sortedEntries()
        XCTAssertEqual(entries.map(\.key), expected.sorted())
        XCTAssertEqual(entries.map(\.stored.value), expected.sorted().map { $0 &* 3 })
        for k in expected {
            guard case let .found(stored) = table.find(k) else { return XCTFail("key \(k) lost") }
            XCTAssertEqual(stored.value, k &* 3)
        }
        table.removeAll()
        XCTAssertEqual(table.count, 0)
        XCTAssertTrue(table.sortedEntries().isEmpty)
    }

    /// Key 0 (the table's empty mark) is stored like any other key, as key 1.
    func testKeyZeroIsAKeyToo() {
        for limit in [1 << 10, 2] {
            let index = DuplicateIndex(memoryLimit: limit)
            XCTAssertNil(index.check(0, verify: 7, storing: 5))
            for i in 0..<10 { XCTAssertNil(index.check(key(i), storing: 0)) }
            XCTAssertEqual(index.check(0, verify: 7, storing: 6), 5, "limit \(limit)")
            XCTAssertNil(index.check(1, verify: 8, storing: 6), "another key, another thing (limit \(limit))")
        }
    }

    func testNoWritableFolderKeepsEverythingInMemory() {
        let index = DuplicateIndex(memoryLimit: 4, directory: "/nonexistent-folder")
        for i in 0..<100 { XCTAssertNil(index.check(key(i), storing: UInt64(i))) }
        XCTAssertEqual(index.runCount, 0)
        for i in 0..<100 { XCTAssertEqual(index.check(key(i), storing: 0), UInt64(i)) }
    }

    func testBloomFilterHasNoFalseNegativesAndFewFalsePositives() {
        let bloom = BloomFilter(bytes: 1 << 16)
        for i in 0..<20_000 { bloom.insert(key(i)) }
        for i in 0..<20_000 { XCTAssertTrue(bloom.mayContain(key(i))) }
        // 2^19 bits for 20,000 keys (26 bits a key), 7 bits each: well under 1% false positives.
        let false_ = (100_000..<200_000).filter { bloom.mayContain(key($0)) }.count
        XCTAssertLessThan(false_, 1_000)
    }

    /// Respondent IDs are "R" and FNV-1a (64-bit) of the file's name, a NUL and the submission ID
    /// of the last ID column; with that column empty, of "line N". Computed here from the
    /// algorithm's definition, not the code's helper.
    func testRespondentIDsFromTheLastIDColumn() throws {
        func fnv(_ text: String) -> String {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            let digits = String(h, radix: 16)
            return "R" + String(repeating: "0", count: 16 - digits.count) + digits
        }
        let instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
        let folder = TemporaryFolder()
        let path = folder.write("odk.csv", "meta-instanceID,KEY,country\nuuid:a,uuid:a,EE\nuuid:b, uuid:c ,LV\nuuid:d,,LT\n")
        var options = RunOptions()
        options.inputs = [path]
        var ids: [String] = []
        _ = Pipeline.ingest(options, instrument: instrument) { ids.append($0.id) } quarantine: { _, _, _ in }
        XCTAssertEqual(ids, [fnv("odk.csv\u{0}uuid:a"), fnv("odk.csv\u{0}uuid:c"), fnv("odk.csv\u{0}line 4")])
    }

    /// A run whose duplicates lie further apart than the memory holds reads exactly like one
    /// that keeps everything in memory: same respondents, same log.
    func testNormaliserFindsDuplicatesFarApart() throws {
        let instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
        let folder = TemporaryFolder()
        var rows = ["_uuid,country,municipality,role"]
        for i in 0..<300 { rows.append("id-\(i),EE,Tartu linn,teacher") }
        rows.append("id-3,EE,Tartu linn,teacher")          // identical copy of an early row
        rows.append("id-5,LV,Rīga,teacher")                 // same ID, other answers
        rows.append(",EE,Narva linn,teacher")               // no ID
        for i in 300..<400 { rows.append("id-\(i),EE,Tartu linn,teacher") }
        rows.append(",EE,Narva linn,teacher")               // identical to the ID-less row above
        let path = folder.write("far.csv", rows.joined(separator: "\n") + "\n")

        func run(memoryLimit: Int) -> (respondents: Int, issues: [String]) {
            var options = RunOptions()
            options.inputs = [path]
            options.normalize.duplicateMemoryLimit = memoryLimit
            var respondents = 0
            let outcome = Pipeline.ingest(options, instrument: instrument) { _ in respondents += 1 } quarantine: { _, _, _ in }
            XCTAssertTrue(outcome.accounts[0].balances)
            return (respondents, outcome.firstIssues.filter { $0.code.contains("duplicate") || $0.code == "identical_row" }
                .map { "\($0.line ?? 0) \($0.code) \($0.action)" })
        }
        let spilled = run(memoryLimit: 8)
        let inMemory = run(memoryLimit: 1 << 20)
        XCTAssertEqual(spilled.respondents, inMemory.respondents)
        XCTAssertEqual(spilled.issues, inMemory.issues)
        XCTAssertEqual(inMemory.respondents, 402)
        XCTAssertEqual(inMemory.issues, [
            "302 duplicate_submission dropped", "303 duplicate_submission_conflict dropped", "405 identical_row kept",
        ])
    }
}
