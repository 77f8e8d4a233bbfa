import Foundation
import ProtoRuntime
import ProtocCore
import Testing

/// The breaking-change check (`jiceng-protoc --against`): a corpus of edits to a small schema,
/// each classified as safe or as breaking by the right rules.
struct BreakingChangeTests {
    /// The released schema every case starts from.
    static let base = """
        syntax = "proto3";
        package shop.v1;

        // An order.
        message Order {
          string id = 1;
          int32 quantity = 2;
          Item item = 3;
          Status status = 4;
          repeated string tags = 5;
          oneof payment {
            string card = 6;
            string voucher = 7;
          }
        }

        // A line of an order.
        message Item {
          string sku = 1;
        }

        message Unused {
          string x = 1;
        }

        enum Status {
          STATUS_UNSPECIFIED = 0;
          STATUS_OPEN = 1;
          STATUS_CLOSED = 2;
        }

        enum Colour {
          COLOUR_UNSPECIFIED = 0;
        }

        message GetOrderRequest {
          string id = 1;
        }

        message WatchOrdersRequest {
          string id = 1;
        }

        service OrderService {
          rpc GetOrder(GetOrderRequest) returns (Order);
          rpc WatchOrders(WatchOrdersRequest) returns (stream Order);
        }

        service AdminService {
          rpc Ping(GetOrderRequest) returns (Item);
        }

        """

    /// One edit of the base schema: `replace` becomes `with` (plus any `more` replacements), and
    /// the check must report exactly `expected` (empty: the edit is safe).
    struct Edit: CustomTestStringConvertible, Sendable {
        let name: String
        let replacements: [(String, String)]
        let expected: [BreakingChangeRule]
        var testDescription: String { name }

        init(name: String, replace: String, with: String, more: [(String, String)] = [], expected: [BreakingChangeRule]) {
            self.name = name
            self.replacements = [(replace, with)] + more
            self.expected = expected
        }

        /// The edited schema; nil when a replacement finds nothing to replace.
        func apply(to schema: String) -> String? {
            var result = schema
            for (old, new) in replacements {
                guard result.contains(old) else { return nil }
                result = result.replacingOccurrences(of: old, with: new)
            }
            return result
        }
    }

    static let edits: [Edit] = [
        // Safe.
        Edit(name: "add a field", replace: "  Status status = 4;\n", with: "  Status status = 4;\n  string note = 8;\n", expected: []),
        Edit(name: "add an enum value", replace: "  STATUS_CLOSED = 2;\n", with: "  STATUS_CLOSED = 2;\n  STATUS_LOST = 3;\n", expected: []),
        Edit(name: "add a message", replace: "message Unused {", with: "message Extra {}\n\nmessage Unused {", expected: []),
        Edit(name: "add a method", replace: "  rpc GetOrder(GetOrderRequest) returns (Order);\n",
             with: "  rpc GetOrder(GetOrderRequest) returns (Order);\n  rpc PeekOrder(GetOrderRequest) returns (Order);\n", expected: []),
        Edit(name: "add a service", replace: "service AdminService {", with: "service OtherService {}\n\nservice AdminService {", expected: []),
        Edit(name: "change comments", replace: "// A line of an order.", with: "// One line of an order: a product and nothing else.", expected: []),
        Edit(name: "add an option", replace: "  int32 quantity = 2;", with: "  int32 quantity = 2 [deprecated = true];", expected: []),
        Edit(name: "retire a field, reserving its number and name", replace: "  int32 quantity = 2;", with: "  reserved 2;\n  reserved \"quantity\";", expected: []),
        Edit(name: "singular field becomes proto3 optional", replace: "  int32 quantity = 2;", with: "  optional int32 quantity = 2;", expected: []),
        Edit(name: "remove a message nothing uses", replace: "message Unused {\n  string x = 1;\n}\n", with: "", expected: []),
        Edit(name: "retire an enum value, reserving its number and name", replace: "  STATUS_CLOSED = 2;\n", with: "  reserved 2;\n  reserved \"STATUS_CLOSED\";\n", expected: []),
        // Breaking.
        Edit(name: "remove a field", replace: "  int32 quantity = 2;\n", with: "", expected: [.fieldRemoved]),
        Edit(name: "retire a field reserving only its number", replace: "  int32 quantity = 2;", with: "  reserved 2;", expected: [.fieldRemoved]),
        Edit(name: "renumber a field", replace: "  int32 quantity = 2;", with: "  int32 quantity = 9;", expected: [.fieldRenumbered]),
        Edit(name: "rename a field", replace: "  int32 quantity = 2;", with: "  int32 count = 2;", expected: [.fieldRenamed]),
        Edit(name: "change a json_name", replace: "  int32 quantity = 2;", with: "  int32 quantity = 2 [json_name = \"qty\"];", expected: [.fieldJSONNameChanged]),
        Edit(name: "widen int32 to int64", replace: "  int32 quantity = 2;", with: "  int64 quantity = 2;", expected: [.fieldTypeChanged]),
        Edit(name: "change a message field's type", replace: "  Item item = 3;", with: "  Unused item = 3;", expected: [.fieldTypeChanged]),
        Edit(name: "singular becomes repeated", replace: "  int32 quantity = 2;", with: "  repeated int32 quantity = 2;", expected: [.fieldCardinalityChanged]),
        Edit(name: "repeated becomes singular", replace: "  repeated string tags = 5;", with: "  string tags = 5;", expected: [.fieldCardinalityChanged]),
        Edit(name: "move a field out of its oneof", replace: "    string voucher = 7;\n  }\n", with: "  }\n  string voucher = 7;\n", expected: [.fieldOneofChanged]),
        Edit(name: "remove an enum value", replace: "  STATUS_CLOSED = 2;\n", with: "", expected: [.enumValueRemoved]),
        Edit(name: "rename an enum value", replace: "  STATUS_CLOSED = 2;", with: "  STATUS_DONE = 2;", expected: [.enumValueRenamed]),
        Edit(name: "remove an enum", replace: "enum Colour {\n  COLOUR_UNSPECIFIED = 0;\n}\n", with: "", expected: [.enumRemoved]),
        Edit(name: "remove a message in use (and the field using it)", replace: "message Item {\n  string sku = 1;\n}\n",
             with: "", more: [("  Item item = 3;\n", ""), ("returns (Item);", "returns (Order);")],
             expected: [.fieldRemoved, .messageRemoved, .methodOutputChanged]),
        Edit(name: "remove a service", replace: "service AdminService {\n  rpc Ping(GetOrderRequest) returns (Item);\n}\n", with: "", expected: [.serviceRemoved]),
        Edit(name: "rename a method", replace: "rpc GetOrder(", with: "rpc FetchOrder(", expected: [.methodRemoved]),
        Edit(name: "change a method's request type", replace: "rpc GetOrder(GetOrderRequest)", with: "rpc GetOrder(WatchOrdersRequest)", expected: [.methodInputChanged]),
        Edit(name: "change a method's response type", replace: "returns (Item);", with: "returns (Order);", expected: [.methodOutputChanged]),
        Edit(name: "make a method server-streaming", replace: "returns (Order);", with: "returns (stream Order);", expected: [.methodStreamingChanged]),
        Edit(name: "make a stream unary", replace: "returns (stream Order);", with: "returns (Order);", expected: [.methodStreamingChanged]),
        Edit(name: "change the package", replace: "package shop.v1;", with: "package shop.v2;",
             expected: [.packageChanged, .messageRemoved, .messageRemoved, .messageRemoved, .messageRemoved, .enumRemoved, .enumRemoved,
                        .serviceRemoved, .serviceRemoved]),
    ]

    static func descriptorSet(_ source: String) throws -> Google_Protobuf_FileDescriptorSet {
        let compiled = try Compiler.compile(sources: ["shop.proto": source], files: ["shop.proto"])
        return try Google_Protobuf_FileDescriptorSet(serializedBytes: compiled.descriptorSet(includeImports: true, includeSourceInfo: false))
    }

    @Test("An unchanged schema has no breaking changes")
    func unchanged() throws {
        let compiled = try Compiler.compile(sources: ["shop.proto": Self.base], files: ["shop.proto"])
        #expect(compiled.breakingChanges(since: try Self.descriptorSet(Self.base)).isEmpty)
    }

    @Test("Each edit is classified as safe or breaking by the right rules", arguments: edits)
    func edit(_ edit: Edit) throws {
        let edited = try #require(edit.apply(to: Self.base), "every replacement must find its text")
        let compiled = try Compiler.compile(sources: ["shop.proto": edited], files: ["shop.proto"])
        let changes = compiled.breakingChanges(since: try Self.descriptorSet(Self.base))
        #expect(changes.map(\.rule).sorted { $0.rawValue < $1.rawValue } == edit.expected.sorted { $0.rawValue < $1.rawValue },
                "\(changes.map(\.description).joined(separator: "\n"))")
        for change in changes {
            #expect(change.description.hasPrefix("shop.proto"))
            #expect(change.description.contains("[\(change.rule.rawValue)] "))
        }
    }

    @Test("Dropping the last use of a well-known type is not a removal of that type")
    func wellKnownTypeNoLongerImported() throws {
        let empty = "syntax = \"proto3\";\npackage google.protobuf;\nmessage Empty {}\n"
        let old = "syntax = \"proto3\";\npackage shop.v1;\nimport \"google/protobuf/empty.proto\";\nmessage Ping {\n  google.protobuf.Empty nothing = 1;\n}\n"
        let new = "syntax = \"proto3\";\npackage shop.v1;\nmessage Ping {\n  reserved 1;\n  reserved \"nothing\";\n}\n"
        let released = try Compiler.compile(sources: ["shop.proto": old, "google/protobuf/empty.proto": empty], files: ["shop.proto"])
        let baseline = try Google_Protobuf_FileDescriptorSet(serializedBytes: released.descriptorSet(includeImports: true, includeSourceInfo: false))
        #expect(baseline.file.map(\.name) == ["google/protobuf/empty.proto", "shop.proto"])
        let compiled = try Compiler.compile(sources: ["shop.proto": new], files: ["shop.proto"])
        #expect(compiled.breakingChanges(since: baseline).isEmpty)
        // Without the reservation the field's removal is still caught.
        let careless = try Compiler.compile(sources: ["shop.proto": "syntax = \"proto3\";\npackage shop.v1;\nmessage Ping {}\n"], files: ["shop.proto"])
        #expect(careless.breakingChanges(since: baseline).map(\.rule) == [.fieldRemoved])
    }

    @Test("A change to a field points at the field in the new file")
    func position() throws {
        let edited = Self.base.replacingOccurrences(of: "  int32 quantity = 2;", with: "  int64 quantity = 2;")
        let compiled = try Compiler.compile(sources: ["shop.proto": edited], files: ["shop.proto"])
        let changes = compiled.breakingChanges(since: try Self.descriptorSet(Self.base))
        #expect(changes.map(\.description) == [
            "shop.proto:7:3: [field-type-changed] Type of shop.v1.Order.quantity changed from int32 to int64.",
        ])
    }

    @Test("The contract in proto/ is compatible with its released baseline, proto/released.binpb")
    func contractAgainstRelease() throws {
        let released = try Data(contentsOf: PackagePaths.proto.appendingPathComponent("released.binpb"))
        let files = try SchemaLintTests.contractFiles()
        let compiled = try Compiler(importPaths: [PackagePaths.proto.path]).compile(files: files)
        let baseline = try Google_Protobuf_FileDescriptorSet(serializedBytes: [UInt8](released))
        #expect(baseline.file.contains { $0.name == "jiceng/v1/task.proto" })
        #expect(try compiled.breakingChanges(sinceDescriptorSet: [UInt8](released)).isEmpty)
    }
}
