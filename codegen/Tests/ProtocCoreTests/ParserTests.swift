@testable import ProtocCore
import Testing

@Suite struct ParserTests {
    private func parse(_ text: String) -> (FileNode, [String]) {
        let (file, errors) = Parser.parse(fileName: "t.proto", bytes: Array(text.utf8))
        return (file, errors.map(\.description))
    }

    @Test func buildsTheTree() {
        let (file, errors) = parse("""
            syntax = "proto3";
            package a.b;
            import public "x.proto";
            message M {
              optional int32 id = 1 [json_name = "ID", deprecated = true];
              map<string, M> children = 2;
              oneof kind { string s = 3; }
              reserved 10 to max, 4;
              enum E { E0 = 0; }
            }
            service S { rpc Get(M) returns (stream M); }
            """)
        #expect(errors.isEmpty)
        #expect(file.package == "a.b" && file.isProto3)
        #expect(file.dependencies == ["x.proto"] && file.publicDependencies == [0])
        let m = file.messages[0]
        #expect(m.fields.map(\.name) == ["id", "children", "s"])
        #expect(m.fields[0].proto3Optional && m.fields[0].jsonName == "ID")
        // The map's entry type and the proto3-optional synthetic oneof are made by the parser.
        #expect(m.nestedMessages.map(\.name) == ["ChildrenEntry"])
        #expect(m.nestedMessages[0].options?.mapEntry == true)
        #expect(m.fields[1].typeName == "ChildrenEntry" && m.fields[1].label == .repeated)
        #expect(m.oneofs.map(\.name) == ["kind", "_id"])
        #expect(m.fields[0].oneofIndex == 1 && m.fields[2].oneofIndex == 0)
        #expect(m.reservedRanges.map { [$0.start, $0.end] } == [[10, 536_870_912], [4, 5]])
        #expect(file.services[0].methods[0].serverStreaming && !file.services[0].methods[0].clientStreaming)
    }

    @Test func groupsMakeNestedTypes() {
        let (file, errors) = parse("message M { optional group Result = 1 { optional string url = 2; } }")
        #expect(errors.isEmpty)
        #expect(file.messages[0].fields[0].name == "result")
        #expect(file.messages[0].fields[0].type == .group && file.messages[0].fields[0].typeName == "Result")
        #expect(file.messages[0].nestedMessages[0].fields[0].name == "url")
    }

    @Test func recordsSourceLocationsInProtocOrder() {
        let (file, _) = parse("syntax = \"proto3\";\nmessage M {\n  int32 x = 1; // t\n}\n")
        let paths = file.sourceLocations.map(\.path)
        #expect(paths == [[], [12], [4, 0], [4, 0, 1], [4, 0, 2, 0], [4, 0, 2, 0, 5], [4, 0, 2, 0, 1], [4, 0, 2, 0, 3]])
        #expect(file.sourceLocations[0].span == [0, 0, 3, 1])
        #expect(file.sourceLocations[4].span == [2, 2, 14])
        #expect(file.sourceLocations[4].trailingComments == " t\n")
    }

    @Test func reportsSeveralErrorsAndRecovers() {
        let (file, errors) = parse("syntax = \"proto3\";\nmessage A { int32 = 1; }\nmessage B { int32 b = ; }\nmessage C {}\n")
        #expect(errors == ["t.proto:2:19: Expected field name.", "t.proto:3:23: Expected field number."])
        #expect(file.messages.map(\.name) == ["A", "B", "C"])
    }

    @Test func refusesEditions() {
        let (_, errors) = parse("edition = \"2023\";\nmessage M {}\n")
        #expect(errors.count == 1)
        #expect(errors[0].hasPrefix("t.proto:1:1: editions are not supported yet"))
    }

    @Test func survivesDeepNesting() {
        let deep = "syntax = \"proto2\";\n" + String(repeating: "message M {", count: 5000) + String(repeating: "}", count: 5000)
        let (_, errors) = parse(deep)
        #expect(errors == ["t.proto: Reached maximum recursion limit for nested messages."])
        let braces = "message M { " + String(repeating: "{", count: 100_000)
        #expect(!parse(braces).1.isEmpty)
    }

    @Test func survivesArbitraryBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = Parser.parse(fileName: "r.proto", bytes: bytes)
        }
    }
}

@Suite struct InMemoryCompilationTests {
    /// `Compiler.compile(sources:files:)` compiles text held in memory, imports included.
    @Test func compilesSourcesFromMemory() throws {
        let compiled = try Compiler.compile(sources: [
            "a.proto": "syntax = \"proto3\";\npackage a;\nimport \"b.proto\";\nmessage A { b.B b = 1; }\n",
            "b.proto": "syntax = \"proto3\";\npackage b;\nmessage B { string s = 1; }\n",
        ], files: ["a.proto"])
        #expect(compiled.fileNamesInDependencyOrder == ["b.proto", "a.proto"])
        let protos = try compiled.fileDescriptorProtos()
        #expect(protos[1].messageType[0].field[0].typeName == ".b.B")
        #expect(protos[1].messageType[0].field[0].jsonName == "b")
    }

    @Test func reportsErrorsFromMemory() {
        #expect(throws: CompileErrors.self) {
            try Compiler.compile(sources: ["a.proto": "syntax = \"proto3\";\nmessage A { Missing m = 1; }\n"], files: ["a.proto"])
        }
        do {
            _ = try Compiler.compile(sources: ["a.proto": "syntax = \"proto3\";\nmessage A { Missing m = 1; }\n"], files: ["a.proto"])
        } catch {
            #expect(error.description == "a.proto:2:13: \"Missing\" is not defined.")
        }
    }
}
