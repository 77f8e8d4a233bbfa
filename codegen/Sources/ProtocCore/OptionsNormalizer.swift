/// Re-encodes an options message the way a current protoc does, where custom options are known
/// extension fields (`ProtocCompatibility.grpcioTools`): fields in number order, repeated
/// occurrences of a singular message merged, the last value of a singular scalar kept, repeated
/// scalars packed when the field is packed; fields of no known number follow in their order.
struct OptionsNormalizer {
    let table: SymbolTable

    /// The fields a message has for this purpose: its own and the extensions declared for it.
    private func fields(ofBuiltin kind: BuiltinOptions.Kind) -> [Int32: OptionField] {
        var result: [Int32: OptionField] = [:]
        for spec in kind.fields { result[spec.number] = OptionField(builtin: spec, in: kind) }
        for (number, ext) in table.extensions[kind.messageName] ?? [:] { result[number] = OptionField(declared: ext) }
        return result
    }

    private func fields(of message: MessageNode) -> [Int32: OptionField] {
        var result: [Int32: OptionField] = [:]
        for field in message.fields { result[field.number] = OptionField(declared: field) }
        for (number, ext) in table.extensions[message.fullName] ?? [:] { result[number] = OptionField(declared: ext) }
        return result
    }

    func normalize(_ bytes: [UInt8], kind: BuiltinOptions.Kind) -> [UInt8] {
        normalize(bytes, fields: fields(ofBuiltin: kind), depth: 0)
    }

    private func normalize(_ bytes: [UInt8], fields known: [Int32: OptionField], depth: Int) -> [UInt8] {
        guard depth < 100, let parsed = WireField.parse(bytes) else { return bytes }
        var byNumber: [Int32: [WireField]] = [:]
        var unknown = WireWriter()
        for field in parsed {
            if known[field.number] != nil {
                byNumber[field.number, default: []].append(field)
            } else {
                field.write(to: &unknown)
            }
        }
        var w = WireWriter()
        for number in byNumber.keys.sorted() {
            let field = known[number]!
            let occurrences = byNumber[number]!
            switch field.type {
            case .message, .group:
                let nested = field.messageType.map { fields(of: $0) } ?? [:]
                let bodies = occurrences.map(\.payload)
                let values = field.isRepeated ? bodies : [bodies.flatMap { $0 }]
                for body in values {
                    let normalized = normalize(body, fields: nested, depth: depth + 1)
                    if field.type == .group {
                        w.tag(number, .startGroup)
                        w.raw(normalized)
                        w.tag(number, .endGroup)
                    } else {
                        w.bytesField(number, normalized)
                    }
                }
            case .string, .bytes:
                for value in field.isRepeated ? occurrences : [occurrences.last!] {
                    w.bytesField(number, value.payload)
                }
            default:
                var values: [[UInt8]] = []
                for occurrence in occurrences {
                    if occurrence.type == .lengthDelimited {
                        values += Self.splitPacked(occurrence.payload, as: field.wireType)
                    } else {
                        values.append(occurrence.payload)
                    }
                }
                if !field.isRepeated, let last = values.last { values = [last] }
                if field.isPacked {
                    w.bytesField(number, values.flatMap { $0 })
                } else {
                    for value in values {
                        w.tag(number, field.wireType)
                        w.raw(value)
                    }
                }
            }
        }
        return w.bytes + unknown.bytes
    }

    /// The values of a packed run, each in its own wire encoding.
    private static func splitPacked(_ payload: [UInt8], as type: WireWriter.WireType) -> [[UInt8]] {
        var values: [[UInt8]] = []
        var i = 0
        while i < payload.count {
            let start = i
            switch type {
            case .fixed32: i += 4
            case .fixed64: i += 8
            default:
                while i < payload.count && payload[i] & 0x80 != 0 { i += 1 }
                i += 1
            }
            guard i <= payload.count else { break }
            values.append(Array(payload[start..<i]))
        }
        return values
    }
}
