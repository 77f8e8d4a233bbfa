// swift-tools-version:6.0
// Jiceng: the grassroots-governance work platform, served as a gRPC API.
//
// Layers import only downward:
//   ProtoRuntime ← RPC ← HTTP2Transport
//   ProtoRuntime ← JicengAPI (generated) ← StandardServices / Platform ← jiceng (executable)
//   Store ← Platform;  Store ← StorePostgres (libpq)
// The C system libraries are reached only through the thin `C*` module-map targets, and each is
// imported by exactly one layer (nghttp2 by HTTP2Transport, sqlite by Store, libpq by StorePostgres,
// zlib by RPC).
import PackageDescription

let package = Package(
    name: "Jiceng",
    products: [
        .executable(name: "jiceng", targets: ["jiceng"]),
        .executable(name: "jiceng-protoc", targets: ["jiceng-protoc"]),
        .executable(name: "jiceng-fuzz", targets: ["jiceng-fuzz"]),
        .library(name: "ProtoRuntime", targets: ["ProtoRuntime"]),
        .library(name: "JicengClient", targets: ["JicengClient"]),
    ],
    targets: [
        // MARK: C system libraries (module maps only)
        .systemLibrary(name: "CNGHTTP2", path: "Sources/CNGHTTP2", providers: [.apt(["libnghttp2-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CPQ", path: "Sources/CPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CEpoll", path: "Sources/CEpoll"),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", providers: [.apt(["libssl-dev"])]),
        // Test oracle only: an independent protobuf runtime to check our wire format against.
        .systemLibrary(name: "CProtobufC", path: "Sources/CProtobufC", providers: [.apt(["libprotobuf-c-dev"])]),

        // MARK: Protobuf
        .target(name: "ProtoRuntime"),
        .target(name: "ProtocCore", dependencies: ["ProtoRuntime"], path: "codegen/Sources/ProtocCore"),
        .executableTarget(name: "jiceng-protoc", dependencies: ["ProtocCore"], path: "codegen/Sources/jiceng-protoc"),

        // MARK: gRPC
        .target(name: "RPC", dependencies: ["ProtoRuntime", "CZlib"]),
        .target(name: "HTTP2Transport", dependencies: ["RPC", "CNGHTTP2", "COpenSSL", "CEpoll"]),

        // MARK: API and domain
        .target(name: "JicengAPI", dependencies: ["ProtoRuntime", "RPC"]),
        .target(name: "StandardServices", dependencies: ["JicengAPI", "RPC", "ProtoRuntime"]),
        .target(name: "Store", dependencies: ["CSQLite"]),
        // The PostgreSQL implementation of Store's protocols, kept apart so that only what serves
        // from PostgreSQL links libpq.
        .target(name: "StorePostgres", dependencies: ["Store", "CPQ"]),
        .target(name: "Platform", dependencies: ["JicengAPI", "RPC", "Store", "COpenSSL"]),
        .target(name: "JicengCommands", dependencies: ["Platform", "JicengAPI", "JicengClient", "RPC", "ProtoRuntime", "Store", "StandardServices", "HTTP2Transport"]),
        // The client library for integrations: typed clients with auth, request ids and retries.
        .target(name: "JicengClient", dependencies: ["JicengAPI", "RPC", "HTTP2Transport", "ProtoRuntime"]),
        .executableTarget(name: "jiceng-watch-example", dependencies: ["JicengClient", "JicengAPI", "RPC"], path: "Examples/WatchTasks"),
        .executableTarget(
            name: "jiceng",
            dependencies: ["JicengCommands", "Platform", "StandardServices", "HTTP2Transport", "JicengAPI", "RPC", "ProtoRuntime"]
        ),

        // MARK: Tests
        // libFuzzer target for the binary and JSON decoders (see Tests/Fuzz/README.md).
        .executableTarget(name: "jiceng-fuzz", dependencies: ["ProtoRuntime"], path: "Tests/Fuzz/Sources"),
        // libprotobuf-c with protoc-c's code for a test schema: an independent wire-format oracle.
        .target(name: "ProtobufCFixtures", path: "Tests/ProtobufCFixtures", linkerSettings: [.linkedLibrary("protobuf-c")]),
        .testTarget(name: "ProtoRuntimeTests", dependencies: ["ProtoRuntime", "CProtobufC", "ProtobufCFixtures"], exclude: ["Fixtures"]),
        .testTarget(name: "PlatformTests", dependencies: ["Platform", "JicengAPI", "RPC", "Store", "ProtoRuntime"]),
        .testTarget(name: "JicengCommandsTests", dependencies: ["JicengCommands", "RPC", "JicengAPI"]),
        .testTarget(name: "JicengClientTests", dependencies: ["JicengClient", "JicengAPI", "RPC", "ProtoRuntime", "HTTP2Transport"]),
        .testTarget(name: "RPCTests", dependencies: ["RPC", "ProtoRuntime"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "StorePostgres"]),
        .testTarget(name: "HTTP2TransportTests", dependencies: ["HTTP2Transport", "RPC", "ProtoRuntime", "CNGHTTP2"]),
        // Run by StoreTests' kill -9 test: writes as fast as it can, printing each acknowledged id.
        .executableTarget(name: "store-crash-probe", dependencies: ["Store", "StorePostgres"], path: "Tests/StoreCrashProbe"),

        // MARK: Benchmarks
        .testTarget(name: "ProtocCoreTests", dependencies: ["ProtocCore", "ProtoRuntime"], path: "codegen/Tests/ProtocCoreTests", exclude: ["RenderCorpus", "Corpus", "LintCorpus"]),
        // Code generated by jiceng-protoc from codegen/Tests/ProtocCoreTests/RenderCorpus, with the tests that check it.
        .testTarget(name: "GeneratedCodeTests", dependencies: ["ProtoRuntime", "RPC"], exclude: ["wire_oracle.py"]),
        .executableTarget(name: "store-bench", dependencies: ["Store", "StorePostgres"], path: "bench/store", exclude: ["RESULTS.md"]),
    ]
)
