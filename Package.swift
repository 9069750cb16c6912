// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cnmlab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cnmlab", targets: ["cnmlab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.2"),
        // SHA-256 for the progress chain and the state fingerprint (BoringSSL's on Linux).
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // The labs and the curriculum, built into the binary from Labs/ and Curriculum/ (EmbedCourse plugin).
        .target(name: "CNMCourse", plugins: ["EmbedCourse"]),
        .plugin(name: "EmbedCourse", capability: .buildTool()),
        // Layer 1: the pure, deterministic CNM simulation.
        .target(name: "CNMSim"),
        // Layer 2: command lines parsed and rendered the way docker, ip, iptables… do.
        .target(name: "CNMCommands", dependencies: ["CNMSim"]),
        // Layer 2b: the Docker Engine API over the simulated host (a unix socket, SwiftNIO).
        .target(
            name: "CNMEngineAPI",
            dependencies: [
                "CNMSim", "CNMCommands",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Layer 3: lab files, checks, scoring, validation.
        .target(
            name: "CNMLabs",
            dependencies: ["CNMSim", "CNMCommands", "CNMCourse", .product(name: "Yams", package: "Yams")]
        ),
        // Layer 4: progress in SQLite.
        .target(
            name: "CNMProgress",
            dependencies: [
                "CNMSim", "CNMCommands", "CNMLabs", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The real file system for the executables: grading reads submissions and writes reports
        // through it (`DiskFiles`), so that CNMLabs decides what to read and write but does no I/O.
        .target(name: "CNMFileSystem", dependencies: ["CNMLabs"]),
        // The system libedit, for line editing in the shell.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Layer 5: the interactive shell.
        .target(
            name: "CNMShell",
            dependencies: ["CNMSim", "CNMCommands", "CNMCourse", "CNMEngineAPI", "CNMLabs", "CNMProgress", "CEditLine"]
        ),
        // The executable.
        .executableTarget(
            name: "cnmlab",
            dependencies: [
                "CNMCommands",
                "CNMEngineAPI",
                "CNMLabs",
                "CNMProgress",
                "CNMShell",
                "CNMFileSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: release-mode scenarios that print timings.
        .executableTarget(name: "CNMBench", dependencies: ["CNMSim", "CNMCommands", "CNMLabs", "CNMProgress", "CNMShell", "CNMFileSystem"]),
        // What the test targets share: the seeded generator random tests draw from (Tests/CNMTestSupport).
        .target(name: "CNMTestSupport", dependencies: ["CNMSim"], path: "Tests/CNMTestSupport"),
        .testTarget(name: "CNMSimTests", dependencies: ["CNMSim", "CNMTestSupport"]),
        .testTarget(name: "CNMLabsTests", dependencies: ["CNMLabs", "CNMCourse", "CNMFileSystem", "CNMTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CNMProgressTests", dependencies: ["CNMProgress", "CNMTestSupport", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "CNMShellTests", dependencies: ["CNMShell", "CNMFileSystem", "CNMTestSupport"]),
        .testTarget(name: "CNMEngineAPITests", dependencies: ["CNMEngineAPI"]),
        .testTarget(
            name: "CNMCommandsTests",
            dependencies: ["CNMCommands", "CNMTestSupport"],
            resources: [.copy("Golden")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
