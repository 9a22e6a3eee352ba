// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "needs",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "needs", targets: ["needs"]),
        .library(name: "NeedsKit", targets: ["NeedsKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // libcsv (Debian libcsv-dev) ships no pkg-config file: the module map links it by name.
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
        .target(
            name: "NeedsKit",
            dependencies: [
                "CLibCSV",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/NeedsKit",
            // The per-record path touches class state millions of times; its exclusivity is
            // checked in debug builds (and the test suite), not at run time in release builds.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "needs",
            dependencies: [
                "NeedsKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/needs"
        ),
        // The reader alone, timed by `make bench` against the C floor.
        .executableTarget(
            name: "needs-bench",
            dependencies: ["NeedsKit"],
            path: "Sources/needs-bench"
        ),
        .testTarget(
            name: "NeedsKitTests",
            // ZIPFoundation also writes the workbooks the .xlsx tests read.
            dependencies: ["NeedsKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/NeedsKitTests",
            // Read by path from the repository, not bundled.
            exclude: ["Fixtures"]
        ),
    ]
)
