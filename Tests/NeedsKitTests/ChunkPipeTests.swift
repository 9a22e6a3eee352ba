import Foundation
import XCTest
@testable import NeedsKit

/// The file is read ahead on a thread of its own (`ChunkPipe`): the parser must see every byte
/// once and in order, the digest too, a read error must surface after the bytes before it, and
/// a parser that stops early must not leave the reading thread waiting.
final class ChunkPipeTests: XCTestCase {
    /// Hands out `bytes` `step` at a time, then fails when `failAfter` bytes are out.
    private final class Source: ByteSource {
        let bytes: [UInt8]
        let step: Int
        let failAfter: Int?
        var offset = 0
        init(_ bytes: [UInt8], step: Int, failAfter: Int? = nil) {
            self.bytes = bytes
            self.step = step
            self.failAfter = failAfter
        }
        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            if let failAfter, offset >= failAfter { throw ReaderError.readFailed(file: "t.csv", reason: "disk gone") }
            let n = min(step, buffer.count, bytes.count - offset)
            for k in 0..<n { buffer[k] = bytes[offset + k] }
            offset += n
            return n
        }
        func close() {}
        func fingerprint() -> [Int]? { nil }
    }

    private final class Collected: @unchecked Sendable { var bytes: [UInt8] = [] }

    func testEveryByteOnceInOrderForTheParserAndTheDigest() throws {
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        for (chunk, step) in [(7, 5), (64, 64), (4096, 1000), (1 << 16, 1 << 16)] {
            let seen = Collected()
            let pipe = ChunkPipe(source: Source(Array(bytes[100...]), step: step), chunkSize: chunk, slots: 3,
                                 first: Array(bytes[..<100])) { seen.bytes += $0 }
            var parsed = Array(bytes[..<100])
            while let piece = try pipe.next() {
                parsed += piece
                pipe.recycle(piece)
            }
            pipe.stop()
            XCTAssertEqual(parsed, bytes, "chunk \(chunk)")
            XCTAssertEqual(seen.bytes, bytes, "chunk \(chunk)")
        }
    }

    func testReadErrorComesAfterTheBytesBeforeIt() {
        let bytes = [UInt8](repeating: 0x41, count: 10_000)
        let pipe = ChunkPipe(source: Source(bytes, step: 1000, failAfter: 3000), chunkSize: 1000, slots: 2, first: [],
                             onBytes: nil)
        var parsed = 0
        XCTAssertThrowsError(try {
            while let piece = try pipe.next() {
                parsed += piece.count
                pipe.recycle(piece)
            }
        }()) { error in
            XCTAssertEqual(error as? ReaderError, .readFailed(file: "t.csv", reason: "disk gone"))
        }
        XCTAssertEqual(parsed, 3000)
    }

    func testStoppingEarlyDoesNotWaitForTheRest() {
        // The reading thread is blocked with every buffer full when the parser stops.
        let pipe = ChunkPipe(source: Source([UInt8](repeating: 0x41, count: 1 << 20), step: 64), chunkSize: 64, slots: 2,
                             first: [], onBytes: nil)
        XCTAssertNotNil(try pipe.next())
        pipe.stop()
        pipe.stop()
    }

    /// Through the reader: a file larger than the sample, read in small chunks, gives the same
    /// records as one read whole, and its streamed SHA-256 is the file's.
    func testReaderRecordsAndDigestThroughThePipe() throws {
        let folder = TemporaryFolder()
        let text = "id;text;n\n" + (0..<3000).map { "\($0);\"line \($0)\nwith \"\"quotes\"\";x\";Šiaulių \($0 % 7)\n" }.joined()
        let path = folder.write("big.csv", text)
        func read(_ options: ReaderOptions) throws -> ([String], String) {
            let digest = StreamDigest()
            var reader = CSVReader(path: path, options: options)
            reader.onBytes = digest.update
            var records: [String] = []
            _ = try reader.readAhead(diagnose: { records.append("diagnostic \($0.code)") }) { records.append("\($0.line) \($0.fields)") }
            return (records, digest.finish())
        }
        let (whole, wholeDigest) = try read(ReaderOptions())
        XCTAssertEqual(whole.count, 3001)
        XCTAssertEqual(wholeDigest, FileDigest.sha256(path: path))
        for size in [13, 4096] {
            var options = ReaderOptions()
            options.chunkSize = size
            options.sampleSize = 1000
            let (records, digest) = try read(options)
            XCTAssertEqual(records, whole, "chunk \(size)")
            XCTAssertEqual(digest, wholeDigest, "chunk \(size)")
        }
    }
}
