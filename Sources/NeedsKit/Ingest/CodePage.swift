#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tables of the single-byte code pages, built once from the C library's iconv, so that no
/// mapping is typed by hand and decoding a byte is one table look-up.
enum CodePage {
    /// For bytes 0x80–0xFF (index byte − 0x80): the character, or nil where the code page
    /// assigns none.
    static func table(for encoding: TextEncoding) -> [Unicode.Scalar?] {
        tables.withLock { cache in
            if let table = cache[encoding] { return table }
            let table = buildTable(encoding)
            cache[encoding] = table
            return table
        }
    }

    private static let tables = Locked<[TextEncoding: [Unicode.Scalar?]]>([:])

    private static func buildTable(_ encoding: TextEncoding) -> [Unicode.Scalar?] {
        let descriptor = iconv_open("UTF-32LE", encoding.iconvName)
        guard descriptor != iconv_t(bitPattern: -1) else {
            return Array(repeating: nil, count: 128)
        }
        defer { iconv_close(descriptor) }
        var table: [Unicode.Scalar?] = []
        table.reserveCapacity(128)
        for byte in 0x80...0xFF {
            var input: [CChar] = [CChar(bitPattern: UInt8(byte))]
            var output = [UInt8](repeating: 0, count: 8)
            let converted: Int = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                    var inLeft = 1
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = 8
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    return result == -1 ? -1 : 8 - outLeft
                }
            }
            if converted == 4 {
                let value = UInt32(output[0]) | UInt32(output[1]) << 8 | UInt32(output[2]) << 16
                    | UInt32(output[3]) << 24
                table.append(Unicode.Scalar(value))
            } else {
                table.append(nil)
                // Reset the descriptor's state after a failed conversion.
                iconv(descriptor, nil, nil, nil, nil)
            }
        }
        return table
    }

    /// The UTF-8 bytes of each high byte's character (empty where unassigned), for transcoding.
    static func utf8Table(for encoding: TextEncoding) -> [[UInt8]] {
        table(for: encoding).map { scalar in
            guard let scalar else { return [] }
            return Array(String(Character(scalar)).utf8)
        }
    }
}

/// A value guarded by a lock, for the few caches the library keeps.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private var mutex = pthread_mutex_t()

    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body(&value)
    }
}
