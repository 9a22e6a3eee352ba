import XCTest
@testable import NeedsKit

/// Figures are written with a fixed count of decimals, rounded as C's printf rounds the exact
/// binary value (expected strings worked out by hand from each double's exact value).
final class NumberFormatTests: XCTestCase {
    func testFixedDecimalsRoundTheExactBinaryValue() {
        XCTAssertEqual(NumberFormat.fixed(0.125, decimals: 2), "0.12")     // exactly half: to even
        XCTAssertEqual(NumberFormat.fixed(0.375, decimals: 2), "0.38")     // exactly half: to even
        XCTAssertEqual(NumberFormat.fixed(2.675, decimals: 2), "2.67")     // 2.67499999999999982236431605997495353221893310546875
        XCTAssertEqual(NumberFormat.fixed(1.005, decimals: 2), "1.00")     // 1.00499999999999989341858963598497211933135986328125
        XCTAssertEqual(NumberFormat.fixed(0.1, decimals: 12), "0.100000000000")
        XCTAssertEqual(NumberFormat.fixed(2.0 / 3.0, decimals: 12), "0.666666666667")
        XCTAssertEqual(NumberFormat.fixed(42, decimals: 0), "42")
        XCTAssertEqual(NumberFormat.fixed(0.5, decimals: 0), "0")
        XCTAssertEqual(NumberFormat.fixed(1.5, decimals: 0), "2")
    }

    func testNoNegativeZero() {
        XCTAssertEqual(NumberFormat.fixed(-0.0001, decimals: 2), "0.00")
        XCTAssertEqual(NumberFormat.fixed(-0.0, decimals: 0), "0")
        XCTAssertEqual(NumberFormat.fixed(-0.006, decimals: 2), "-0.01")
        XCTAssertEqual(NumberFormat.percent(-0.001), "0%")
    }

    /// A number too long for the fast path's buffer is written whole all the same.
    func testVeryLargeNumbersAreWrittenWhole() {
        XCTAssertEqual(NumberFormat.fixed(1e60, decimals: 12),
                       "999999999999999949387135297074018866963645011013410073083904.000000000000")
        XCTAssertEqual(NumberFormat.fixed(-1e20, decimals: 2), "-100000000000000000000.00")
    }
}
