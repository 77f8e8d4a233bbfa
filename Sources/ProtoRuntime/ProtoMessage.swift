/// A protobuf message type. Generated code conforms to this; the runtime drives it.
///
/// Encoding is size-first: `encodedSize()` is exact, and `encode(to:)` writes exactly that many
/// bytes. Decoding merges: `decodeMessage(from:)` reads fields until the end of its input and
/// applies them on top of what `self` already holds.
public protocol ProtoMessage: Sendable, Hashable {
    init()

    /// The fully qualified protobuf name, e.g. `jiceng.v1.Task`.
    static var protoMessageName: String { get }

    /// The protobuf name of field `number`, for error messages; nil if there is no such field.
    static func protoFieldName(_ number: Int) -> String?

    /// Fields read from the wire that this type does not know, kept for re-encoding.
    var unknownFields: UnknownFields { get set }

    /// The exact number of bytes `encode(to:)` writes.
    func encodedSize() -> Int

    /// Writes every present field in field-number order, then the unknown fields.
    func encode(to encoder: inout BinaryEncoder)

    /// Reads fields until the decoder's current limit and merges them into `self`.
    mutating func decodeMessage(from decoder: inout BinaryDecoder) throws(ProtoDecodingError)

    /// False when a proto2 `required` field (here or in a nested message) is missing.
    var isInitialized: Bool { get }
}

extension ProtoMessage {
    public static func protoFieldName(_ number: Int) -> String? { nil }
    public var isInitialized: Bool { true }

    /// The message in wire format, in one exactly sized allocation.
    @inlinable
    public func serializedBytes() -> [UInt8] {
        let size = encodedSize()
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            if size > 0 {
                var encoder = BinaryEncoder(unsafeBuffer: UnsafeMutableRawPointer(buffer.baseAddress!))
                encode(to: &encoder)
                precondition(encoder.bytesWritten == size, "\(Self.protoMessageName): encodedSize() disagrees with encode(to:)")
            }
            count = size
        }
    }

    /// Decodes a message from wire format.
    @inlinable
    public init(serializedBytes bytes: some ContiguousBytesProvider, options: DecodingOptions = .default) throws(ProtoDecodingError) {
        self.init()
        try merge(serializedBytes: bytes, options: options)
    }

    /// Decodes wire format on top of the fields this message already has.
    @inlinable
    public mutating func merge(serializedBytes bytes: some ContiguousBytesProvider, options: DecodingOptions = .default) throws(ProtoDecodingError) {
        let result: Result<Void, ProtoDecodingError> = bytes.withUnsafeRawBytes { raw in
            var decoder = BinaryDecoder(unsafeBuffer: raw, options: options)
            do throws(ProtoDecodingError) {
                try self.decodeMessage(from: &decoder)
                return .success(())
            } catch {
                var e = error.inside(Self.self, field: decoder.currentFieldNumber)
                e.messageName = Self.protoMessageName
                return .failure(e)
            }
        }
        try result.get()
    }
}

/// Anything that can lend its bytes contiguously for decoding (`[UInt8]`, `ArraySlice<UInt8>`,
/// `UnsafeRawBufferPointer`).
public protocol ContiguousBytesProvider {
    func withUnsafeRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: ContiguousBytesProvider where Element == UInt8 {
    @inlinable
    public func withUnsafeRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension ArraySlice: ContiguousBytesProvider where Element == UInt8 {
    @inlinable
    public func withUnsafeRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension UnsafeRawBufferPointer: ContiguousBytesProvider {
    @inlinable
    public func withUnsafeRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(self)
    }
}

/// A protobuf enum. Open (proto3) enums keep unknown numbers in an `unrecognized` case; closed
/// (proto2) enums have a failable `init(rawValue:)` and unknown numbers go to unknown fields.
public protocol ProtoEnum: Sendable, Hashable, RawRepresentable where RawValue == Int32 {
    /// The fully qualified protobuf name, e.g. `jiceng.v1.TaskState`.
    static var protoEnumName: String { get }
}
