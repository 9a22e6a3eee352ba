// swift-tools-version:5.9
// libFuzzer targets for needs (`make fuzz`): a package of their own, built with
// `swift build --sanitize fuzzer --sanitize address`, so the main package never links them.
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "needs-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "fuzz-reader",
            dependencies: [.product(name: "NeedsKit", package: root)],
            swiftSettings: fuzzFlags
        ),
        .executableTarget(
            name: "fuzz-normalize",
            dependencies: [.product(name: "NeedsKit", package: root)],
            swiftSettings: fuzzFlags
        ),
    ]
)
