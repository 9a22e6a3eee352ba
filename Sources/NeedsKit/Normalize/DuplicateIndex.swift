import CLibCSV
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which submissions a run has seen, in memory that stays flat however many rows come: 64-bit
/// keys (a submission ID's hash, or a whole row's) with a 64-bit value (the row's fingerprint).
///
/// The most recent `memoryLimit` keys sit in a hash table. When it fills, it is handed to a
/// thread of its own that sorts its keys and writes them to a temporary file (a run), and a spare
/// table takes new keys meanwhile; until that thread is done the full table is searched too, and
/// then its keys are noted in a Bloom filter and it becomes the spare. A key the tables do not
/// hold is looked up in the runs only when the Bloom filter says it may be there (about 1 in 400
/// new keys at ten million rows, and every true duplicate), with one read of an 8 KiB block per
/// run; four runs of a size are merged into one (on the same thread), so there are few. Nothing
/// is ever forgotten: a duplicate is found however far apart the two copies are.
///
/// Keys are 64-bit hashes; a second 64-bit hash (another seed) kept with each tells a true repeat
/// from two different IDs that share a key (about n²/2⁶⁵: 3 in 100 million for a million IDs). The 16 MiB filter is sized for up to about 20
/// million rows; past that, more lookups go to disk. Runs live under `$TMPDIR` (on a tmpfs they
/// take memory after all: point `TMPDIR` at a disk for very large runs).
///
///     let index = DuplicateIndex()
///     index.check(key, storing: fingerprint)   // nil the first time, then the first fingerprint
final class DuplicateIndex {
    /// Per key: the value stored with it and a second, independent hash of what was keyed.
    private var memory = KeyTable()
    /// The table being written out by `spilling`'s thread (searched, never changed, until then),
    /// and an emptied one for the next swap.
    private var full: KeyTable? = nil
    private var spare: KeyTable? = nil
    private var spilling: BackgroundWork<Spilled>? = nil
    private var checksSincePoll = 0
    /// Set when the index is dropped: a table's thread then stops merging (`writeOut`).
    private let dropped = Locked(false)
    private let memoryLimit: Int
    private var runs: [Run] = []
    /// Each run's merge level (0: written from memory; n + 1: four of level n merged).
    private var levels: [Int] = []
    private var bloom: BloomFilter? = nil
    /// Set when a run cannot be written (no writable temporary folder): keys then stay in memory.
    private var spillFailed = false
    private let directory: String

    /// Keys held in memory before they are written out: the default takes about 3 MB, and as much
    /// again while a full table is written out.
    static let defaultMemoryLimit = 1 << 16

    init(memoryLimit: Int = defaultMemoryLimit, directory: String = NSTemporaryDirectory()) {
        self.memoryLimit = max(1, memoryLimit)
        self.directory = directory
    }

    /// Set when a temporary file could not be read back: a duplicate may then go unnoticed.
    private(set) var degraded = false

    /// A table still being written out when the index is dropped (the run has ended) is not
    /// merged further: its thread stops at the next block.
    deinit { dropped.withLock { $0 = true } }

    /// Keys written out so far, in how many runs (for tests and the benchmark; waits for a table
    /// being written out).
    var spilledKeys: Int {
        finishSpill()
        return runs.reduce(0) { $0 + $1.count }
    }
    var runCount: Int {
        finishSpill()
        return runs.count
    }

    struct Stored: Equatable {
        var value: UInt64
        var verify: UInt64
    }

    /// The value stored with `key` before, or nil when the key is new (and `value` is stored).
    /// `verify`, a second hash of what `key` hashes, tells a true repeat from two different
    /// things whose keys collide: a collision counts as new (and is not stored again).
    /// Key 0 is read as key 1 (the table's empty mark): one more collision, told apart the same way.
    func check(_ key: UInt64, verify: UInt64 = 0, storing value: UInt64) -> UInt64? {
        let key = key == 0 ? 1 : key
        switch memory.find(key) {
        case let .found(earlier):
            return earlier.verify == verify ? earlier.value : nil
        case let .empty(slot):
            if let full, case let .found(earlier) = full.find(key) {
                return earlier.verify == verify ? earlier.value : nil
            }
            if let bloom, bloom.mayContain(key) {
                for run in runs {
                    switch run.find(key) {
                    case let .found(earlier): return earlier.verify == verify ? earlier.value : nil
                    case .absent: continue
                    case .unreadable: degraded = true
                    }
                }
            }
            memory.insert(key, Stored(value: value, verify: verify), at: slot)
        }
        if let spilling {
            // Whether the table being written out is done, every 256 keys (a lock each time).
            checksSincePoll &+= 1
            if checksSincePoll & 255 == 0 && spilling.isDone { finishSpill() }
        }
        if memory.count >= memoryLimit && !spillFailed { spill() }
        return nil
    }

    /// Asks for the memory `check(key)` will read (the key's table slot and filter block), to be
    /// called a while before it: a lookup is otherwise a cache miss or two per row.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        let key = key == 0 ? 1 : key
        memory.prefetch(key)
        full?.prefetchForReading(key)
        bloom?.prefetch(key)
    }

    /// Hands the full table to a thread that writes it out (after the one before is done), and
    /// takes new keys in the spare.
    private func spill() {
        finishSpill()
        guard !spillFailed else { return }
        let table = memory
        full = table
        memory = spare ?? KeyTable()
        spare = nil
        let (runs, levels, makesBloom, directory, dropped) = (runs, levels, bloom == nil, directory, dropped)
        spilling = BackgroundWork(batch: true) {
            Self.writeOut(table, runs: runs, levels: levels, makesBloom: makesBloom, directory: directory,
                          stop: { dropped.withLock { $0 } })
        }
    }

    /// Waits for the table being written out, if any, and takes what its thread made: the runs,
    /// and the keys for the Bloom filter. When no run could be written, the keys go back into
    /// memory, which then holds every key from there on.
    private func finishSpill() {
        guard let spilling, let table = full else { return }
        let done = spilling.wait()
        self.spilling = nil
        full = nil
        guard done.written else {
            spillFailed = true
            for entry in done.entries {
                guard case let .empty(slot) = memory.find(entry.key) else { continue }
                memory.insert(entry.key, entry.stored, at: slot)
            }
            return
        }
        runs = done.runs
        levels = done.levels
        if let made = done.bloom {
            bloom = made
        } else if let bloom {
            // Each key sets bits in a block of its own across 16 MiB: the blocks a few keys ahead
            // are asked for while this one's are set, or nearly every insert waits for memory.
            Self.insert(done.entries, into: bloom)
        }
        table.removeAll()
        spare = table
    }

    private static func insert(_ entries: [(key: UInt64, stored: Stored)], into bloom: BloomFilter) {
        let ahead = 16
        for entry in entries.prefix(ahead) { bloom.prefetchForInsert(entry.key) }
        for (i, entry) in entries.enumerated() {
            if i + ahead < entries.count { bloom.prefetchForInsert(entries[i + ahead].key) }
            bloom.insert(entry.key)
        }
    }

    /// What a full table's thread made (`writeOut`), taken by `finishSpill`.
    private struct Spilled {
        var entries: [(key: UInt64, stored: Stored)]
        var written: Bool
        var runs: [Run]
        var levels: [Int]
        var bloom: BloomFilter?
    }

    /// A full table written out, on a thread of its own: its keys sorted into a run, runs merged,
    /// and for the first, the Bloom filter made and filled. The table and the runs it is given are
    /// only read (the checking thread reads them too). `stop` (the index dropped) ends the merging.
    private static func writeOut(_ table: KeyTable, runs: [Run], levels: [Int], makesBloom: Bool,
                                 directory: String, stop: () -> Bool) -> Spilled {
        let entries = table.sortedEntries()
        var done = Spilled(entries: entries, written: false, runs: runs, levels: levels, bloom: nil)
        guard let run = Run(entries: entries, directory: directory) else { return done }
        done.written = true
        done.runs.append(run)
        done.levels.append(0)
        // Size-tiered: four runs of one level merge into one of the next, so each key is rewritten
        // about log4(rows / memoryLimit) times and there are at most 3 runs a level.
        while done.levels.count >= 4, Set(done.levels.suffix(4)).count == 1,
              let merged = Run(merging: Array(done.runs.suffix(4)), directory: directory, stop: stop) {
            let level = done.levels.last! + 1
            done.runs.removeLast(4)
            done.levels.removeLast(4)
            done.runs.append(merged)
            done.levels.append(level)
        }
        if makesBloom && !stop() {
            let bloom = BloomFilter(bytes: 16 << 20)
            insert(entries, into: bloom)
            done.bloom = bloom
        }
        return done
    }

    /// Sorted (key, value, verify) triples in an unlinked temporary file, with every 512th key
    /// in memory.
    final class Run {
        static let block = 512
        /// Words per entry.
        static let width = 3
        private let file: TemporaryFile
        let count: Int
        /// The first key of each block.
        private var firstKeys: [UInt64] = []

        /// Writes `entries` (sorted by key) to a new file; nil when no file can be made.
        convenience init?(entries: [(key: UInt64, stored: Stored)], directory: String) {
            guard let file = TemporaryFile(directory: directory, prefix: "needs-duplicates") else { return nil }
            self.init(file: file, count: entries.count)
            let writer = Writer(file)
            for (i, entry) in entries.enumerated() {
                if i % Run.block == 0 { firstKeys.append(entry.key) }
                guard writer.add(entry.key, entry.stored.value, entry.stored.verify) else { return nil }
            }
            guard writer.flush() else { return nil }
        }

        /// Merges sorted runs (no key in two of them) into one: the smallest of the runs' next
        /// keys, entry by entry, each run read and the result written some 100 KB at a time.
        /// `stop`, asked every block, abandons the merge (nil) when it says so.
        convenience init?(merging runs: [Run], directory: String, stop: () -> Bool = { false }) {
            guard let file = TemporaryFile(directory: directory, prefix: "needs-duplicates") else { return nil }
            self.init(file: file, count: runs.reduce(0) { $0 + $1.count })
            var cursors = runs.map { Cursor(run: $0) }
            if cursors.contains(where: \.failed) { return nil }
            let writer = Writer(file)
            var written = 0
            while true {
                var best = -1
                var bestKey: UInt64 = 0
                for i in cursors.indices where cursors[i].hasEntry {
                    let key = cursors[i].key
                    if best < 0 || key < bestKey { (best, bestKey) = (i, key) }
                }
                guard best >= 0 else { break }
                if written % Run.block == 0 {
                    if stop() { return nil }
                    firstKeys.append(bestKey)
                }
                let (value, verify) = cursors[best].stored
                guard writer.add(bestKey, value, verify) else { return nil }
                written += 1
                guard cursors[best].advance() else { return nil }
            }
            guard writer.flush() else { return nil }
        }

        private init(file: TemporaryFile, count: Int) {
            self.file = file
            self.count = count
        }

        /// Reads block `b` into `words` (key, value, verify, key, ...); false when it cannot.
        func readBlock(_ b: Int, into words: inout [UInt64]) -> Bool {
            let entries = min(Run.block, count - b * Run.block)
            words = [UInt64](repeating: 0, count: Run.width * entries)
            return words.withUnsafeMutableBytes { file.read(at: b * Run.block * Run.width * 8, into: $0) }
        }

        enum Lookup { case found(Stored), absent, unreadable }

        func find(_ key: UInt64) -> Lookup {
            // The last block whose first key is ≤ key.
            var low = 0
            var high = firstKeys.count
            while low < high {
                let mid = (low + high) / 2
                if firstKeys[mid] <= key { low = mid + 1 } else { high = mid }
            }
            guard low > 0 else { return .absent }
            var words: [UInt64] = []
            guard readBlock(low - 1, into: &words) else { return .unreadable }
            let w = Run.width
            var a = 0
            var b = words.count / w
            while a < b {
                let mid = (a + b) / 2
                if words[w * mid] < key { a = mid + 1 } else { b = mid }
            }
            guard a < words.count / w && words[w * a] == key else { return .absent }
            return .found(Stored(value: words[w * a + 1], verify: words[w * a + 2]))
        }

        /// Entries on their way to a run's file, written some 100 KB at a time.
        final class Writer {
            private let file: TemporaryFile
            private let capacity = Run.width * Run.block * 8
            private let words: UnsafeMutablePointer<UInt64>
            private var count = 0

            init(_ file: TemporaryFile) {
                self.file = file
                words = .allocate(capacity: capacity)
            }

            deinit { words.deallocate() }

            /// False when the file cannot take them (a full disk).
            @inline(__always)
            func add(_ key: UInt64, _ value: UInt64, _ verify: UInt64) -> Bool {
                words[count] = key
                words[count &+ 1] = value
                words[count &+ 2] = verify
                count &+= 3
                return count < capacity || flush()
            }

            func flush() -> Bool {
                defer { count = 0 }
                return file.append(UnsafeRawBufferPointer(start: words, count: count * 8))
            }
        }

        /// Reads a run in key order, eight blocks at a time.
        struct Cursor {
            let run: Run
            /// The run's entries read so far.
            private var read = 0
            /// Entries read, as words (key, value, verify, key, ...), and where the next one starts.
            private var words: [UInt64] = []
            private var position = 0
            /// A part could not be read: the merge is abandoned, the runs kept as they are.
            private(set) var failed = false

            init(run: Run) {
                self.run = run
                load()
            }

            var hasEntry: Bool { position < words.count }
            var key: UInt64 { words[position] }
            var stored: (value: UInt64, verify: UInt64) { (words[position + 1], words[position + 2]) }

            /// Moves to the next entry; false when the part it is in could not be read.
            mutating func advance() -> Bool {
                position += Run.width
                if position == words.count { load() }
                return !failed
            }

            private mutating func load() {
                let n = min(Run.block * 8, run.count - read)
                position = 0
                guard n > 0 else { return words.removeAll() }
                if words.count != Run.width * n { words = [UInt64](repeating: 0, count: Run.width * n) }
                failed = !words.withUnsafeMutableBytes { run.file.read(at: read * Run.width * 8, into: $0) }
                read += n
            }
        }
    }
}

/// The keys in memory: open addressing with linear probing, each key's first slot taken from
/// its top bits, and 64 slots past the last first slot for probes that run beyond it (they wrap
/// to the start only when those are taken too). Keys are hashes, so slot order is key order but
/// for the few a probe moved along: a spill sorts them with an insertion sort that moves each
/// key a step or two (keys that crowd fall back to a full sort). Grows at half full.
final class KeyTable {
    struct Entry {
        var key: UInt64
        var stored: DuplicateIndex.Stored
    }
    private var slots: UnsafeMutablePointer<Entry>
    private var bits: Int
    /// Slots past the last first slot, for probes that run beyond it.
    private static let tail = 64
    private(set) var count = 0

    init() {
        bits = 10
        slots = KeyTable.allocate(bits)
    }

    deinit { slots.deallocate() }

    private var slotCount: Int { (1 << bits) + Self.tail }

    private static func allocate(_ bits: Int) -> UnsafeMutablePointer<Entry> {
        let n = (1 << bits) + tail
        let slots = UnsafeMutablePointer<Entry>.allocate(capacity: n)
        slots.initialize(repeating: Entry(key: 0, stored: .init(value: 0, verify: 0)), count: n)
        return slots
    }

    enum Lookup {
        case found(DuplicateIndex.Stored)
        /// Absent; `slot` is where it goes.
        case empty(Int)
    }

    /// Looks `key` (not 0) up. The table is at most half full, so a probe always ends.
    @inline(__always)
    func find(_ key: UInt64) -> Lookup {
        var i = Int(truncatingIfNeeded: key >> UInt64(64 - bits))
        let end = slotCount
        while true {
            let k = slots[i].key
            if k == key { return .found(slots[i].stored) }
            if k == 0 { return .empty(i) }
            i &+= 1
            if i == end { i = 0 }
        }
    }

    /// Asks for `key`'s first slot (see `DuplicateIndex.prefetch`), to be written.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        needs_prefetch_write(slots + Int(truncatingIfNeeded: key >> UInt64(64 - bits)))
    }

    /// Asks for `key`'s first slot, to be read only (a table another thread is writing out).
    @inline(__always)
    func prefetchForReading(_ key: UInt64) {
        needs_prefetch_read(slots + Int(truncatingIfNeeded: key >> UInt64(64 - bits)))
    }

    /// Stores `key` at the slot `find` returned; grows at half full.
    func insert(_ key: UInt64, _ stored: DuplicateIndex.Stored, at slot: Int) {
        slots[slot] = Entry(key: key, stored: stored)
        count += 1
        if count * 2 > 1 << bits { grow() }
    }

    /// Doubles the table.
    private func grow() {
        let old = slots
        let oldCount = slotCount
        bits += 1
        slots = Self.allocate(bits)
        for i in 0..<oldCount where old[i].key != 0 {
            guard case let .empty(slot) = find(old[i].key) else { preconditionFailure("a key is in the table once") }
            slots[slot] = old[i]
        }
        old.deallocate()
    }

    /// Empties the table, keeping its size.
    func removeAll() {
        slots.update(repeating: Entry(key: 0, stored: .init(value: 0, verify: 0)), count: slotCount)
        count = 0
    }

    /// Every entry, by key.
    func sortedEntries() -> [(key: UInt64, stored: DuplicateIndex.Stored)] {
        var entries: [(key: UInt64, stored: DuplicateIndex.Stored)] = []
        entries.reserveCapacity(count)
        for i in 0..<slotCount where slots[i].key != 0 { entries.append((slots[i].key, slots[i].stored)) }
        // Nearly sorted already: insertion sort, unless keys crowd (then the library's sort).
        var moves = 0
        entries.withUnsafeMutableBufferPointer { e in
            for i in e.indices.dropFirst() {
                let current = e[i]
                var j = i
                while j > 0 && e[j - 1].key > current.key {
                    e[j] = e[j - 1]
                    j -= 1
                }
                e[j] = current
                moves += i - j
                if moves > 8 * e.count { break }
            }
        }
        if moves > 8 * entries.count { entries.sort { $0.key < $1.key } }
        return entries
    }
}

/// A blocked Bloom filter: each key sets 7 bits within one 64-byte block, so a test touches one
/// cache line. 16 MiB holds ten million keys at a false-positive rate near 0.3%. Its memory is in
/// ordinary pages. In huge pages (`MADV_HUGEPAGE`) it was set up in about 4 ms instead of 10, but
/// at times in 40 to 95 ms on the benchmark's virtual machine (where a 2 MiB block the guest gave
/// back must come from the host again), and its tests were no faster.
final class BloomFilter {
    private let words: UnsafeMutablePointer<UInt64>
    private let blocks: UInt64

    init(bytes: Int) {
        let count = max(8, bytes / 8) & ~7
        var memory: UnsafeMutableRawPointer? = nil
        precondition(posix_memalign(&memory, 64, count * 8) == 0 && memory != nil, "out of memory for the Bloom filter")
        words = memory!.bindMemory(to: UInt64.self, capacity: count)
        words.initialize(repeating: 0, count: count)
        blocks = UInt64(count / 8)
    }

    deinit { free(words) }

    /// The key's block, and the seed its 7 bit positions (9 bits each) are taken from.
    @inline(__always)
    private func place(_ key: UInt64) -> (block: Int, bits: UInt64) {
        let h = FieldHash.finish(key ^ 0x5BD1_E995_9E37_79B9)
        return (Int(truncatingIfNeeded: h.multipliedFullWidth(by: blocks).high), FieldHash.finish(h))
    }

    /// Asks for `key`'s block (see `DuplicateIndex.prefetch`).
    @inline(__always)
    func prefetch(_ key: UInt64) {
        needs_prefetch_read(words + place(key).block &* 8)
    }

    /// Asks for `key`'s block, to be written (`insert`).
    @inline(__always)
    func prefetchForInsert(_ key: UInt64) {
        needs_prefetch_write(words + place(key).block &* 8)
    }

    func insert(_ key: UInt64) {
        var (block, bits) = place(key)
        for _ in 0..<7 {
            let bit = Int(bits & 511)
            words[block &* 8 &+ bit >> 6] |= 1 << UInt64(bit & 63)
            bits >>= 9
        }
    }

    func mayContain(_ key: UInt64) -> Bool {
        var (block, bits) = place(key)
        for _ in 0..<7 {
            let bit = Int(bits & 511)
            if words[block &* 8 &+ bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
            bits >>= 9
        }
        return true
    }
}
