// swift-tools-version:6.0
// Codec benchmark: Jiceng's ProtoRuntime against apple/swift-protobuf on a task-shaped message.
// A separate package so that the main build never depends on swift-protobuf.
//   swift run -c release codec-bench
import PackageDescription

let package = Package(
    name: "CodecBench",
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
    ],
    targets: [
        // The runtime itself, through a symlink to ../../Sources/ProtoRuntime: built here with the
        // same flags as the swift-protobuf side, without the main package's other targets.
        .target(name: "ProtoRuntime"),
        .target(name: "TaskSample"),
        .target(name: "OurTask", dependencies: ["ProtoRuntime", "TaskSample"]),
        .target(name: "SwiftProtobufTask", dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf"), "TaskSample"]),
        .executableTarget(name: "codec-bench", dependencies: ["OurTask", "SwiftProtobufTask"], path: "Sources/CodecBench"),
    ]
)
