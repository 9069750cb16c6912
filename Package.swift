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
    ],
    targets: [
        // Layer 1: the pure, deterministic CNM simulation.
        .target(name: "CNMSim"),
        // Layer 2: command lines parsed and rendered the way docker, ip, iptables… do.
        .target(name: "CNMCommands", dependencies: ["CNMSim"]),
        // The executable.
        .executableTarget(
            name: "cnmlab",
            dependencies: [
                "CNMCommands",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: release-mode scenarios that print timings.
        .executableTarget(name: "CNMBench", dependencies: ["CNMCommands"]),
        .testTarget(name: "CNMSimTests", dependencies: ["CNMSim"]),
        .testTarget(
            name: "CNMCommandsTests",
            dependencies: ["CNMCommands"],
            resources: [.copy("Golden")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
