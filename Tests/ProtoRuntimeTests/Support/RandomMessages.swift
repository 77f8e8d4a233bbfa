import ProtoRuntime

/// A small deterministic generator (SplitMix64), so every failure names a reproducible seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random but valid messages of any type in a pool: every value is one proto3 JSON can carry
/// (timestamps and durations in range, Values with a kind, Any holding a known type), so a
/// message must survive binary → JSON → binary in any conforming implementation.
struct RandomMessages {
    let pool: DescriptorPool
    var rng: SeededGenerator
    var maxDepth = 3
    /// libprotobuf-c treats -0.0 as zero and drops it from fields without presence, where C++,
    /// upb and we keep it; its test turns -0.0 off.
    var negativeZero = true

    /// Types an `Any` may carry in generated messages.
    static let anyPayloadTypes = ["jicengtest.Scalars", "google.protobuf.Timestamp", "google.protobuf.Duration",
                                  "google.protobuf.Struct", "google.rpc.Status"]

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

    mutating func message(_ type: MessageDescriptor, depth: Int = 0) -> DynamicMessage {
        if let special = wellKnown(type, depth: depth) { return special }
        var m = DynamicMessage(descriptor: type)
        var oneofChosen: Set<Int> = []
        for field in type.fields.shuffled(using: &rng) {
            guard chance(60) else { continue }
            let isMessage = field.type == .message || field.type == .group
            if isMessage && depth >= maxDepth { continue }
            if let o = field.oneofIndex {
                guard oneofChosen.insert(o).inserted else { continue }
            }
            if field.isMap {
                let entry = pool.message(named: field.typeName)!
                var map: [ProtoValue: ProtoValue] = [:]
                for _ in 0..<Int.random(in: 0...3, using: &rng) {
                    map[value(entry.field(number: 1)!, depth: depth)] = value(entry.field(number: 2)!, depth: depth)
                }
                m.set(field, .map(map))
            } else if field.isRepeated {
                m.set(field, .repeated((0..<Int.random(in: 0...4, using: &rng)).map { _ in value(field, depth: depth) }))
            } else {
                m.set(field, .single(value(field, depth: depth)))
            }
        }
        return m
    }

    mutating func value(_ field: FieldDescriptor, depth: Int) -> ProtoValue {
        switch field.type {
        case .int32, .sint32, .sfixed32: .int32(chance(30) ? [0, 1, -1, .min, .max].randomElement(using: &rng)! : Int32.random(in: -1000...1000, using: &rng))
        case .int64, .sint64, .sfixed64: .int64(chance(50) ? [0, -1, .min, .max, 1 << 53 + 1].randomElement(using: &rng)! : Int64.random(in: .min ... .max, using: &rng))
        case .uint32, .fixed32: .uint32(chance(30) ? [0, .max].randomElement(using: &rng)! : UInt32.random(in: 0...100_000, using: &rng))
        case .uint64, .fixed64: .uint64(chance(50) ? [0, .max, 1 << 63].randomElement(using: &rng)! : UInt64.random(in: 0 ... .max, using: &rng))
        case .float: .float(negativeZero ? float() : float() + 0)
        case .double: .double(negativeZero ? double() : double() + 0)
        case .bool: .bool(Bool.random(using: &rng))
        case .string: .string(string())
        case .bytes: .bytes((0..<Int.random(in: 0...9, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        case .enum:
            enumValue(pool.enumType(named: field.typeName)!)
        case .message, .group:
            .message(message(pool.message(named: field.typeName)!, depth: depth + 1))
        }
    }

    mutating func enumValue(_ e: EnumDescriptor) -> ProtoValue {
        if !e.isClosed && e.fullName != "google.protobuf.NullValue" && chance(10) {
            return .enumNumber(Int32.random(in: 100...200, using: &rng))
        }
        return .enumNumber(e.values.randomElement(using: &rng)!.number)
    }

    mutating func float() -> Float {
        if chance(10) { return [.infinity, -.infinity, .nan, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude].randomElement(using: &rng)! }
        if chance(50) { return Float(Int.random(in: -100...100, using: &rng)) / 8 }
        while true {
            let f = Float(bitPattern: UInt32.random(in: 0 ... .max, using: &rng))
            if !f.isNaN { return f }
        }
    }

    mutating func double() -> Double {
        if chance(10) { return [.infinity, -.infinity, .nan, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude].randomElement(using: &rng)! }
        if chance(50) { return Double(Int.random(in: -100_000...100_000, using: &rng)) / 64 }
        return finiteDouble()
    }

    mutating func finiteDouble() -> Double {
        while true {
            let d = Double(bitPattern: UInt64.random(in: 0 ... .max, using: &rng))
            if d.isFinite { return d }
        }
    }

    mutating func string() -> String {
        let alphabet: [String] = ["a", "Z", "0", " ", "网", "格", "街道", "😀", "\"", "\\", "\n", "\t", "\u{01}", "\u{7F}", "é", "/", "<"]
        return (0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
    }

    mutating func identifier() -> String {
        let words = ["title", "accept_deadline", "a", "org_unit_id", "x2"]
        return (0..<Int.random(in: 1...2, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: ".")
    }

    private mutating func set(_ m: inout DynamicMessage, _ number: Int, _ v: ProtoValue) {
        m.set(m.descriptor.field(number: number)!, .single(v))
    }

    mutating func nanos() -> Int32 {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: 0
        case 1: Int32.random(in: 0...999, using: &rng) * 1_000_000
        case 2: Int32.random(in: 0...999_999, using: &rng) * 1000
        default: Int32.random(in: 0...999_999_999, using: &rng)
        }
    }

    mutating func wellKnown(_ type: MessageDescriptor, depth: Int) -> DynamicMessage? {
        var m = DynamicMessage(descriptor: type)
        switch type.fullName {
        case "google.protobuf.Timestamp":
            set(&m, 1, .int64(Int64.random(in: -62_135_596_800...253_402_300_799, using: &rng)))
            set(&m, 2, .int32(nanos()))
        case "google.protobuf.Duration":
            let seconds = Int64.random(in: -315_576_000_000...315_576_000_000, using: &rng)
            let n = nanos()
            set(&m, 1, .int64(seconds))
            set(&m, 2, .int32(seconds < 0 || (seconds == 0 && chance(50)) ? -n : n))
        case "google.protobuf.FieldMask":
            m.set(type.field(number: 1)!, .repeated((0..<Int.random(in: 0...3, using: &rng)).map { _ in .string(identifier()) }))
        case "google.protobuf.Value":
            let kind = depth >= maxDepth ? Int.random(in: 1...4, using: &rng) : Int.random(in: 1...6, using: &rng)
            switch kind {
            case 1: set(&m, 1, .enumNumber(0))
            case 2: set(&m, 2, .double(chance(50) ? Double(Int.random(in: -50...50, using: &rng)) : finiteDouble()))
            case 3: set(&m, 3, .string(string()))
            case 4: set(&m, 4, .bool(Bool.random(using: &rng)))
            case 5: set(&m, 5, .message(message(pool.message(named: "google.protobuf.Struct")!, depth: depth + 1)))
            default: set(&m, 6, .message(message(pool.message(named: "google.protobuf.ListValue")!, depth: depth + 1)))
            }
        case "google.protobuf.Any":
            if chance(10) { return m }
            let name = Self.anyPayloadTypes.randomElement(using: &rng)!
            let inner = message(pool.message(named: name)!, depth: depth + 1)
            set(&m, 1, .string("type.googleapis.com/" + name))
            set(&m, 2, .bytes(inner.serializedBytes()))
        default:
            return nil
        }
        return m
    }
}
