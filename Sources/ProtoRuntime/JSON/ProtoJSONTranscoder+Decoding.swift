// JSON → message. Strict: wrong JSON types, out-of-range numbers, unknown names and duplicate
// fields are errors naming the field path.

extension ProtoJSONTranscoder {
    func decodeMessage(_ json: JSONValue, type: MessageDescriptor, path: String, depth: Int) throws(ProtoJSONError) -> DynamicMessage {
        guard depth <= options.maxDepth else { throw ProtoJSONError(path: path, reason: "messages nested too deeply") }
        if let wkt = WellKnownType(rawValue: type.fullName) {
            return try decodeWellKnown(wkt, json, type: type, path: path, depth: depth)
        }
        guard case .object(let members) = json else {
            throw ProtoJSONError(path: path, reason: "expected an object for \(type.fullName), got \(json.kindName)")
        }
        var m = DynamicMessage(descriptor: type)
        try decodeFields(members, into: &m, path: path, depth: depth)
        return m
    }

    func decodeFields(_ members: [(key: String, value: JSONValue)], into m: inout DynamicMessage, path: String, depth: Int) throws(ProtoJSONError) {
        var seen: Set<Int> = []
        var oneofsSet: [Int: String] = [:]
        for (key, value) in members {
            guard let field = m.descriptor.field(named: key) else {
                if options.ignoreUnknownFields { continue }
                throw ProtoJSONError(path: path, reason: "unknown field \"\(key)\" in \(m.descriptor.fullName)")
            }
            let fieldPath = path.appendingField(field.name)
            guard seen.insert(field.number).inserted else {
                throw ProtoJSONError(path: fieldPath, reason: "field given more than once")
            }
            // null means "not set", except where null is itself the value (Value, NullValue).
            if case .null = value, !acceptsNull(field) { continue }
            if let oneof = field.oneofIndex {
                if let other = oneofsSet[oneof] {
                    throw ProtoJSONError(path: fieldPath, reason: "oneof \(m.descriptor.oneofs[oneof].name) already set by \(other)")
                }
                oneofsSet[oneof] = field.name
            }
            if field.isMap {
                guard case .object(let entries) = value else {
                    throw ProtoJSONError(path: fieldPath, reason: "expected an object for a map, got \(value.kindName)")
                }
                let entryType = pool.messageType(of: field)
                let keyField = entryType.field(number: 1)!
                let valueField = entryType.field(number: 2)!
                var map: [ProtoValue: ProtoValue] = [:]
                for (k, v) in entries {
                    let entryPath = fieldPath + "[\"\(k)\"]"
                    let key = try decodeMapKey(k, keyField, path: entryPath)
                    guard map[key] == nil else { throw ProtoJSONError(path: entryPath, reason: "map key given more than once") }
                    guard let parsed = try decodeValue(v, valueField, path: entryPath, depth: depth) else { continue }
                    map[key] = parsed
                }
                m.set(field, .map(map))
            } else if field.isRepeated {
                guard case .array(let items) = value else {
                    throw ProtoJSONError(path: fieldPath, reason: "expected an array, got \(value.kindName)")
                }
                var values: [ProtoValue] = []
                values.reserveCapacity(items.count)
                for (i, item) in items.enumerated() {
                    let itemPath = fieldPath + "[\(i)]"
                    if case .null = item, !acceptsNull(field) {
                        throw ProtoJSONError(path: itemPath, reason: "null is not allowed in a repeated field")
                    }
                    if let v = try decodeValue(item, field, path: itemPath, depth: depth) { values.append(v) }
                }
                m.set(field, .repeated(values))
            } else if let v = try decodeValue(value, field, path: fieldPath, depth: depth) {
                m.set(field, .single(v))
            }
        }
    }

    /// Whether JSON null is a value of the field's type rather than "unset".
    func acceptsNull(_ field: FieldDescriptor) -> Bool {
        (field.type == .message && field.typeName == WellKnownType.value.rawValue)
            || (field.type == .enum && field.typeName == "google.protobuf.NullValue")
    }

    /// One value of `field`'s type; nil when an unknown enum name is skipped.
    func decodeValue(_ json: JSONValue, _ field: FieldDescriptor, path: String, depth: Int) throws(ProtoJSONError) -> ProtoValue? {
        switch field.type {
        case .int32, .sint32, .sfixed32:
            return .int32(Int32(try integer(json, min: Int64(Int32.min), max: Int64(Int32.max), path: path)))
        case .int64, .sint64, .sfixed64:
            return .int64(try integer(json, min: .min, max: .max, path: path))
        case .uint32, .fixed32:
            return .uint32(UInt32(try unsigned(json, max: UInt64(UInt32.max), path: path)))
        case .uint64, .fixed64:
            return .uint64(try unsigned(json, max: .max, path: path))
        case .float:
            let d = try floatingPoint(json, path: path)
            let f = Float(d)
            if d.isFinite && !f.isFinite { throw ProtoJSONError(path: path, reason: "\(json.text) is out of range for float") }
            return .float(f)
        case .double:
            return .double(try floatingPoint(json, path: path))
        case .bool:
            guard case .bool(let b) = json else { throw ProtoJSONError(path: path, reason: "expected true or false, got \(json.kindName)") }
            return .bool(b)
        case .string:
            guard case .string(let s) = json else { throw ProtoJSONError(path: path, reason: "expected a string, got \(json.kindName)") }
            return .string(s)
        case .bytes:
            guard case .string(let s) = json, let b = Base64.decode(s) else {
                throw ProtoJSONError(path: path, reason: "expected base64 bytes, got \(json.kindName)")
            }
            return .bytes(b)
        case .enum:
            let e = pool.enumType(of: field)
            switch json {
            case .null where e.fullName == "google.protobuf.NullValue":
                return .enumNumber(0)
            case .string(let name):
                if let n = e.number(of: name) { return .enumNumber(n) }
                if options.ignoreUnknownFields { return nil }
                throw ProtoJSONError(path: path, reason: "\"\(name)\" is not a value of \(e.fullName)")
            case .number:
                let n = Int32(try integer(json, min: Int64(Int32.min), max: Int64(Int32.max), path: path))
                if e.isClosed && e.name(of: n) == nil {
                    throw ProtoJSONError(path: path, reason: "\(n) is not a value of \(e.fullName)")
                }
                return .enumNumber(n)
            default:
                throw ProtoJSONError(path: path, reason: "expected an enum name or number, got \(json.kindName)")
            }
        case .message, .group:
            return .message(try decodeMessage(json, type: pool.messageType(of: field), path: path, depth: depth + 1))
        }
    }

    func decodeMapKey(_ text: String, _ keyField: FieldDescriptor, path: String) throws(ProtoJSONError) -> ProtoValue {
        switch keyField.type {
        case .string: return .string(text)
        case .bool:
            switch text {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw ProtoJSONError(path: path, reason: "map key \"\(text)\" is not a bool")
            }
        default:
            // Integer keys are written as strings; parse them like quoted integers.
            guard let v = try decodeValue(.string(text), keyField, path: path, depth: 0) else {
                throw ProtoJSONError(path: path, reason: "invalid map key \"\(text)\"")
            }
            return v
        }
    }

    // MARK: Numbers

    /// The text of a number given as a JSON number or a JSON string.
    private func numberText(_ json: JSONValue, path: String) throws(ProtoJSONError) -> String {
        switch json {
        case .number(let t): return t
        case .string(let t):
            // A quoted number must itself be a JSON number, with no padding.
            guard case .number(let n)? = try? JSONValue.parse(t, maxDepth: 1), n == t else {
                throw ProtoJSONError(path: path, reason: "\"\(t)\" is not a number")
            }
            return t
        default: throw ProtoJSONError(path: path, reason: "expected a number, got \(json.kindName)")
        }
    }

    func integer(_ json: JSONValue, min: Int64, max: Int64, path: String) throws(ProtoJSONError) -> Int64 {
        let t = try numberText(json, path: path)
        if let v = Int64(t) {
            guard v >= min && v <= max else { throw ProtoJSONError(path: path, reason: "\(t) is out of range") }
            return v
        }
        // 1e3 and 5.0 are integers too; anything fractional or beyond 64 bits is not.
        guard let d = Double(t), d.rounded() == d, d >= -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else {
            throw ProtoJSONError(path: path, reason: "\(t) is not an integer in range")
        }
        let v = Int64(d)
        guard v >= min && v <= max else { throw ProtoJSONError(path: path, reason: "\(t) is out of range") }
        return v
    }

    func unsigned(_ json: JSONValue, max: UInt64, path: String) throws(ProtoJSONError) -> UInt64 {
        let t = try numberText(json, path: path)
        if let v = UInt64(t) {
            guard v <= max else { throw ProtoJSONError(path: path, reason: "\(t) is out of range") }
            return v
        }
        if t.hasPrefix("-"), let v = Int64(t), v < 0 { throw ProtoJSONError(path: path, reason: "\(t) is out of range") }
        guard let d = Double(t), d.rounded() == d, d >= 0, d < 18_446_744_073_709_551_616.0 else {
            throw ProtoJSONError(path: path, reason: "\(t) is not an unsigned integer in range")
        }
        let v = UInt64(d)
        guard v <= max else { throw ProtoJSONError(path: path, reason: "\(t) is out of range") }
        return v
    }

    func floatingPoint(_ json: JSONValue, path: String) throws(ProtoJSONError) -> Double {
        if case .string(let s) = json {
            switch s {
            case "NaN": return .nan
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            default: break
            }
        }
        let t = try numberText(json, path: path)
        guard let d = Double(t), d.isFinite else { throw ProtoJSONError(path: path, reason: "\(t) is out of range") }
        return d
    }
}

extension JSONValue {
    /// "a string", "an object"… for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a bool"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Short text of a scalar for error messages.
    var text: String {
        switch self {
        case .number(let t): t
        case .string(let s): "\"\(s)\""
        default: kindName
        }
    }
}
