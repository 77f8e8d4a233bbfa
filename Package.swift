// swift-tools-version:6.0
// Jiceng: the grassroots-governance work platform, served as a gRPC API.
//
// Layers import only downward:
//   ProtoRuntime ← RPC ← HTTP2Transport
//   ProtoRuntime ← JicengAPI (generated) ← StandardServices / Platform ← jiceng (executable)
//   Store ← Platform
// The C system libraries are reached only through the thin `C*` module-map targets, and each is
// imported by exactly one layer (nghttp2 by HTTP2Transport, sqlite by Store, zlib by RPC).
import PackageDescription

let package = Package(
    name: "Jiceng",
    products: [
        .executable(name: "jiceng", targets: ["jiceng"]),
        .executable(name: "jiceng-protoc", targets: ["jiceng-protoc"]),
        .executable(name: "jiceng-fuzz", targets: ["jiceng-fuzz"]),
        .library(name: "ProtoRuntime", targets: ["ProtoRuntime"]),
    ],
    targets: [
        // MARK: C system libraries (module maps only)
        .systemLibrary(name: "CNGHTTP2", path: "Sources/CNGHTTP2", providers: [.apt(["libnghttp2-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", providers: [.apt(["libssl-dev"])]),
        // Test oracle only: an independent protobuf runtime to check our wire format against.
        .systemLibrary(name: "CProtobufC", path: "Sources/CProtobufC", providers: [.apt(["libprotobuf-c-dev"])]),

        // MARK: Protobuf
        .target(name: "ProtoRuntime"),
        .target(name: "ProtocCore", dependencies: ["ProtoRuntime"], path: "codegen/Sources/ProtocCore"),
        .executableTarget(name: "jiceng-protoc", dependencies: ["ProtocCore"], path: "codegen/Sources/jiceng-protoc"),

        // MARK: gRPC
        .target(name: "RPC", dependencies: ["ProtoRuntime", "CZlib"]),
        .target(name: "HTTP2Transport", dependencies: ["RPC", "CNGHTTP2", "COpenSSL"]),

        // MARK: API and domain
        .target(name: "JicengAPI", dependencies: ["ProtoRuntime", "RPC"]),
        .target(name: "StandardServices", dependencies: ["JicengAPI", "RPC", "ProtoRuntime"]),
        .target(name: "Store", dependencies: ["CSQLite"]),
        .target(name: "Platform", dependencies: ["JicengAPI", "RPC", "Store", "COpenSSL"]),
        .executableTarget(
            name: "jiceng",
            dependencies: ["Platform", "StandardServices", "HTTP2Transport", "JicengAPI", "RPC", "ProtoRuntime"]
        ),

        // MARK: Tests
        // libFuzzer target for the binary and JSON decoders (see Tests/Fuzz/README.md).
        .executableTarget(name: "jiceng-fuzz", dependencies: ["ProtoRuntime"], path: "Tests/Fuzz/Sources"),
        // libprotobuf-c with protoc-c's code for a test schema: an independent wire-format oracle.
        .target(name: "ProtobufCFixtures", path: "Tests/ProtobufCFixtures", linkerSettings: [.linkedLibrary("protobuf-c")]),
        .testTarget(name: "ProtoRuntimeTests", dependencies: ["ProtoRuntime", "CProtobufC", "ProtobufCFixtures"], exclude: ["Fixtures"]),
    ]
)
