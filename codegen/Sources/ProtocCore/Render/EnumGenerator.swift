import ProtoRuntime

/// Generates one enum.
///
/// Closed (proto2) enums are `Int32`-backed Swift enums whose failable `init(rawValue:)` rejects
/// unknown numbers (the decoder then keeps them as unknown fields). Open (proto3) enums add
/// `case unrecognized(Int32)` and implement `RawRepresentable` by hand, so that every number
/// round-trips. Aliases (`allow_alias`) become static constants naming their first value's case.
struct EnumGenerator {
    let info: DescriptorIndex.EnumInfo
    let path: [Int32]
    let comments: DocComments
    let visibility: String

    func emit(into w: inout SourceWriter) {
        let v = visibility
        let d = info.descriptor
        let short = String(info.swiftName.split(separator: ".").last!)
        // The first value with each number is the case; later ones are aliases.
        var cases: [(index: Int, value: Google_Protobuf_EnumValueDescriptorProto)] = []
        var aliases: [Google_Protobuf_EnumValueDescriptorProto] = []
        var seen: Set<Int32> = []
        for (i, value) in d.value.enumerated() {
            if seen.insert(value.number).inserted { cases.append((i, value)) } else { aliases.append(value) }
        }
        func caseName(_ value: Google_Protobuf_EnumValueDescriptorProto) -> String {
            SwiftNaming.enumCaseName(value.name, enumName: d.name)
        }
        comments.emit(path, into: &w)
        if info.isClosed {
            w.block("\(v)enum \(short): Int32, ProtoEnum, CaseIterable") { w in
                for c in cases {
                    comments.emit(path + [2, Int32(c.index)], into: &w)
                    w.line("case \(caseName(c.value)) = \(c.value.number)")
                }
                emitAliases(into: &w, aliases, short: short, caseName: caseName)
                w.line()
                w.line("\(v)static let protoEnumName = \(SwiftNaming.stringLiteral(info.fullName))")
            }
            return
        }
        w.block("\(v)enum \(short): ProtoEnum, CaseIterable") { w in
            for c in cases {
                comments.emit(path + [2, Int32(c.index)], into: &w)
                w.line("case \(caseName(c.value))")
            }
            w.line("/// A number this version of the schema does not know, kept so that it round-trips.")
            w.line("case unrecognized(Int32)")
            emitAliases(into: &w, aliases, short: short, caseName: caseName)
            w.line()
            w.line("\(v)static let protoEnumName = \(SwiftNaming.stringLiteral(info.fullName))")
            w.line()
            w.line("/// The default value: the first declared (in proto3 always the one numbered 0).")
            w.line("\(v)init() { self = .\(caseName(cases[0].value)) }")
            w.line()
            w.block("\(v)init(rawValue: Int32)") { w in
                w.switchBlock("rawValue") { w in
                    for c in cases { w.line("case \(c.value.number): self = .\(caseName(c.value))") }
                    w.line("default: self = .unrecognized(rawValue)")
                }
            }
            w.line()
            w.block("\(v)var rawValue: Int32") { w in
                w.switchBlock("self") { w in
                    for c in cases { w.line("case .\(caseName(c.value)): \(c.value.number)") }
                    w.line("case .unrecognized(let number): number")
                }
            }
            w.line()
            w.line("/// The declared values (not `unrecognized`).")
            w.line("\(v)static let allCases: [\(short)] = [\(cases.map { "." + caseName($0.value) }.joined(separator: ", "))]")
        }
    }

    private func emitAliases(
        into w: inout SourceWriter, _ aliases: [Google_Protobuf_EnumValueDescriptorProto], short: String,
        caseName: (Google_Protobuf_EnumValueDescriptorProto) -> String
    ) {
        guard !aliases.isEmpty else { return }
        w.line()
        for a in aliases {
            let target = info.descriptor.value.first { $0.number == a.number }!
            w.line("/// Alias of `\(caseName(target))` (`\(a.name)`).")
            w.line("\(visibility)static let \(caseName(a)): \(short) = .\(caseName(target))")
        }
    }
}
