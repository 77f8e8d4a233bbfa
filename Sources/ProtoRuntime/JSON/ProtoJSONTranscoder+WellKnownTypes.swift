// JSON → well-known types.

extension ProtoJSONTranscoder {
    func decodeWellKnown(_ wkt: WellKnownType, _ json: JSONValue, type: MessageDescriptor, path: String, depth: Int) throws(ProtoJSONError) -> DynamicMessage {
        var m = DynamicMessage(descriptor: type)
        func field(_ n: Int) -> FieldDescriptor { type.field(number: n)! }
        switch wkt {
        case .timestamp:
            guard case .string(let s) = json, let (seconds, nanos) = TimestampFormat.parse(s) else {
                throw ProtoJSONError(path: path, reason: "invalid timestamp \(json.text) (want RFC 3339, e.g. 2026-01-02T15:04:05Z)")
            }
            m.set(field(1), .single(.int64(seconds)))
            m.set(field(2), .single(.int32(nanos)))
        case .duration:
            guard case .string(let s) = json, let (seconds, nanos) = DurationFormat.parse(s) else {
                throw ProtoJSONError(path: path, reason: "invalid duration \(json.text) (want seconds with an s suffix, e.g. 1.5s)")
            }
            m.set(field(1), .single(.int64(seconds)))
            m.set(field(2), .single(.int32(nanos)))
        case .fieldMask:
            guard case .string(let s) = json else { throw ProtoJSONError(path: path, reason: "expected a field mask string, got \(json.kindName)") }
            var paths: [ProtoValue] = []
            for p in s.split(separator: ",") {
                let parts = p.split(separator: ".", omittingEmptySubsequences: false).map { FieldMaskFormat.protoPath(String($0)) }
                guard !parts.contains(where: { $0 == nil }) else {
                    throw ProtoJSONError(path: path, reason: "invalid field mask path \"\(p)\"")
                }
                paths.append(.string(parts.map { $0! }.joined(separator: ".")))
            }
            m.set(field(1), .repeated(paths))
        case .structValue:
            guard case .object(let members) = json else { throw ProtoJSONError(path: path, reason: "expected an object, got \(json.kindName)") }
            m.set(field(1), .map(try structFields(members, type: type, path: path, depth: depth)))
        case .listValue:
            guard case .array(let items) = json else { throw ProtoJSONError(path: path, reason: "expected an array, got \(json.kindName)") }
            let valueType = pool.messageType(of: field(1))
            var values: [ProtoValue] = []
            for (i, item) in items.enumerated() {
                values.append(.message(try decodeMessage(item, type: valueType, path: path + "[\(i)]", depth: depth + 1)))
            }
            m.set(field(1), .repeated(values))
        case .value:
            switch json {
            case .null: m.set(field(1), .single(.enumNumber(0)))
            case .number(let t):
                guard let d = Double(t), d.isFinite else { throw ProtoJSONError(path: path, reason: "\(t) is out of range") }
                m.set(field(2), .single(.double(d)))
            case .string(let s): m.set(field(3), .single(.string(s)))
            case .bool(let b): m.set(field(4), .single(.bool(b)))
            case .object:
                m.set(field(5), .single(.message(try decodeMessage(json, type: pool.messageType(of: field(5)), path: path, depth: depth + 1))))
            case .array:
                m.set(field(6), .single(.message(try decodeMessage(json, type: pool.messageType(of: field(6)), path: path, depth: depth + 1))))
            }
        case .any:
            return try decodeAny(json, type: type, path: path, depth: depth)
        default:
            // Wrappers: the bare value. Set explicitly, so a wrapped default is still present.
            if let v = try decodeValue(json, field(1), path: path, depth: depth), !v.isDefault {
                m.set(field(1), .single(v))
            }
        }
        return m
    }

    private func structFields(_ members: [(key: String, value: JSONValue)], type: MessageDescriptor, path: String, depth: Int) throws(ProtoJSONError) -> [ProtoValue: ProtoValue] {
        let valueType = pool.messageType(of: pool.messageType(of: type.field(number: 1)!).field(number: 2)!)
        var map: [ProtoValue: ProtoValue] = [:]
        for (k, v) in members {
            let entryPath = path + "[\"\(k)\"]"
            guard map[.string(k)] == nil else { throw ProtoJSONError(path: entryPath, reason: "key given more than once") }
            map[.string(k)] = .message(try decodeMessage(v, type: valueType, path: entryPath, depth: depth + 1))
        }
        return map
    }

    func decodeAny(_ json: JSONValue, type: MessageDescriptor, path: String, depth: Int) throws(ProtoJSONError) -> DynamicMessage {
        guard case .object(let members) = json else { throw ProtoJSONError(path: path, reason: "expected an object for Any, got \(json.kindName)") }
        var m = DynamicMessage(descriptor: type)
        if members.isEmpty { return m }
        guard let typeMember = members.first(where: { $0.key == "@type" }), case .string(let url) = typeMember.value else {
            throw ProtoJSONError(path: path, reason: "Any needs an \"@type\" string")
        }
        guard let inner = pool.message(forTypeURL: url) else {
            throw ProtoJSONError(path: path, reason: "Any names unknown type \"\(url)\"")
        }
        let rest = members.filter { $0.key != "@type" }
        let value: DynamicMessage
        if WellKnownType(rawValue: inner.fullName) != nil {
            guard rest.count == 1, rest[0].key == "value" else {
                throw ProtoJSONError(path: path, reason: "Any holding \(inner.fullName) takes exactly \"@type\" and \"value\"")
            }
            value = try decodeMessage(rest[0].value, type: inner, path: path, depth: depth + 1)
        } else {
            guard depth < options.maxDepth else { throw ProtoJSONError(path: path, reason: "messages nested too deeply") }
            var v = DynamicMessage(descriptor: inner)
            try decodeFields(rest, into: &v, path: path, depth: depth + 1)
            value = v
        }
        m.set(type.field(number: 1)!, .single(.string(url)))
        m.set(type.field(number: 2)!, .single(.bytes(value.serializedBytes())))
        return m
    }
}
