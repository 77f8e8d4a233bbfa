import ProtoRuntime

/// Generates one message type: a value-type struct conforming to `ProtoMessage`, with its
/// nested messages, enums and oneof enums nested inside it.
///
/// Messages that contain themselves through singular fields keep their fields in a final class
/// (`_Storage`) shared copy-on-write, since a struct cannot contain itself; every other message
/// keeps plain stored properties (the fast path).
struct MessageGenerator {
    let info: DescriptorIndex.MessageInfo
    /// Descriptor path of the message in its file (`[4, i]`, nested `[4, i, 3, j]`).
    let path: [Int32]
    let fields: [FieldGenerator]
    let oneofs: [OneofGenerator]
    let index: DescriptorIndex
    let comments: DocComments
    let visibility: String

    init(info: DescriptorIndex.MessageInfo, path: [Int32], index: DescriptorIndex, comments: DocComments, visibility: String) throws(SwiftRenderError) {
        self.info = info
        self.path = path
        self.index = index
        self.comments = comments
        self.visibility = visibility
        let d = info.descriptor
        // Oneofs whose every member is proto3 `optional` are synthetic: plain presence instead.
        var oneofs: [OneofGenerator] = []
        var realOneofIndex: [Int32: Int] = [:]
        for (i, o) in d.oneofDecl.enumerated() {
            let members = d.field.filter { $0.hasOneofIndex && $0.oneofIndex == Int32(i) }
            if members.allSatisfy(\.proto3Optional) { continue }
            realOneofIndex[Int32(i)] = oneofs.count
            oneofs.append(OneofGenerator(o, declarationIndex: i))
        }
        var fields: [FieldGenerator] = []
        for (i, f) in d.field.enumerated() {
            let oneof = f.hasOneofIndex && !f.proto3Optional ? realOneofIndex[f.oneofIndex] : nil
            let g = try FieldGenerator(f, fieldIndex: Int32(i), isProto3: info.isProto3, realOneofIndex: oneof, index: index)
            if let oneof { oneofs[oneof].members.append(g) }
            fields.append(g)
        }
        self.fields = fields
        self.oneofs = oneofs
    }

    private var usesStorage: Bool { info.usesStorage }
    /// Prefix of stored properties inside encode/decode (a local `storage` in storage mode).
    /// How generated code reaches a field: always qualified, so that a field named like a local
    /// (`size`, `tag`, `decoder`, `body`) can never be shadowed.
    private var p: String { usesStorage ? "storage." : "self." }

    private func oneof(of field: FieldGenerator) -> OneofGenerator? {
        if case .oneofMember(let i) = field.kind { return oneofs[i] }
        return nil
    }

    func emit(into w: inout SourceWriter) throws(SwiftRenderError) {
        let v = visibility
        comments.emit(path, into: &w)
        let short = String(info.swiftName.split(separator: ".").last!)
        try w.block("\(v)struct \(short): ProtoMessage") { w throws(SwiftRenderError) in
            emitProperties(into: &w)
            w.line()
            w.line("\(v)init() {}")
            w.line()
            w.line("\(v)static let protoMessageName = \(SwiftNaming.stringLiteral(info.fullName))")
            w.line()
            emitFieldNames(into: &w)
            w.line()
            emitEncodedSize(into: &w)
            w.line()
            emitEncode(into: &w)
            w.line()
            emitDecode(into: &w)
            if info.needsInitializationCheck {
                w.line()
                emitInitializationCheck(into: &w)
            }
            if usesStorage {
                w.line()
                emitStorage(into: &w)
            }
            for o in oneofs {
                w.line()
                o.emitEnum(into: &w, visibility: v, comments: comments, messagePath: path)
            }
            for (i, nested) in info.descriptor.nestedType.enumerated() where !nested.options.mapEntry {
                w.line()
                let nestedInfo = try index.message("." + info.fullName + "." + nested.name)
                try MessageGenerator(info: nestedInfo, path: path + [3, Int32(i)], index: index, comments: comments, visibility: v)
                    .emit(into: &w)
            }
            for (i, e) in info.descriptor.enumType.enumerated() {
                w.line()
                let enumInfo = try index.enumeration("." + info.fullName + "." + e.name)
                EnumGenerator(info: enumInfo, path: path + [4, Int32(i)], comments: comments, visibility: v).emit(into: &w)
            }
        }
    }

    // MARK: Properties

    private func emitProperties(into w: inout SourceWriter) {
        var emittedOneofs: Set<Int> = []
        for f in fields {
            if case .oneofMember(let i) = f.kind, emittedOneofs.insert(i).inserted {
                comments.emit(path + [8, Int32(oneofs[i].declarationIndex)], into: &w)
                oneofs[i].emitProperty(into: &w, usesStorage: usesStorage, visibility: visibility)
            }
            comments.emit(path + [2, f.fieldIndex], into: &w)
            f.emitAccessors(into: &w, usesStorage: usesStorage, visibility: visibility, oneof: oneof(of: f))
        }
        w.line("\(visibility)var unknownFields = UnknownFields()")
        if usesStorage {
            w.line("var _storage = _Storage.defaultInstance")
        } else {
            for f in fields {
                if let decl = f.slotDeclaration(usesStorage: false) { w.line(decl) }
            }
        }
    }

    private func emitFieldNames(into w: inout SourceWriter) {
        let sorted = fields.sorted { $0.number < $1.number }
        if sorted.isEmpty {
            w.line("\(visibility)static func protoFieldName(_ number: Int) -> String? { nil }")
            return
        }
        w.block("\(visibility)static func protoFieldName(_ number: Int) -> String?") { w in
            w.switchBlock("number") { w in
                for f in sorted { w.line("case \(f.number): \(SwiftNaming.stringLiteral(f.descriptor.name))") }
                w.line("default: nil")
            }
        }
    }

    // MARK: Encoding

    /// Fields in number order, with consecutive members of one oneof grouped (one switch each).
    private enum EncodingStep {
        case field(FieldGenerator)
        case oneof(OneofGenerator, [FieldGenerator])
    }

    private var encodingSteps: [EncodingStep] {
        var steps: [EncodingStep] = []
        for f in fields.sorted(by: { $0.number < $1.number }) {
            if case .oneofMember(let i) = f.kind {
                if case .oneof(let o, let members)? = steps.last, o.declarationIndex == oneofs[i].declarationIndex {
                    steps[steps.count - 1] = .oneof(o, members + [f])
                } else {
                    steps.append(.oneof(oneofs[i], [f]))
                }
            } else {
                steps.append(.field(f))
            }
        }
        return steps
    }

    private func emitEncodedSize(into w: inout SourceWriter) {
        if fields.isEmpty {
            w.line("\(visibility)func encodedSize() -> Int { unknownFields.bytes.count }")
            return
        }
        w.block("\(visibility)func encodedSize() -> Int") { w in
            if usesStorage { w.line("let storage = _storage") }
            w.line("var size = 0")
            emitSteps(into: &w, field: { w, f, x in f.emitSize(into: &w, x: x) }, oneof: { w, o, members in o.emitSize(into: &w, subset: members, p: p) })
            w.line("return size + unknownFields.bytes.count")
        }
    }

    private func emitEncode(into w: inout SourceWriter) {
        w.block("\(visibility)func encode(to encoder: inout BinaryEncoder)") { w in
            if usesStorage { w.line("let storage = _storage") }
            emitSteps(into: &w, field: { w, f, x in f.emitEncode(into: &w, x: x) }, oneof: { w, o, members in o.emitEncode(into: &w, subset: members, p: p) })
            w.line("encoder.writeRaw(unknownFields.bytes)")
        }
    }

    /// Runs `field` or `oneof` for each encoding step, in field-number order.
    private func emitSteps(
        into w: inout SourceWriter, field: (inout SourceWriter, FieldGenerator, String) -> Void,
        oneof: (inout SourceWriter, OneofGenerator, [FieldGenerator]) -> Void
    ) {
        for step in encodingSteps {
            switch step {
            case .field(let f): field(&w, f, p + f.slot(usesStorage: usesStorage))
            case .oneof(let o, let members): oneof(&w, o, members)
            }
        }
    }

    private func emitDecode(into w: inout SourceWriter) {
        w.block("\(visibility)mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError)") { w in
            if fields.isEmpty {
                w.block("while let tag = try decoder.nextTag()") { w in
                    w.line("try decoder.skipField(tag, into: &unknownFields)")
                }
                return
            }
            if usesStorage { w.line("let storage = _uniqueStorage()") }
            w.block("while let tag = try decoder.nextTag()") { w in
                w.switchBlock("tag.fieldNumber") { w in
                    for f in fields.sorted(by: { $0.number < $1.number }) {
                        if let o = oneof(of: f) {
                            o.emitDecodeCase(into: &w, member: f, p: p, unknownFields: "unknownFields")
                        } else {
                            f.emitDecodeCases(into: &w, x: p + f.slot(usesStorage: usesStorage), unknownFields: "unknownFields")
                        }
                    }
                    w.line("default:")
                    w.indent()
                    w.line("try decoder.skipField(tag, into: &unknownFields)")
                    w.outdent()
                }
            }
        }
    }

    private func emitInitializationCheck(into w: inout SourceWriter) {
        w.block("\(visibility)var isInitialized: Bool") { w in
            if usesStorage { w.line("let storage = _storage") }
            for f in fields.sorted(by: { $0.number < $1.number }) where oneof(of: f) == nil {
                f.emitInitializationCheck(into: &w, x: p + f.slot(usesStorage: usesStorage))
            }
            for o in oneofs { o.emitInitializationCheck(into: &w, p: p) }
            w.line("return true")
        }
    }

    // MARK: Copy-on-write storage

    /// Stored properties of the storage class: every field's slot, each oneof once.
    private var storageSlots: [(name: String, declaration: String)] {
        var slots: [(String, String)] = []
        var seenOneofs: Set<Int> = []
        for f in fields {
            if case .oneofMember(let i) = f.kind {
                if seenOneofs.insert(i).inserted {
                    let o = oneofs[i]
                    slots.append((o.slot(usesStorage: true), "var \(o.slot(usesStorage: true)): \(o.enumName)? = nil"))
                }
            } else if let decl = f.slotDeclaration(usesStorage: true) {
                slots.append((f.slot(usesStorage: true), decl))
            }
        }
        return slots
    }

    private func emitStorage(into w: inout SourceWriter) {
        let v = visibility
        let slots = storageSlots
        w.line("/// The fields, in a class so that the message can contain itself. Shared between copies")
        w.line("/// and copied before a write when shared (`_uniqueStorage()`), so it is only ever mutated")
        w.line("/// while uniquely referenced; that is what makes the unchecked Sendable sound.")
        w.block("final class _Storage: @unchecked Sendable") { w in
            w.line("/// Shared by every default-initialised message until its first write.")
            w.line("static let defaultInstance = _Storage()")
            w.line()
            for s in slots { w.line(s.declaration) }
            w.line()
            w.line("init() {}")
            w.line()
            w.block("init(copying source: _Storage)") { w in
                for s in slots { w.line("\(s.name) = source.\(s.name)") }
            }
        }
        w.line()
        w.block("mutating func _uniqueStorage() -> _Storage") { w in
            w.line("if !isKnownUniquelyReferenced(&_storage) { _storage = _Storage(copying: _storage) }")
            w.line("return _storage")
        }
        w.line()
        w.block("\(v)static func == (lhs: Self, rhs: Self) -> Bool") { w in
            w.block("if lhs._storage !== rhs._storage") { w in
                w.line("let a = lhs._storage, b = rhs._storage")
                for s in slots { w.line("if a.\(s.name) != b.\(s.name) { return false }") }
            }
            w.line("return lhs.unknownFields == rhs.unknownFields")
        }
        w.line()
        w.block("\(v)func hash(into hasher: inout Hasher)") { w in
            w.line("let storage = _storage")
            for s in slots { w.line("hasher.combine(storage.\(s.name))") }
            w.line("hasher.combine(unknownFields)")
        }
    }
}
