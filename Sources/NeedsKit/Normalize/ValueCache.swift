/// A fast 64-bit hash of a field's bytes, a word at a time: for the value caches and the row
/// fingerprints that find identical rows within a run. Not for security, and never written out.
enum FieldHash {
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = seed) -> UInt64 {
        let n = bytes.count
        var h = seed ^ (UInt64(truncatingIfNeeded: n) &* 0xFF51_AFD7_ED55_8CCD)
        guard n > 0, let base = bytes.baseAddress else { return finish(h) }
        var i = 0
        while i &+ 8 <= n {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01B3_0001
            h ^= h >> 29
            i &+= 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift &+= 8
                i &+= 1
            }
            h = (h ^ tail) &* 0x100_0000_01B3_0001
            h ^= h >> 29
        }
        return finish(h)
    }

    /// MurmurHash3's finaliser: every input bit reaches every output bit.
    @inline(__always)
    static func finish(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// Folds a field's hash (already mixed by `hash`) into a row's fingerprint: order- and
    /// position-aware, one multiply per field; `finish` the fingerprint before comparing it.
    @inline(__always)
    static func combine(_ row: UInt64, _ field: UInt64, column: Int) -> UInt64 {
        let h = ((row ^ field) &+ UInt64(truncatingIfNeeded: column)) &* 0x100_0000_01B3_0001
        return h ^ (h >> 29)
    }
}

/// Raw field bytes → what they were read as. A survey column holds few distinct values (1 to 5,
/// choice names, place names) over millions of rows, so each distinct value is matched once and
/// later rows cost a hash and a compare: no String, no allocation. Open addressing over
/// `FieldHash`; past `limit` distinct values (free text) it stops taking new ones and the caller
/// matches as usual.
struct ValueCache<Value> {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var keyBytes: [UInt8] = []
    private var keyEnds: [Int] = []
    private var values: [Value] = []
    let limit: Int

    init(limit: Int = 4096) {
        self.limit = limit
        slots = [Int32](repeating: -1, count: 64)
    }

    var count: Int { values.count }
    var isFull: Bool { values.count >= limit }

    /// The entry holding these bytes' value, or nil.
    @inline(__always)
    func entry(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash && keyEquals(entry, bytes) { return entry }
            slot = (slot &+ 1) & mask
        }
    }

    @inline(__always)
    func find(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> Value? {
        entry(bytes, hash: hash).map { values[$0] }
    }

    /// An entry's value, borrowed (no copy of the whole value).
    subscript(entry: Int) -> Value {
        _read { yield values[entry] }
    }

    private func keyEquals(_ entry: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = entry == 0 ? 0 : keyEnds[entry - 1]
        let length = keyEnds[entry] - start
        guard length == bytes.count else { return false }
        if length == 0 { return true }
        return keyBytes.withUnsafeBytes { stored in
            // Survey values are mostly a few bytes: compared here, not through a call to memcmp.
            if length <= 16 {
                for i in 0..<length where stored[start &+ i] != bytes[i] { return false }
                return true
            }
            return memcmp(stored.baseAddress! + start, bytes.baseAddress!, length) == 0
        }
    }

    /// Remembers `value` for these bytes; returns its entry (nil when full).
    @discardableResult
    mutating func insert(_ bytes: UnsafeRawBufferPointer, hash: UInt64, value: Value) -> Int? {
        guard !isFull else { return nil }
        if (values.count + 1) * 2 > slots.count { grow() }
        let entry = values.count
        hashes.append(hash)
        keyBytes.append(contentsOf: bytes)
        keyEnds.append(keyBytes.count)
        values.append(value)
        place(entry, hash: hash)
        return entry
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for entry in hashes.indices { place(entry, hash: hashes[entry]) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
