// Message → JSON.

/// The well-known types whose JSON form is not a plain object of their fields.
enum WellKnownType: String {
    case any = "google.protobuf.Any"
    case timestamp = "google.protobuf.Timestamp"
    case duration = "google.protobuf.Duration"
    case fieldMask = "google.protobuf.FieldMask"
    case structValue = "google.protobuf.Struct"
    case value = "google.protobuf.Value"
    case listValue = "google.protobuf.ListValue"
    case doubleValue = "google.protobuf.DoubleValue"
    case floatValue = "google.protobuf.FloatValue"
    case int64Value = "google.protobuf.Int64Value"
    case uint64Value = "google.protobuf.UInt64Value"
    case int32Value = "google.protobuf.Int32Value"
    case uint32Value = "google.protobuf.UInt32Value"
    case boolValue = "google.protobuf.BoolValue"
    case stringValue = "google.protobuf.StringValue"
    case bytesValue = "google.protobuf.BytesValue"

    var isWrapper: Bool {
        switch self {
        case .doubleValue, .floatValue, .int64Value, .uint64Value, .int32Value, .uint32Value, .boolValue, .stringValue, .bytesValue: true
        default: false
        }
    }
}

extension ProtoJSONTranscoder {
    func encodeMessage(_ m: DynamicMessage, path: String, depth: Int) throws(ProtoJSONError) -> JSONValue {
        guard depth <= options.maxDepth else { throw ProtoJSONError(path: path, reason: "messages nested too deeply") }
        if let wkt = WellKnownType(rawValue: m.descriptor.fullName) {
            return try encodeWellKnown(wkt, m, path: path, depth: depth)
        }
        return .object(try encodeFields(m, path: path, depth: depth))
    }

    func encodeFields(_ m: DynamicMessage, path: String, depth: Int) throws(ProtoJSONError) -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = []
        for field in m.descriptor.fieldsInNumberOrder {
            let name = options.preserveProtoFieldNames ? field.name : field.jsonName
            let fieldPath = path.appendingField(field.name)
            if let value = m.fields[field.number] {
                members.append((name, try encodeFieldValue(field, value, path: fieldPath, depth: depth)))
            } else if options.emitDefaultValues && !field.hasPresence {
                if field.isMap {
                    members.append((name, .object([])))
                } else if field.isRepeated {
                    members.append((name, .array([])))
                } else {
                    members.append((name, try encodeValue(field.type, field, ProtoValue.defaultValue(of: field, pool: pool), path: fieldPath, depth: depth)))
                }
            }
        }
        return members
    }

    func encodeFieldValue(_ field: FieldDescriptor, _ value: FieldValue, path: String, depth: Int) throws(ProtoJSONError) -> JSONValue {
        switch value {
        case .single(let v):
            return try encodeValue(field.type, field, v, path: path, depth: depth)
        case .repeated(let values):
            var items: [JSONValue] = []
            items.reserveCapacity(values.count)
            for (i, v) in values.enumerated() {
                items.append(try encodeValue(field.type, field, v, path: path + "[\(i)]", depth: depth))
            }
            return .array(items)
        case .map(let entries):
            let entryType = pool.messageType(of: field)
            let valueField = entryType.field(number: 2)!
            var members: [(key: String, value: JSONValue)] = []
            for (k, v) in entries.sorted(by: { $0.key.precedes($1.key) }) {
                let key = Self.mapKeyText(k)
                members.append((key, try encodeValue(valueField.type, valueField, v, path: path + "[\"\(key)\"]", depth: depth)))
            }
            return .object(members)
        }
    }

    static func mapKeyText(_ k: ProtoValue) -> String {
        switch k {
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        case .int32(let v): String(v)
        case .int64(let v): String(v)
        case .uint32(let v): String(v)
        case .uint64(let v): String(v)
        default: ""
        }
    }

    /// One value of a field of type `type` (`field` gives enum and message types).
    func encodeValue(_ type: Google_Protobuf_FieldDescriptorProto.TypeEnum, _ field: FieldDescriptor, _ v: ProtoValue, path: String, depth: Int) throws(ProtoJSONError) -> JSONValue {
        switch v {
        case .int32(let x): return .number(String(x))
        case .uint32(let x): return .number(String(x))
        case .int64(let x): return .string(String(x))
        case .uint64(let x): return .string(String(x))
        case .float(let x): return Self.encodeFloatingPoint(Double(x), text: Self.floatText(x))
        case .double(let x): return Self.encodeFloatingPoint(x, text: "\(x)")
        case .bool(let x): return .bool(x)
        case .string(let x): return .string(x)
        case .bytes(let x): return .string(Base64.encode(x))
        case .enumNumber(let n):
            let e = pool.enumType(of: field)
            if e.fullName == "google.protobuf.NullValue" { return .null }
            if let name = e.name(of: n) { return .string(name) }
            return .number(String(n))
        case .message(let m):
            return try encodeMessage(m, path: path, depth: depth + 1)
        }
    }

    /// The shortest text that reads back as `x`. Near the top of the float range the shortest
    /// text (3.4028235e+38) lies beyond Float.greatestFiniteMagnitude as a double, and parsers
    /// that range-check the double (Python's) refuse it; the double's own text avoids that.
    static func floatText(_ x: Float) -> String {
        let short = "\(x)"
        if let d = Double(short), abs(d) > Double(Float.greatestFiniteMagnitude) { return "\(Double(x))" }
        return short
    }

    static func encodeFloatingPoint(_ x: Double, text: String) -> JSONValue {
        if x.isNaN { return .string("NaN") }
        if x.isInfinite { return .string(x < 0 ? "-Infinity" : "Infinity") }
        return .number(text)
    }

    // MARK: Well-known types

    private func int64Field(_ m: DynamicMessage, _ number: Int) -> Int64 {
        if case .single(.int64(let v))? = m.fields[number] { return v }
        return 0
    }

    private func int32Field(_ m: DynamicMessage, _ number: Int) -> Int32 {
        if case .single(.int32(let v))? = m.fields[number] { return v }
        return 0
    }

    func encodeWellKnown(_ wkt: WellKnownType, _ m: DynamicMessage, path: String, depth: Int) throws(ProtoJSONError) -> JSONValue {
        switch wkt {
        case .timestamp:
            guard let s = TimestampFormat.format(seconds: int64Field(m, 1), nanos: int32Field(m, 2)) else {
                throw ProtoJSONError(path: path, reason: "timestamp out of range")
            }
            return .string(s)
        case .duration:
            guard let s = DurationFormat.format(seconds: int64Field(m, 1), nanos: int32Field(m, 2)) else {
                throw ProtoJSONError(path: path, reason: "duration out of range")
            }
            return .string(s)
        case .fieldMask:
            var paths: [String] = []
            if case .repeated(let values)? = m.fields[1] {
                for case .string(let p) in values {
                    let parts = p.split(separator: ".", omittingEmptySubsequences: false).map { FieldMaskFormat.jsonPath(String($0)) }
                    guard !parts.contains(where: { $0 == nil }) else {
                        throw ProtoJSONError(path: path, reason: "field mask path \"\(p)\" has no JSON form")
                    }
                    paths.append(parts.map { $0! }.joined(separator: "."))
                }
            }
            return .string(paths.joined(separator: ","))
        case .structValue:
            guard case .map(let entries)? = m.fields[1] else { return .object([]) }
            var members: [(key: String, value: JSONValue)] = []
            for (k, v) in entries.sorted(by: { $0.key.precedes($1.key) }) {
                guard case .string(let key) = k, case .message(let value) = v else { continue }
                members.append((key, try encodeMessage(value, path: path + "[\"\(key)\"]", depth: depth + 1)))
            }
            return .object(members)
        case .listValue:
            guard case .repeated(let values)? = m.fields[1] else { return .array([]) }
            var items: [JSONValue] = []
            for (i, v) in values.enumerated() {
                guard case .message(let value) = v else { continue }
                items.append(try encodeMessage(value, path: path + "[\(i)]", depth: depth + 1))
            }
            return .array(items)
        case .value:
            // A Value with no kind set has no JSON of its own; like Python's and C++'s
            // printers, write it as null rather than fail the whole message.
            guard let (number, kind) = m.fields.first, case .single(let v) = kind else { return .null }
            switch (number, v) {
            case (1, _): return .null
            case (2, .double(let x)):
                guard x.isFinite else { throw ProtoJSONError(path: path, reason: "google.protobuf.Value cannot hold \(x)") }
                return .number("\(x)")
            case (3, .string(let s)): return .string(s)
            case (4, .bool(let b)): return .bool(b)
            case (5, .message(let s)), (6, .message(let s)): return try encodeMessage(s, path: path, depth: depth + 1)
            default: throw ProtoJSONError(path: path, reason: "malformed google.protobuf.Value")
            }
        case .any:
            return try encodeAny(m, path: path, depth: depth)
        default:
            // Wrappers: the bare value of field 1.
            let field = m.descriptor.field(number: 1)!
            let v = m.fields[1].flatMap { if case .single(let v) = $0 { v } else { nil } } ?? ProtoValue.defaultValue(of: field, pool: pool)
            return try encodeValue(field.type, field, v, path: path, depth: depth)
        }
    }

    func encodeAny(_ m: DynamicMessage, path: String, depth: Int) throws(ProtoJSONError) -> JSONValue {
        var url = ""
        var bytes: [UInt8] = []
        if case .single(.string(let u))? = m.fields[1] { url = u }
        if case .single(.bytes(let b))? = m.fields[2] { bytes = b }
        if url.isEmpty && bytes.isEmpty { return .object([]) }
        guard let type = pool.message(forTypeURL: url) else {
            throw ProtoJSONError(path: path, reason: "Any holds unknown type \"\(url)\"")
        }
        let inner: DynamicMessage
        do {
            inner = try DynamicMessage(descriptor: type, serializedBytes: bytes, pool: pool)
        } catch {
            throw ProtoJSONError(path: path, reason: "Any holds an invalid \(type.fullName): \(error)")
        }
        var members: [(key: String, value: JSONValue)] = [("@type", .string(url))]
        if WellKnownType(rawValue: type.fullName) != nil {
            members.append(("value", try encodeMessage(inner, path: path, depth: depth + 1)))
        } else {
            guard depth < options.maxDepth else { throw ProtoJSONError(path: path, reason: "messages nested too deeply") }
            members += try encodeFields(inner, path: path, depth: depth + 1)
        }
        return .object(members)
    }
}
