// swift-tools-version:6.1
import Foundation
import PackageDescription

// Micro-benchmarks (`make bench-micro`): the reader, the label matcher and the accumulators,
// with allocation counts, on ordo-one/benchmark. A package of its own so that the main package
// keeps its tools version and builds without it.
// A path dependency is named after its folder, which is the clone's name.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "needs-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "NeedsBenchmarks",
            dependencies: [
                .product(name: "NeedsKit", package: root),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/NeedsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
