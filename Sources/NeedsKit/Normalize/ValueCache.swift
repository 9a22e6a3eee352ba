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

    /// Folds a field's hash (already mixed by `hash` or `short`) into a row's fingerprint: order- and
    /// position-aware, one multiply per field; `finish` the fingerprint before comparing it.
    @inline(__always)
    static func combine(_ row: UInt64, _ field: UInt64, column: Int) -> UInt64 {
        let h = ((row ^ field) &+ UInt64(truncatingIfNeeded: column)) &* 0x100_0000_01B3_0001
        return h ^ (h >> 29)
    }
}

/// A field as the value caches look it up: its bytes and hash and, for a field of at most 16
/// bytes (almost every survey value), those bytes as two little-endian words, zero past the end,
/// so that a cached value is found with two compares of words and no pass over the bytes.
struct FieldKey {
    let bytes: UnsafeRawBufferPointer
    let hash: UInt64
    let w0: UInt64
    let w1: UInt64

    var count: Int { bytes.count }
    var isShort: Bool { bytes.count <= 16 }

    /// For a field whose buffer may be read 16 bytes from the field's start, whatever its length
    /// (a record's field: `FieldSink` keeps 16 bytes of slack past its last byte).
    @inline(__always)
    init(padded bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        var words: (UInt64, UInt64) = (0, 0)
        if n > 0 && n <= 16 {
            let base = bytes.baseAddress!
            let (m0, m1) = shortFieldMasks(n)
            words = (UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)) & m0,
                     UInt64(littleEndian: (base + 8).loadUnaligned(as: UInt64.self)) & m1)
        }
        self.init(bytes, words: words)
    }

    /// For any buffer: a short field is copied into a zeroed pair of words first. The same bytes
    /// give the same key as `init(padded:)`.
    init(_ bytes: UnsafeRawBufferPointer) {
        var words: (UInt64, UInt64) = (0, 0)
        if bytes.count > 0 && bytes.count <= 16 {
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
            words = (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1))
        }
        self.init(bytes, words: words)
    }

    @inline(__always)
    private init(_ bytes: UnsafeRawBufferPointer, words: (UInt64, UInt64)) {
        self.bytes = bytes
        (w0, w1) = words
        hash = bytes.count > 16 ? FieldHash.hash(bytes) : FieldHash.short(w0, w1, count: bytes.count)
    }
}

extension FieldHash {
    /// The hash of a field of at most 16 bytes given as two words (zero past the end): one
    /// 64 × 64 → 128-bit multiply of the words, each mixed with a constant, folded to 64 bits,
    /// with the words themselves folded in too, so that the inputs that make one factor zero
    /// (one word equal to its constant) do not all hash alike: row fingerprints are built from
    /// these hashes, and a class of fields that collide would make different rows look identical.
    @inline(__always)
    static func short(_ w0: UInt64, _ w1: UInt64, count: Int) -> UInt64 {
        let product = (w0 ^ 0xA076_1D64_78BD_642F).multipliedFullWidth(
            by: w1 ^ 0xE703_7ED1_A0B4_28DB ^ (UInt64(truncatingIfNeeded: count) &* 0x8EBC_6AF0_9C88_C6E3))
        return product.high ^ product.low ^ w0 ^ (w1 << 32 | w1 >> 32)
    }
}

/// Raw field bytes → what they were read as. A survey column holds few distinct values (1 to 5,
/// choice names, place names) over millions of rows, so each distinct value is matched once and
/// later rows cost a hash and a compare: no String, no allocation. Open addressing over the
/// keys' hashes; past `limit` distinct values (free text) it stops taking new ones and the
/// caller matches as usual.
struct ValueCache<Value> {
    /// A slot holds what a lookup compares (the hash, the length, a short key's words) and the
    /// entry it leads to, so that a lookup reads one slot, not a slot and then a key. A long key's
    /// bytes are in `keyBytes`, from `starts[entry]`.
    private struct Slot {
        var hash: UInt64
        var w0: UInt64
        var w1: UInt64
        var length: Int32
        /// The entry (an index into `values`), or -1 for an empty slot.
        var entry: Int32

        static var empty: Slot { Slot(hash: 0, w0: 0, w1: 0, length: 0, entry: -1) }
    }

    private var slots: [Slot]
    private var starts: [Int32] = []
    private var keyBytes: [UInt8] = []
    private var values: [Value] = []
    let limit: Int

    init(limit: Int = 4096) {
        self.limit = limit
        slots = [Slot](repeating: .empty, count: 64)
    }

    var count: Int { values.count }
    /// Bytes of the long keys kept.
    var longKeyBytes: Int { keyBytes.count }
    var isFull: Bool { values.count >= limit }

    /// The entry holding these bytes' value, or nil.
    @inline(__always)
    func entry(_ key: FieldKey) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count &- 1
            var i = Int(truncatingIfNeeded: key.hash) & mask
            while true {
                let slot = slots[i]
                if slot.entry < 0 { return nil }
                if slot.hash == key.hash && Int(slot.length) == key.count {
                    if key.isShort {
                        if slot.w0 == key.w0 && slot.w1 == key.w1 { return Int(slot.entry) }
                    } else if longKeyEquals(Int(slot.entry), key.bytes) {
                        return Int(slot.entry)
                    }
                }
                i = (i &+ 1) & mask
            }
        }
    }

    @inline(__always)
    func find(_ key: FieldKey) -> Value? {
        entry(key).map { values[$0] }
    }

    /// An entry's value, borrowed (no copy of the whole value).
    subscript(entry: Int) -> Value {
        _read { yield values[entry] }
    }

    private func longKeyEquals(_ entry: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        keyBytes.withUnsafeBytes { memcmp($0.baseAddress! + Int(starts[entry]), bytes.baseAddress!, bytes.count) == 0 }
    }

    /// Remembers `value` for these bytes; returns its entry (nil when full).
    @discardableResult
    mutating func insert(_ key: FieldKey, value: Value) -> Int? {
        guard !isFull, key.count <= Int(Int32.max) else { return nil }
        var start: Int32 = 0
        if !key.isShort {
            guard keyBytes.count + key.count <= Int(Int32.max) else { return nil }
            start = Int32(keyBytes.count)
            keyBytes.append(contentsOf: key.bytes)
        }
        if (values.count + 1) * 2 > slots.count { grow() }
        let entry = values.count
        starts.append(start)
        values.append(value)
        place(Slot(hash: key.hash, w0: key.w0, w1: key.w1, length: Int32(key.count), entry: Int32(entry)))
        return entry
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[i].entry >= 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: .empty, count: old.count * 2)
        for slot in old where slot.entry >= 0 { place(slot) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
