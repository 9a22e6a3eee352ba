import Foundation
import XCTest
@testable import NeedsKit

/// report.html in a real headless Chromium (Debian `chromium`, installed by .ci/run): it loads
/// without console errors and prints to A4. Skipped where Chromium is not installed.
final class BrowserTests: XCTestCase {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func runChromium(_ arguments: [String]) throws -> (status: Int32, log: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testReportOpensCleanlyAndPrintsToA4() throws {
        guard Self.chromium != nil else { throw XCTSkip("chromium is not installed (apt-get install chromium)") }
        let folder = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [Paths.inputs + "/responses"]
        options.outputPath = folder.path + "/reports"
        _ = try Pipeline.report(options)
        for page in ["report.html", "countries/LV.html"] {
            let url = "file://" + options.outputPath + "/" + page
            let pdf = folder.path + "/" + page.replacingOccurrences(of: "/", with: "_") + ".pdf"
            let printed = try runChromium(["--no-pdf-header-footer", "--print-to-pdf=" + pdf, url])
            XCTAssertEqual(printed.status, 0, printed.log)
            let consoleErrors = printed.log.split(separator: "\n").filter {
                $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("net::ERR")
            }
            XCTAssertEqual(consoleErrors, [], "\(page): console messages")
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: pdf))
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(text.hasPrefix("%PDF"), page)
            // A4 is 595 × 842 points.
            XCTAssertTrue(text.contains("MediaBox [0 0 594.95996 841.91998]") || text.contains("MediaBox [0 0 595 842]"), page)
            let shot = folder.path + "/shot.png"
            let screenshot = try runChromium(["--screenshot=" + shot, "--window-size=1000,1400", url])
            XCTAssertEqual(screenshot.status, 0)
            XCTAssertGreaterThan(FileManager.default.contents(atPath: shot)?.count ?? 0, 20_000, "a blank page")
        }
    }
}
