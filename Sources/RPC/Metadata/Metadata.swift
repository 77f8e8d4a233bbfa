/// Call metadata: an ordered multi-map of lower-case keys to ASCII or binary values.
///
/// Keys ending in `-bin` carry binary values, base64-encoded on the wire; all other keys carry
/// printable ASCII. Order is kept as received (or added), and a key may repeat.
public struct Metadata: Sendable, Hashable, RandomAccessCollection {
    public enum Value: Sendable, Hashable {
        case string(String)
        case binary([UInt8])

        /// The value as it is sent on the wire (binary values base64-encoded, unpadded).
        public var wireValue: String {
            switch self {
            case .string(let s): s
            case .binary(let b): Base64.encode(b, padding: false)
            }
        }
    }

    public struct Entry: Sendable, Hashable {
        public let key: String
        public var value: Value
    }

    @usableFromInline var entries: [Entry]

    @inlinable
    public init() { entries = [] }

    /// Metadata holding the given ASCII pairs, in order.
    public init(_ pairs: KeyValuePairs<String, String>) {
        entries = []
        for (key, value) in pairs { add(key, value) }
    }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> Entry { entries[position] }

    /// True when `key` names a binary entry (ends in `-bin`).
    @inlinable
    public static func isBinaryKey(_ key: some StringProtocol) -> Bool {
        key.hasSuffix("-bin")
    }

    /// Adds an ASCII value. Keys are lower-cased, as HTTP/2 requires.
    public mutating func add(_ key: String, _ value: String) {
        entries.append(Entry(key: key.lowercased(), value: .string(value)))
    }

    /// Adds a binary value under a `-bin` key.
    public mutating func add(_ key: String, binary value: [UInt8]) {
        let key = key.lowercased()
        precondition(Metadata.isBinaryKey(key), "binary metadata keys must end in -bin: \(key)")
        entries.append(Entry(key: key, value: .binary(value)))
    }

    /// Replaces every value of `key` with one ASCII value.
    public mutating func replace(_ key: String, _ value: String) {
        removeAll(key)
        add(key, value)
    }

    public mutating func removeAll(_ key: String) {
        let key = key.lowercased()
        entries.removeAll { $0.key == key }
    }

    /// The first ASCII value of `key`.
    public func first(_ key: String) -> String? {
        let key = key.lowercased()
        for entry in entries where entry.key == key {
            if case .string(let s) = entry.value { return s }
        }
        return nil
    }

    /// Every ASCII value of `key`, in order.
    public func values(_ key: String) -> [String] {
        let key = key.lowercased()
        return entries.compactMap {
            guard $0.key == key, case .string(let s) = $0.value else { return nil }
            return s
        }
    }

    /// Every binary value of `key`, in order.
    public func binaryValues(_ key: String) -> [[UInt8]] {
        let key = key.lowercased()
        return entries.compactMap {
            guard $0.key == key, case .binary(let b) = $0.value else { return nil }
            return b
        }
    }

    /// Adds an entry read off the wire: `-bin` values are base64-decoded (padded or not).
    /// Returns false, adding nothing, when a binary value is not valid base64.
    @discardableResult
    public mutating func addWireValue(key: String, value: String) -> Bool {
        if Metadata.isBinaryKey(key) {
            guard let bytes = Base64.decode(value) else { return false }
            entries.append(Entry(key: key, value: .binary(bytes)))
        } else {
            entries.append(Entry(key: key, value: .string(value)))
        }
        return true
    }

    public mutating func append(contentsOf other: Metadata) {
        entries.append(contentsOf: other.entries)
    }

    /// Header names that belong to HTTP/2 or gRPC itself and never appear as user metadata.
    public static func isReservedKey(_ key: some StringProtocol) -> Bool {
        if key.hasPrefix(":") { return true }
        switch key {
        case "content-type", "te", "user-agent", "grpc-timeout", "grpc-encoding", "grpc-accept-encoding",
             "grpc-status", "grpc-message", "grpc-status-details-bin", "content-length", "connection",
             "host", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade":
            return true
        default:
            return false
        }
    }
}
